/**
 * `stats`: what a release holds, read from its Arrow files as a user would — row counts, and the breakdowns a reader
 * checks before trusting a table: event types, modality, date precision and the share undated, the date range, sources
 * by publisher and their publication range, entity types, relation predicates, the rules behind the evidence.
 */
import { DataType, type Table } from "apache-arrow"
import type { ReleaseManifest } from "../../schemas/Manifest.js"
import { readArrowTable } from "../diff/arrowTables.js"
import { compareStrings } from "../shared/compare.js"

/** Counts by value, most frequent first (ties by value). */
export type Counts = ReadonlyArray<readonly [string, number]>

/** The figures `stats` prints. */
export interface ReleaseStats {
  readonly version: string
  readonly rows: Readonly<Record<string, number>>
  readonly rejected: number
  readonly events: {
    readonly byType: Counts
    readonly byModality: Counts
    readonly byDatePrecision: Counts
    /** Share of events with no date at all (precision "unknown"). */
    readonly undatedShare: number | null
    /** Earliest start and latest end (or start) of the dated events. */
    readonly dateRange: readonly [string, string] | null
  }
  readonly sources: { readonly byPublisher: Counts; readonly publishedRange: readonly [string, string] | null }
  readonly entities: { readonly byType: Counts }
  readonly relations: { readonly byPredicate: Counts }
  readonly evidence: { readonly byMethod: Counts }
}

/** The values of a column as strings (null kept as null); an absent table or column gives none. */
const column = (t: Table | null, name: string): Array<string | null> => {
  const v = t?.getChild(name)
  if (!v) return []
  // a date column's values come as milliseconds since the epoch
  const date = DataType.isDate(v.type)
  const out: Array<string | null> = []
  for (let i = 0; i < v.length; i++) {
    const x = v.get(i) as unknown
    out.push(x === null || x === undefined ? null : date ? new Date(Number(x)).toISOString().slice(0, 10) : String(x))
  }
  return out
}

/** Counts of the values (null as `nullAs`), most frequent first. */
export const countsOf = (values: ReadonlyArray<string | null>, nullAs = "(none)"): Counts => {
  const m = new Map<string, number>()
  for (const v of values) m.set(v ?? nullAs, (m.get(v ?? nullAs) ?? 0) + 1)
  return [...m].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
}

/** The least and greatest of the non-null values (ISO dates compare as strings), or null. */
const rangeOf = (values: ReadonlyArray<string | null>): readonly [string, string] | null => {
  const xs = values.filter((v): v is string => v !== null && v !== "").sort(compareStrings)
  return xs.length === 0 ? null : [xs[0]!, xs[xs.length - 1]!]
}

/** The figures of the release in `dir`, whose manifest is `m`. */
export const releaseStats = (dir: string, m: ReleaseManifest): ReleaseStats => {
  const table = (name: string) => readArrowTable(dir, name)
  const events = table("events")
  const precision = column(events, "date_precision")
  const sources = table("sources")
  return {
    version: m.version,
    rows: Object.fromEntries(Object.entries(m.tables).map(([n, t]) => [n, t.rows])),
    rejected: m.rejected.length,
    events: {
      byType: countsOf(column(events, "event_type")),
      byModality: countsOf(column(events, "modality")),
      byDatePrecision: countsOf(precision),
      undatedShare: precision.length === 0 ? null : precision.filter((p) => p === "unknown").length / precision.length,
      dateRange: rangeOf([...column(events, "date_start"), ...column(events, "date_end")])
    },
    sources: {
      byPublisher: countsOf(column(sources, "publisher"), "(not stated)"),
      publishedRange: rangeOf(column(sources, "published_date"))
    },
    entities: { byType: countsOf(column(table("entities"), "entity_type")) },
    relations: { byPredicate: countsOf(column(table("relations"), "predicate")) },
    evidence: { byMethod: countsOf(column(table("evidence"), "method")) }
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

/** Counts as indented lines: the first `limit`, then how many values are left. */
const countLines = (title: string, c: Counts, total: number, limit = 12): Array<string> => [
  `  ${title}`,
  ...c
    .slice(0, limit)
    .map(([v, n]) => `    ${v.padEnd(28)} ${String(n).padStart(7)}  ${total > 0 ? pct(n / total) : ""}`),
  ...(c.length > limit ? [`    … ${c.length - limit} more value(s)`] : [])
]

/** The figures as the text `stats` prints. */
export const renderStats = (s: ReleaseStats, dir: string): string => {
  const ev = s.rows.events ?? 0
  return [
    `release ${s.version} (${dir})`,
    ...Object.entries(s.rows).map(([n, r]) => `  ${n.padEnd(20)} ${String(r).padStart(7)} rows`),
    `  rejected sources     ${String(s.rejected).padStart(7)}`,
    "events",
    ...countLines("by type", s.events.byType, ev),
    ...countLines("by modality", s.events.byModality, ev),
    ...countLines("by date precision", s.events.byDatePrecision, ev),
    `  undated: ${s.events.undatedShare === null ? "–" : pct(s.events.undatedShare)}; dates from ${s.events.dateRange?.join(" to ") ?? "–"}`,
    "sources",
    ...countLines("by publisher", s.sources.byPublisher, s.rows.sources ?? 0),
    `  published from ${s.sources.publishedRange?.join(" to ") ?? "–"}`,
    "entities",
    ...countLines("by type", s.entities.byType, s.rows.entities ?? 0),
    "relations",
    ...countLines("by predicate", s.relations.byPredicate, s.rows.relations ?? 0),
    "evidence",
    ...countLines("by rule", s.evidence.byMethod, s.rows.evidence ?? 0, 10)
  ].join("\n")
}
