/** Every row is decoded with its table's Effect Schema before it is written: a row that does not fit its contract is a bug. */
import { ParseResult, Schema } from "effect"
import { fieldsOf, type Column, type TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import type { ReleaseTables } from "../04-resolve/tables.js"

/** The first contract violations of a release's rows, as `table[row].path: message` strings (empty when all rows fit). */
export const rowViolations = (t: ReleaseTables, limit = 10): Array<string> => {
  const out: Array<string> = []
  for (const def of TABLES) {
    const row = Schema.Struct(fieldsOf(def as unknown as TableDef<Record<string, Column>>)) as unknown as Schema.Schema<unknown>
    const decode = Schema.decodeUnknownEither(row, { onExcessProperty: "error" })
    const rows = t[def.name as keyof ReleaseTables] as ReadonlyArray<unknown>
    rows.forEach((r, i) => {
      if (out.length >= limit) return
      const res = decode(r)
      if (res._tag === "Left")
        for (const issue of ParseResult.ArrayFormatter.formatErrorSync(res.left)) out.push(`${def.name}[${i}].${issue.path.join(".")}: ${issue.message}`)
    })
  }
  return out.slice(0, limit)
}
