/**
 * Closed vocabularies shared by the tables, the lexicons and the gold format.
 */

/** Entity types (see ../shared/gold/FORMAT.md). */
export const ENTITY_TYPES = [
  "person",
  "country",
  "organization",
  "location",
  "initiative",
  "legislation",
  "commodity",
  "named_event"
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** Event types. */
export const EVENT_TYPES = [
  "meeting",
  "visit",
  "phone_call",
  "statement",
  "invitation",
  "agreement",
  "accession",
  "legislation",
  "restriction",
  "economic",
  "appeal",
  "other"
] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** PLOVER event categories used by the CAMEO → PLOVER mapping in the trigger lexicon. */
export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "SANCTION",
  "PROTEST",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
  "OTHER"
] as const
export type PloverType = (typeof PLOVER_TYPES)[number]

/** Factuality of an event as the text presents it. */
export const MODALITIES = ["asserted", "planned", "expected", "hypothetical", "negated"] as const
export type Modality = (typeof MODALITIES)[number]

/** Precision of a partial ISO 8601 date. */
export const DATE_PRECISIONS = ["day", "month", "year", "unknown"] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

/** Participant roles. */
export const ROLES = ["actor", "target", "participant"] as const
export type Role = (typeof ROLES)[number]

/** Relation predicates. */
export const PREDICATES = [
  "holds_position",
  "member_of",
  "part_of",
  "located_in",
  "capital_of",
  "has_resource",
  "affiliated_with",
  "partner_of"
] as const
export type Predicate = (typeof PREDICATES)[number]

/** How a source's publication date was established. */
export const DATE_BASES = ["metadata", "stated_in_text", "url", "inferred_from_content", "unknown"] as const
export type DateBasis = (typeof DATE_BASES)[number]

/** Where a source's metadata came from. */
export const METADATA_ORIGINS = ["manifest", "sidecar", "inferred"] as const
export type MetadataOrigin = (typeof METADATA_ORIGINS)[number]

/**
 * What a release publishes of a source's text: `full` (texts/<source_id>.txt) or `quotes` (its hash, offsets and
 * evidence quotes only).
 */
export const TEXT_POLICIES = ["full", "quotes"] as const
export type TextPolicy = (typeof TEXT_POLICIES)[number]

/** Tables an evidence row can support. */
export const EVIDENCE_TABLES = ["entities", "events", "event_participants", "relations"] as const
export type EvidenceTable = (typeof EVIDENCE_TABLES)[number]

/** How an entity was detected. */
export const DETECTIONS = ["gazetteer", "pattern"] as const
export type Detection = (typeof DETECTIONS)[number]
