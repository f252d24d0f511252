/**
 * The pure per-article extractor: (source id, text, publication date, lexicons) →
 * ArticleExtraction with code-point spans. Same inputs, same output; no I/O.
 */
import {
  ArticleExtraction,
  type EntityInfo,
  type EntityMention,
  type EventMention,
  type RelationMention,
  type Span
} from "../../schemas/Extraction.js"
import type { DatePrecision } from "../../schemas/vocab.js"
import { makeCodePointIndex } from "../shared/codepoints.js"
import { compareStrings } from "../shared/compare.js"
import { type Doc, makeDoc, termAt } from "./doc.js"
import { findEntityMentions, type Mention, roleView } from "./entities.js"
import { type FoundEvent, findEvents } from "./events.js"
import type { LexiconBundle } from "./lexicon/Lexicons.js"
import { qualifiedNames } from "./qualified.js"
import type { FoundRelation } from "./relations/context.js"
import { findRelations } from "./relations.js"

/** What the extractor needs to know about an article. */
export interface ExtractInput {
  readonly sourceId: string
  readonly text: string
  readonly published: {
    readonly value: string | null
    readonly precision: DatePrecision
  }
  /** UTF-16 ranges that are not article body (title line, boilerplate): no events or relations are read there. */
  readonly nonBody?: ReadonlyArray<{
    readonly start: number
    readonly end: number
  }>
}

/** Spans in code points, with their quote, from UTF-16 offsets of the text. */
type SpanOf = (start: number, end: number) => Span

const spanMaker = (text: string): SpanOf => {
  const cp = makeCodePointIndex(text)
  return (start, end) => ({ start: cp(start), end: cp(end), quote: text.slice(start, end) })
}

const entityInfo = (mention: Mention): EntityInfo => ({
  key: mention.key,
  type: mention.type,
  name: mention.name,
  detection: mention.detection,
  iso2: mention.gaz?.iso2 ?? null,
  iso3: mention.gaz?.iso3 ?? null,
  wikidata: mention.gaz?.wikidata ?? null,
  gazetteerKey: mention.gaz?.id ?? null
})

/** One entity per key; a pattern person known by surname only takes the full name of a same-surname person. */
const entityInfos = (mentions: ReadonlyArray<Mention>): Map<string, EntityInfo> => {
  const infos = new Map<string, EntityInfo>()
  for (const mention of mentions) {
    const known = infos.get(mention.key)
    if (!known || (mention.via === "name" && mention.name.length > known.name.length && known.detection === "pattern"))
      infos.set(mention.key, entityInfo(mention))
  }
  return infos
}

/** A mention row of the entity a mention names, over the span [start, end). */
const mentionRow = (mention: Mention, infos: ReadonlyMap<string, EntityInfo>, span: Span): EntityMention => ({
  key: mention.key,
  type: mention.type,
  name: infos.get(mention.key)!.name,
  span,
  detection: mention.detection,
  method: mention.method,
  confidence: mention.confidence
})

const eventRow = (event: FoundEvent, span: SpanOf): EventMention => ({
  type: event.trigger.event_type,
  cameo: event.trigger.cameo,
  plover: event.trigger.plover,
  trigger: event.trigger.lemma,
  spans: event.spans.map((s) => span(s.start, s.end)),
  date: event.date,
  dateFromReport: event.dateFromReport,
  modality: event.modality,
  location: event.location?.key ?? null,
  participants: event.participants.map((p) => ({
    key: p.mention.key,
    role: p.role,
    span: span(p.mention.start, p.mention.end)
  })),
  method: event.method,
  confidence: event.confidence
})

/**
 * The relations between two different entities the article mentions; a relation stated in the title or boilerplate
 * is left out, one whose sentence merely starts with a marker is not.
 */
const relationRows = (
  relations: ReadonlyArray<FoundRelation>,
  mentioned: ReadonlySet<string>,
  nonBody: NonNullable<ExtractInput["nonBody"]>,
  span: SpanOf
): Array<RelationMention> =>
  relations
    .filter((r) => !nonBody.some((x) => r.start >= x.start && r.start < x.end && r.end <= x.end))
    .filter((r) => mentioned.has(r.subject.key) && mentioned.has(r.object.key) && r.subject.key !== r.object.key)
    .map((r) => ({
      predicate: r.predicate,
      subject: r.subject.key,
      object: r.object.key,
      role: r.role,
      span: span(r.start, r.end),
      method: r.method,
      confidence: r.confidence
    }))

/** The entity part of an extraction (everything before events and relations). */
interface Mentions {
  readonly doc: Doc
  readonly span: SpanOf
  /** The mentions events and relations read (a capital standing for its government as that state). */
  readonly roles: ReadonlyArray<Mention>
  readonly infos: ReadonlyMap<string, EntityInfo>
  readonly rows: ReadonlyArray<EntityMention>
}

const findMentions = (input: ExtractInput, lex: LexiconBundle): Mentions => {
  const { text } = input
  const doc = makeDoc(text, input.published, lex)
  const span = spanMaker(text)
  const { mentions: found, aliases } = findEntityMentions(doc)
  // events and relations read a capital that stands for its government as that state: the state
  // is known by the capital's name there too (one more mention of it), the city keeps its own row
  const roles = roleView(doc, found)
  const metonyms = roles.filter((m, k) => m !== found[k])
  const infos = entityInfos([...found, ...metonyms, ...aliases.map((alias) => alias.mention)])
  const rows: Array<EntityMention> = [...found, ...metonyms].map((m) => mentionRow(m, infos, span(m.start, m.end)))
  // an organisation or format named with its state before it ("U.S. Department of Commerce",
  // "Uzbekistan's Presidential Press Office", "Uzbekistan–U.S. Business Forum") is also known by that fuller name
  for (const qualified of [...qualifiedNames(doc, found), ...aliases])
    rows.push(mentionRow(qualified.mention, infos, span(qualified.start, qualified.end)))
  return { doc, span, roles, infos, rows }
}

/** The relation rows of an article. */
const relationsOf = (input: ExtractInput, m: Mentions): Array<RelationMention> =>
  relationRows(findRelations(m.doc, m.roles), new Set(m.roles.map((r) => r.key)), input.nonBody ?? [], m.span)

/** The extraction of an article from its mentions and relations (its events found here). */
const extraction = (
  input: ExtractInput,
  m: Mentions,
  relations: () => ReadonlyArray<RelationMention>
): ArticleExtraction => {
  const events = findEvents(m.doc, m.roles, input.nonBody ?? []).map((event) => eventRow(event, m.span))
  const entities = [...m.infos.values()].sort((a, b) => compareStrings(a.key, b.key))
  return new ArticleExtraction(
    { sourceId: input.sourceId, entities, mentions: m.rows, events, relations: relations() },
    { disableValidation: true }
  )
}

/** Extract entities, events and relations from one article. */
export const extractArticle = (input: ExtractInput, lex: LexiconBundle): ArticleExtraction => {
  const m = findMentions(input, lex)
  return extraction(input, m, () => relationsOf(input, m))
}

/** Does a gazetteer position of one of these entities start or end between the two dates (held at one, not the other)? */
const termsDiffer = (lex: LexiconBundle, ids: ReadonlySet<string>, a: string | null, b: string | null): boolean => {
  for (const id of ids)
    for (const term of lex.entities.get(id)?.positions ?? []) if (termAt(term, a) !== termAt(term, b)) return true
  return false
}

/**
 * Extract an article again at another reference date, given its extraction at the date `before` (same output as
 * extractArticle at the new date). Entities and relations read the reference date only through doc.ts's heldAt, which
 * asks whether a gazetteer position of a person the article mentions is held at it: when none of their positions
 * starts or ends between the two dates (a day found for an article known to its month, in that month), every such
 * reading gives the answer it gave before, the relations are those found before, and only the mentions (which events
 * read) and the events are found again.
 */
export const reextractArticle = (
  input: ExtractInput,
  before: { readonly date: string | null; readonly extraction: ArticleExtraction },
  lex: LexiconBundle
): ArticleExtraction => {
  const m = findMentions(input, lex)
  const mentioned = new Set<string>()
  for (const mention of m.roles) if (mention.gaz !== null) mentioned.add(mention.gaz.id)
  for (const entity of before.extraction.entities) if (entity.gazetteerKey !== null) mentioned.add(entity.gazetteerKey)
  const same = !termsDiffer(lex, mentioned, before.date, input.published.value)
  return extraction(input, m, () => (same ? before.extraction.relations : relationsOf(input, m)))
}
