/**
 * CSV (RFC 4180, UTF-8 without BOM, CRLF, header row). Values are never altered: no formula
 * escaping (ids start with a letter; free text is documented as web text). Lists are JSON
 * arrays; null is an empty field; booleans are true/false. A cell is quoted exactly when
 * papaparse's `unparse` would quote it (a quote, comma, CR, LF or BOM inside, or a space at either
 * end), so the bytes are papaparse's; the writer is our own because it streams rows into bytes
 * without building a row array per cell first (tests/05-publish/csv.test.ts compares the two).
 */
import Papa from "papaparse"
import type { Column, TableDef } from "../../schemas/Column.js"
import type { Rows } from "../../schemas/ReleaseTables.js"
import { joinBytes } from "../shared/stableJson.js"

/** The CSV cell of one value. */
export const csvCell = (c: Column, v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (c.kind === "list") return JSON.stringify(v)
  if (c.kind === "bool") return v ? "true" : "false"
  return String(v)
}

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/

/** A cell as written: quoted (inner quotes doubled) when it must be. */
export const quoteCell = (s: string): string => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** One record's line (without its line break). */
const line = (fields: ReadonlyArray<string>, columns: ReadonlyArray<Column>, r: Record<string, unknown>): string => {
  let out = ""
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ","
    out += quoteCell(csvCell(columns[i]!, r[fields[i]!]))
  }
  return out
}

/** The CSV lines (without line breaks) of a table's rows, in row order: the same text as `line` of each row. */
export function* csvLines(
  table: TableDef<Record<string, Column>>,
  rows: Rows<Record<string, unknown>>
): Generator<string> {
  const fields = Object.keys(table.columns)
  const columns = fields.map((f) => table.columns[f]!)
  const formatter = rows.cellFormatter?.bind(rows)
  if (formatter === undefined) {
    for (const r of rows) yield line(fields, columns, r)
    return
  }
  // columns: each cell straight from its column (a repeated value is quoted once)
  const cells = fields.map((f, i) => formatter(f, (v) => quoteCell(csvCell(columns[i]!, v))))
  const [first, ...rest] = cells
  for (let k = 0; k < rows.length; k++) {
    let out = first!(k)
    for (const cell of rest) out += "," + cell(k)
    yield out
  }
}

/** Push the lines of a table (header first), each followed by CRLF. */
export const emitCsv = (
  table: TableDef<Record<string, Column>>,
  rows: Rows<Record<string, unknown>>,
  push: (s: string) => void
): void => {
  push(Object.keys(table.columns).map(quoteCell).join(",") + "\r\n")
  for (const l of csvLines(table, rows)) push(l + "\r\n")
}

/** Serialise rows of a table. */
export const toCsv = (
  table: TableDef<Record<string, Column>>,
  rows: ReadonlyArray<Record<string, unknown>>
): string => {
  const parts: Array<string> = []
  emitCsv(table, rows, (s) => parts.push(s))
  return parts.join("")
}

/** The UTF-8 bytes of toCsv(table, rows), built a megabyte at a time (never one string of the whole table). */
export const toCsvBytes = (table: TableDef<Record<string, Column>>, rows: Rows<Record<string, unknown>>): Uint8Array =>
  joinBytes((push) => emitCsv(table, rows, push))

/** Parse a CSV written by toCsv back into string cells (for validation). */
export const parseCsv = (
  text: string
): {
  readonly fields: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, string>>
  readonly errors: ReadonlyArray<string>
} => {
  const r = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true
  })
  return {
    fields: r.meta.fields ?? [],
    rows: r.data,
    errors: r.errors.map((e) => `row ${e.row}: ${e.message}`)
  }
}
