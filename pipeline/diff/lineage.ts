/**
 * Event lineage between two releases, read from their evidence tables: which previous events
 * were merged into another, split into several, or retired (tombstones, cf. OpenAlex
 * `merged_ids`). Two events are linked when they share a report (source_id, char_start, char_end
 * of an evidence row, and event type): the key the build uses to carry event ids over. Pure.
 */
import { compareStrings } from "../shared/compare.js"

/** Where the reports of previous events went. */
export interface EventLineage {
  /** Previous event ids that are gone; `replaced_by` holds the events that now carry their reports (empty: retired). */
  readonly tombstones: ReadonlyArray<{
    readonly event_id: string
    readonly replaced_by: ReadonlyArray<string>
  }>
  /** Events of the new release holding reports of previous events other than themselves (OpenAlex `merged_ids`). */
  readonly merged: ReadonlyArray<{
    readonly event_id: string
    readonly merged_ids: ReadonlyArray<string>
  }>
  /** Previous events whose reports now lie in more than one event (reports shared before do not count). */
  readonly split: ReadonlyArray<{
    readonly event_id: string
    readonly into: ReadonlyArray<string>
  }>
}

/** Evidence rows as parsed from evidence.csv (only the columns read here). */
export type EvidenceRecord = Readonly<Record<string, string>>

/** One release's event evidence rows and the type of each event (event_id → event_type). */
export interface EventReports {
  readonly evidence: ReadonlyArray<EvidenceRecord>
  readonly types: ReadonlyMap<string, string>
}
const sorted = (s: Iterable<string>) => [...s].sort(compareStrings)

/** span → event ids, and event id → spans, of one release's event evidence. */
const index = ({ evidence: rows, types }: EventReports) => {
  const bySpan = new Map<string, Set<string>>()
  const byEvent = new Map<string, Set<string>>()
  for (const r of rows) {
    if (r.row_table !== "events" || !r.row_id) continue
    const k = `${r.source_id}|${r.char_start}|${r.char_end}|${types.get(r.row_id) ?? ""}`
    bySpan.set(k, (bySpan.get(k) ?? new Set()).add(r.row_id))
    byEvent.set(r.row_id, (byEvent.get(r.row_id) ?? new Set()).add(k))
  }
  return { bySpan, byEvent }
}

/** Lineage of the previous release's events in the new release. */
export const eventLineage = (previous: EventReports, next: EventReports): EventLineage => {
  const a = index(previous)
  const b = index(next)
  // old event → new events holding one of its reports; `moved` leaves out an event that already
  // shared that report before (one sentence can report two meetings), which is not a split
  const successors = new Map<string, Set<string>>()
  const moved = new Map<string, Set<string>>()
  for (const [oldId, spans] of a.byEvent) {
    const s = new Set<string>()
    const m = new Set<string>()
    for (const k of spans)
      for (const n of b.bySpan.get(k) ?? []) {
        s.add(n)
        if (n === oldId || !a.bySpan.get(k)!.has(n)) m.add(n)
      }
    successors.set(oldId, s)
    moved.set(oldId, m)
  }
  const tombstones = sorted([...a.byEvent.keys()].filter((id) => !b.byEvent.has(id))).map((id) => ({
    event_id: id,
    replaced_by: sorted(successors.get(id)!)
  }))
  const absorbed = new Map<string, Set<string>>()
  for (const [oldId, s] of successors)
    for (const n of s) if (n !== oldId) absorbed.set(n, (absorbed.get(n) ?? new Set()).add(oldId))
  // a new event "merges" a previous one when it holds that event's reports and the previous id is gone
  const merged = sorted(absorbed.keys())
    .map((id) => ({
      event_id: id,
      merged_ids: sorted([...absorbed.get(id)!].filter((o) => !b.byEvent.has(o)))
    }))
    .filter((m) => m.merged_ids.length > 0)
  const split = sorted([...moved].filter(([, s]) => s.size > 1).map(([id]) => id)).map((id) => ({
    event_id: id,
    into: sorted(moved.get(id)!)
  }))
  return { tombstones, merged, split }
}
