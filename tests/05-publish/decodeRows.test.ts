/** The compiled row check gives the table schemas' verdict on every column, for fitting and misfitting values. */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { evidenceBuilder } from "../../pipeline/04-resolve/evidenceTable.js"
import { cellCheck, rowCheck, rowViolations } from "../../pipeline/05-publish/decodeRows.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { deriveId } from "../../schemas/ids.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"

const probes: ReadonlyArray<unknown> = [
  null,
  undefined,
  "",
  "x",
  "src_0123456789abcdef",
  "evt_0123456789abcdef",
  "ent_0123456789ABCDEF",
  "src_0123456789abcde",
  "2025-11-06",
  "2025-11",
  "25-11-06",
  0,
  -0,
  1,
  0.5,
  -1,
  1.5,
  2_147_483_647,
  2_147_483_648,
  Number.NaN,
  Infinity,
  true,
  false,
  [],
  ["a", "b"],
  ["a", 1],
  {},
  "asserted",
  "meeting",
  "day",
  "actor",
  "gazetteer",
  "042",
  "CAMEO:042",
  "CAMEO:42x"
]

describe("row contracts", () => {
  it("the cell check agrees with each column's schema on every probe value", () => {
    for (const def of TABLES)
      for (const [name, c] of Object.entries((def as unknown as TableDef<Record<string, Column>>).columns)) {
        const is = Schema.is(c.schema as Schema.Schema<unknown>)
        const fits = cellCheck(c)
        const values = [...probes, ...(c.values ?? [])]
        expect(values.filter((v) => fits(v) !== is(v)).map((v) => [def.name, name, v])).toEqual([])
      }
  })

  it("a row with a missing or an extra column does not fit", () => {
    const def = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>
    const row = {
      relation_id: "rel_0123456789abcdef",
      predicate: "member_of",
      subject_id: "ent_0123456789abcdef",
      object_id: "ent_0123456789abcdef",
      role_title: null,
      source_count: 1,
      confidence: 0.5
    }
    const fits = rowCheck(def)
    expect(fits(row)).toBe(true)
    const { role_title: _r, ...missing } = row
    expect(fits(missing)).toBe(false)
    expect(fits({ ...row, extra: 1 })).toBe(false)
  })

  it("the evidence table, checked by its columns' distinct values, passes when every row fits and names the row that does not", () => {
    const text = "The envoy met the minister."
    const tables = (confidence: number, sourceId: string): ReleaseTables => {
      const src = { sourceId, textSha256: "ab".repeat(32), text }
      const b = evidenceBuilder()
      for (const [i, w] of ["envoy", "minister"].entries()) {
        const start = text.indexOf(w)
        b.add(
          deriveId("evd", w),
          "ent_0123456789abcdef",
          "entities",
          src,
          { start, end: start + w.length, quote: w },
          "entity.gazetteer.v1",
          i === 1 ? confidence : 0.9
        )
      }
      return {
        sources: [],
        entities: [],
        events: [],
        event_participants: [],
        relations: [],
        evidence: b.finish()
      }
    }
    expect(rowViolations(tables(0.5, "src_0123456789abcdef"))).toEqual([])
    const bad = rowViolations(tables(1.5, "src_0123456789abcdef"))
    expect(bad).toHaveLength(1)
    expect(bad[0]).toMatch(/^evidence\[\d\]\.confidence: /)
    expect(rowViolations(tables(0.5, "not an id"))).toEqual([
      expect.stringMatching(/^evidence\[0\]\.source_id: /),
      expect.stringMatching(/^evidence\[1\]\.source_id: /)
    ])
  })

  it("a text column the table says holds strings only is not read; every other column still is", () => {
    const def = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>
    const row: Record<string, unknown> = {
      relation_id: "rel_0123456789abcdef",
      predicate: "member_of",
      subject_id: "ent_0123456789abcdef",
      object_id: "ent_0123456789abcdef",
      role_title: "envoy",
      source_count: 1,
      confidence: 0.5
    }
    const read: Array<string> = []
    // a columnar table of one row whose role_title (a text column without a pattern) is said to hold strings only
    const relations = (said: "string" | undefined, values: Record<string, unknown>) => ({
      length: 1,
      at: (i: number) => (i === 0 ? values : undefined),
      [Symbol.iterator]: () => [values][Symbol.iterator](),
      distinctValues: (name: string) => {
        read.push(name)
        return [values[name]]
      },
      valueType: (name: string) => (name === "role_title" ? said : undefined)
    })
    const tablesWith = (rel: ReturnType<typeof relations>) =>
      ({
        sources: [],
        entities: [],
        events: [],
        event_participants: [],
        relations: rel,
        evidence: []
      }) as unknown as ReleaseTables
    expect(rowViolations(tablesWith(relations("string", row)))).toEqual([])
    expect(read).toEqual(Object.keys(def.columns).filter((k) => k !== "role_title"))
    read.length = 0
    expect(rowViolations(tablesWith(relations(undefined, row)))).toEqual([])
    expect(read).toEqual(Object.keys(def.columns))
    // an id column is read whatever the table says of it
    expect(rowViolations(tablesWith(relations("string", { ...row, subject_id: "not an id" })))).toEqual([
      expect.stringMatching(/^relations\[0\]\.subject_id: /)
    ])
  })

  it("the evidence table says its quotes are strings, and of no other column", () => {
    const text = "The envoy met the minister."
    const b = evidenceBuilder()
    b.add(
      deriveId("evd", "envoy"),
      "ent_0123456789abcdef",
      "entities",
      { sourceId: "src_0123456789abcdef", textSha256: "ab".repeat(32), text },
      { start: 4, end: 9, quote: "envoy" },
      "entity.gazetteer.v1",
      0.9
    )
    const t = b.finish()
    const evidence = TABLES.find((d) => d.name === "evidence")! as unknown as TableDef<Record<string, Column>>
    expect(Object.keys(evidence.columns).filter((k) => t.valueType(k as "quote") === "string")).toEqual(["quote"])
  })
})
