/** Formatting shared by the loading snippets (snippets.ts): literals, wrapped lists, per-table type maps. */
import type { Column, ColumnKind, TableDef } from "../../schemas/Column.js"

/** A table definition as the snippets read it. */
export type Table = TableDef<Record<string, Column>>

/** A double-quoted literal (Python, R): column names and category values are plain ASCII. */
export const dq = (s: string): string => JSON.stringify(s)
/** A single-quoted SQL literal. */
export const sq = (s: string): string => `'${s.replace(/'/g, "''")}'`
/** Items joined by ", " in lines of at most `width` characters (an item longer than that has a line of its own). */
export const wrapItems = (items: ReadonlyArray<string>, indent: string, width = 100): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const item of items) {
    const next = line === "" ? `${indent}${item},` : `${line} ${item},`
    if (line !== "" && next.length > width) {
      lines.push(line)
      line = `${indent}${item},`
    } else line = next
  }
  if (line !== "") lines.push(line)
  return lines
}

/** A table's columns in order. */
export const columnsOf = (t: Table): Array<[string, Column]> => Object.entries(t.columns)
/** The names of a table's columns of these kinds. */
export const withKind = (t: Table, kinds: ReadonlyArray<ColumnKind>): Array<string> =>
  columnsOf(t)
    .filter(([, c]) => kinds.includes(c.kind))
    .map(([n]) => n)

/** `{"sources": [...], ...}` for the tables that have columns of these kinds (Python; R with `r`). */
export const byTable = (tables: ReadonlyArray<Table>, kinds: ReadonlyArray<ColumnKind>, r = false): string => {
  const entries = tables
    .filter((t) => withKind(t, kinds).length > 0)
    .map((t) => {
      const cols = withKind(t, kinds).map(dq).join(", ")
      return r ? `${t.name} = c(${cols})` : `${dq(t.name)}: [${cols}]`
    })
  return r ? `list(${entries.join(", ")})` : `{${entries.join(", ")}}`
}

/** A map of tables to maps of columns to types, a block per table; a column whose type is null is left out. */
const typeMap = (
  tables: ReadonlyArray<Table>,
  type: (c: Column) => string | null,
  style: {
    readonly open: (table: string) => string
    readonly close: string
    readonly entry: (n: string, ty: string) => string
  }
): Array<string> =>
  tables.flatMap((t, i) => {
    const items = columnsOf(t).flatMap(([n, c]) => {
      const ty = type(c)
      return ty === null ? [] : [style.entry(n, ty)]
    })
    const lines = wrapItems(items, "        ")
    lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, "")
    return [`    ${style.open(t.name)}`, ...lines, `    ${style.close}${i < tables.length - 1 ? "," : ""}`]
  })

/** A Python dict of tables to dicts of columns to types: `NAME = {"events": {"event_id": ..., ...}, ...}`. */
export const pyMap = (
  name: string,
  tables: ReadonlyArray<Table>,
  type: (c: Column) => string | null
): Array<string> => [
  `${name} = {`,
  ...typeMap(tables, type, { open: (t) => `${dq(t)}: {`, close: "}", entry: (n, ty) => `${dq(n)}: ${ty}` }),
  "}"
]

/** An R list of tables to `ctor(column = type, ...)`: `NAME <- list(events = c(event_id = ..., ...), ...)`. */
export const rMap = (
  name: string,
  ctor: string,
  tables: ReadonlyArray<Table>,
  type: (c: Column) => string
): Array<string> => [
  `${name} <- list(`,
  ...typeMap(tables, type, { open: (t) => `${t} = ${ctor}(`, close: ")", entry: (n, ty) => `${n} = ${ty}` }),
  ")"
]
