/**
 * The per-article work of a build as one pure function of the ingested source and the
 * lexicons: normalise, extract, the body key that finds near-duplicates and, for an article without a publication
 * day, the day clues of its text. It runs in the main thread or in a worker (worker.ts), and its result is what the
 * extraction cache stores; so does the re-extraction of such an article against a reference day.
 */
import { performance } from "node:perf_hooks"
import type { CachedArticle } from "../../schemas/CachedArticle.js"
import { ArticleExtraction } from "../../schemas/Extraction.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { type NormalisedSource, normalise } from "../02-normalise/Normalise.js"
import { notBefore } from "../02-normalise/publicationDate.js"
import { extractArticle, reextractArticle } from "../03-extract/extract.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { sha256 } from "../shared/hash.js"
import { dayHints } from "../text/dates.js"

/** What per-article work adds to an ingested source (everything but the source itself). */
export type ArticleResult = Omit<CachedArticle, never>

/** Milliseconds spent per stage on one article. */
export type ArticleTimes = {
  readonly normalise: number
  readonly extract: number
}

/** Hash of an article's body: its lines minus boilerplate and the title line, whitespace collapsed. */
export const bodyKey = (s: NormalisedSource): string => {
  const skip = [
    ...s.boilerplate.map((b) => [b.start, b.end] as const),
    ...(s.titleSpan ? [[s.titleSpan.start, s.titleSpan.end] as const] : [])
  ]
  let pos = 0
  const lines: Array<string> = []
  for (const line of s.text.split("\n")) {
    const start = pos
    pos += line.length + 1
    if (skip.some(([a, b]) => start + (line.length - line.trimStart().length) >= a && start < b)) continue
    const t = line.replace(/\s+/g, " ").trim()
    if (t) lines.push(t)
  }
  return sha256(lines.join("\n"))
}

/**
 * Where events and relations are not read: the headline, repeated titles, credits, tags, urls (an author's bio is
 * read).
 */
const nonBodyOf = (source: NormalisedSource): Array<{ readonly start: number; readonly end: number }> => {
  const spans = source.boilerplate.filter((b) => b.kind !== "author_bio").map((b) => ({ start: b.start, end: b.end }))
  if (source.titleSpan) spans.push(source.titleSpan)
  return spans
}

const NO_HINTS = { monthDays: [], weekdays: [] }

/** The day clues of an article without a publication day (none for one with a day: it needs no reference day). */
const dayCluesOf = (source: NormalisedSource): Pick<ArticleResult, "dayHints" | "notBefore"> =>
  source.published.precision === "day"
    ? { dayHints: NO_HINTS, notBefore: null }
    : { dayHints: dayHints(source.text), notBefore: notBefore(source.text) }

/** Normalise and extract one article (pure). */
export const processSource = (
  src: IngestedSource,
  lex: LexiconBundle
): { readonly result: ArticleResult; readonly times: ArticleTimes } => {
  const t0 = performance.now()
  const source = normalise(src)
  // read right after normalisation, which parsed an undated text's dates without a reference just before (the parse
  // is kept: text/dates.ts's lastParse), and before extraction parses them against one
  const clues = dayCluesOf(source)
  const t1 = performance.now()
  const extraction = extractArticle(
    {
      sourceId: source.sourceId,
      text: source.text,
      published: source.published,
      nonBody: nonBodyOf(source)
    },
    lex
  )
  const t2 = performance.now()
  const result: ArticleResult = {
    title: source.title,
    titleSpan: source.titleSpan,
    boilerplate: source.boilerplate,
    published: source.published,
    extraction,
    bodyKey: bodyKey(source),
    // what resolution's reference days read of an undated article's text, read here rather than in the main thread
    ...clues
  }
  return { result, times: { normalise: t1 - t0, extract: t2 - t1 } }
}

/**
 * Extract a normalised article again with another reference date for its relative dates (a day
 * other articles give its events; 04-resolve/referenceDays.ts), given its extraction at its own date (what of it does
 * not depend on the date is kept: extract.ts's reextractArticle). Pure; not cached, since it depends on other articles.
 */
export const reextract = (
  source: NormalisedSource,
  lex: LexiconBundle,
  reference: { readonly value: string; readonly precision: "day" },
  extraction: ArticleExtraction
) =>
  reextractArticle(
    {
      sourceId: source.sourceId,
      text: source.text,
      published: reference,
      nonBody: nonBodyOf(source)
    },
    { date: source.published.value, extraction },
    lex
  )

/** The normalised source of an ingested source and its result. */
export const withResult = (src: IngestedSource, r: ArticleResult): NormalisedSource => ({
  ...src,
  title: r.title,
  titleSpan: r.titleSpan,
  boilerplate: r.boilerplate,
  published: r.published
})

/**
 * A result that crossed a thread or came from disk as plain data, made compact again: the
 * extraction becomes an ArticleExtraction, and its repeated strings (keys, types, names, rule
 * ids) become one string per value across all articles (`intern`), as they are in the extractor.
 * Quotes stay as they are (each is its own span); entity mentions stay as they came (resolution
 * keeps only what it folds out of them).
 */
export const revive = (r: ArticleResult, intern: (s: string) => string): ArticleResult => ({
  ...r,
  extraction: reviveExtraction(r.extraction, intern)
})

/** An extraction that crossed a thread or came from disk as plain data, made compact again (see revive). */
export const reviveExtraction = (x: ArticleExtraction, intern: (s: string) => string): ArticleExtraction => {
  const i = intern
  const span = (s: { start: number; end: number; quote: string }) => ({
    start: s.start,
    end: s.end,
    quote: s.quote
  })
  return new ArticleExtraction(
    {
      sourceId: i(x.sourceId),
      entities: x.entities.map((e) => ({
        ...e,
        key: i(e.key),
        name: i(e.name),
        gazetteerKey: e.gazetteerKey === null ? null : i(e.gazetteerKey)
      })),
      // mentions are folded into entities and evidence columns as the article is resolved, then dropped: not worth
      // interning
      mentions: x.mentions,
      events: x.events.map((e) => ({
        ...e,
        cameo: i(e.cameo),
        trigger: i(e.trigger),
        spans: e.spans.map(span),
        date: {
          value: e.date.value === null ? null : i(e.date.value),
          precision: e.date.precision,
          ...(e.date.end !== undefined ? { end: e.date.end } : {})
        },
        location: e.location === null ? null : i(e.location),
        participants: e.participants.map((p) => ({
          key: i(p.key),
          role: p.role,
          span: span(p.span)
        })),
        method: i(e.method)
      })),
      relations: x.relations.map((l) => ({
        ...l,
        subject: i(l.subject),
        object: i(l.object),
        role: l.role === null ? null : i(l.role),
        span: span(l.span),
        method: i(l.method)
      }))
    },
    { disableValidation: true }
  )
}

/** An interning table: equal strings become the same string. */
export const interner = (): ((s: string) => string) => {
  const seen = new Map<string, string>()
  return (s) => {
    const t = seen.get(s)
    if (t !== undefined) return t
    seen.set(s, s)
    return s
  }
}
