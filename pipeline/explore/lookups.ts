/**
 * The indexes the explorer's records are made from, built once from a release's tables: rows by id, and the rows of
 * each entity, event and source as positions (each list built by appending, never by copying), so that a record is made
 * without a scan of any table. Pure.
 */
import type { EntityRow, EventRow, ReleaseTables, SourceRow } from "../../schemas/ReleaseTables.js"

/** Positions grouped by a key: the positions of group g are positions[starts[g]] to positions[starts[g + 1]]. */
export interface Groups {
  readonly starts: Int32Array
  readonly positions: Int32Array
}

/** Group positions 0..n-1 by `groupOf(k)` (a number below `groups`, or -1 for none), keeping their order. */
export const groupPositions = (n: number, groups: number, groupOf: (k: number) => number): Groups => {
  const group = new Int32Array(n)
  const starts = new Int32Array(groups + 1)
  for (let k = 0; k < n; k++) {
    group[k] = groupOf(k)
    if (group[k]! >= 0) starts[group[k]! + 1]!++
  }
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!
  const next = starts.slice(0, groups)
  const positions = new Int32Array(starts[groups]!)
  for (let k = 0; k < n; k++) if (group[k]! >= 0) positions[next[group[k]!]!++] = k
  return { starts, positions }
}

const members = (g: Groups, i: number | undefined): Array<number> =>
  i === undefined ? [] : Array.from(g.positions.subarray(g.starts[i], g.starts[i + 1]))

/** Rows by id, and the rows of each entity, event and source. */
export interface Lookups {
  readonly entity: ReadonlyMap<string, EntityRow>
  readonly event: ReadonlyMap<string, EventRow>
  readonly source: ReadonlyMap<string, SourceRow>
  /** Positions in event_participants of an event's participants, or of an entity's. */
  readonly participantsOfEvent: (eventId: string) => ReadonlyArray<number>
  readonly participantsOfEntity: (entityId: string) => ReadonlyArray<number>
  /** Positions in relations of the relations an entity is the subject ("out") or the object ("in") of. */
  readonly relationsOf: (entityId: string) => ReadonlyArray<readonly [number, "out" | "in"]>
  /** Positions in evidence of the rows supporting a row, or of those quoting a source. */
  readonly evidenceOf: (rowId: string) => ReadonlyArray<number>
  readonly evidenceOfSource: (sourceId: string) => ReadonlyArray<number>
  /** The page evidence row k is shown on: its entity or event (a participant's event; a relation's subject). */
  readonly pageOfEvidence: (k: number) => string
}

/** A row id's page, as last found (for the table it was last asked with). */
interface PageMemo {
  readonly id: string
  table: string | null
  page: string
}

/** The lookups of a release's tables. */
export const lookupsOf = (t: ReleaseTables): Lookups => {
  const at = <R>(rows: ReadonlyArray<R>, id: (r: R) => string) => new Map(rows.map((r, i) => [id(r), i]))
  const entityAt = at(t.entities, (e) => e.entity_id)
  const eventAt = at(t.events, (e) => e.event_id)
  const sourceAt = at(t.sources, (s) => s.source_id)
  const byEvent = groupPositions(t.event_participants.length, t.events.length, (k) => {
    return eventAt.get(t.event_participants[k]!.event_id)!
  })
  const byEntity = groupPositions(t.event_participants.length, t.entities.length, (k) => {
    return entityAt.get(t.event_participants[k]!.entity_id)!
  })
  // a relation belongs to its subject and to its object (twice as many positions as relations)
  const relations = t.relations.length
  const relEntity = groupPositions(2 * relations, t.entities.length, (k) => {
    const r = t.relations[k % relations]!
    return entityAt.get(k < relations ? r.subject_id : r.object_id)!
  })
  const sourceOf = t.evidence.cellFormatter("source_id", (v) => sourceAt.get(v as string) ?? -1)
  const bySource = groupPositions(t.evidence.length, t.sources.length, sourceOf)
  const participantEvent = new Map(t.event_participants.map((p) => [p.participant_id, p.event_id]))
  const subjectOf = new Map(t.relations.map((r) => [r.relation_id, r.subject_id]))
  const byRow = t.evidence.byRowId()
  const rowTable = t.evidence.cellFormatter("row_table", (v) => v as string)
  const pageOf = (table: string, id: string) =>
    table === "event_participants"
      ? (participantEvent.get(id) ?? id)
      : table === "relations"
        ? (subjectOf.get(id) ?? id)
        : id
  // one memo per distinct row id (the formatter makes it once): its page, found once for the table it was asked with
  const rowMemo = t.evidence.cellFormatter("row_id", (v): PageMemo => ({ id: v as string, table: null, page: "" }))
  return {
    entity: new Map(t.entities.map((e) => [e.entity_id, e])),
    event: new Map(t.events.map((e) => [e.event_id, e])),
    source: new Map(t.sources.map((s) => [s.source_id, s])),
    participantsOfEvent: (id) => members(byEvent, eventAt.get(id)),
    participantsOfEntity: (id) => members(byEntity, entityAt.get(id)),
    relationsOf: (id) =>
      members(relEntity, entityAt.get(id))
        .map((k) => [k % relations, k < relations ? "out" : "in"] as const)
        // in table order, a relation of an entity with itself as subject first
        .sort((a, b) => a[0] - b[0] || (a[1] === "out" ? -1 : 1)),
    evidenceOf: (id) => byRow.get(id) ?? [],
    evidenceOfSource: (id) => members(bySource, sourceAt.get(id)),
    pageOfEvidence: (k) => {
      const m = rowMemo(k)
      const table = rowTable(k)
      if (m.table !== table) {
        m.table = table
        m.page = pageOf(table, m.id)
      }
      return m.page
    }
  }
}
