/**
 * Contract between 03-extract and 04-resolve: everything extracted from ONE article, as a
 * pure value (offsets already in Unicode code points). It is what the per-article cache stores.
 */
import { Schema } from "effect"
import {
  DATE_PRECISIONS,
  DETECTIONS,
  ENTITY_TYPES,
  EVENT_TYPES,
  MODALITIES,
  PLOVER_TYPES,
  PREDICATES,
  ROLES
} from "./vocab.js"

/** A code-point span of the source text with its quote. */
export const Span = Schema.Struct({
  start: Schema.Int,
  end: Schema.Int,
  quote: Schema.String
})
export type Span = typeof Span.Type

/** One mention of an entity. `key` links mentions of the same thing within and across articles. */
export const EntityMention = Schema.Struct({
  key: Schema.String,
  type: Schema.Literal(...ENTITY_TYPES),
  name: Schema.String,
  span: Span,
  detection: Schema.Literal(...DETECTIONS),
  method: Schema.String,
  confidence: Schema.Number
})
export type EntityMention = typeof EntityMention.Type

/**
 * A partial date as resolved from the text; `end`, when the text states an interval ("10–13 June"), its last day or
 * month at the same precision.
 */
export const ResolvedDate = Schema.Struct({
  value: Schema.NullOr(Schema.String),
  precision: Schema.Literal(...DATE_PRECISIONS),
  end: Schema.optional(Schema.String)
})
export type ResolvedDate = typeof ResolvedDate.Type

/** A participant of an event mention: the entity key, its role and the span naming it. */
export const ParticipantMention = Schema.Struct({
  key: Schema.String,
  role: Schema.Literal(...ROLES),
  span: Span
})
export type ParticipantMention = typeof ParticipantMention.Type

/** One report of an event in one article. */
export const EventMention = Schema.Struct({
  type: Schema.Literal(...EVENT_TYPES),
  cameo: Schema.String,
  plover: Schema.Literal(...PLOVER_TYPES),
  trigger: Schema.String,
  /** The clauses that state the event in this article (each becomes an evidence row). */
  spans: Schema.Array(Span),
  date: ResolvedDate,
  /** True when the date is the report's own (publication) date, not one stated for the event. */
  dateFromReport: Schema.Boolean,
  modality: Schema.Literal(...MODALITIES),
  location: Schema.NullOr(Schema.String),
  participants: Schema.Array(ParticipantMention),
  method: Schema.String,
  confidence: Schema.Number
})
export type EventMention = typeof EventMention.Type

/** One statement of a relation in one article. */
export const RelationMention = Schema.Struct({
  predicate: Schema.Literal(...PREDICATES),
  subject: Schema.String,
  object: Schema.String,
  role: Schema.NullOr(Schema.String),
  span: Span,
  method: Schema.String,
  confidence: Schema.Number
})
export type RelationMention = typeof RelationMention.Type

/** Canonical facts about an entity key (name, type, codes), as the extractor knows them. */
export const EntityInfo = Schema.Struct({
  key: Schema.String,
  type: Schema.Literal(...ENTITY_TYPES),
  name: Schema.String,
  detection: Schema.Literal(...DETECTIONS),
  iso2: Schema.NullOr(Schema.String),
  iso3: Schema.NullOr(Schema.String),
  wikidata: Schema.NullOr(Schema.String),
  gazetteerKey: Schema.NullOr(Schema.String)
})
export type EntityInfo = typeof EntityInfo.Type

/** Everything extracted from one article. */
export class ArticleExtraction extends Schema.Class<ArticleExtraction>("ArticleExtraction")({
  sourceId: Schema.String,
  entities: Schema.Array(EntityInfo),
  mentions: Schema.Array(EntityMention),
  events: Schema.Array(EventMention),
  relations: Schema.Array(RelationMention)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}
