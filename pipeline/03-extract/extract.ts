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
import { makeDoc } from "./doc.js"
import { findEntityMentions, type Mention, roleView } from "./entities.js"
import { findEvents } from "./events.js"
import type { LexiconBundle } from "./lexicon/Lexicons.js"
import { qualifiedNames } from "./qualified.js"
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

/** Extract entities, events and relations from one article. */
export const extractArticle = (input: ExtractInput, lex: LexiconBundle): ArticleExtraction => {
  const { text } = input
  const doc = makeDoc(text, input.published, lex)
  const cp = makeCodePointIndex(text)
  const span = (start: number, end: number): Span => ({
    start: cp(start),
    end: cp(end),
    quote: text.slice(start, end)
  })

  const { mentions: found, aliases } = findEntityMentions(doc)
  // events and relations read a capital that stands for its government as that state: the state
  // is known by the capital's name there too (one more mention of it), the city keeps its own row
  const roles = roleView(doc, found)
  const metonyms = roles.filter((m, k) => m !== found[k])
  const infos = new Map<string, EntityInfo>()
  const info = (m: Mention): EntityInfo => ({
    key: m.key,
    type: m.type,
    name: m.name,
    detection: m.detection,
    iso2: m.gaz?.iso2 ?? null,
    iso3: m.gaz?.iso3 ?? null,
    wikidata: m.gaz?.wikidata ?? null,
    gazetteerKey: m.gaz?.id ?? null
  })
  // a pattern person known by surname only takes the full name of a same-surname person
  for (const m of [...found, ...metonyms, ...aliases.map((a) => a.mention)]) {
    const prev = infos.get(m.key)
    if (!prev || (m.via === "name" && m.name.length > prev.name.length && prev.detection === "pattern"))
      infos.set(m.key, info(m))
  }
  const mentions: Array<EntityMention> = [...found, ...metonyms].map((m) => ({
    key: m.key,
    type: m.type,
    name: infos.get(m.key)!.name,
    span: span(m.start, m.end),
    detection: m.detection,
    method: m.method,
    confidence: m.confidence
  }))
  // an organisation or format named with its state before it ("U.S. Department of Commerce",
  // "Uzbekistan's Presidential Press Office", "Uzbekistan–U.S. Business Forum") is also known by that fuller name
  for (const q of [...qualifiedNames(doc, found), ...aliases])
    mentions.push({
      key: q.mention.key,
      type: q.mention.type,
      name: infos.get(q.mention.key)!.name,
      span: span(q.start, q.end),
      detection: q.mention.detection,
      method: q.mention.method,
      confidence: q.mention.confidence
    })
  const mentioned = new Set(roles.map((m) => m.key))

  const events: Array<EventMention> = findEvents(doc, roles, input.nonBody ?? []).map((e) => ({
    type: e.trigger.event_type,
    cameo: e.trigger.cameo,
    plover: e.trigger.plover,
    trigger: e.trigger.lemma,
    spans: e.spans.map((s) => span(s.start, s.end)),
    date: e.date,
    dateFromReport: e.dateFromReport,
    modality: e.modality,
    location: e.location?.key ?? null,
    participants: e.participants.map((p) => ({
      key: p.mention.key,
      role: p.role,
      span: span(p.mention.start, p.mention.end)
    })),
    method: e.method,
    confidence: e.confidence
  }))
  const nonBody = input.nonBody ?? []
  const relations: Array<RelationMention> = findRelations(doc, roles)
    // a relation stated in the title or boilerplate is left out; one whose sentence merely starts with a marker is not
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
  const entities = [...infos.values()].sort((a, b) => compareStrings(a.key, b.key))
  return new ArticleExtraction(
    { sourceId: input.sourceId, entities, mentions, events, relations },
    { disableValidation: true }
  )
}
