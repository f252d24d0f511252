/** CSV written in pieces has the bytes of the CSV written at once. */
import { describe, expect, it } from "vitest"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { toCsv, toCsvBytes } from "../../pipeline/05-publish/csv.js"

describe("toCsvBytes", () => {
  it("equals toCsv on a table of more rows than one piece, with quotes, commas and line breaks in cells", () => {
    const def = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>
    const rows = Array.from({ length: 25_003 }, (_, i) => ({
      relation_id: `rel_${i.toString(16).padStart(16, "0")}`,
      predicate: "holds_position",
      subject_id: "ent_0123456789abcdef",
      object_id: "ent_0123456789abcdef",
      role_title: i % 3 === 0 ? null : i % 3 === 1 ? `Minister, "first" ${i}` : `line\r\nbreak ${i}`,
      source_count: i,
      confidence: 0.5
    }))
    expect(Buffer.from(toCsvBytes(def, rows)).toString("utf8")).toBe(toCsv(def, rows))
    expect(Buffer.from(toCsvBytes(def, rows.slice(0, 20_000))).toString("utf8")).toBe(toCsv(def, rows.slice(0, 20_000)))
  })
})
