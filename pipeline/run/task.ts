/**
 * One article's task as the main thread and the workers run it: look the article up in the
 * extraction cache, else normalise and extract it and store the result. Same inputs, same result.
 */
import { performance } from "node:perf_hooks"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { type ArticleResult, processSource } from "./articleWork.js"
import { type CacheConfig, cacheKey, readEntry, writeEntry } from "./cache.js"

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
  /** Why the computed result could not be stored (a full or read-only cache folder): the build goes on without it. */
  readonly unstored?: string
}

/** Run one article's task. */
export const runTask = (src: IngestedSource, lex: LexiconBundle, cache: CacheConfig | null): Outcome => {
  if (cache === null) {
    const { result, times } = processSource(src, lex)
    return { result, times, cache: "off" }
  }
  const t0 = performance.now()
  const key = cacheKey(cache, src)
  const found = readEntry(cache, key)
  if (found._tag === "hit")
    return {
      result: found.result,
      times: { "cache read": performance.now() - t0 },
      cache: "hit"
    }
  const { result, times } = processSource(src, lex)
  const t1 = performance.now()
  let unstored: string | null = null
  try {
    writeEntry(cache, key, result)
  } catch (e) {
    unstored = (e as Error).message
  }
  const stored = { ...times, "cache write": performance.now() - t1 }
  const outcome: Outcome =
    found._tag === "corrupt"
      ? { result, times: stored, cache: "corrupt", reason: found.reason }
      : { result, times: stored, cache: "miss" }
  return unstored === null ? outcome : { ...outcome, unstored }
}
