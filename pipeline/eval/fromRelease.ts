/**
 * Release tables → per-article predictions. A row counts as predicted in an article when it has
 * an evidence row in that article's source; a multi-source row is therefore counted once per
 * article it has evidence in.
 */
import type { Entity } from "../../schemas/Entity.js"
import type { Event } from "../../schemas/Event.js"
import type { EventParticipant } from "../../schemas/EventParticipant.js"
import type { Evidence } from "../../schemas/Evidence.js"
import type { Relation } from "../../schemas/Relation.js"
import type { Source } from "../../schemas/Source.js"
import type { PredEntity, PredEvent, PredictedDoc, PredRelation } from "./types.js"

/** The columns of a sources row that eval reads. */
export type SourceRow = Pick<Source, "source_id" | "file_name" | "text_path">
/** The columns of an entities row that eval reads. */
export type EntityRow = Pick<Entity, "entity_id" | "entity_type" | "name" | "aliases">
/** The columns of an events row that eval reads. */
export type EventRow = Pick<Event, "event_id" | "event_type" | "location_id" | "date" | "date_precision" | "modality">
/** The columns of an event_participants row that eval reads. */
export type ParticipantRow = Pick<EventParticipant, "event_id" | "entity_id" | "role">
/** The columns of a relations row that eval reads. */
export type RelationRow = Pick<Relation, "relation_id" | "predicate" | "subject_id" | "object_id" | "role_title">
/** The columns of an evidence row that eval reads. */
export type EvidenceRow = Pick<Evidence, "row_id" | "row_table" | "source_id" | "char_start" | "char_end" | "quote"> &
  Partial<Pick<Evidence, "reported_date" | "reported_precision" | "reported_modality">>

/** The row arrays of a release (plain objects with the columns of schemas/Tables.ts). */
export interface ReleaseTables {
  readonly sources: ReadonlyArray<SourceRow>
  readonly entities: ReadonlyArray<EntityRow>
  readonly events: ReadonlyArray<EventRow>
  readonly event_participants: ReadonlyArray<ParticipantRow>
  readonly relations: ReadonlyArray<RelationRow>
  readonly evidence: ReadonlyArray<EvidenceRow>
}

const groupBy = <T>(xs: ReadonlyArray<T>, key: (x: T) => string): ReadonlyMap<string, ReadonlyArray<T>> => {
  const m = new Map<string, Array<T>>()
  for (const x of xs) {
    const k = key(x)
    const list = m.get(k)
    if (list === undefined) m.set(k, [x])
    else list.push(x)
  }
  return m
}

const uniq = (xs: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(xs)]

/**
 * One `PredictedDoc` per source row, in source order. Per article: an entity is predicted when it
 * has evidence (row_table "entities") there, with aliases = canonical name + its evidence quotes
 * there + its `aliases` column; an event when it has evidence (row_table "events") there, with
 * those evidence spans, its participants joined from event_participants, its location from the
 * events row, and its date, precision and modality as that article reports them (the evidence
 * row's reported_* columns, else the events row); a relation when it has evidence (row_table
 * "relations") there. Participants, locations, subjects and objects that are not predicted in
 * the article itself get name + `aliases` column. Rows pointing at unknown entity ids are
 * dropped (participants) or skipped (relations); `validate` reports those, not `eval`.
 */
export const predictionsFromRelease = (
  tables: ReleaseTables,
  readText: (source: SourceRow) => string
): ReadonlyArray<PredictedDoc> => {
  const entityById = new Map(tables.entities.map((e) => [e.entity_id, e] as const))
  const participantsByEvent = groupBy(tables.event_participants, (p) => p.event_id)
  const evidenceBySource = groupBy(tables.evidence, (e) => e.source_id)
  const eventById = new Map(tables.events.map((e) => [e.event_id, e] as const))
  const relationById = new Map(tables.relations.map((r) => [r.relation_id, r] as const))

  return tables.sources.map((source) => {
    const evidence = evidenceBySource.get(source.source_id) ?? []
    const byTable = (t: EvidenceRow["row_table"]) =>
      groupBy(
        evidence.filter((e) => e.row_table === t),
        (e) => e.row_id
      )
    const entityEvidence = byTable("entities")

    const asPred = (e: EntityRow): PredEntity => ({
      id: e.entity_id,
      name: e.name,
      type: e.entity_type,
      aliases: uniq([e.name, ...(entityEvidence.get(e.entity_id) ?? []).map((x) => x.quote), ...e.aliases])
    })
    const entity = (id: string | null): PredEntity | null => {
      const row = id === null ? undefined : entityById.get(id)
      return row === undefined ? null : asPred(row)
    }
    const withRole = (parts: ReadonlyArray<ParticipantRow>, role: ParticipantRow["role"]) =>
      parts.filter((p) => p.role === role).flatMap((p) => entity(p.entity_id) ?? [])

    const entities = [...entityEvidence.keys()].flatMap((id) => entity(id) ?? [])
    const events = [...byTable("events")].flatMap(([id, ev]): ReadonlyArray<PredEvent> => {
      const row = eventById.get(id)
      if (row === undefined) return []
      const parts = participantsByEvent.get(id) ?? []
      return [
        {
          id,
          type: row.event_type,
          spans: ev.map((e) => ({ start: e.char_start, end: e.char_end })),
          actors: withRole(parts, "actor"),
          targets: withRole(parts, "target"),
          participants: withRole(parts, "participant"),
          location: entity(row.location_id),
          // what this article reports (an event merged across articles may be dated or held differently elsewhere)
          date: ev[0]!.reported_precision != null ? (ev[0]!.reported_date ?? null) : row.date,
          precision: ev[0]!.reported_precision ?? row.date_precision,
          modality: ev[0]!.reported_modality ?? row.modality
        }
      ]
    })
    const relations = [...byTable("relations").keys()].flatMap((id): ReadonlyArray<PredRelation> => {
      const row = relationById.get(id)
      const subject = row === undefined ? null : entity(row.subject_id)
      const object = row === undefined ? null : entity(row.object_id)
      if (row === undefined || subject === null || object === null) return []
      return [
        {
          id,
          predicate: row.predicate,
          subject,
          object,
          role: row.role_title
        }
      ]
    })
    return {
      doc: source.file_name,
      text: readText(source),
      entities,
      events,
      relations
    }
  })
}
