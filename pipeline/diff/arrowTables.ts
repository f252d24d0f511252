/**
 * A published release's tables read from their Arrow files, for the diff, the changelog and
 * event-id carry-over: each table is a RowLookup whose cells are made on demand exactly as the
 * CSV holds them (verify-release checks that the CSV and Arrow files agree). Reading the columns
 * of one file is far lighter than parsing its CSV into one record per row.
 */

import * as fs from "node:fs"
import * as nodePath from "node:path"
import { type RecordBatch, Table, tableFromIPC } from "apache-arrow"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { csvCell } from "../05-publish/csv.js"
import { arrowFileBatches, holdsOneOf } from "./arrowFile.js"
import { csvFileTable } from "./csvFile.js"
import type { RowLookup, TableTexts } from "./diff.js"

/** The CSV cell of a value as arrow-js reads it (dates come as epoch milliseconds, lists as vectors). */
const arrowCell = (c: Column, v: unknown): string => {
  if (v === null || v === undefined) return ""
  if (c.kind === "date") return new Date(v as number).toISOString().slice(0, 10)
  if (c.kind === "list") return JSON.stringify([...(v as Iterable<string>)])
  return csvCell(c, v)
}

/** A table read from an Arrow IPC file: whole (decoded once, when first asked for), or batch by batch from disk. */
export interface ArrowSource {
  readonly table: () => Table
  readonly batches: () => Iterable<RecordBatch>
}

/** An Arrow IPC file as an ArrowSource: its batches are read from disk until the whole table is asked for. */
export const arrowFileSource = (path: string): ArrowSource => {
  let whole: Table | undefined
  return {
    table: () => (whole ??= tableFromIPC(fs.readFileSync(path))),
    batches: () => (whole !== undefined ? whole.batches : arrowFileBatches(path))
  }
}

/**
 * A table's rows by primary key, from its Arrow IPC file (and the lines of its CSV file, when `csv` names it). A walk
 * that reads a few columns (select, columns) goes batch by batch; a lookup by id reads the whole table once.
 */
export const arrowLookup = (
  def: TableDef<Record<string, Column>>,
  source: ArrowSource | Table,
  csv: string | null = null
): RowLookup => {
  const { table, batches } = source instanceof Table ? { table: () => source, batches: () => source.batches } : source
  const columnsOf = (t: Table | RecordBatch) =>
    Object.entries(def.columns).map(([name, c]) => [name, c, t.getChild(name)] as const)
  let whole: ReturnType<typeof columnsOf> | undefined
  const all = () => (whole ??= columnsOf(table()))
  let child: Map<string, ReturnType<typeof columnsOf>[number][2]> | undefined
  const childOf = (name: string) => (child ??= new Map(all().map(([n, , v]) => [n, v] as const))).get(name)
  // the index by id is made when a lookup first needs it (a walk in order and a filter do not)
  let byId: Map<string, number> | undefined
  const index = () => {
    if (byId === undefined) {
      byId = new Map()
      let i = 0
      for (const id of table().getChild(def.primaryKey) ?? []) byId.set(id as string, i++)
    }
    return byId
  }
  // (a column added to the schema after this release was published is absent from its rows, as from its CSV)
  const cellsAt = (row: number) => {
    const out: Record<string, string> = {}
    for (const [name, c, v] of all()) if (v) out[name] = arrowCell(c, v.get(row))
    return out
  }
  const lines = csv === null ? {} : csvFileTable(csv)
  return {
    ...lines,
    ids: () => index().keys(),
    columns: () => {
      // from the first batch (an empty table has one batch of no rows)
      for (const b of batches())
        return b.numRows === 0 ? null : new Set(columnsOf(b).flatMap(([name, , v]) => (v ? [name] : [])))
      return null
    },
    has: (id) => index().has(id),
    get: (id) => {
      const row = index().get(id)
      return row === undefined ? undefined : cellsAt(row)
    },
    raw: (id, column) => {
      const row = index().get(id)
      return row === undefined ? undefined : childOf(column)?.get(row)
    },
    where: function* (column, value, only) {
      const v = childOf(column)
      if (!v) return
      const some = only === undefined ? null : all().filter(([name]) => only.includes(name))
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
    select: function* (column, value, anyIn, only) {
      for (const b of batches()) {
        const data = (name: string) => b.getChild(name)?.data[0]
        // a column this release does not have: no row passes
        if ([column, ...anyIn.map(([c]) => c)].some((c) => data(c) === undefined)) return
        const first = holdsOneOf(data(column)!, new Set([value]))
        const any = anyIn.map(([c, set]) => holdsOneOf(data(c)!, set))
        const some = columnsOf(b).filter(([name]) => only.includes(name))
        for (let row = 0; row < b.numRows; row++) {
          if (!first(row) || !any.some((t) => t(row))) continue
          const out: Record<string, string> = {}
          for (const [name, c, col] of some) if (col) out[name] = arrowCell(c, col.get(row))
          yield out
        }
      }
    },
    ordered: function* () {
      // every column read front to back once, in step
      const its = all().map(([, , v]) => (v ? v[Symbol.iterator]() : null))
      const ids = table().getChild(def.primaryKey)
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

/**
 * Every table of a release directory: from its Arrow file (read when a walk or a lookup first needs it), else from its
 * CSV text (a missing table is empty).
 */
export const readReleaseTables = (dir: string): TableTexts =>
  new Map(
    TABLES.flatMap((d): Array<readonly [string, string | RowLookup]> => {
      const arrow = nodePath.join(dir, "data", `${d.name}.arrow`)
      const p = nodePath.join(dir, "data", `${d.name}.csv`)
      if (fs.existsSync(arrow))
        return [
          [
            d.name,
            arrowLookup(
              d as unknown as TableDef<Record<string, Column>>,
              arrowFileSource(arrow),
              fs.existsSync(p) ? p : null
            )
          ] as const
        ]
      return fs.existsSync(p) ? [[d.name, fs.readFileSync(p, "utf8")] as const] : []
    })
  )
