/**
 * The tables of a sources folder, computed without writing: the article stream (articleStream.ts),
 * the reference days of articles without a publication day, and resolution. What build, verify
 * and eval share.
 */

import { Console, Effect } from "effect"
import type { LexiconProvenance } from "../../schemas/Lexicon.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import type { RejectedSource } from "../01-ingest/Ingest.js"
import { notBefore } from "../02-normalise/publicationDate.js"
import { type LexiconBundle, LexiconInvalid, loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { makeResolver, type PreviousEventIds, type ResolveInput } from "../04-resolve/Resolve.js"
import { type ReferenceInput, referenceDays, referenceEventsOf } from "../04-resolve/referenceDays.js"
import { rowViolations } from "../05-publish/decodeRows.js"
import { textPathOf } from "../05-publish/files.js"
import { today } from "../Config.js"
import { noTimings, type Timings } from "../shared/timings.js"
import { dayHints } from "../text/dates.js"
import { type ArticleOptions, inline, openCache, processSources, unwritable } from "./articleStream.js"
import { reextract } from "./articleWork.js"
import { cacheKey, type Store } from "./cache.js"
import { type Spill, type Spilled, withSpill } from "./spill.js"
import { timed } from "./timed.js"

/**
 * Load the lexicons as an Effect: the loader throws LexiconInvalid (kept as it is); anything else is the folder's
 * failure.
 */
export const lexicons = Effect.try({
  try: () => loadLexicons(),
  catch: (e) => (e instanceof LexiconInvalid ? e : new LexiconInvalid({ file: "pipeline/lexicons", detail: String(e) }))
})

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

const NO_HINTS = { monthDays: [], weekdays: [] } as const

/**
 * An article without a publication day extracted again against the reference `day` (timed as "reextract"), through the
 * store: keyed by (the article's cache key, the day), so a later build with the same article and day reads it back.
 * What went wrong with the store goes to `said` (a damaged entry is recomputed and rewritten; an unwritable store is
 * said once a build, not again when `saidUnwritable`).
 */
const reextractor = (
  store: Store | null,
  lex: LexiconBundle,
  timings: Timings,
  said: Array<string>,
  saidUnwritable: boolean
) => {
  let unstored = saidUnwritable
  return (i: ResolveInput, day: string) => {
    const key = store === null ? "" : cacheKey(store.config, i.source)
    const found = store === null ? null : store.readDay(key, day)
    if (found?._tag === "hit") return found.result
    if (found?._tag === "corrupt")
      said.push(`cache: ${i.source.file} (day ${day}): damaged entry (${found.reason}); recomputed and rewritten`)
    const extraction = timings.time("reextract", () =>
      reextract(i.source, lex, { value: day, precision: "day" }, i.extraction)
    )
    try {
      store?.writeDay(key, day, extraction)
    } catch (e) {
      // said once: every later entry fails the same way
      if (!unstored) said.push(unwritable(store!.config.dir, (e as Error).message))
      unstored = true
    }
    return extraction
  }
}

/**
 * Sources folder → tables (no writing); event ids carried over as `lineage` says; per-article work as `articles` says.
 * The extraction cache (`articles.cacheDir`) is open until resolution has read the re-extractions.
 */
export const buildTables = (
  sourcesDir: string,
  lineage: Lineage = noLineage,
  timings: Timings = noTimings,
  articles: ArticleOptions = inline
) => withSpill((spill) => tablesOf(sourcesDir, lineage, timings, articles, spill))

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
  const take = (i: ResolveInput) => {
    const { resolver, references, waiting } = box!
    const s = i.source
    texts.set(s.sourceId, s.text)
    const noDay = s.published.precision !== "day"
    const hints = noDay ? dayHints(s.text) : NO_HINTS
    references.push({
      sourceId: s.sourceId,
      published: s.published,
      hints,
      events: referenceEventsOf(i.extraction.events),
      notBefore: noDay ? notBefore(s.text) : null
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
  spill: Spill
) {
  const lex = yield* timed(timings, "lexicons", lexicons)
  const store = yield* openCache(articles.cacheDir, lex)
  const texts = new Map<string, string>()
  const { take, drain } = articleTaker(
    texts,
    spill,
    makeResolver(textPathOf, lineage.previousEventIds, lineage.firstReleases)
  )
  const { rejected, unstored } = yield* timed(
    timings,
    "ingest + articles (wall)",
    processSources(sourcesDir, yield* today, lex, articles, timings, take, store)
  )
  for (const r of rejected) yield* Console.error(`rejected ${r.file}: [${r.code}] ${r.message}`)
  const { resolver, references, waiting } = drain()
  timings.mark("articles")
  // articles without a publication day, re-read against the day other articles give their events
  const days = timings.time("reference days", () => referenceDays(references))
  const said: Array<string> = []
  const again = reextractor(store, lex, timings, said, unstored)
  const tables = timings.time("resolve", () => {
    for (const w of waiting) {
      const day = days.get(w.source.sourceId)
      const first = { source: w.source, extraction: spill.get(w.extraction) }
      resolver.add(day === undefined ? first : { source: w.source, extraction: again(first, day) })
    }
    return resolver.finish()
  })
  for (const line of said) yield* Console.error(line)
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
