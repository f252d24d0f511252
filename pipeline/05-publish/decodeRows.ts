/**
 * Every row is checked against its table's contract before it is written: a row that does not
 * fit is a bug. A check compiled from the column definitions (kind, nullability, categories,
 * pattern, range) passes the rows that fit; a row it rejects is decoded with the table's Effect
 * Schema for the message (tests hold the two to the same verdicts).
 */

import { ParseResult, Schema } from "effect"
import { type Column, fieldsOf, type TableDef } from "../../schemas/Column.js"
import type { ReleaseTables, Rows } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"

const INT_MAX = 2_147_483_647

/** A check of one cell, compiled from its column: true when the value fits the column's schema. */
export const cellCheck = (c: Column): ((v: unknown) => boolean) => {
  const values = c.values ? new Set<unknown>(c.values) : null
  const pattern = c.pattern ?? null
  const fits = (v: unknown): boolean => {
    switch (c.kind) {
      case "id":
      case "date":
      case "text":
        return typeof v === "string" && (pattern === null || pattern.test(v))
      case "category":
        return values!.has(v)
      case "int":
        return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= INT_MAX
      case "float":
        return typeof v === "number" && !Number.isNaN(v) && v >= 0 && v <= 1
      case "bool":
        return typeof v === "boolean"
      case "list":
        return Array.isArray(v) && v.every((x) => typeof x === "string")
    }
  }
  return c.nullable ? (v) => v === null || fits(v) : fits
}

/** A check of one row of a table: every column fits and there is no other property. */
export const rowCheck = (def: TableDef<Record<string, Column>>): ((r: unknown) => boolean) => {
  const cols = Object.entries(def.columns).map(([k, c]) => [k, cellCheck(c)] as const)
  return (r) => {
    if (typeof r !== "object" || r === null) return false
    const row = r as Record<string, unknown>
    let n = 0
    for (const k in row) if (Object.hasOwn(row, k)) n++
    return n === cols.length && cols.every(([k, fits]) => Object.hasOwn(row, k) && fits(row[k]))
  }
}

/**
 * Do all values of every column of a columnar table fit (each distinct value checked once)? Its rows have exactly the
 * table's columns by construction. A text column without a pattern, which the table says holds strings only
 * (`valueType`), fits without being read.
 */
const columnsFit = (
  table: TableDef<Record<string, Column>>,
  distinct: (name: string) => Iterable<unknown>,
  valueType: (name: string) => "string" | undefined
): boolean =>
  Object.entries(table.columns).every(([k, c]) => {
    if (c.kind === "text" && c.pattern === undefined && valueType(k) === "string") return true
    const fits = cellCheck(c)
    for (const v of distinct(k)) if (!fits(v)) return false
    return true
  })

/**
 * The first contract violations of a release's rows, as `table[row].path: message` strings (empty when all rows fit).
 */
export const rowViolations = (t: ReleaseTables, limit = 10): Array<string> => {
  const out: Array<string> = []
  for (const def of TABLES) {
    const table = def as unknown as TableDef<Record<string, Column>>
    const rows = t[def.name as keyof ReleaseTables] as Rows<Record<string, unknown>>
    // a columnar table whose columns all fit has no row to report; else its rows are checked one by one for the
    // messages
    if (
      rows.distinctValues &&
      columnsFit(table, rows.distinctValues.bind(rows), (name) => rows.valueType?.(name) ?? undefined)
    )
      continue
    const fits = rowCheck(table)
    const decode = Schema.decodeUnknownEither(Schema.Struct(fieldsOf(table)) as unknown as Schema.Schema<unknown>, {
      onExcessProperty: "error"
    })
    for (let i = 0; i < rows.length && out.length < limit; i++) {
      const r = rows.at(i)
      if (fits(r)) continue
      const res = decode(r)
      if (res._tag === "Left")
        for (const issue of ParseResult.ArrayFormatter.formatErrorSync(res.left))
          out.push(`${def.name}[${i}].${issue.path.join(".")}: ${issue.message}`)
    }
  }
  return out.slice(0, limit)
}
