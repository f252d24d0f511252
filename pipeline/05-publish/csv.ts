/**
 * CSV (RFC 4180, UTF-8 without BOM, CRLF, header row) written with papaparse. Values are
 * never altered: no formula escaping (ids start with a letter; free text is documented as
 * web text). Lists are JSON arrays; null is an empty field; booleans are true/false.
 */
import Papa from "papaparse"
import type { Column, TableDef } from "../../schemas/Column.js"
import { joinBytes } from "../shared/stableJson.js"

/** The CSV cell of one value. */
export const csvCell = (c: Column, v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (c.kind === "list") return JSON.stringify(v)
  if (c.kind === "bool") return v ? "true" : "false"
  return String(v)
}

const OPTIONS = { quotes: false, newline: "\r\n", escapeFormulae: false } as const

/** Serialise rows of a table. */
export const toCsv = (table: TableDef<Record<string, Column>>, rows: ReadonlyArray<Record<string, unknown>>): string => {
  const fields = Object.keys(table.columns)
  const data = rows.map((r) => fields.map((f) => csvCell(table.columns[f]!, r[f])))
  return Papa.unparse({ fields, data }, { ...OPTIONS, header: true }).replace(/(\r\n)+$/, "") + "\r\n"
}

/** Rows per piece of toCsvBytes. */
const CHUNK = 10_000

/** The UTF-8 bytes of toCsv(table, rows), serialised CHUNK rows at a time (the same bytes without one string of the whole table). */
export const toCsvBytes = (table: TableDef<Record<string, Column>>, rows: ReadonlyArray<Record<string, unknown>>): Uint8Array => {
  if (rows.length <= CHUNK) return new TextEncoder().encode(toCsv(table, rows))
  const fields = Object.keys(table.columns)
  return joinBytes((push) => {
    push(Papa.unparse({ fields, data: [] }, { ...OPTIONS, header: true }).replace(/(\r\n)+$/, ""))
    for (let i = 0; i < rows.length; i += CHUNK) {
      const data = rows.slice(i, i + CHUNK).map((r) => fields.map((f) => csvCell(table.columns[f]!, r[f])))
      const text = Papa.unparse({ fields, data }, { ...OPTIONS, header: false })
      push("\r\n")
      push(i + CHUNK >= rows.length ? text.replace(/(\r\n)+$/, "") + "\r\n" : text)
    }
  })
}

/** Parse a CSV written by toCsv back into string cells (for validation). */
export const parseCsv = (text: string): { readonly fields: ReadonlyArray<string>; readonly rows: ReadonlyArray<Record<string, string>>; readonly errors: ReadonlyArray<string> } => {
  const r = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
  return { fields: r.meta.fields ?? [], rows: r.data, errors: r.errors.map((e) => `row ${e.row}: ${e.message}`) }
}
