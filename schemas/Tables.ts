/**
 * The published tables. Each is one `defineTable` record; the row classes in the sibling
 * files are built from these columns, and so are the Arrow, CSV and Table Schema writers.
 */
import { Schema } from "effect"
import { col, defineTable } from "./Column.js"
import {
  DATE_BASES,
  DATE_PRECISIONS,
  DETECTIONS,
  ENTITY_TYPES,
  EVENT_TYPES,
  EVIDENCE_TABLES,
  METADATA_ORIGINS,
  MODALITIES,
  PLOVER_TYPES,
  PREDICATES,
  ROLES,
  TEXT_POLICIES
} from "./vocab.js"

/** How a CAMEO code is published: `CAMEO:` and the code ("CAMEO:042"), never digits alone (docs/loading.md). */
export const CAMEO_CODE = /^CAMEO:\d{2,4}$/

/** The published form of a lexicon's CAMEO code ("042" → "CAMEO:042"): no reader takes it for a number. */
export const cameoCodeOf = (code: string): string => `CAMEO:${code}`

/** One row per accepted source article. */
export const sourcesTable = defineTable("sources", "One row per source article accepted into the release.", {
  source_id: col.id("src", "Source id: src_ + first 16 hex digits of the SHA-256 of the published text."),
  file_name: col.text("File name of the article in the sources folder."),
  title: col.textNullable("Title: from metadata, else the first line of the text when it reads as a headline."),
  publisher: col.textNullable("Publisher, from the manifest or sidecar metadata."),
  url: col.textNullable("URL of the original article where known."),
  published: col.textNullable(
    "Publication date as ISO 8601 at its precision (YYYY, YYYY-MM or YYYY-MM-DD): text, also when it is a year alone."
  ),
  published_date: col.dateNullable("First day of the publication date (date32)."),
  published_precision: col.category(DATE_PRECISIONS, "Precision of `published`."),
  published_basis: col.category(DATE_BASES, "How the publication date was established."),
  published_note: col.textNullable("Free-text note on how the publication date was established."),
  language: col.text("BCP 47 language tag of the text."),
  licence: col.textNullable("Licence or rights note for the source text."),
  metadata_origin: col.category(
    METADATA_ORIGINS,
    "Where the metadata came from: manifest, sidecar .meta.json, or inferred."
  ),
  raw_sha256: col.text("SHA-256 of the raw bytes of the source file as received."),
  text_sha256: col.text(
    "SHA-256 of the UTF-8 bytes of the text every evidence offset refers to (the file at text_path when published)."
  ),
  text_path: col.textNullable(
    "Path, inside the release, of the text that every evidence offset refers to; null when text_policy is quotes."
  ),
  text_policy: col.category(
    TEXT_POLICIES,
    "full: the text is published at text_path; quotes: only its hash, the offsets and the evidence quotes are (the source's licence does not allow the full text)."
  ),
  char_count: col.int("Length of the published text in Unicode code points."),
  boilerplate: col.list(
    "Lines that are not article text (repeated title, tags, credits, author bio, original url), verbatim."
  ),
  boilerplate_kinds: col.list("Kind of each line in `boilerplate`, in the same order.")
})

/** One row per real-world entity. */
export const entitiesTable = defineTable(
  "entities",
  "People, states, organisations, places, initiatives, laws, commodities and named events.",
  {
    entity_id: col.id(
      "ent",
      "Entity id: ent_ + hash of the entity's canonical key (gazetteer id, or type + folded name)."
    ),
    entity_type: col.category(ENTITY_TYPES, "Entity type."),
    name: col.text("Canonical name."),
    aliases: col.list("Every surface form seen in the sources, plus gazetteer aliases that occurred, sorted."),
    iso_alpha2: col.textNullable(
      "ISO 3166-1 alpha-2 code (countries). `NA` is Namibia: read CSV with only an empty field as null (LOADING.md)."
    ),
    iso_alpha3: col.textNullable("ISO 3166-1 alpha-3 code (countries)."),
    wikidata_qid: col.textNullable("Wikidata item (Q-number) where the gazetteer records it."),
    gazetteer_key: col.textNullable(
      "Key of the gazetteer entry the entity was resolved to; null for names found by patterns."
    ),
    detection: col.category(
      DETECTIONS,
      "gazetteer: listed in a lexicon; pattern: found by title, suffix or capitalisation cues."
    ),
    confidence: col.float("Highest confidence over the entity's mentions (0–1)."),
    source_count: col.int("Number of sources that mention the entity."),
    mention_count: col.int("Number of mentions (evidence rows) of the entity.")
  }
)

/** One row per real-world event, merged across sources. */
export const eventsTable = defineTable(
  "events",
  "Events (meetings, visits, calls, agreements, accessions, restrictions, ...), one row per real-world event.",
  {
    event_id: col.id("evt", "Event id: evt_ + hash of the event's founding mention (see README, id scheme)."),
    event_type: col.category(EVENT_TYPES, "Event type (gold-format vocabulary)."),
    cameo_code: {
      ...col.text(
        "CAMEO event code as `CAMEO:` + the code (CAMEO:042), so that no CSV reader takes it for a number and drops its leading zero; the code is the part after the colon."
      ),
      schema: Schema.String.pipe(Schema.pattern(CAMEO_CODE)),
      pattern: CAMEO_CODE
    },
    plover_type: col.category(PLOVER_TYPES, "PLOVER event category."),
    summary: col.text("Generated one-line summary: type, trigger and participants."),
    trigger: col.text("Lemma of the word that signalled the event."),
    date: col.textNullable(
      "Event date as ISO 8601 at its precision (text, also a year alone); null when the text gives no time."
    ),
    date_start: col.dateNullable("First day of `date` (date32)."),
    date_end: col.textNullable(
      'When the text states an interval ("from 10 to 13 June", "June 10–13", "a three-day visit starting June 10"): its last day (or month), ISO 8601 at the precision of `date`, which is then the first; null otherwise.'
    ),
    date_precision: col.category(DATE_PRECISIONS, "Precision of `date`."),
    modality: col.category(MODALITIES, "asserted, planned, expected, hypothetical or negated."),
    location_id: col.idNullable("ent", "Where the event took place (an entity), if stated.", "entities"),
    source_count: col.int("Number of sources reporting the event."),
    evidence_count: col.int("Number of evidence rows (reports) of the event."),
    date_conflict: col.bool("True when reports give incompatible dates; each report's date is on its evidence row."),
    confidence: col.float("Confidence of the extraction (0–1).")
  }
)

/** Who took part in an event, in which role. */
export const participantsTable = defineTable("event_participants", "Participants of events with their roles.", {
  participant_id: col.id(
    "par",
    "Participant id: par_ + hash of (event_id, entity_id); the role is a column and may change as reports are added."
  ),
  event_id: col.id("evt", "The event.", "events"),
  entity_id: col.id("ent", "The participating entity.", "entities"),
  role: col.category(ROLES, "actor (acts), target (acted upon), participant (otherwise involved).")
})

/** Facts stated between two entities. */
export const relationsTable = defineTable("relations", "Relations stated in the text between two entities.", {
  relation_id: col.id("rel", "Relation id: rel_ + hash of (predicate, subject, object, role_title)."),
  predicate: col.category(PREDICATES, "Relation predicate."),
  subject_id: col.id("ent", "Subject entity.", "entities"),
  object_id: col.id("ent", "Object entity.", "entities"),
  role_title: col.textNullable("For holds_position: the title (President, Secretary of State, ...)."),
  source_count: col.int("Number of sources stating the relation."),
  confidence: col.float("Confidence (0–1).")
})

/** One row per (row, source span) supporting a published row. */
export const evidenceTable = defineTable(
  "evidence",
  "Provenance: every row of every table is supported by one or more quoted spans.",
  {
    evidence_id: col.id("evd", "Evidence id: evd_ + hash of (row_id, source_id, char_start, char_end, method)."),
    row_id: col.text("Primary key of the supported row (entity, event, participant or relation)."),
    row_table: col.category(EVIDENCE_TABLES, "Table of the supported row."),
    source_id: col.id("src", "Source the quote comes from.", "sources"),
    text_sha256: col.text("SHA-256 of the source text the offsets refer to."),
    char_start: col.int("Start offset in Unicode code points (W3C TextPositionSelector, inclusive)."),
    char_end: col.int("End offset in Unicode code points (exclusive)."),
    quote: col.text("The exact text between char_start and char_end."),
    method: col.text("Versioned id of the rule that produced the row (e.g. event.trigger.v1)."),
    pipeline_version: col.text("Pipeline version that produced the row."),
    confidence: col.float("Confidence of this piece of evidence (0–1)."),
    reported_date: col.textNullable("For events: the date as this report gives it (ISO 8601 at its precision, text)."),
    reported_precision: col.categoryNullable(DATE_PRECISIONS, "For events: precision of reported_date."),
    reported_modality: col.categoryNullable(MODALITIES, "For events: modality as this report gives it."),
    conflict: col.bool("True when this report contradicts another report of the same event (e.g. another date).")
  }
)

/** All tables in publication order (evidence first among fact tables is not required; sources first). */
export const TABLES = [
  sourcesTable,
  entitiesTable,
  eventsTable,
  participantsTable,
  relationsTable,
  evidenceTable
] as const
export type AnyTable = (typeof TABLES)[number]
