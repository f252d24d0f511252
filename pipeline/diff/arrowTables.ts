/**
 * A published release's tables read from their Arrow files, for the diff, the changelog and
 * event-id carry-over: each table is a RowLookup whose cells are made on demand exactly as the
 * CSV holds them (verify-release checks that the CSV and Arrow files agree). Reading the columns
 * of one file is far lighter than parsing its CSV into one record per row.
 */

import * as fs from "node:fs"
import * as nodePath from "node:path"
import { type Table, tableFromIPC } from "apache-arrow"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { csvCell } from "../05-publish/csv.js"
import { csvFileTable } from "./csvFile.js"
import type { RowLookup, TableTexts } from "./diff.js"

/** The CSV cell of a value as arrow-js reads it (dates come as epoch milliseconds, lists as vectors). */
const arrowCell = (c: Column, v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (c.kind === "date") return new Date(v as number).toISOString().slice(0, 10)
  if (c.kind === "list") return JSON.stringify([...(v as Iterable<string>)])
  return csvCell(c, v)
}

/** A table's rows by primary key, from its Arrow IPC file (and the lines of its CSV file, when `csv` names it). */
export const arrowLookup = (def: TableDef<Record<string, Column>>, t: Table, csv: string | null = null): RowLookup => {
  const cols = Object.entries(def.columns).map(([name, c]) => [name, c, t.getChild(name)] as const)
  const child = new Map(cols.map(([name, , v]) => [name, v] as const))
  // the index by id is made when a lookup first needs it (a walk in order and a filter do not)
  let byId: Map<string, number> | undefined
  const index = () => {
    if (byId === undefined) {
      byId = new Map()
      let i = 0
      for (const id of t.getChild(def.primaryKey) ?? []) byId.set(id as string, i++)
    }
    return byId
  }
  // (a column added to the schema after this release was published is absent from its rows, as from its CSV)
  const cellsAt = (row: number) => {
    const out: Record<string, string> = {}
    for (const [name, c, v] of cols) if (v) out[name] = arrowCell(c, v.get(row))
    return out
  }
  const lines = csv === null ? {} : csvFileTable(csv)
  return {
    ...lines,
    ids: () => index().keys(),
    columns: () => (t.numRows === 0 ? null : new Set(cols.filter(([, , v]) => v).map(([name]) => name))),
    has: (id) => index().has(id),
    get: (id) => {
      const row = index().get(id)
      return row === undefined ? undefined : cellsAt(row)
    },
    raw: (id, column) => {
      const row = index().get(id)
      return row === undefined ? undefined : child.get(column)?.get(row)
    },
    where: function* (column, value, only) {
      const v = child.get(column)
      if (!v) return
      const some = only === undefined ? null : cols.filter(([name]) => only.includes(name))
      let row = 0
      for (const x of v) {
        if (x === value) {
          if (some === null) yield cellsAt(row)
          else {
            const out: Record<string, string> = {}
            for (const [name, c, col] of some) if (col) out[name] = arrowCell(c, col.get(row))
            yield out
          }
        }
        row++
      }
    },
    scan: function* (columns, keep, only) {
      const its = columns.map((c) => child.get(c)?.[Symbol.iterator]() ?? null)
      // a column this release does not have: no row passes
      if (its.some((it) => it === null)) return
      const some = cols.filter(([name]) => only.includes(name))
      const at = new Array<unknown>(columns.length)
      for (let row = 0; row < t.numRows; row++) {
        for (let c = 0; c < its.length; c++) at[c] = its[c]!.next().value
        if (!keep(at)) continue
        const out: Record<string, string> = {}
        for (const [name, c, col] of some) if (col) out[name] = arrowCell(c, col.get(row))
        yield out
      }
    },
    ordered: function* () {
      // every column read front to back once, in step
      const its = cols.map(([, , v]) => (v ? v[Symbol.iterator]() : null))
      const ids = t.getChild(def.primaryKey)
      if (!ids) return
      for (const id of ids) yield [id as string, its.map((it) => (it ? it.next().value : null))] as const
    }
  }
}

/** The Arrow table of `data/<name>.arrow` in a release directory, if there is one. */
export const readArrowTable = (dir: string, name: string): Table | null => {
  const p = nodePath.join(dir, "data", `${name}.arrow`)
  return fs.existsSync(p) ? tableFromIPC(fs.readFileSync(p)) : null
}

/** Every table of a release directory: from its Arrow file, else from its CSV text (a missing table is empty). */
export const readReleaseTables = (dir: string): TableTexts =>
  new Map(
    TABLES.flatMap((d): Array<readonly [string, string | RowLookup]> => {
      const t = readArrowTable(dir, d.name)
      const p = nodePath.join(dir, "data", `${d.name}.csv`)
      if (t !== null)
        return [
          [
            d.name,
            arrowLookup(d as unknown as TableDef<Record<string, Column>>, t, fs.existsSync(p) ? p : null)
          ] as const
        ]
      return fs.existsSync(p) ? [[d.name, fs.readFileSync(p, "utf8")] as const] : []
    })
  )
