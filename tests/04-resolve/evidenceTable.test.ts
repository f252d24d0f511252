/** The evidence table in columns: rows in id order, one per id, quotes re-sliced from the text. */
import { describe, expect, it } from "vitest"
import { evidenceBuilder } from "../../pipeline/04-resolve/evidenceTable.js"
import { deriveId } from "../../schemas/ids.js"

const text = "The minister met 😀 envoys in Astana; the envoys left."
const src = {
  sourceId: "src_0000000000000001",
  textSha256: "ab".repeat(32),
  text
}
// code-point offsets: the emoji is one code point and two UTF-16 units
const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length
const span = (s: string) => ({
  start: cp(s),
  end: cp(s) + [...s].length,
  quote: s
})

describe("the evidence table", () => {
  const b = evidenceBuilder()
  const add = (rowId: string, quote: string, method: string, confidence = 0.9) =>
    b.add(
      deriveId("evd", rowId, src.sourceId, span(quote).start, span(quote).end, method),
      rowId,
      "entities",
      src,
      span(quote),
      method,
      confidence
    )
  add("ent_a", "minister", "m1")
  add("ent_b", "Astana", "m1")
  add("ent_c", "envoys left", "m2")
  add("ent_a", "minister", "m1", 0.1) // the same id again: the first one stays
  b.add(
    deriveId("evd", "evt_x", src.sourceId, 0, 3, "m3"),
    "evt_x",
    "events",
    src,
    { start: 0, end: 3, quote: "The" },
    "m3",
    0.5,
    {
      reported_date: "2025-11",
      reported_precision: "month",
      reported_modality: "planned",
      conflict: true
    }
  )
  const t = b.finish()

  it("has one row per id, in id order", () => {
    const ids = [...t].map((r) => r.evidence_id)
    expect(ids).toEqual([...new Set(ids)].sort())
    expect(t.length).toBe(4)
    expect([...t].find((r) => r.row_id === "ent_a")!.confidence).toBe(0.9)
  })

  it("gives each row its quote from the text, past characters outside the BMP", () => {
    for (const r of t) expect([...text].slice(r.char_start, r.char_end).join("")).toBe(r.quote)
    expect([...t].map((r) => r.quote).sort()).toEqual(["Astana", "The", "envoys left", "minister"])
  })

  it("keeps the event report's columns", () => {
    const e = [...t].find((r) => r.row_table === "events")!
    expect(e).toMatchObject({
      reported_date: "2025-11",
      reported_precision: "month",
      reported_modality: "planned",
      conflict: true,
      method: "m3"
    })
    const n = [...t].find((r) => r.row_table === "entities")!
    expect(n).toMatchObject({
      reported_date: null,
      reported_precision: null,
      reported_modality: null,
      conflict: false
    })
  })

  it("reads the same by position, by column, by row id and as JSON", () => {
    const rows = [...t]
    expect(Array.from({ length: t.length }, (_, i) => t.at(i))).toEqual(rows)
    expect(t.at(t.length)).toBeUndefined()
    expect(t.column("quote")).toEqual(rows.map((r) => r.quote))
    expect(t.column("conflict")).toEqual(rows.map((r) => r.conflict))
    expect(
      t
        .byRowId()
        .get("evt_x")!
        .map((k) => t.at(k)!.quote)
    ).toEqual(["The"])
    expect(JSON.parse(JSON.stringify(t))).toEqual(rows)
  })

  it("formats each cell from its column as from its row, and gives each column's distinct values", () => {
    const rows = [...t]
    const names = Object.keys(rows[0]!) as Array<keyof (typeof rows)[number]>
    for (const name of names) {
      let calls = 0
      const cell = t.cellFormatter(name, (v) => {
        calls++
        return JSON.stringify(v)
      })
      expect(
        rows.map((_, k) => cell(k)),
        name
      ).toEqual(rows.map((r) => JSON.stringify(r[name])))
      // a repeated value is formatted once (row ids, methods, sources, the version)
      if (name === "source_id" || name === "pipeline_version" || name === "method" || name === "row_table")
        expect(calls, name).toBe(new Set(rows.map((r) => r[name])).size)
      expect(new Set(t.distinctValues(name)), name).toEqual(new Set(rows.map((r) => r[name])))
      expect([...t.distinctValues(name)].length, name).toBe(
        name === "quote" ||
          name === "evidence_id" ||
          name === "char_start" ||
          name === "char_end" ||
          name === "confidence"
          ? rows.length
          : new Set(rows.map((r) => r[name])).size
      )
    }
  })

  it("keeps a quote that is not its span of the text as given", () => {
    const odd = evidenceBuilder()
    odd.add(deriveId("evd", "ent_y", src.sourceId, 4, 12, "m"), "ent_y", "entities", src, span("minister"), "m", 1)
    odd.add(
      deriveId("evd", "ent_z", src.sourceId, 0, 3, "m"),
      "ent_z",
      "entities",
      src,
      { start: 0, end: 3, quote: "XYZ" },
      "m",
      1
    )
    const table = odd.finish()
    // wherever the sort puts it
    expect([...table].map((r) => [r.row_id, r.quote]).sort()).toEqual([
      ["ent_y", "minister"],
      ["ent_z", "XYZ"]
    ])
    expect(new Set(table.distinctValues("quote"))).toEqual(new Set(["minister", "XYZ"]))
  })

  it("grows past its first capacity", () => {
    const big = evidenceBuilder()
    for (let i = 0; i < 10_000; i++)
      big.add(
        deriveId("evd", `ent_${i}`, src.sourceId, 0, 3, "m"),
        `ent_${i}`,
        "entities",
        src,
        { start: 0, end: 3, quote: "The" },
        "m",
        1
      )
    const bt = big.finish()
    expect(bt.length).toBe(10_000)
    expect(new Set(bt.column("row_id")).size).toBe(10_000)
  })
})
