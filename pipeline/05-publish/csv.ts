/**
 * CSV (RFC 4180, UTF-8 without BOM, CRLF, header row) written with papaparse. Values are
 * never altered: no formula escaping (ids start with a letter; free text is documented as
 * web text). Lists are JSON arrays; null is an empty field; booleans are true/false.
 */
import Papa from "papaparse"
import type { Column, TableDef } from "../../schemas/Column.js"

/** The CSV cell of one value. */
export const csvCell = (c: Column, v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (c.kind === "list") return JSON.stringify(v)
  if (c.kind === "bool") return v ? "true" : "false"
  return String(v)
}

/** Serialise rows of a table. */
export const toCsv = (table: TableDef<Record<string, Column>>, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const fields = Object.keys(table.columns)
  const data = rows.map((r) => fields.map((f) => csvCell(table.columns[f]!, r[f])))
  return Papa.unparse({ fields, data }, { quotes: false, newline: "\r\n", header: true, escapeFormulae: false }).replace(/(\r\n)+$/, "") + "\r\n"
}

/** Parse a CSV written by toCsv back into string cells (for validation). */
export const parseCsv = (text: string): { readonly fields: ReadonlyArray<string>; readonly rows: ReadonlyArray<Record<string, string>>; readonly errors: ReadonlyArray<string> } => {
  const r = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  return { fields: r.meta.fields ?? [], rows: r.data, errors: r.errors.map((e) => `row ${e.row}: ${e.message}`) }
}
