/**
 * The tables of a sources folder, computed without writing: the article stream (articleStream.ts),
 * the reference days of articles without a publication day, and resolution. What build, verify
 * and eval share.
 */

import { Console, Effect, Exit, Scope, Stream } from "effect"
import type { ArticleExtraction } from "../../schemas/Extraction.js"
import type { LexiconProvenance } from "../../schemas/Lexicon.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import type { RejectedSource } from "../01-ingest/Ingest.js"
import { type LexiconBundle, LexiconInvalid, loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import {
  makeResolver,
  type PreviousEventIds,
  type ResolveInput,
  type TextPolicyOf,
  textPolicies
} from "../04-resolve/Resolve.js"
import { type ReferenceInput, referenceDays, referenceEventsOf } from "../04-resolve/referenceDays.js"
import { rowViolations } from "../05-publish/decodeRows.js"
import { textPathOf } from "../05-publish/files.js"
import { PARQUET_WORKER } from "../05-publish/parquetThread.js"
import { today } from "../Config.js"
import { noTimings, type Timings } from "../shared/timings.js"
import { prepareWorkerBundles } from "../shared/workerBundle.js"
import {
  type ArticleOptions,
  type DayClues,
  inFlight,
  inline,
  openCache,
  openPool,
  processSources,
  unwritable
} from "./articleStream.js"
import { interner, reviveExtraction } from "./articleWork.js"
import type { Store } from "./cache.js"
import { resolveByBlocks } from "./eventBlocks.js"
import { POOL_WORKER, type Pool } from "./pool.js"
import { type Spill, type Spilled, withSpill } from "./spill.js"
import { type DayOutcome, type DayTask, runDayTask, storeDayOutcomes } from "./task.js"
import { timed } from "./timed.js"

/**
 * Load the lexicons as an Effect: the loader throws LexiconInvalid (kept as it is); anything else is the folder's
 * failure.
 */
export const lexicons = Effect.try({
  try: () => loadLexicons(),
  catch: (e) => (e instanceof LexiconInvalid ? e : new LexiconInvalid({ file: "pipeline/lexicons", detail: String(e) }))
})

/**
 * The bundles of the article pool's and the Parquet thread's modules; a module that could not be bundled is said once,
 * and its workers run through tsx (the same results, more memory).
 */
const workerBundles = Effect.flatMap(
  Effect.promise(() => prepareWorkerBundles([POOL_WORKER, PARQUET_WORKER])),
  (failed) =>
    Effect.forEach(
      failed,
      (f) => Console.error(`note: workers of ${f.entry} run through tsx: it could not be bundled (${f.error})`),
      { discard: true }
    )
)

/** Everything a build computes before writing. */
export interface Built {
  readonly tables: ReleaseTables
  readonly rejected: ReadonlyArray<RejectedSource>
  readonly texts: ReadonlyMap<string, string>
  readonly lexiconHash: string
  readonly lexicons: ReadonlyArray<LexiconProvenance>
}

/** What a build carries over from the releases before it (release/lineage.ts reads it). */
export interface Lineage {
  /** Event ids of the previous release, by report key. */
  readonly previousEventIds: PreviousEventIds
  /** For each source id, the index of the first release (oldest first) that holds it. */
  readonly firstReleases: ReadonlyMap<string, number>
}

/** No release before: a first release, or a build in memory (eval). */
export const noLineage: Lineage = { previousEventIds: new Map(), firstReleases: new Map() }

/**
 * What feeds the articles without a publication day to resolution, each extracted again against the reference day
 * other articles give it (timed as "reextract"), through the store (keyed by the article's cache key and the day, so
 * a later build with the same article and day reads it back): on the worker pool when there is one, else in the main
 * thread. Results are taken in the order the articles wait (Stream.mapEffect keeps it), whichever worker finishes
 * first. A damaged entry is said and rewritten; an unwritable store is said once a build (not again when `unstored`).
 */
const reextractions = (
  ctx: { readonly store: Store | null; readonly pool: Pool | null; readonly lex: LexiconBundle },
  spill: Spill,
  timings: Timings,
  unstored: boolean
) => {
  const { store, pool, lex } = ctx
  const intern = interner()
  let said = unstored
  const run = (task: DayTask): Effect.Effect<DayOutcome> =>
    pool === null
      ? Effect.sync(() => storeDayOutcomes(store, [task], [runDayTask(task, lex, store)])[0]!)
      : // crossed a thread as plain data: compact again, as articles are
        Effect.map(pool.reextract(task), (o) => ({ ...o, extraction: reviveExtraction(o.extraction, intern) }))
  // the extraction against the day (and how it went), or the first one when no other article gives a day
  type Reread = { extraction: ArticleExtraction; day: string | undefined; outcome: DayOutcome | null }
  const take = (w: Waiting, day: string | undefined) =>
    Effect.suspend(
      (): Effect.Effect<Reread> =>
        day === undefined
          ? Effect.succeed({ extraction: spill.get(w.extraction), day, outcome: null })
          : Effect.map(run({ source: w.source, day, first: { path: spill.path, where: w.extraction } }), (o) => ({
              extraction: o.extraction,
              day,
              outcome: o
            }))
    )
  // timed and said in the order the articles wait
  const report = (file: string, day: string | undefined, o: DayOutcome | null) => {
    if (o === null) return Effect.void
    for (const [stage, ms] of Object.entries(o.times)) timings.add(stage, ms)
    const lines: Array<string> = []
    if (o.cache === "corrupt")
      lines.push(`cache: ${file} (day ${day}): damaged entry (${o.reason}); recomputed and rewritten`)
    // said once: every later entry fails the same way
    if (o.unstored !== undefined && !said) lines.push(unwritable(store!.config.dir, o.unstored))
    if (o.unstored !== undefined) said = true
    return Effect.forEach(lines, (l) => Console.error(l), { discard: true })
  }
  return (waiting: ReadonlyArray<Waiting>, days: ReadonlyMap<string, string>) =>
    Stream.fromIterable(waiting).pipe(
      Stream.mapEffect((w) => Effect.map(take(w, days.get(w.source.sourceId)), (r) => ({ source: w.source, ...r })), {
        concurrency: pool === null ? 1 : inFlight(pool)
      }),
      Stream.mapEffect((r) =>
        Effect.as(report(r.source.file, r.day, r.outcome), { source: r.source, extraction: r.extraction })
      )
    )
}

/**
 * Sources folder → tables (no writing); event ids carried over as `lineage` says; per-article work as `articles` says;
 * each source's text published or not as `policy` says (`build --texts`). The extraction cache (`articles.cacheDir`)
 * is open until resolution has read the re-extractions.
 */
export const buildTables = (
  sourcesDir: string,
  lineage: Lineage = noLineage,
  timings: Timings = noTimings,
  articles: ArticleOptions = inline,
  policy: TextPolicyOf = textPolicies("full")
) => withSpill((spill) => tablesOf(sourcesDir, lineage, timings, articles, spill, policy))

/** An article that waits for the reference days: its source, and its extraction in the scratch file. */
interface Waiting {
  readonly source: ResolveInput["source"]
  readonly extraction: Spilled<ResolveInput["extraction"]>
}

/** What the articles leave for resolution. */
interface Taken {
  readonly resolver: ReturnType<typeof makeResolver>
  readonly references: Array<ReferenceInput>
  readonly waiting: Array<Waiting>
}

/**
 * Takes articles as they come (`take`) until `drain` hands over what they left. `take` is an argument of an Effect.fn
 * call, which its span can keep until the build ends: it holds a box that `drain` empties, never the resolver itself.
 */
const articleTaker = (texts: Map<string, string>, spill: Spill, resolver: Taken["resolver"]) => {
  let box: Taken | null = { resolver, references: [], waiting: [] }
  // the day clues come with the article (articleWork.ts): the main thread does not read its text again
  const take = (i: ResolveInput, { dayHints: hints, notBefore }: DayClues) => {
    const { resolver, references, waiting } = box!
    const s = i.source
    texts.set(s.sourceId, s.text)
    const noDay = s.published.precision !== "day"
    references.push({
      sourceId: s.sourceId,
      published: s.published,
      hints,
      events: referenceEventsOf(i.extraction.events),
      notBefore
    })
    // articles without a publication day whose day clues another article may resolve wait for the
    // reference days, their extractions on disk; every other article goes to resolution as it comes, and
    // its extraction is not kept (the search keeps only the little it reads of each article's events)
    if (noDay && (hints.monthDays.length > 0 || hints.weekdays.length > 0))
      waiting.push({ source: s, extraction: spill.put(i.extraction) })
    else resolver.add(i)
  }
  const drain = (): Taken => {
    const taken = box!
    box = null
    return taken
  }
  return { take, drain }
}

const tablesOf = Effect.fn("Run.tables")(function* (
  sourcesDir: string,
  lineage: Lineage,
  timings: Timings,
  articles: ArticleOptions,
  spill: Spill,
  policy: TextPolicyOf
) {
  // the worker threads this build may start run from bundles (shared/workerBundle.ts), made before the first starts
  // (CAR_WORKER_BUNDLES=0: through tsx, with source maps in stack traces)
  if (articles.workers > 0 && articles.remote === undefined && process.env.CAR_WORKER_BUNDLES !== "0")
    yield* timed(timings, "worker bundles", workerBundles)
  const lex = yield* timed(timings, "lexicons", lexicons)
  const store = yield* openCache(articles.cacheDir, lex)
  const texts = new Map<string, string>()
  const { take, drain } = articleTaker(
    texts,
    spill,
    makeResolver(
      textPathOf,
      lineage.previousEventIds,
      lineage.firstReleases,
      policy,
      articles.blockReports === undefined ? {} : { blockReports: articles.blockReports }
    )
  )
  // the worker pool stays open for the re-extractions, and closes before resolution proper (its threads' memory)
  const poolScope = yield* Scope.make()
  yield* Effect.addFinalizer(() => Scope.close(poolScope, Exit.void))
  const day0 = yield* today
  const { rejected, unstored, pool } = yield* timed(
    timings,
    "ingest + articles (wall)",
    Effect.flatMap(Scope.extend(openPool(articles, store, lex), poolScope), (pool) =>
      Effect.map(processSources(sourcesDir, day0, lex, articles, timings, take, { store, pool }), (r) => ({
        ...r,
        pool
      }))
    )
  )
  for (const r of rejected) yield* Console.error(`rejected ${r.file}: [${r.code}] ${r.message}`)
  const { resolver, references, waiting } = drain()
  timings.mark("articles")
  // articles without a publication day, re-read against the day other articles give their events
  const days = timings.time("reference days", () => referenceDays(references))
  const again = reextractions({ store, pool, lex }, spill, timings, unstored)
  const tables = yield* timed(
    timings,
    "resolve",
    Effect.gen(function* () {
      yield* timed(
        timings,
        "re-extractions (wall)",
        Effect.zipRight(
          Stream.runForEach(again(waiting, days), (i) => Effect.sync(() => resolver.add(i))),
          Scope.close(poolScope, Exit.void)
        )
      )
      return yield* resolveByBlocks(resolver, store, timings, articles.resolution)
    })
  )
  timings.mark("resolve")
  const violations = timings.time("row contracts", () => rowViolations(tables))
  if (violations.length > 0)
    return yield* Effect.die(new Error(`rows break their table contracts (a pipeline bug):\n${violations.join("\n")}`))
  return {
    tables,
    rejected,
    texts,
    lexiconHash: lex.hash,
    lexicons: lex.provenance
  } satisfies Built
}, Effect.scoped)
