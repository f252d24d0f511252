/** The in-memory shape of a release's tables (rows exactly as published). */
import type { Entity } from "../../schemas/Entity.js"
import type { Event } from "../../schemas/Event.js"
import type { EventParticipant } from "../../schemas/EventParticipant.js"
import type { Evidence } from "../../schemas/Evidence.js"
import type { Relation } from "../../schemas/Relation.js"
import type { Source } from "../../schemas/Source.js"
import type { EvidenceTable } from "./evidenceTable.js"

type Row<T> = { -readonly [K in keyof T]: T[K] }

/** Rows of every table, each sorted by primary key. */
export interface ReleaseTables {
  readonly sources: ReadonlyArray<Row<Source>>
  readonly entities: ReadonlyArray<Row<Entity>>
  readonly events: ReadonlyArray<Row<Event>>
  readonly event_participants: ReadonlyArray<Row<EventParticipant>>
  readonly relations: ReadonlyArray<Row<Relation>>
  readonly evidence: EvidenceTable
}

export type SourceRow = Row<Source>
export type EntityRow = Row<Entity>
export type EventRow = Row<Event>
export type ParticipantRow = Row<EventParticipant>
export type RelationRow = Row<Relation>
export type EvidenceRow = Row<Evidence>
