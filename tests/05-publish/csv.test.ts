/** CSV bytes: our writer quotes exactly as papaparse does, and writing in pieces changes no byte. */
import fc from "fast-check"
import Papa from "papaparse"
import { describe, expect, it } from "vitest"
import { csvCell, parseCsv, toCsv, toCsvBytes } from "../../pipeline/05-publish/csv.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"

const relations = TABLES.find((t) => t.name === "relations")! as unknown as TableDef<Record<string, Column>>

/** What the writer replaced: papaparse's unparse with the options the release used. */
const papa = (def: TableDef<Record<string, Column>>, rows: ReadonlyArray<Record<string, unknown>>) => {
  const fields = Object.keys(def.columns)
  const data = rows.map((r) => fields.map((f) => csvCell(def.columns[f]!, r[f])))
  return (
    Papa.unparse({ fields, data }, { quotes: false, newline: "\r\n", escapeFormulae: false, header: true }).replace(
      /(\r\n)+$/,
      ""
    ) + "\r\n"
  )
}

const cell = fc.oneof(
  fc.constant(null),
  fc.string({
    unit: fc.constantFrom("a", " ", ",", '"', "\r", "\n", "\ufeff", "é", "'", "=", "-", "1")
  }),
  fc.string()
)

describe("toCsv", () => {
  it("gives papaparse's bytes for any cell text (quotes, commas, line breaks, BOMs, edge spaces)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role_title: cell,
            predicate: fc.string(),
            source_count: fc.integer(),
            confidence: fc.double({ noNaN: true })
          }),
          { maxLength: 20 }
        ),
        (rs) => {
          const rows = rs.map((r, i) => ({
            relation_id: `rel_${i}`,
            subject_id: "ent_a",
            object_id: "ent_b",
            ...r
          }))
          expect(toCsv(relations, rows)).toBe(papa(relations, rows))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("reads back the cells it wrote", () => {
    const rows = [
      {
        relation_id: "rel_1",
        predicate: " lead",
        subject_id: "ent_a",
        object_id: "ent_b",
        role_title: 'say "hi",\r\nthen',
        source_count: 2,
        confidence: 0.5
      }
    ]
    const back = parseCsv(toCsv(relations, rows))
    expect(back.errors).toEqual([])
    expect(back.rows[0]!["role_title"]).toBe('say "hi",\r\nthen')
    expect(back.rows[0]!["predicate"]).toBe(" lead")
  })

  it("writes only the header for no rows", () => {
    expect(toCsv(relations, [])).toBe(Object.keys(relations.columns).join(",") + "\r\n")
  })
})

describe("toCsvBytes", () => {
  it("equals toCsv on a table of more rows than one piece, with quotes, commas and line breaks in cells", () => {
    const rows = Array.from({ length: 25_003 }, (_, i) => ({
      relation_id: `rel_${i.toString(16).padStart(16, "0")}`,
      predicate: "holds_position",
      subject_id: "ent_0123456789abcdef",
      object_id: "ent_0123456789abcdef",
      role_title: i % 3 === 0 ? null : i % 3 === 1 ? `Minister, "first" ${i}` : `line\r\nbreak ${i}`,
      source_count: i,
      confidence: 0.5
    }))
    expect(Buffer.from(toCsvBytes(relations, rows)).toString("utf8")).toBe(toCsv(relations, rows))
    expect(toCsv(relations, rows)).toBe(papa(relations, rows))
  })
})
