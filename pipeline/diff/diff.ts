/**
 * Differences between two releases, table by table, keyed by primary key: rows added, removed
 * and changed (with the columns that changed), and sources added or removed. Pure: it reads the
 * CSV text of each table (a release directory) or rows about to be written, seen as their CSV cells.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import { columnValues, type Rows } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { csvCell, csvLines, parseCsv, quoteCell } from "../05-publish/csv.js"
import { compareStrings } from "../shared/compare.js"
import { csvLineCells } from "./csvFile.js"
import { csvFileChanges } from "./csvFileDiff.js"
import { type EventLineage, eventLineage } from "./lineage.js"
import { touchedLineage } from "./touchedLineage.js"

/** Changes of one table. */
export interface TableChanges {
  readonly added: ReadonlyArray<string>
  readonly removed: ReadonlyArray<string>
  readonly changed: ReadonlyArray<{
    readonly id: string
    readonly columns: ReadonlyArray<string>
  }>
}

/** Changes between two releases (machine form, written as changes.json). */
export interface ReleaseChanges {
  readonly from: string | null
  readonly to: string
  readonly sources: {
    readonly added: ReadonlyArray<string>
    readonly removed: ReadonlyArray<string>
  }
  readonly tables: Record<string, TableChanges>
  /**
   * Previous events merged, split or retired (tombstones), linked by shared report spans; absent in a first release.
   */
  readonly events_lineage?: EventLineage
  /** Built with `--base none`: the newest release then in the output folder, which this one was not compared with. */
  readonly base_skipped?: string
  /** Per table, the columns one release has and the other lacks (the schema changed between them); absent when none. */
  readonly columns?: Record<
    string,
    {
      readonly added: ReadonlyArray<string>
      readonly removed: ReadonlyArray<string>
    }
  >
}

/** A table's rows by primary key as CSV cells, without a CSV text (rows about to be written). */
export interface RowLookup {
  readonly ids: () => Iterable<string>
  readonly has: (id: string) => boolean
  /** The row's cells exactly as its CSV line holds them (made on each call). */
  readonly get: (id: string) => Readonly<Record<string, string>> | undefined
  /**
   * One value as typed data (a string, number, boolean, date or list in any form the table's reader gives), for a quick
   * comparison before the cells are made.
   */
  readonly raw?: (id: string, column: string) => unknown
  /**
   * Every row in primary-key order (compareStrings) with its typed values in column order: lets two tables be compared
   * in one walk.
   */
  readonly ordered?: () => Iterable<readonly [string, ReadonlyArray<unknown>]>
  /**
   * The cells (all, or only those of `only`) of the rows whose `column` holds `value` as typed data, in table order
   * (without an index by id).
   */
  readonly where?: (column: string, value: string, only?: ReadonlyArray<string>) => Iterable<Record<string, string>>
  /** One cell of row `id` (undefined when there is no such row), without the row's other cells. */
  readonly cell?: (id: string, column: string) => string | undefined
  /** The table's CSV header line, when `lines` is given. */
  readonly header?: string
  /**
   * Every row's CSV line (without its line break) in table order: two tables are compared line by line, and only lines
   * that differ are split into cells.
   */
  readonly lines?: () => Iterable<string>
  /** The CSV file `lines` reads (two files are compared by runs of bytes first: csvFileDiff.ts). */
  readonly file?: string
  /** The columns its rows hold, or null when it has none (what `get` of its first row would name, without an index). */
  readonly columns?: () => ReadonlySet<string> | null
  /**
   * The cells of `only` of the rows whose `column` holds `value` and which hold, in one column of `anyIn` at least, a
   * value of that column's set, in table order (one walk down those columns; none when the table lacks one of them).
   */
  readonly select?: (
    column: string,
    value: string,
    anyIn: ReadonlyArray<readonly [string, ReadonlySet<string>]>,
    only: ReadonlyArray<string>
  ) => Iterable<Record<string, string>>
}

/** Each table of a release (table name → CSV text, or its rows); a missing table is empty. */
export type TableTexts = ReadonlyMap<string, string | RowLookup>

/**
 * Rows of a table (typed, as resolve made them) seen as the CSV cells they are written as. The
 * index by id is made only when a lookup asks for it: a walk in order (`ordered`) and a filter
 * (`where`) read the rows as they are.
 */
export const cellLookup = (def: TableDef<Record<string, Column>>, rows: Rows<Record<string, unknown>>): RowLookup => {
  const cols = Object.entries(def.columns)
  let byId: Map<string, number> | undefined
  const index = () => {
    if (byId === undefined) {
      byId = new Map()
      for (let i = 0; i < rows.length; i++) byId.set(rows.at(i)![def.primaryKey] as string, i)
    }
    return byId
  }
  const row = (id: string) => {
    const i = index().get(id)
    return i === undefined ? undefined : rows.at(i)!
  }
  const cells = (r: Record<string, unknown>) => Object.fromEntries(cols.map(([k, c]) => [k, csvCell(c, r[k])]))
  return {
    header: cols.map(([k]) => quoteCell(k)).join(","),
    columns: () => (rows.length === 0 ? null : new Set(cols.map(([k]) => k))),
    lines: () => csvLines(def, rows),
    ids: () => columnValues(rows, def.primaryKey) as Array<string>,
    has: (id) => index().has(id),
    get: (id) => {
      const r = row(id)
      return r === undefined ? undefined : cells(r)
    },
    raw: (id, column) => row(id)?.[column],
    cell: (id, column) => {
      const r = row(id)
      return r === undefined ? undefined : csvCell(def.columns[column]!, r[column])
    },
    ordered: function* () {
      const names = cols.map(([k]) => k)
      for (const r of rows) yield [r[def.primaryKey] as string, names.map((k) => r[k])] as const
    },
    select: function* (column, value, anyIn, only) {
      // a test per row of each column, by its distinct values where the table is held in columns
      const test = (name: string, set: ReadonlySet<unknown>): ((k: number) => boolean) => {
        if (rows.cellFormatter) return rows.cellFormatter(name, (v) => set.has(v))
        const values = columnValues(rows, name)
        return (k) => set.has(values[k])
      }
      const first = test(column, new Set([value]))
      const any = anyIn.map(([c, set]) => test(c, set))
      const some = cols.filter(([k]) => only.includes(k))
      for (let k = 0; k < rows.length; k++) {
        if (!first(k) || !any.some((t) => t(k))) continue
        const r = rows.at(k)!
        yield Object.fromEntries(some.map(([name, c]) => [name, csvCell(c, r[name])]))
      }
    },
    where: function* (column, value, only) {
      // the one column first: only the rows that hold the value are made
      const values = columnValues(rows, column)
      const some = only === undefined ? null : cols.filter(([k]) => only.includes(k))
      for (let i = 0; i < values.length; i++) {
        if (values[i] !== value) continue
        const r = rows.at(i)!
        yield some === null ? cells(r) : Object.fromEntries(some.map(([k, c]) => [k, csvCell(c, r[k])]))
      }
    }
  }
}

/**
 * A raw value in one comparable form: dates as YYYY-MM-DD (arrow-js reads epoch milliseconds), lists as JSON, null for
 * no value.
 */
const comparable = (c: Column, v: unknown): unknown => {
  if (v === null || v === undefined) return null
  if (c.kind === "date" && typeof v === "number") return new Date(v).toISOString().slice(0, 10)
  if (c.kind === "list") return JSON.stringify([...(v as Iterable<string>)])
  return v
}

/** The columns whose cells differ between row `id` of two tables (raw values first; cells only when they differ). */
const changedColumns = (
  def: TableDef<Record<string, Column>>,
  a: RowLookup,
  b: RowLookup,
  id: string
): Array<string> => {
  const cols = Object.keys(def.columns)
  const suspects =
    a.raw && b.raw
      ? cols.filter((c) => comparable(def.columns[c]!, a.raw!(id, c)) !== comparable(def.columns[c]!, b.raw!(id, c)))
      : cols
  return cellsDiffer(a, b, id, suspects)
}

/**
 * Of the columns whose typed values differ, those whose cells differ too (the cells are made only
 * when there are any). A column one side's release does not have (added to the schema since) is not
 * compared: its rows did not change, the schema did (the manifest's schema_version says so).
 */
const cellsDiffer = (a: RowLookup, b: RowLookup, id: string, suspects: ReadonlyArray<string>): Array<string> => {
  if (suspects.length === 0) return []
  const x = a.get(id)!
  const y = b.get(id)!
  return suspects.filter((c) => c in x && c in y && x[c] !== y[c])
}

/**
 * Rows of a table whose `column` holds `value`, as their cells (only those rows' cells are made; with `only`, perhaps
 * only those columns).
 */
const rowsWhere = (
  t: string | RowLookup | undefined,
  column: string,
  value: string,
  only?: ReadonlyArray<string>
): Iterable<Record<string, string>> => {
  if (t === undefined || typeof t === "string" || !t.raw) return [...rowsOf(t)].filter((r) => r[column] === value)
  if (t.where) return t.where(column, value, only)
  return (function* () {
    for (const id of t.ids()) if (t.raw!(id, column) === value) yield t.get(id)!
  })()
}

const rowsById = (t: string | RowLookup | undefined): RowLookup => {
  if (t !== undefined && typeof t !== "string") return t
  const m = new Map<string, Record<string, string>>()
  if (t) {
    const { fields, rows } = parseCsv(t)
    for (const r of rows) m.set(r[fields[0]!]!, r)
  }
  return {
    ids: () => m.keys(),
    has: (id) => m.has(id),
    get: (id) => m.get(id)
  }
}

const rowsOf = (t: string | RowLookup | undefined): Iterable<Record<string, string>> => {
  if (t === undefined || typeof t === "string") return t ? parseCsv(t).rows : []
  return (function* () {
    for (const id of t.ids()) yield t.get(id)!
  })()
}

/**
 * The changes of one table by walking both sides in primary-key order at once (no lookups per
 * row): `id` keys an item, `differ` names the columns in which two items of one id differ. Null
 * when a side turns out not to be in strict order (the caller then compares otherwise).
 */
const mergeWalk = <T>(
  xs: Iterator<T>,
  ys: Iterator<T>,
  id: (item: T) => string | null,
  differ: (x: T, y: T, id: string) => Array<string>
): TableChanges | null => {
  const added: Array<string> = []
  const removed: Array<string> = []
  const changed: Array<{ id: string; columns: Array<string> }> = []
  let x = xs.next()
  let y = ys.next()
  let xid = x.done ? null : id(x.value)
  let yid = y.done ? null : id(y.value)
  let lastX: string | null = null
  let lastY: string | null = null
  while (!x.done || !y.done) {
    if (!x.done && (xid === null || (lastX !== null && compareStrings(lastX, xid) >= 0))) return null
    if (!y.done && (yid === null || (lastY !== null && compareStrings(lastY, yid) >= 0))) return null
    const order = x.done ? 1 : y.done ? -1 : compareStrings(xid!, yid!)
    if (order < 0) removed.push(xid!)
    else if (order > 0) added.push(yid!)
    else {
      const columns = differ(x.value!, y.value!, xid!)
      if (columns.length > 0) changed.push({ id: xid!, columns })
    }
    if (order <= 0) {
      lastX = xid
      x = xs.next()
      xid = x.done ? null : id(x.value)
    }
    if (order >= 0) {
      lastY = yid
      y = ys.next()
      yid = y.done ? null : id(y.value)
    }
  }
  return { added, removed, changed }
}

/** The walk over typed values: the cells are made only for the columns whose values differ. */
const walkChanges = (def: TableDef<Record<string, Column>>, a: RowLookup, b: RowLookup): TableChanges | null => {
  const cols = Object.entries(def.columns)
  return mergeWalk(
    a.ordered!()[Symbol.iterator](),
    b.ordered!()[Symbol.iterator](),
    ([id]) => id,
    ([, vx], [, vy], id) =>
      cellsDiffer(
        a,
        b,
        id,
        cols.filter(([, c], i) => comparable(c, vx[i]) !== comparable(c, vy[i])).map(([k]) => k)
      )
  )
}

/**
 * The walk over CSV lines: equal lines are equal rows, and only lines that differ are split into
 * cells. Needs the primary key in the first column (an id is never quoted: it runs to the first
 * comma) and the same header on both sides.
 */
const walkLines = (def: TableDef<Record<string, Column>>, a: RowLookup, b: RowLookup): TableChanges | null => {
  const fields = Object.keys(def.columns)
  if (fields[0] !== def.primaryKey || a.header !== b.header || a.header !== fields.map(quoteCell).join(",")) return null
  if (a.file !== undefined && b.file !== undefined) return csvFileChanges(a.file, b.file, fields)
  return mergeWalk(
    a.lines!()[Symbol.iterator](),
    b.lines!()[Symbol.iterator](),
    (line) => (line.charCodeAt(0) === 0x22 ? null : line.slice(0, line.indexOf(","))),
    (x, y) => {
      if (x === y) return []
      const cx = csvLineCells(x)
      const cy = csvLineCells(y)
      return fields.filter((_, i) => cx[i] !== cy[i])
    }
  )
}

/** What the event lineage reads of an evidence row. */
const LINEAGE_COLUMNS = ["row_table", "row_id", "source_id", "char_start", "char_end"]

/** The columns a table's rows hold (those of its first row), or null for an empty table. */
const columnsOf = (t: RowLookup): ReadonlySet<string> | null => {
  if (t.columns) return t.columns()
  for (const id of t.ids()) return new Set(Object.keys(t.get(id) ?? {}))
  return null
}

export const diffTables = (
  from: { version: string | null; tables: TableTexts },
  to: { version: string; tables: TableTexts }
): ReleaseChanges => {
  const tables: Record<string, TableChanges> = {}
  const schemaColumns: Record<string, { added: Array<string>; removed: Array<string> }> = {}
  for (const def of TABLES) {
    const b = rowsById(to.tables.get(def.name))
    if (!from.tables.has(def.name)) {
      // nothing to compare with (a first release): every row is added
      tables[def.name] = {
        added: [...b.ids()].sort(compareStrings),
        removed: [],
        changed: []
      }
      continue
    }
    const a = rowsById(from.tables.get(def.name))
    const table = def as unknown as TableDef<Record<string, Column>>
    const had = columnsOf(a)
    const has = columnsOf(b)
    if (had !== null && has !== null) {
      const added = [...has].filter((c) => !had.has(c))
      const removed = [...had].filter((c) => !has.has(c))
      if (added.length > 0 || removed.length > 0) schemaColumns[def.name] = { added, removed }
    }
    const walked =
      (a.lines && b.lines ? walkLines(table, a, b) : null) ?? (a.ordered && b.ordered ? walkChanges(table, a, b) : null)
    if (walked !== null) {
      tables[def.name] = walked
      continue
    }
    const added = [...b.ids()].filter((k) => !a.has(k)).sort(compareStrings)
    const removed = [...a.ids()].filter((k) => !b.has(k)).sort(compareStrings)
    const changed = [...b.ids()]
      .filter((k) => a.has(k))
      .sort(compareStrings)
      .flatMap((k) => {
        const columns = changedColumns(table, a, b, k)
        return columns.length ? [{ id: k, columns }] : []
      })
    tables[def.name] = { added, removed, changed }
  }
  const reports = (tables: TableTexts) => ({
    evidence: [...rowsWhere(tables.get("evidence"), "row_table", "events", LINEAGE_COLUMNS)],
    types: new Map([...rowsOf(tables.get("events"))].map((e) => [e.event_id!, e.event_type!] as const))
  })
  // only the events near what changed, when both sides can be scanned (touchedLineage.ts)
  const lineage =
    from.version === null
      ? {}
      : {
          events_lineage:
            touchedLineage(from.tables, to.tables, tables) ?? eventLineage(reports(from.tables), reports(to.tables))
        }
  const schema = Object.keys(schemaColumns).length > 0 ? { columns: schemaColumns } : {}
  return {
    from: from.version,
    to: to.version,
    sources: { added: tables.sources!.added, removed: tables.sources!.removed },
    tables,
    ...lineage,
    ...schema
  }
}

/** Human-readable CHANGELOG.md, naming every added, removed and changed row of the fact tables. */
export const renderChangelog = (c: ReleaseChanges, labels: (table: string, id: string) => string): string => {
  const out: Array<string> = []
  emitChangelog(c, labels, (s) => out.push(s))
  return out.join("")
}

/**
 * renderChangelog's text line by line, given to `push` in order (a large first release's changelog is longer than the
 * longest string V8 can hold).
 */
export const emitChangelog = (
  c: ReleaseChanges,
  labels: (table: string, id: string) => string,
  push: (s: string) => void
): void => {
  // lines joined by "\n", the last one (empty) with nothing after it
  let first = true
  const lines = {
    push: (...xs: Array<string>) => {
      for (const x of xs) {
        push(first ? x : `\n${x}`)
        first = false
      }
    }
  }
  // one line at a time: a spread of a whole table's ids into push() overflows the call stack
  const add =
    (...head: Array<string>) =>
    (xs: ReadonlyArray<string>, ...tail: Array<string>) => {
      for (const x of head) lines.push(x)
      for (const x of xs) lines.push(x)
      for (const x of tail) lines.push(x)
    }
  const against =
    c.base_skipped !== undefined
      ? `Not compared with ${c.base_skipped}: built with \`--base none\` (the base release was not used), so every row is listed as new and event ids were not carried over.`
      : c.from === null
        ? "First release: every row is new."
        : `Against ${c.from}.`
  lines.push(`# Changes in ${c.to}`, "", against, "")
  lines.push("| table | added | removed | changed |", "| --- | --- | --- | --- |")
  for (const [t, ch] of Object.entries(c.tables))
    lines.push(`| ${t} | ${ch.added.length} | ${ch.removed.length} | ${ch.changed.length} |`)
  lines.push("")
  for (const [t, cols] of Object.entries(c.columns ?? {})) {
    const names = (xs: ReadonlyArray<string>) => xs.map((x) => `\`${x}\``).join(", ")
    if (cols.added.length)
      lines.push(
        `Schema: \`${t}\` gains ${names(cols.added)} (rows of ${c.from} have no value there; not listed as changed).`,
        ""
      )
    if (cols.removed.length) lines.push(`Schema: \`${t}\` no longer has ${names(cols.removed)}.`, "")
  }
  if (c.sources.added.length)
    lines.push(`Sources added: ${c.sources.added.map((s) => `\`${s}\` (${labels("sources", s)})`).join(", ")}.`, "")
  if (c.sources.removed.length)
    lines.push(`Sources removed: ${c.sources.removed.map((s) => `\`${s}\``).join(", ")}.`, "")
  for (const [t, ch] of Object.entries(c.tables)) {
    if (t === "sources" || t === "evidence") continue
    if (ch.added.length)
      add(`## ${t}: added`, "")(
        ch.added.map((id) => `- \`${id}\` ${labels(t, id)}`),
        ""
      )
    if (ch.removed.length)
      add(`## ${t}: removed`, "")(
        ch.removed.map((id) => `- \`${id}\` ${labels(t, id)}`),
        ""
      )
    if (ch.changed.length)
      add(`## ${t}: changed`, "")(
        ch.changed.map((x) => `- \`${x.id}\` ${labels(t, x.id)}: ${x.columns.join(", ")}`),
        ""
      )
  }
  const l = c.events_lineage ?? { merged: [], split: [], tombstones: [] }
  if (l.merged.length)
    add("## events: merged", "")(
      l.merged.map(
        (m) => `- \`${m.event_id}\` now also holds the reports of ${m.merged_ids.map((id) => `\`${id}\``).join(", ")}`
      ),
      ""
    )
  if (l.split.length)
    add("## events: split", "")(
      l.split.map((x) => `- the reports of \`${x.event_id}\` are now in ${x.into.map((id) => `\`${id}\``).join(", ")}`),
      ""
    )
  if (l.tombstones.length)
    add("## events: retired ids (tombstones)", "")(
      l.tombstones.map(
        (t) =>
          `- \`${t.event_id}\` → ${t.replaced_by.length ? t.replaced_by.map((id) => `\`${id}\``).join(", ") : "no successor (its reports are gone)"}`
      ),
      ""
    )
  lines.push("Evidence rows are listed by id in `changes.json`.", "")
}

/** Labels for changelog lines, read from the new release's CSV text (names, summaries, predicates). */
export const labeller = (
  tables: TableTexts,
  previous: TableTexts = new Map()
): ((table: string, id: string) => string) => {
  const by = new Map(TABLES.map((d) => [d.name, rowsById(tables.get(d.name))]))
  // removed rows are labelled from the previous release
  const before = new Map(TABLES.map((d) => [d.name, rowsById(previous.get(d.name))]))
  const ent = by.get("entities")!
  const entBefore = before.get("entities")!
  // one cell, not the whole row's
  const nameIn = (t: RowLookup, id: string) => (t.cell ? t.cell(id, "name") : t.get(id)?.name)
  const name = (id: string | undefined) => (id ? (nameIn(ent, id) ?? nameIn(entBefore, id) ?? id) : "?")
  return (table, id) => {
    const now = by.get(table)
    const lookup = now?.has(id) ? now : before.get(table)?.has(id) ? before.get(table)! : undefined
    if (!lookup) return ""
    // only the cells a label names are made
    const r = (column: string): string => (lookup.cell ? lookup.cell(id, column) : lookup.get(id)![column]) ?? ""
    if (table === "sources") return r("file_name")
    if (table === "entities") return `${r("name")} (${r("entity_type")})`
    if (table === "events") return `${r("summary")} [${r("date") || "undated"}, ${r("modality")}]`
    if (table === "event_participants") return `${name(r("entity_id"))} as ${r("role")} of \`${r("event_id")}\``
    if (table === "relations")
      return `${name(r("subject_id"))} ${r("predicate")} ${name(r("object_id"))}${r("role_title") ? ` (${r("role_title")})` : ""}`
    return ""
  }
}

/** A one-paragraph summary for terminals and CI job summaries. */
export const summarize = (c: ReleaseChanges): string =>
  [
    `${c.from ?? "(nothing)"} → ${c.to}: sources +${c.sources.added.length} −${c.sources.removed.length}`,
    ...Object.entries(c.tables).map(
      ([t, ch]) =>
        `  ${t.padEnd(20)} +${String(ch.added.length).padStart(5)}  −${String(ch.removed.length).padStart(5)}  ~${String(ch.changed.length).padStart(5)}`
    ),
    ...(c.events_lineage
      ? [
          `  events lineage: ${c.events_lineage.merged.length} merged, ${c.events_lineage.split.length} split, ${c.events_lineage.tombstones.length} retired ids`
        ]
      : [])
  ].join("\n")
