/**
 * One article's task as the main thread and the workers run it: look the article up in the
 * extraction cache, else normalise and extract it; then the computed results of a batch of tasks
 * are stored in one transaction. Same inputs, same result.
 */
import { performance } from "node:perf_hooks"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { type ArticleResult, processSource } from "./articleWork.js"
import { cacheKey, type Store } from "./cache.js"

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
