/**
 * The per-article phase of a build as an Effect Stream: sources are read one by one (01-ingest:
 * sources → decoded), each is normalised and extracted (02, 03) in the main thread or on a pool of
 * worker threads, through the extraction cache, with a bounded number of articles in flight
 * (`Stream.mapEffect` with `concurrency` keeps file order, so the outcome never depends on which
 * worker finishes first). Near-duplicate bodies are rejected here (the first file in order is kept).
 */
import * as fs from "node:fs"
import { availableParallelism } from "node:os"
import { Console, Effect, Exit, Option, Queue, Ref, Stream, Take } from "effect"
import { NearDuplicate, rejectedSource } from "../01-ingest/errors.js"
import { type IngestedSource, ingestFolder, type RejectedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import type { EventBlock } from "../04-resolve/blocks.js"
import type { ResolveInput } from "../04-resolve/Resolve.js"
import { compareStrings } from "../shared/compare.js"
import { noTimings, type Timings } from "../shared/timings.js"
import { type ArticleResult, interner, revive, withResult } from "./articleWork.js"
import { CacheUnwritable, cacheConfig, DEFAULT_CACHE_DIR, openStore, type Store } from "./cache.js"
import { makePool, type Pool } from "./pool.js"
import { type Outcome, runTask, storeOutcomes } from "./task.js"

/**
 * How the per-article work runs: `workers` threads (0: in the main thread), through the cache in `cacheDir` (null:
 * none).
 */
export interface ArticleOptions {
  readonly workers: number
  readonly cacheDir: string | null
  /** The V8 old generation of each worker at most, in MB (run/memory.ts workerHeapMb); default V8's. */
  readonly workerHeapMb?: number
  /** The most reports an event block holds (default 04-resolve/blocks.ts BLOCK_CAP: another only in tests). */
  readonly blockReports?: number
  /** Another pool to run them on (a clustered build's: pipeline/cluster), given the lexicons; `workers` is then unused. */
  readonly remote?: ((lex: LexiconBundle) => Pool) | undefined
  /** How a clustered build resolves (pipeline/cluster): its blocks go to the runners. */
  readonly resolution?: RemoteResolution | undefined
}

/** A resolution whose event blocks are clustered elsewhere (a clustered build's: pipeline/cluster). */
export interface RemoteResolution {
  /** The clusters of each block (04-resolve/blocks.ts clusterBlock's answer), in the order of the blocks given. */
  readonly clusterBlocks: (
    blocks: ReadonlyArray<EventBlock>
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>>
}

/** The default: in the main thread, no cache (what eval and verify use). */
export const inline: ArticleOptions = { workers: 0, cacheDir: null }

/** Batches in flight per worker: enough to keep every worker busy, few enough to keep memory flat. */
const BATCHES_PER_WORKER = 2

/** What ingesting a folder fails with (the folder or its manifest; a bad article is rejected, not failed). */
type IngestError = Effect.Effect.Error<ReturnType<typeof ingestFolder>>

/** Decoded sources waiting for a worker: ingest reads ahead of extraction by at most this many. */
const READ_AHEAD = 16

/**
 * The decoded sources of `dir` in file order (01-ingest), and a Ref that holds ingest's rejected
 * sources once the stream has ended. Ingest runs in its own fiber and waits while the queue is full.
 */
const decodedSources = (dir: string, today: string | null) =>
  Effect.gen(function* () {
    const queue = yield* Queue.bounded<Take.Take<IngestedSource, IngestError>>(READ_AHEAD)
    const rejected = yield* Ref.make<ReadonlyArray<RejectedSource>>([])
    yield* ingestFolder(dir, today, (src) => Queue.offer(queue, Take.of(src))).pipe(
      Effect.exit,
      Effect.flatMap((exit) =>
        Exit.isSuccess(exit)
          ? Effect.zipRight(Ref.set(rejected, exit.value.rejected), Queue.offer(queue, Take.end))
          : Queue.offer(queue, Take.failCause(exit.cause))
      ),
      Effect.forkScoped
    )
    return { sources: Stream.flattenTake(Stream.fromQueue(queue)), rejected }
  })

/** The warning that the extraction cache in `dir` cannot be written (said once a build). */
export const unwritable = (dir: string, detail: string): string =>
  `warning [${CacheUnwritable.code}]: ${new CacheUnwritable({ dir, detail }).message}`

/**
 * The extraction cache of `dir` for these lexicons, open for the scope (null: no cache). A store that cannot be opened
 * is said as a warning (cache-unwritable) and the build goes on without it.
 */
export const openCache = (dir: string | null, lex: LexiconBundle) =>
  dir === null
    ? Effect.succeed(null)
    : Effect.acquireRelease(
        Effect.try(() => openStore(cacheConfig(dir, lex.hash))).pipe(
          Effect.catchAll((e) => Effect.as(Console.error(unwritable(dir, String(e.error))), null))
        ),
        (store) => Effect.sync(() => store?.close())
      )

/** The worker pool of a build's options for the scope (null: the work runs in the main thread). */
export const openPool = (opts: ArticleOptions, store: Store | null, lex: LexiconBundle) =>
  opts.remote !== undefined
    ? Effect.succeed(opts.remote(lex))
    : opts.workers === 0
      ? Effect.succeed(null)
      : makePool(opts.workers, store?.config ?? null, opts.workerHeapMb)

/** Tasks in flight on a pool: enough to keep every worker busy, few enough to keep memory flat. */
export const inFlight = (pool: Pool): number => pool.size * pool.batch * BATCHES_PER_WORKER

/** Decoded → normalised and extracted, each source beside its outcome, in file order. */
const extracted = (
  sources: Stream.Stream<IngestedSource, IngestError>,
  lex: LexiconBundle,
  store: Store | null,
  pool: Pool | null
) =>
  pool === null
    ? sources.pipe(Stream.map((src) => ({ src, outcome: storeOutcomes(store, [runTask(src, lex, store)])[0]! })))
    : sources.pipe(
        Stream.mapEffect((src) => Effect.map(pool.run(src), (outcome) => ({ src, outcome })), {
          concurrency: inFlight(pool)
        })
      )

/** What the resolution's reference days read of an article's text (computed with its extraction). */
export type DayClues = Pick<ArticleResult, "dayHints" | "notBefore">

/**
 * Ingest, normalise and extract every source of `dir`; returns the resolve inputs in file order
 * and the rejected sources. With `onInput`, each input is handed to it in file order as it is
 * taken, with its day clues, and none is kept (the returned inputs are empty). `shared`: the extraction cache
 * (openCache) and the worker pool (openPool) the caller opened, to use them after the articles; when not given, those
 * `opts` names are opened for the duration. `unstored`: results went unstored (said once, as cache-unwritable).
 */
export const processSources = Effect.fn("Articles.process")(function* (
  dir: string,
  today: string | null,
  lex: LexiconBundle,
  opts: ArticleOptions = inline,
  timings: Timings = noTimings,
  onInput?: (input: ResolveInput, clues: DayClues) => void,
  shared?: { readonly store: Store | null; readonly pool: Pool | null }
) {
  const inputs: Array<ResolveInput> = []
  const nearDuplicates: Array<RejectedSource> = []
  const bodies = new Map<string, string>()
  const intern = interner()
  let unstored = false
  const take = ({ src, outcome }: { readonly src: IngestedSource; readonly outcome: Outcome }) =>
    Effect.gen(function* () {
      let total = 0
      for (const [stage, ms] of Object.entries(outcome.times)) {
        timings.add(stage, ms)
        total += ms
      }
      timings.article(src.file, total, Buffer.byteLength(src.text))
      if (outcome.cache === "corrupt")
        yield* Console.error(`cache: ${src.file}: damaged entry (${outcome.reason}); recomputed and rewritten`)
      // said once: every later entry fails the same way
      if (outcome.unstored !== undefined && !unstored) {
        unstored = true
        yield* Console.error(unwritable(opts.cacheDir ?? "", outcome.unstored))
      }
      const result = revive(outcome.result, intern)
      // one article with other boilerplate (another title line, tags, credits) is a near-duplicate
      const first = bodies.get(result.bodyKey)
      if (first !== undefined) {
        nearDuplicates.push(rejectedSource(new NearDuplicate({ file: src.file, duplicateOf: first })))
        return
      }
      bodies.set(result.bodyKey, src.file)
      const input = { source: withResult(src, result), extraction: result.extraction }
      if (onInput) onInput(input, result)
      else inputs.push(input)
    })
  const ingestRejected = yield* Effect.scoped(
    Effect.gen(function* () {
      const { sources, rejected } = yield* decodedSources(dir, today)
      const store = shared === undefined ? yield* openCache(opts.cacheDir, lex) : shared.store
      const pool = shared === undefined ? yield* openPool(opts, store, lex) : shared.pool
      yield* Stream.runForEach(extracted(sources, lex, store, pool), take)
      return yield* Ref.get(rejected)
    })
  )
  const rejected = [...ingestRejected, ...nearDuplicates].sort((x, y) => compareStrings(x.file, y.file))
  return { inputs, rejected, unstored }
})

/**
 * Below this many sources, starting worker threads costs more than it saves: the default runs them in the main thread.
 */
const AUTO_INLINE = 64

/** The options of a build that say how its per-article work runs (see BuildOptions). */
export interface ArticleFlags {
  readonly sources: string
  readonly workers?: Option.Option<number>
  readonly cache?: Option.Option<string>
  readonly noCache?: boolean
}

/** The articles of a sources folder (its .txt files; 0 when it cannot be read: ingest reports that). */
export const sourceCount = (dir: string): number => {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).length
  } catch {
    return 0
  }
}

/** How a build's per-article work runs, from its options. */
export const articleOptions = (flags: ArticleFlags): ArticleOptions => {
  const cacheDir =
    flags.noCache || flags.cache === undefined ? null : Option.getOrElse(flags.cache, () => DEFAULT_CACHE_DIR)
  if (flags.workers === undefined) return { workers: 0, cacheDir }
  if (Option.isSome(flags.workers)) return { workers: Math.max(0, flags.workers.value), cacheDir }
  return {
    workers: sourceCount(flags.sources) < AUTO_INLINE ? 0 : availableParallelism(),
    cacheDir
  }
}
