/**
 * Contract of the rule registry (pipeline/03-extract/rules.v1.jsonl): every rule id the evidence table's `method`
 * column can hold, with what it matches and an example written for it. Line 1 is a PETRARCH-style header, as in the
 * lexicons; each further line is one rule.
 */
import { Schema } from "effect"
import { ENTITY_TYPES, EVENT_TYPES, EVIDENCE_TABLES, PREDICATES, ROLES } from "./vocab.js"

/** First line of the registry. */
export class RuleRegistryHeader extends Schema.Class<RuleRegistryHeader>("RuleRegistryHeader")({
  header: Schema.Literal(true),
  kind: Schema.Literal("rules"),
  name: Schema.String,
  version: Schema.String,
  source: Schema.String,
  licence: Schema.String,
  description: Schema.String,
  known_problems: Schema.Array(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** What an entity rule yields from its example: the quoted span and the entity's type. */
const EntityYield = Schema.Struct({ quote: Schema.String, entity_type: Schema.Literal(...ENTITY_TYPES) })
/** What an event rule yields: the event type and the trigger's lemma. */
const EventYield = Schema.Struct({ event_type: Schema.Literal(...EVENT_TYPES), trigger: Schema.String })
/** What the participant rule yields: an entity (canonical name) and its role. */
const ParticipantYield = Schema.Struct({ entity: Schema.String, role: Schema.Literal(...ROLES) })
/** What a relation rule yields: predicate, subject and object (canonical names). */
const RelationYield = Schema.Struct({
  predicate: Schema.Literal(...PREDICATES),
  subject: Schema.String,
  object: Schema.String
})

/** One rule: its versioned id (the `method` value), the table its rows support, what it matches, an example. */
export class RuleEntry extends Schema.Class<RuleEntry>("RuleEntry")({
  id: Schema.String.pipe(Schema.pattern(/^(entity|event|relation)\.[a-z0-9-]+\.v\d+$/)),
  table: Schema.Literal(...EVIDENCE_TABLES),
  description: Schema.String.pipe(Schema.minLength(10)),
  /** A sentence written for the rule (never taken from an article); the rule fires on it (tested). */
  example: Schema.String.pipe(Schema.minLength(10)),
  yields: Schema.Union(EntityYield, EventYield, ParticipantYield, RelationYield)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}
