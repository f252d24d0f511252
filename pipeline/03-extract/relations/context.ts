/**
 * What every relation rule reads: the document, its mentions indexed by token and by sentence,
 * which locations are regions and which states the gazetteer places in them, plus span helpers.
 */
import type { Predicate } from "../../../schemas/vocab.js"
import { tokenize } from "../../text/tokens.js"
import { bySentence, type Doc } from "../doc.js"
import type { Mention } from "../entities.js"
import type { GazEntity, LexiconBundle } from "../lexicon/Lexicons.js"

/** A relation found in the text (UTF-16 span of its evidence). */
export interface FoundRelation {
  readonly predicate: Predicate
  readonly subject: Mention
  readonly object: Mention
  readonly role: string | null
  readonly start: number
  readonly end: number
  readonly method: string
  readonly confidence: number
}

/** The shared, read-only state of one document's relation pass. */
export interface RelContext {
  readonly doc: Doc
  readonly mentions: ReadonlyArray<Mention>
  /** The mention covering each token (the first one found), if any. */
  readonly at: ReadonlyArray<Mention | undefined>
  /** Mentions by sentence index. */
  readonly perSentence: ReadonlyArray<ReadonlyArray<Mention>>
  /** Gazetteer states by the region id they are part of. */
  readonly membersOf: ReadonlyMap<string, ReadonlyArray<GazEntity>>
  /** Gazetteer capitals by the id of their state. */
  readonly capitals: ReadonlyMap<string, GazEntity>
  /** 1 for each token inside a title phrase ("Deputy Prime Minister"), else 0. */
  readonly inTitle: Uint8Array
  /** The longest title starting at each token (the titles trie's answer), if any. */
  readonly titleAt: ReadonlyArray<ReturnType<LexiconBundle["titles"]["longest"]>>
}

/** What the relation rules look up in the gazetteer, indexed once per lexicon bundle (not per document). */
interface LexIndex {
  readonly membersOf: ReadonlyMap<string, ReadonlyArray<GazEntity>>
  readonly capitals: ReadonlyMap<string, GazEntity>
}
const lexIndexes = new WeakMap<LexiconBundle, LexIndex>()
const lexIndex = (lex: LexiconBundle): LexIndex => {
  const known = lexIndexes.get(lex)
  if (known) return known
  const membersOf = new Map<string, Array<GazEntity>>()
  const capitals = new Map<string, GazEntity>()
  for (const e of lex.entities.values()) {
    if (e.type === "country") for (const r of e.partOf) membersOf.set(r, [...(membersOf.get(r) ?? []), e])
    if (e.type === "location" && e.capitalOf && !capitals.has(e.capitalOf)) capitals.set(e.capitalOf, e)
  }
  const index = { membersOf, capitals }
  lexIndexes.set(lex, index)
  return index
}

/**
 * "the country" standing for the one state the text names in its sentence so far and the sentence before
 * ("Chile's coast is long. The country also ..."), and "the region" / "a region" for the one region named
 * there ("... interest in the Andes, a region rich in lithium"), as a mention of it
 * at those two words; nothing when two are named there.
 */
const anaphors = (doc: Doc, mentions: ReadonlyArray<Mention>, region: (m: Mention) => boolean): Array<Mention> => {
  const { tokens, sentenceOf } = doc
  const perSentence = bySentence(doc, mentions)
  const out: Array<Mention> = []
  for (let k = 0; k + 1 < tokens.length; k++) {
    const noun = tokens[k + 1]!.norm
    const det = tokens[k]!.norm
    if (!(det === "the" && noun === "country") && !((det === "the" || det === "a") && noun === "region")) continue
    const si = sentenceOf[k]!
    const near = [...(si > 0 ? perSentence[si - 1]! : []), ...perSentence[si]!.filter((m) => m.tokEnd <= k)]
    const kind =
      noun === "country"
        ? (m: Mention) => m.type === "country" && (m.via === "name" || m.via === "demonym")
        : (m: Mention) => region(m) && m.via === "name"
    const named = near.filter(kind)
    if (named.length === 0 || named.some((m) => m.key !== named[0]!.key)) continue
    const a = named[named.length - 1]!
    out.push({
      ...a,
      tokStart: k,
      tokEnd: k + 2,
      start: tokens[k]!.start,
      end: tokens[k + 1]!.end,
      via: "name",
      method: "relation.country-anaphor.v1",
      confidence: Math.min(a.confidence, 0.6)
    })
  }
  return out
}

/** Build the context once per document. */
export const makeContext = (doc: Doc, found: ReadonlyArray<Mention>): RelContext => {
  const { membersOf, capitals } = lexIndex(doc.lex)
  const region = (m: Mention) => isRegionIn(membersOf, m)
  const mentions = [...found, ...anaphors(doc, found, region)].sort((a, b) => a.start - b.start || b.end - a.end)
  const at: Array<Mention | undefined> = new Array(doc.tokens.length)
  for (const m of mentions) for (let k = m.tokStart; k < m.tokEnd; k++) if (!at[k]) at[k] = m
  const inTitle = new Uint8Array(doc.tokens.length)
  const titleAt: Array<ReturnType<LexiconBundle["titles"]["longest"]>> = new Array(doc.tokens.length).fill(null)
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.lex.titles.longest(doc.tokens, i)
    titleAt[i] = t
    if (t) for (let k = i; k < i + t.length; k++) inTitle[k] = 1
  }
  return {
    doc,
    mentions,
    at,
    perSentence: bySentence(doc, mentions),
    membersOf,
    capitals,
    inTitle,
    titleAt
  }
}

/** Words that name a region without being a place in it (its states are listed after it). */
const REGION_HEADS = new Set([
  "asia",
  "europe",
  "africa",
  "america",
  "americas",
  "caribbean",
  "east",
  "pacific",
  "caucasus",
  "eurasia",
  "hemisphere",
  "balkans",
  "arctic",
  "west"
])

/**
 * A region: a gazetteer location that states are part of, or one without a country, city or
 * capital of its own whose name ends in a continent or compass word ("Middle East", "Asia-Pacific").
 */
export const isRegion = (ctx: RelContext, m: Mention): boolean => isRegionIn(ctx.membersOf, m)
const isRegionIn = (membersOf: ReadonlyMap<string, unknown>, m: Mention): boolean => {
  if (m.type !== "location" || m.gaz === null) return false
  if (membersOf.has(m.gaz.id)) return true
  if (m.gaz.locatedIn !== null || m.gaz.capitalOf !== null) return false
  const last =
    m.gaz.name
      .toLowerCase()
      .split(/[\s-]+/)
      .pop() ?? ""
  return REGION_HEADS.has(last)
}

/** A mention standing for a gazetteer entity the text does not name at this place (no span). */
export const gazMention = (ctx: RelContext, id: string): Mention | null => {
  const e = ctx.doc.lex.entities.get(id)
  return e
    ? {
        key: `gaz:${e.id}`,
        type: e.type,
        name: e.name,
        tokStart: -1,
        tokEnd: -1,
        start: -1,
        end: -1,
        detection: "gazetteer",
        method: "entity.gazetteer.v1",
        confidence: 0.9,
        via: "name",
        gaz: e
      }
    : null
}

/** The UTF-16 span of tokens [a, b). */
export const tokSpan = (doc: Doc, a: number, b: number) => ({
  start: doc.tokens[a]!.start,
  end: doc.tokens[b - 1]!.end
})

/** The span covering two mentions. */
export const spanOf = (a: Mention, b: Mention) => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end)
})

/** Mentions with distinct keys, first occurrence kept. */
export const uniqByKey = (ms: ReadonlyArray<Mention>): Array<Mention> => {
  const seen = new Set<string>()
  return ms.filter((m) => {
    if (seen.has(m.key)) return false
    seen.add(m.key)
    return true
  })
}

/** Tokens that end a clause for the clause-level rules. */
const CLAUSE_END = new Set([";", ":", ".", "!", "?", "—", "–"])

/**
 * Token range [from, to) of the clause around token k inside its sentence (clauses end at ; : dashes and, when
 * `commas`, at commas).
 */
export const clauseAround = (ctx: RelContext, k: number, commas: boolean): { from: number; to: number } => {
  const { tokens, sentences, sentenceOf } = ctx.doc
  const s = sentences[sentenceOf[k]!]!
  const ends = (t: number) => CLAUSE_END.has(tokens[t]!.text) || (commas && tokens[t]!.text === ",")
  let from = k
  while (from > s.tokStart && !ends(from - 1)) from--
  let to = k
  while (to < s.tokEnd && !ends(to)) to++
  return { from, to }
}

/** A state named by its name (or "the country"), not by a demonym or its capital. */
export const isStateName = (m: Mention | undefined): m is Mention => !!m && m.type === "country" && m.via === "name"

/**
 * A place a relation can be stated of: a location that is not a region, or a capital read as its
 * state ("the Tajik capital Dushanbe" where Dushanbe stood for Tajikistan) taken back as the city.
 */
export const asPlace = (ctx: RelContext, m: Mention | undefined): Mention | null => {
  if (!m) return null
  if (m.type === "location") return isRegion(ctx, m) ? null : m
  if (m.type !== "country" || m.via !== "metonym" || !m.gaz) return null
  const city = ctx.capitals.get(m.gaz.id)
  return city
    ? {
        ...m,
        key: `gaz:${city.id}`,
        type: "location",
        name: city.name,
        via: "name",
        gaz: city
      }
    : null
}

/** Articles skipped between a cue and its noun phrase. */
export const ARTICLES = new Set(["the", "a", "an"])

/** The token after any articles (and opening quotes) from k on. */
export const skipArticles = (ctx: RelContext, k: number): number => {
  const { tokens } = ctx.doc
  while (k < tokens.length && (ARTICLES.has(tokens[k]!.norm) || QUOTES.has(tokens[k]!.text))) k++
  return k
}
const QUOTES = new Set(['"', "“", "”", "'", "‘", "’", "«", "»"])

/**
 * The coordinated people and states ending right before token e, as a clause's subject: "Kazakhstan,
 * Uzbekistan and Tajikistan", "Both President X and Uzbek President Y" (a demonym before a title is the
 * person's state too), "Kazakhstan's president"; titles, articles and "both" are passed over.
 */
export const subjectBefore = (ctx: RelContext, e: number): Array<Mention> => {
  const { doc, at, inTitle } = ctx
  const { tokens } = doc
  const from = doc.sentences[doc.sentenceOf[Math.max(0, e - 1)]!]!.tokStart
  const out: Array<Mention> = []
  let b = e - 1
  while (b >= from) {
    const m = at[b]
    if (m && m.tokEnd === b + 1) {
      const ok =
        m.type === "person" ||
        (m.type === "country" && (m.via !== "demonym" || inTitle[m.tokEnd] === 1 || tokens[m.tokEnd]?.norm === "'s"))
      if (!ok) break
      out.push(m)
      b = m.tokStart - 1
      continue
    }
    const t = tokens[b]!
    if (
      inTitle[b] === 1 ||
      SUBJECT_GLUE.has(t.norm) ||
      (t.norm === "'s" && inTitle[b + 1] === 1) ||
      (t.text === "," && out.length > 0 && at[b - 1] !== undefined)
    ) {
      b--
      continue
    }
    break
  }
  return out.reverse()
}
const SUBJECT_GLUE = new Set(["and", "both", "all", "the"])

/**
 * The state or organisation written as the first part of a hyphenated participle at token k ("Russian-led",
 * "Ankara-backed", "Kremlin-appointed"), by name, demonym or capital, when the participle is one of `verbs`;
 * a mention of it over that first part.
 */
export const compoundAgent = (ctx: RelContext, k: number, verbs: ReadonlySet<string>): Mention | null => {
  const { tokens, lex } = ctx.doc
  const t = tokens[k]
  const joined = t ? /^(.+)[-–]([a-z]+)$/.exec(t.text) : null
  if (!t || !joined || !verbs.has(joined[2]!)) return null
  const words = tokenize(joined[1]!)
  const hit = lex.names.longest(words, 0) ?? lex.demonyms.longest(words, 0)
  if (!hit || hit.length !== words.length) return null
  const e = hit.values
    .map((id) => lex.entities.get(id))
    .find((x) => x?.type === "country" || x?.type === "organization" || !!x?.capitalOf)
  const agent = e?.type === "location" && e.capitalOf ? lex.entities.get(e.capitalOf) : e
  if (!agent) return null
  return {
    key: `gaz:${agent.id}`,
    type: agent.type,
    name: agent.name,
    tokStart: k,
    tokEnd: k + 1,
    start: t.start,
    end: t.start + joined[1]!.length,
    detection: "gazetteer",
    method: "entity.gazetteer.v1",
    confidence: 0.8,
    via: agent.type === "country" ? "demonym" : "name",
    gaz: agent
  }
}
