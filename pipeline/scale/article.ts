/**
 * The per-article work of a build as one pure function of the ingested source and the
 * lexicons: normalise, extract, and the body key that finds near-duplicates. It runs in the main
 * thread or in a worker (worker.ts), and its result is what the extraction cache stores.
 */
import { performance } from "node:perf_hooks"
import { CachedArticle } from "../../schemas/CachedArticle.js"
import { ArticleExtraction } from "../../schemas/Extraction.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { normalise, type NormalisedSource } from "../02-normalise/Normalise.js"
import { extractArticle } from "../03-extract/extract.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { sha256 } from "../shared/hash.js"

/** What per-article work adds to an ingested source (everything but the source itself). */
export type ArticleResult = Omit<CachedArticle, never>

/** Milliseconds spent per stage on one article. */
export type ArticleTimes = {
  readonly normalise: number
  readonly extract: number
}

/** Hash of an article's body: its lines minus boilerplate and the title line, whitespace collapsed. */
export const bodyKey = (s: NormalisedSource): string => {
  const skip = [...s.boilerplate.map((b) => [b.start, b.end] as const), ...(s.titleSpan ? [[s.titleSpan.start, s.titleSpan.end] as const] : [])]
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

/** Normalise and extract one article (pure). */
export const processSource = (src: IngestedSource, lex: LexiconBundle): { readonly result: ArticleResult; readonly times: ArticleTimes } => {
  const t0 = performance.now()
  const source = normalise(src)
  const t1 = performance.now()
  // events and relations are read from the body: not from the headline, repeated titles, credits, tags or urls
  const nonBody = source.boilerplate.filter((b) => b.kind !== "author_bio").map((b) => ({ start: b.start, end: b.end }))
  if (source.titleSpan) nonBody.push(source.titleSpan)
  const extraction = extractArticle({ sourceId: source.sourceId, text: source.text, published: source.published, nonBody }, lex)
  const t2 = performance.now()
  const result: ArticleResult = { title: source.title, titleSpan: source.titleSpan, boilerplate: source.boilerplate, published: source.published, extraction, bodyKey: bodyKey(source) }
  return { result, times: { normalise: t1 - t0, extract: t2 - t1 } }
}

/** The normalised source of an ingested source and its result. */
export const withResult = (src: IngestedSource, r: ArticleResult): NormalisedSource => ({ ...src, title: r.title, titleSpan: r.titleSpan, boilerplate: r.boilerplate, published: r.published })

/** A result that crossed a thread or came from disk as plain data: the extraction becomes an ArticleExtraction again. */
export const revive = (r: ArticleResult): ArticleResult =>
  r.extraction instanceof ArticleExtraction ? r : { ...r, extraction: new ArticleExtraction(r.extraction, { disableValidation: true }) }
