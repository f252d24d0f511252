/** Two CSV files compared by shared runs of bytes give the changes the row-by-row comparison gives. */

import { writeFileSync } from "node:fs"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { toCsv } from "../../pipeline/05-publish/csv.js"
import { csvFileChanges } from "../../pipeline/diff/csvFileDiff.js"
import { diffTables } from "../../pipeline/diff/diff.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { tmpDir } from "../lib/tmp.js"

const relations = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>
const fields = Object.keys(relations.columns)
const text = fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\r", "\n", "\r\n", "é", "𝔸", "1"), maxLength: 12 })
const row = fc.record({
  role_title: fc.oneof(fc.constant(null), text),
  predicate: fc.constantFrom("p", "q", "member of"),
  source_count: fc.nat(3),
  confidence: fc.constantFrom(0.5, 1)
})
/** A table: ids drawn from a small pool (so both sides share many), each with a row; and the other side's edits. */
const pair = fc
  .record({
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
    rows: fc.array(row, { minLength: 61, maxLength: 61 }),
    edits: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom("drop", "add", "change"), row), {
      maxLength: 8
    })
  })
  .map(({ ids, rows, edits }) => {
    const before = new Map(ids.map((i) => [i, rows[i]!]))
    const after = new Map(before)
    for (const [i, what, r] of edits) {
      if (what === "drop") after.delete(i)
      else if (what === "add" || after.has(i)) after.set(i, r)
    }
    const table = (m: Map<number, (typeof rows)[number]>) =>
      [...m.keys()]
        .sort((x, y) => x - y)
        .map((i) => ({
          relation_id: `rel_${String(i).padStart(3, "0")}`,
          subject_id: "ent_a",
          object_id: "ent_b",
          ...m.get(i)!
        }))
    return [table(before), table(after)] as const
  })

describe("csvFileChanges", () => {
  it("equals the comparison of the rows by id (CSV texts) on random table pairs, for windows of 2 bytes to 4 MB", () => {
    const dir = tmpDir()
    let n = 0
    fc.assert(
      fc.property(pair, fc.constantFrom(2, 3, 7, 64, 1 << 22), ([before, after], chunk) => {
        const [a, b] = [toCsv(relations, before), toCsv(relations, after)]
        const [pa, pb] = [join(dir, `a${n}.csv`), join(dir, `b${n++}.csv`)]
        writeFileSync(pa, a)
        writeFileSync(pb, b)
        const expected = diffTables(
          { version: "1", tables: new Map([["relations", a]]) },
          { version: "2", tables: new Map([["relations", b]]) }
        ).tables.relations
        expect(csvFileChanges(pa, pb, fields, chunk)).toEqual(expected)
      }),
      { numRuns: 400 }
    )
  })

  it("gives null for a record out of key order (the caller then compares otherwise), and handles a last record without a line break", () => {
    const dir = tmpDir()
    const r = (id: string, predicate = "p") => ({
      relation_id: id,
      subject_id: "ent_a",
      object_id: "ent_b",
      predicate,
      role_title: null,
      source_count: 1,
      confidence: 0.5
    })
    // the last record without its line break
    const csv = (rows: Array<ReturnType<typeof r>>) => toCsv(relations, rows).slice(0, -2)
    writeFileSync(join(dir, "a.csv"), csv([r("rel_1"), r("rel_2"), r("rel_3")]))
    writeFileSync(join(dir, "b.csv"), csv([r("rel_1"), r("rel_3"), r("rel_2", "q")]))
    expect(csvFileChanges(join(dir, "a.csv"), join(dir, "b.csv"), fields, 8)).toBeNull()
    writeFileSync(join(dir, "c.csv"), csv([r("rel_1"), r("rel_2", "q"), r("rel_3")]))
    expect(csvFileChanges(join(dir, "a.csv"), join(dir, "c.csv"), fields, 8)).toEqual({
      added: [],
      removed: [],
      changed: [{ id: "rel_2", columns: ["predicate"] }]
    })
    expect(csvFileChanges(join(dir, "a.csv"), join(dir, "a.csv"), fields, 8)).toEqual({
      added: [],
      removed: [],
      changed: []
    })
  })
})
