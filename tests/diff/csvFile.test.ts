/** A published CSV read record by record from disk gives papaparse's records, whatever the chunk size. */

import { writeFileSync } from "node:fs"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { csvLines, parseCsv, toCsv } from "../../pipeline/05-publish/csv.js"
import { csvFileLines, csvLineCells } from "../../pipeline/diff/csvFile.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { tmpDir } from "../lib/tmp.js"

const relations = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>
const cell = fc.oneof(
  fc.constant(null),
  fc.string({
    unit: fc.constantFrom("a", " ", ",", '"', "\r", "\n", "é", "𝔸", "-", "1")
  }),
  fc.string()
)
const rowsOf = fc.array(
  fc.record({
    role_title: cell,
    predicate: fc.string(),
    source_count: fc.nat(),
    confidence: fc.double({ min: 0, max: 1, noNaN: true })
  }),
  { maxLength: 12 }
)

describe("csvFileLines and csvLineCells", () => {
  it("give each record's line as the writer made it and its cells as papaparse reads them, for chunks of 2 bytes to 4 MB", () => {
    const dir = tmpDir()
    let n = 0
    fc.assert(
      fc.property(rowsOf, fc.constantFrom(2, 3, 7, 64, 1 << 22), (rs, chunk) => {
        const rows = rs.map((r, i) => ({
          relation_id: `rel_${i}`,
          subject_id: "ent_a",
          object_id: "ent_b",
          ...r
        }))
        const path = join(dir, `t${n++}.csv`)
        const text = toCsv(relations, rows)
        writeFileSync(path, text)
        const lines = [...csvFileLines(path, chunk)]
        expect(lines).toEqual([Object.keys(relations.columns).join(","), ...csvLines(relations, rows)])
        const parsed = parseCsv(text)
        expect(lines.slice(1).map(csvLineCells)).toEqual(parsed.rows.map((r) => parsed.fields.map((f) => r[f])))
      }),
      { numRuns: 300 }
    )
  })

  it("read a record longer than the buffer, and an empty file", () => {
    const dir = tmpDir()
    const long = {
      relation_id: "rel_1",
      subject_id: "ent_a",
      object_id: "ent_b",
      predicate: "p",
      role_title: `"${"x,\r\n".repeat(50)}"`,
      source_count: 1,
      confidence: 0.5
    }
    writeFileSync(join(dir, "long.csv"), toCsv(relations, [long, { ...long, relation_id: "rel_2" }]))
    const lines = [...csvFileLines(join(dir, "long.csv"), 16)]
    expect(lines).toHaveLength(3)
    expect(csvLineCells(lines[2]!)[4]).toBe(long.role_title)
    writeFileSync(join(dir, "empty.csv"), "")
    expect([...csvFileLines(join(dir, "empty.csv"), 16)]).toEqual([])
  })
})
