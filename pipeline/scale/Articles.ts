/**
 * The per-article phase of a build as a stream: sources are read one by one (01-ingest), each is
 * normalised and extracted (02, 03) in the main thread or on a pool of worker threads, through the
 * extraction cache, with a bounded number of articles in flight; results are taken in file order,
 * so the outcome never depends on which worker finishes first. Near-duplicate bodies are rejected
 * here (the first file in order is kept).
 */
import { Console, Effect, Fiber } from "effect"
import { NearDuplicate, rejectedSource } from "../01-ingest/errors.js"
import { type IngestedSource, ingestFolder, type RejectedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import type { ResolveInput } from "../04-resolve/Resolve.js"
import { compareStrings } from "../shared/compare.js"
import { noTimings, type Timings } from "../shared/timings.js"
import { interner, revive, withResult } from "./article.js"
import { CacheUnwritable, cacheConfig } from "./cache.js"
import { makePool } from "./pool.js"
import { type Outcome, runTask } from "./task.js"

/** How the per-article work runs: `workers` threads (0: in the main thread), through the cache in `cacheDir` (null: none). */
export interface ArticleOptions {
  readonly workers: number
  readonly cacheDir: string | null
}

/** The default: in the main thread, no cache (what eval and verify use). */
export const inline: ArticleOptions = { workers: 0, cacheDir: null }

/** Batches in flight per worker: enough to keep every worker busy, few enough to keep memory flat. */
const BATCHES_PER_WORKER = 2

/**
 * Ingest, normalise and extract every source of `dir`; returns the resolve inputs in file order
 * and the rejected sources. With `onInput`, each input is handed to it in file order as it is
 * taken, and none is kept (the returned inputs are empty).
 */
export const processSources = Effect.fn("Articles.process")(function* (
  dir: string,
  today: string | null,
  lex: LexiconBundle,
  opts: ArticleOptions = inline,
  timings: Timings = noTimings,
  onInput?: (input: ResolveInput) => void
) {
  const cache = opts.cacheDir === null ? null : cacheConfig(opts.cacheDir, lex.hash)
  const inputs: Array<ResolveInput> = []
  const nearDuplicates: Array<RejectedSource> = []
  const bodies = new Map<string, string>()
  const intern = interner()
  let unstored = false
  const take = (src: IngestedSource, o: Outcome) =>
    Effect.gen(function* () {
      let total = 0
      for (const [stage, ms] of Object.entries(o.times)) {
        timings.add(stage, ms)
        total += ms
      }
      timings.article(src.file, total, Buffer.byteLength(src.text))
      if (o.cache === "corrupt")
        yield* Console.error(`cache: ${src.file}: damaged entry (${o.reason}); recomputed and rewritten`)
      // said once: every later entry fails the same way
      if (o.unstored !== undefined && !unstored && cache !== null) {
        unstored = true
        yield* Console.error(
          `warning [${CacheUnwritable.code}]: ${new CacheUnwritable({ dir: cache.dir, detail: o.unstored }).message}`
        )
      }
      const result = revive(o.result, intern)
      // one article with other boilerplate (another title line, tags, credits) is a near-duplicate
      const first = bodies.get(result.bodyKey)
      if (first !== undefined) {
        nearDuplicates.push(rejectedSource(new NearDuplicate({ file: src.file, duplicateOf: first })))
        return
      }
      bodies.set(result.bodyKey, src.file)
      const input = {
        source: withResult(src, result),
        extraction: result.extraction
      }
      if (onInput) onInput(input)
      else inputs.push(input)
    })
  const ingested =
    opts.workers === 0
      ? yield* ingestFolder(dir, today, (src) => take(src, runTask(src, lex, cache)))
      : yield* Effect.scoped(
          Effect.gen(function* () {
            const pool = yield* makePool(opts.workers, cache)
            const window: Array<{
              readonly src: IngestedSource
              readonly fiber: Fiber.Fiber<Outcome>
            }> = []
            const next = Effect.suspend(() => {
              const { src, fiber } = window.shift()!
              return Effect.flatMap(Fiber.join(fiber), (o) => take(src, o))
            })
            const result = yield* ingestFolder(dir, today, (src) =>
              Effect.gen(function* () {
                window.push({ src, fiber: yield* Effect.fork(pool.run(src)) })
                while (window.length >= opts.workers * pool.batch * BATCHES_PER_WORKER) yield* next
              })
            )
            while (window.length > 0) yield* next
            return result
          })
        )
  const rejected = [...ingested.rejected, ...nearDuplicates].sort((x, y) => compareStrings(x.file, y.file))
  return { inputs, rejected }
})
