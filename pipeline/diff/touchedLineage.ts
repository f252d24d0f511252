/**
 * The event lineage of two releases read only near what changed: the evidence rows of the events that a changed row
 * touches, instead of every event's (docs/bench.md, "Incremental builds"). Gives what eventLineage over all the evidence
 * gives: an event none of whose report spans is touched holds the same reports before and after, so it is neither
 * retired, merged nor split, and adds nothing to another event's lineage that the touched events do not.
 */
import type { RowLookup, TableChanges, TableTexts } from "./diff.js"
import { type EventLineage, type EvidenceRecord, eventLineage } from "./lineage.js"

/** What the lineage reads of an evidence row. */
const COLUMNS = ["row_table", "row_id", "source_id", "char_start", "char_end"]

const spanOf = (r: EvidenceRecord): string => `${r.source_id}|${r.char_start}|${r.char_end}`

/** One release's side: its evidence (scannable) and events tables. */
interface Side {
  readonly evidence: RowLookup
  readonly events: RowLookup | undefined
  /** The ids of the evidence rows changed on this side (added or removed, and changed). */
  readonly changed: ReadonlySet<string>
}

/** The event evidence rows of the events in `ids`, or of the changed evidence rows (one walk down the evidence). */
const rowsOf = (side: Side, ids: ReadonlySet<string>, withChanged: boolean): Array<EvidenceRecord> =>
  withChanged && side.changed.size > 0
    ? [
        ...side.evidence.select!(
          "row_table",
          "events",
          [
            ["row_id", ids],
            ["evidence_id", side.changed]
          ],
          COLUMNS
        )
      ]
    : ids.size === 0
      ? []
      : [...side.evidence.select!("row_table", "events", [["row_id", ids]], COLUMNS)]

/**
 * The lineage of the previous release's events, from the rows of the events touched by `changes` (the table changes
 * of the two releases): those with a row added, removed or changed, with an evidence row added, removed or changed,
 * or sharing a report span with one of those, on either side. Null when a side's tables cannot be scanned (CSV texts):
 * the caller reads every event's evidence then.
 */
export const touchedLineage = (
  from: TableTexts,
  to: TableTexts,
  changes: Readonly<Record<string, TableChanges>>
): EventLineage | null => {
  const ev = changes.evidence ?? { added: [], removed: [], changed: [] }
  const changedEvidence = ev.changed.map((x) => x.id)
  const sideOf = (t: TableTexts, gone: ReadonlyArray<string>): Side | null => {
    const evidence = t.get("evidence")
    const events = t.get("events")
    if (evidence === undefined || typeof evidence === "string" || evidence.select === undefined) return null
    if (typeof events === "string") return null
    return { evidence, events, changed: new Set([...gone, ...changedEvidence]) }
  }
  const a = sideOf(from, ev.removed)
  const b = sideOf(to, ev.added)
  if (a === null || b === null) return null
  const e = changes.events
  const changedEvents = new Set([...(e?.added ?? []), ...(e?.removed ?? []), ...(e?.changed ?? []).map((x) => x.id)])
  // the rows of changed events and changed evidence rows, and their report spans
  const first = [rowsOf(a, changedEvents, true), rowsOf(b, changedEvents, true)]
  const spans = new Set(first.flatMap((rs) => rs.map(spanOf)))
  const sources = new Set(first.flatMap((rs) => rs.map((r) => r.source_id!)))
  // every other event holding one of those spans, on either side
  const more = new Set<string>()
  for (const s of [a, b])
    for (const r of s.evidence.select!("row_table", "events", [["source_id", sources]], COLUMNS))
      if (spans.has(spanOf(r)) && !changedEvents.has(r.row_id!)) more.add(r.row_id!)
  const touched = new Set([...changedEvents, ...more])
  // all the event evidence rows of the touched events (no row twice), and their types
  const reports = (side: Side, known: ReadonlyArray<EvidenceRecord>) => {
    const rows = [...known.filter((r) => changedEvents.has(r.row_id!)), ...rowsOf(side, more, false)]
    const types = new Map<string, string>()
    for (const id of touched) {
      const t = side.events?.cell ? side.events.cell(id, "event_type") : side.events?.get(id)?.event_type
      if (t !== undefined) types.set(id, t)
    }
    return { evidence: rows, types }
  }
  return eventLineage(reports(a, first[0]!), reports(b, first[1]!))
}
