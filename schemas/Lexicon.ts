/**
 * Contracts of the lexicon files in pipeline/lexicons/*.v1.jsonl. The first line of every file
 * is a PETRARCH-style header; every further line is one entry of the kind the header names.
 */
import { Schema } from "effect"
import { ENTITY_TYPES, EVENT_TYPES, MODALITIES, PLOVER_TYPES } from "./vocab.js"

/** First line of every lexicon file. */
export class LexiconHeader extends Schema.Class<LexiconHeader>("LexiconHeader")({
  header: Schema.Literal(true),
  kind: Schema.Literal("gazetteer", "triggers", "modality", "titles", "cues"),
  name: Schema.String,
  version: Schema.String,
  source: Schema.String,
  licence: Schema.String,
  description: Schema.String,
  known_problems: Schema.Array(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** A Wikidata item id: Q and a number without leading zeros. */
export const WIKIDATA_QID = /^Q[1-9]\d*$/

const IsoDate = Schema.String.pipe(Schema.pattern(/^\d{4}(-\d{2}(-\d{2})?)?$/))

/** A position held by a gazetteer person, bounded in time (PETRARCH's date-restricted codes). */
export const Position = Schema.Struct({
  role: Schema.String,
  of: Schema.String,
  from: Schema.optional(IsoDate),
  to: Schema.optional(IsoDate)
})
export type Position = typeof Position.Type

/** A named thing: canonical id, type, name and aliases; optional codes and knowledge. */
export class GazetteerEntry extends Schema.Class<GazetteerEntry>("GazetteerEntry")({
  id: Schema.String.pipe(Schema.pattern(/^[a-z_]+:[A-Za-z0-9._-]+$/)),
  type: Schema.Literal(...ENTITY_TYPES),
  name: Schema.String,
  aliases: Schema.Array(Schema.String),
  /** Aliases matched without regard to case (e.g. commodities: "Uranium", "uranium"). */
  case_insensitive: Schema.optional(Schema.Boolean),
  /** Demonyms / adjectives naming the entity ("Kazakh", "Kazakhstani"); countries only. */
  demonyms: Schema.optional(Schema.Array(Schema.String)),
  iso2: Schema.optional(Schema.String),
  iso3: Schema.optional(Schema.String),
  /** Wikidata item (Q-number), only where a public source names it. */
  wikidata: Schema.optional(Schema.String.pipe(Schema.pattern(WIKIDATA_QID))),
  /** Where the Wikidata item was checked (a public source naming the item), for hand-added items. */
  wikidata_source: Schema.optional(Schema.String),
  positions: Schema.optional(Schema.Array(Position)),
  /** Gazetteer id of the country a city or site lies in. */
  located_in: Schema.optional(Schema.String),
  /** Gazetteer id of the country whose capital this is. */
  capital_of: Schema.optional(Schema.String),
  /** Gazetteer ids of regions this entry is part of (countries: "location:central-asia"). */
  part_of: Schema.optional(Schema.Array(Schema.String)),
  valid_from: Schema.optional(IsoDate),
  valid_to: Schema.optional(IsoDate),
  note: Schema.optional(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** A word that signals an event, keyed by lemma, with its CAMEO code and PLOVER category. */
export class TriggerEntry extends Schema.Class<TriggerEntry>("TriggerEntry")({
  id: Schema.String,
  lemma: Schema.String,
  forms: Schema.Array(Schema.String),
  pos: Schema.Literal("verb", "noun"),
  event_type: Schema.Literal(...EVENT_TYPES),
  cameo: Schema.String.pipe(Schema.pattern(/^\d{2,4}$/)),
  plover: Schema.Literal(...PLOVER_TYPES),
  /** Words that must (or must not) follow within a few tokens for the trigger to fire. */
  requires_after: Schema.optional(Schema.Array(Schema.String)),
  blocked_after: Schema.optional(Schema.Array(Schema.String)),
  blocked_before: Schema.optional(Schema.Array(Schema.String)),
  /**
   * Words that must not stand among the next four tokens (the object of a light verb: "paid a visit", "pays tribute").
   */
  blocked_near: Schema.optional(Schema.Array(Schema.String)),
  /**
   * A change of quantity ("increased", "rose") is an event only with a figure after it in its clause ("rose to $5
   * billion", "grew by 12%").
   */
  requires_figure: Schema.optional(Schema.Boolean),
  /**
   * A verb whose forms after an article are not read as its noun ("the claims of X" is no claiming): its nouns are
   * entries of their own.
   */
  verb_only: Schema.optional(Schema.Boolean),
  /**
   * A verb of taking part ("attend", "participate in"): with a gathering noun after it in its clause, the gathering is
   * the event.
   */
  participates: Schema.optional(Schema.Boolean),
  /** A source attribution ("according to X"): the name after it speaks, and what follows its comma is what was said. */
  attribution: Schema.optional(Schema.Boolean),
  /**
   * A statement verb that reports news of its own ("announced", "revealed"): it opens a statement rather than
   * continuing the speaker's remarks.
   */
  announces: Schema.optional(Schema.Boolean),
  note: Schema.optional(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** A cue that sets an event's modality when it occurs near the trigger. */
export class ModalityCue extends Schema.Class<ModalityCue>("ModalityCue")({
  id: Schema.String,
  /** Regular-expression source, matched case-insensitively on word boundaries. */
  pattern: Schema.String,
  modality: Schema.Literal(...MODALITIES),
  /** Where the cue must stand relative to the trigger. */
  position: Schema.Literal("before", "after", "either"),
  /** Maximum distance in tokens between cue and trigger. */
  window: Schema.Int,
  priority: Schema.Int,
  note: Schema.optional(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** A title that marks a person and names a position (President, Senator, political scientist). */
export class TitleEntry extends Schema.Class<TitleEntry>("TitleEntry")({
  id: Schema.String,
  title: Schema.String,
  forms: Schema.Array(Schema.String),
  /** What the title is normally held in: a state, an organisation, or neither (an occupation). */
  holder_of: Schema.Literal("country", "organization", "none"),
  /** Relation the title implies: holds_position (office) or affiliated_with (occupation at an employer). */
  predicate: Schema.Literal("holds_position", "affiliated_with"),
  /**
   * Gazetteer id of the state an unqualified title belongs to, for offices only one state of the domain has ("Senator",
   * "Secretary of State").
   */
  default_holder: Schema.optional(Schema.String),
  note: Schema.optional(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** A small word-list entry (organisation suffixes, non-name capitalised words, given names ...). */
export class CueEntry extends Schema.Class<CueEntry>("CueEntry")({
  id: Schema.String,
  list: Schema.String,
  words: Schema.Array(Schema.String),
  note: Schema.optional(Schema.String)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}

/** One lexicon file's (or data package's) origin, as its header states it. */
export interface LexiconProvenance {
  readonly file: string
  readonly name: string
  readonly version: string
  readonly kind: string
  readonly source: string
  readonly licence: string
  readonly sha256: string | null
}
