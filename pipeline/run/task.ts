/**
 * One article's task as the main thread and the workers run it: look the article up in the
 * extraction cache, else normalise and extract it; then the computed results of a batch of tasks
 * are stored in one transaction. Likewise the re-extraction of an article without a publication day against a
 * reference day (a day task). Same inputs, same result.
 */
import { performance } from "node:perf_hooks"
import type { ArticleExtraction } from "../../schemas/Extraction.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { NormalisedSource } from "../02-normalise/Normalise.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { type ArticleResult, processSource, reextract } from "./articleWork.js"
import { cacheKey, type Store } from "./cache.js"
import { readSpilled, type Spilled } from "./spill.js"

/** What became of one article. */
export interface Outcome {
  readonly result: ArticleResult
  /** Milliseconds per stage ("cache read" on a hit). */
  readonly times: Readonly<Record<string, number>>
  /**
   * hit, miss (computed and stored), corrupt (an entry failed its checks: recomputed and rewritten), off (no cache).
   */
  readonly cache: "hit" | "miss" | "corrupt" | "off"
  readonly reason?: string
  /** The article's cache key, when its result is to be stored. */
  readonly key?: string
  /** Why the computed result could not be stored (a full or read-only cache folder): the build goes on without it. */
  readonly unstored?: string
}

/** Run one article's task: its result from the store, else computed (and not yet stored: see storeOutcomes). */
export const runTask = (src: IngestedSource, lex: LexiconBundle, store: Store | null): Outcome => {
  if (store === null) {
    const { result, times } = processSource(src, lex)
    return { result, times, cache: "off" }
  }
  const t0 = performance.now()
  const key = cacheKey(store.config, src)
  const found = store.read(key)
  if (found._tag === "hit")
    return {
      result: found.result,
      times: { "cache read": performance.now() - t0 },
      cache: "hit"
    }
  const { result, times } = processSource(src, lex)
  return found._tag === "corrupt"
    ? { result, times, cache: "corrupt", reason: found.reason, key }
    : { result, times, cache: "miss", key }
}

/**
 * Store the computed results among `outcomes` in one transaction; its time is shared among them as "cache write". When
 * the store refuses (a full disk, a lock held too long), each says why and the build goes on.
 */
export const storeOutcomes = (store: Store | null, outcomes: ReadonlyArray<Outcome>): ReadonlyArray<Outcome> => {
  const computed = outcomes.filter((o) => o.key !== undefined)
  if (store === null || computed.length === 0) return outcomes
  const t0 = performance.now()
  let unstored: string | null = null
  try {
    store.write(computed.map((o) => [o.key!, o.result] as const))
  } catch (e) {
    unstored = (e as Error).message
  }
  const share = (performance.now() - t0) / computed.length
  return outcomes.map((o) => {
    if (o.key === undefined) return o
    const times = { ...o.times, "cache write": share }
    return unstored === null ? { ...o, times } : { ...o, times, unstored }
  })
}

/**
 * An article without a publication day to extract again against a reference `day`, given where its first extraction
 * waits in the build's scratch file (read only when the store does not hold the re-extraction: it stays off the main
 * thread and off the message).
 */
export interface DayTask {
  readonly source: NormalisedSource
  readonly day: string
  readonly first: { readonly path: string; readonly where: Spilled<ArticleExtraction> }
}

/** What became of one re-extraction (as Outcome, for the extraction against the day). */
export interface DayOutcome {
  readonly extraction: ArticleExtraction
  /** Milliseconds per stage ("reextract", or "reextract cache read" on a hit). */
  readonly times: Readonly<Record<string, number>>
  readonly cache: Outcome["cache"]
  readonly reason?: string
  /** The article's cache key, when the extraction is to be stored under (key, day). */
  readonly key?: string
  readonly unstored?: string
}

/** Run one re-extraction: from the store's (article key, day) entry, else computed (stored by storeDayOutcomes). */
export const runDayTask = (t: DayTask, lex: LexiconBundle, store: Store | null): DayOutcome => {
  const t0 = performance.now()
  const key = store === null ? undefined : cacheKey(store.config, t.source)
  const found = key === undefined ? null : store!.readDay(key, t.day)
  if (found?._tag === "hit")
    return { extraction: found.result, times: { "reextract cache read": performance.now() - t0 }, cache: "hit" }
  const t1 = performance.now()
  const extraction = reextract(
    t.source,
    lex,
    { value: t.day, precision: "day" },
    readSpilled(t.first.path, t.first.where)
  )
  const times = { reextract: performance.now() - t1 }
  if (found === null) return { extraction, times, cache: "off" }
  return found._tag === "corrupt"
    ? { extraction, times, cache: "corrupt", reason: found.reason, key: key! }
    : { extraction, times, cache: "miss", key: key! }
}

/**
 * Store the computed re-extractions among `outcomes` in one transaction ("reextract cache write"), as storeOutcomes
 * does for articles.
 */
export const storeDayOutcomes = (
  store: Store | null,
  tasks: ReadonlyArray<DayTask>,
  outcomes: ReadonlyArray<DayOutcome>
): ReadonlyArray<DayOutcome> => {
  const computed = outcomes.flatMap((o, i) =>
    o.key === undefined ? [] : [[o.key, tasks[i]!.day, o.extraction] as const]
  )
  if (store === null || computed.length === 0) return outcomes
  const t0 = performance.now()
  let unstored: string | null = null
  try {
    store.writeDays(computed)
  } catch (e) {
    unstored = (e as Error).message
  }
  const share = (performance.now() - t0) / computed.length
  return outcomes.map((o) => {
    if (o.key === undefined) return o
    const times = { ...o.times, "reextract cache write": share }
    return unstored === null ? { ...o, times } : { ...o, times, unstored }
  })
}
