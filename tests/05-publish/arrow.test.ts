/**
 * A large Arrow file (150,001 rows: dictionaries, nulls, lists, multi-byte text) reads back, by
 * arrow-js and by polars, as the rows written: two record batches, one dictionary per
 * categorical column shared by both.
 */

import { tableFromIPC } from "apache-arrow"
import fc from "fast-check"
import pl from "nodejs-polars"
import { describe, expect, it } from "vitest"
import { BATCH_ROWS, fromArrow, toArrow, utf8Buffers } from "../../pipeline/05-publish/arrow.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"

const entities = TABLES.find((t) => t.name === "entities")! as unknown as TableDef<Record<string, Column>>

describe("toArrow", () => {
  it("writes a large table that reads back row for row", () => {
    const types = ["person", "country", "organization"]
    const rows = Array.from({ length: 150_001 }, (_, i) => ({
      entity_id: `ent_${i.toString(16).padStart(16, "0")}`,
      entity_type: types[(i * 7) % 3],
      name: `Name ${i} – é`,
      aliases: i % 4 === 0 ? [] : [`A${i}`, `B ${i}`],
      iso_alpha2: i % 5 === 0 ? "KZ" : null,
      iso_alpha3: i % 5 === 0 ? "KAZ" : null,
      wikidata_qid: i % 3 === 0 ? `Q${i}` : null,
      gazetteer_key: null,
      detection: i % 2 === 0 ? "gazetteer" : "pattern",
      confidence: (i % 1000) / 1000,
      source_count: i % 17,
      mention_count: i % 101
    }))
    const bytes = toArrow(entities, rows, new Map())
    const back = fromArrow(bytes)
    expect(back.rows.length).toBe(rows.length)
    for (const i of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, 131_073, 150_000])
      expect(back.rows[i]).toEqual(rows[i])
    const t = tableFromIPC(bytes)
    expect(t.batches.map((b) => b.numRows)).toEqual([BATCH_ROWS, rows.length - BATCH_ROWS])
    // the second batch's dictionary is the first one's (a file may not replace a dictionary)
    expect(t.batches[1]!.getChild("entity_type")!.data[0]!.dictionary).toBe(
      t.batches[0]!.getChild("entity_type")!.data[0]!.dictionary
    )
    const df = pl.readIPC(Buffer.from(bytes))
    expect(df.height).toBe(rows.length)
    expect(df.getColumn("entity_type").toArray().slice(131_070, 131_074)).toEqual(
      rows.slice(131_070, 131_074).map((r) => r.entity_type)
    )
    expect(df.getColumn("iso_alpha3").nullCount()).toBe(rows.filter((r) => r.iso_alpha3 === null).length)
  })

  it("encodes a string column as each string's UTF-8 bytes end to end (runs of ASCII at once, any other run value by value)", () => {
    const one = fc.oneof(
      fc.constant(null),
      fc.constantFrom("", "evt_0123456789abcdef", "a,b", "é", "𝔸", "\ud800", "\udc00", "中文"),
      fc.string()
    )
    // a column longer than one run, with all-ASCII runs and runs holding other characters
    const column = fc
      .tuple(fc.array(one, { maxLength: 30 }), fc.nat({ max: 9000 }), fc.array(one, { maxLength: 30 }))
      .map(([a, n, b]) => [...a, ...Array.from({ length: n }, (_, i) => `id_${i}`), ...b])
    fc.assert(
      fc.property(column, (values) => {
        const { offsets, bytes } = utf8Buffers(values)
        const each = values.map((v) => Buffer.from(v ?? "", "utf8"))
        expect(Buffer.from(bytes).equals(Buffer.concat(each))).toBe(true)
        let at = 0
        expect([...offsets]).toEqual([0, ...each.map((b) => (at += b.length))])
      }),
      { numRuns: 60 }
    )
  })
})
