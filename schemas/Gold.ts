/** Contract of a gold annotation file (../shared/gold/FORMAT.md), used by `eval`. */
import { Schema } from "effect"
import { DATE_PRECISIONS, ENTITY_TYPES, EVENT_TYPES, MODALITIES, PREDICATES } from "./vocab.js"

export const GoldEntity = Schema.Struct({
  name: Schema.String,
  type: Schema.Literal(...ENTITY_TYPES),
  aliases: Schema.Array(Schema.String),
  quote: Schema.String
})
export type GoldEntity = typeof GoldEntity.Type

export const GoldEvent = Schema.Struct({
  id: Schema.String,
  type: Schema.Literal(...EVENT_TYPES),
  summary: Schema.optional(Schema.String),
  actors: Schema.Array(Schema.String),
  targets: Schema.Array(Schema.String),
  location: Schema.NullOr(Schema.String),
  date: Schema.NullOr(Schema.String),
  date_precision: Schema.Literal(...DATE_PRECISIONS),
  modality: Schema.Literal(...MODALITIES),
  quote: Schema.String
})
export type GoldEvent = typeof GoldEvent.Type

export const GoldRelation = Schema.Struct({
  subject: Schema.String,
  predicate: Schema.Literal(...PREDICATES),
  object: Schema.String,
  role: Schema.optional(Schema.NullOr(Schema.String)),
  quote: Schema.String
})
export type GoldRelation = typeof GoldRelation.Type

/** One gold file: the annotations of one article. */
export class GoldDocument extends Schema.Class<GoldDocument>("GoldDocument")({
  doc: Schema.String,
  published: Schema.Struct({
    date: Schema.NullOr(Schema.String),
    precision: Schema.Literal(...DATE_PRECISIONS),
    basis: Schema.String
  }),
  entities: Schema.Array(GoldEntity),
  events: Schema.Array(GoldEvent),
  relations: Schema.Array(GoldRelation)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}
