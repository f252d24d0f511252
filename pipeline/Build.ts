/**
 * The build: sources folder → ingest → normalise → extract → resolve → publish. The only place
 * the stages are chained. Per-article work (normalise + extract) is a pure function.
 */

import * as fs from "node:fs"
import { availableParallelism } from "node:os"
import * as nodePath from "node:path"
import { performance } from "node:perf_hooks"
import { Console, Effect, Option, Schema } from "effect"
import type { Column, TableDef } from "../schemas/Column.js"
import type { LexiconProvenance } from "../schemas/Lexicon.js"
import type { ReleaseTables, Rows } from "../schemas/ReleaseTables.js"
import { TABLES } from "../schemas/Tables.js"
import { SCHEMA_VERSION } from "../schemas/version.js"
import type { RejectedSource } from "./01-ingest/Ingest.js"
import { notBefore } from "./02-normalise/publicationDate.js"
import { LexiconInvalid, loadLexicons } from "./03-extract/lexicon/Lexicons.js"
import { makeResolver, type PreviousEventIds, type ResolveInput, reportKey } from "./04-resolve/Resolve.js"
import { type ReferenceInput, referenceDays } from "./04-resolve/referenceDays.js"
import { baseProblems, compareVersions, publishedVersions, readPointer } from "./05-publish/base.js"
import { rowViolations } from "./05-publish/decodeRows.js"
import { Disk, Fault } from "./05-publish/disk.js"
import {
  BaseReleaseInvalid,
  LockHeld,
  LockUnreadable,
  PublishFailed,
  storageError,
  VersionMismatch
} from "./05-publish/errors.js"
import { contentHash, textPathOf, writeContentFiles, writeReleaseFiles } from "./05-publish/files.js"
import { acquireLock } from "./05-publish/lock.js"
import { cleanLeftovers, type Latest, openStaging, publishRelease, type Staging } from "./05-publish/Publish.js"
import { comparingSink, type FileSink } from "./05-publish/sink.js"
import { bumpReason, nextVersion } from "./05-publish/version.js"
import { releaseDate, sourceDateEpoch, today } from "./Config.js"
import { readArrowTable, readReleaseTables } from "./diff/arrowTables.js"
import { csvFileTable } from "./diff/csvFile.js"
import { cellLookup, diffTables, emitChangelog, labeller, type TableTexts } from "./diff/diff.js"
import { readCard, renderCard as renderQualityCard } from "./eval/card.js"
import { qualityMarkdown, scoreTables } from "./eval/score.js"
import { type ArticleOptions, inline, processSources } from "./scale/Articles.js"
import { reextract } from "./scale/article.js"
import { DEFAULT_CACHE_DIR } from "./scale/cache.js"
import { joinBytes, stableStringify, stableStringifyTo } from "./shared/stableJson.js"
import { makeTimings, noTimings, type Timings } from "./shared/timings.js"
import { dayHints } from "./text/dates.js"

/** Lexicons failed to load: the build cannot run. */
export class LexiconLoadFailed extends Schema.TaggedError<LexiconLoadFailed>()("LexiconLoadFailed", {
  file: Schema.String,
  line: Schema.Int,
  detail: Schema.String
}) {
  static readonly code = "lexicon-invalid"
  override get message() {
    return `${this.file}:${this.line}: ${this.detail}`
  }
}

/** `build --strict` with rejected sources. */
export class StrictRejected extends Schema.TaggedError<StrictRejected>()("StrictRejected", { count: Schema.Int }) {
  static readonly code = "strict-rejected"
  override get message() {
    return `${this.count} source(s) rejected and --strict is set`
  }
}

/** Run an effect and add its duration to a stage. */
const timed = <A, E, R>(timings: Timings, stage: string, e: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const t0 = performance.now()
    return e.pipe(Effect.ensuring(Effect.sync(() => timings.add(stage, performance.now() - t0))))
  })

/** Load the lexicons as an Effect. */
export const lexicons = Effect.try({
  try: () => loadLexicons(),
  catch: (e) =>
    e instanceof LexiconInvalid
      ? new LexiconLoadFailed({ file: e.file, line: e.line, detail: e.detail })
      : new LexiconLoadFailed({
          file: "pipeline/lexicons",
          line: 0,
          detail: String(e)
        })
})

/** Everything a build computes before writing. */
export interface Built {
  readonly tables: ReleaseTables
  readonly rejected: ReadonlyArray<RejectedSource>
  readonly texts: ReadonlyMap<string, string>
  readonly lexiconHash: string
  readonly lexicons: ReadonlyArray<LexiconProvenance>
}

/** The previous release's event reports (for id carry-over), read from the columns of its evidence and events Arrow files (only event rows are decoded). */
export const previousEventIds = (releaseDir: string | null): PreviousEventIds => {
  const ids = new Map<string, string>()
  if (releaseDir === null) return ids
  const evidence = readArrowTable(releaseDir, "evidence")
  const events = readArrowTable(releaseDir, "events")
  if (evidence === null || events === null) return ids
  const eventOf = new Map<string, { type: string; trigger: string }>()
  const [eid, etype, etrigger] = ["event_id", "event_type", "trigger"].map((c) => events.getChild(c)!)
  for (let i = 0; i < events.numRows; i++)
    eventOf.set(eid!.get(i) as string, {
      type: etype!.get(i) as string,
      trigger: (etrigger!.get(i) as string | null) ?? ""
    })
  const [table, rowId, source, start, end] = ["row_table", "row_id", "source_id", "char_start", "char_end"].map(
    (c) => evidence.getChild(c)!
  )
  for (let i = 0; i < evidence.numRows; i++) {
    if (table!.get(i) !== "events") continue
    const id = rowId!.get(i) as string
    const e = eventOf.get(id)
    if (e)
      ids.set(
        reportKey(source!.get(i) as string, start!.get(i) as number, end!.get(i) as number, e.type, e.trigger),
        id
      )
  }
  return ids
}

/** For each source id, the index of the first release (oldest first) along the previous_version chain that holds it. */
export const firstReleases = (releaseDir: string | null): Map<string, number> => {
  const chain: Array<string> = []
  for (let dir = releaseDir; dir !== null && fs.existsSync(nodePath.join(dir, "manifest.json")); ) {
    chain.unshift(dir)
    const m = JSON.parse(fs.readFileSync(nodePath.join(dir, "manifest.json"), "utf8")) as {
      previous_version: string | null
    }
    dir = m.previous_version ? nodePath.join(nodePath.dirname(dir), m.previous_version) : null
  }
  const first = new Map<string, number>()
  chain.forEach((dir, i) => {
    const m = JSON.parse(fs.readFileSync(nodePath.join(dir, "manifest.json"), "utf8")) as {
      sources: Array<{ source_id: string }>
    }
    for (const s of m.sources) if (!first.has(s.source_id)) first.set(s.source_id, i)
  })
  return first
}

const NO_HINTS = { monthDays: [], weekdays: [] } as const

/** Sources folder → tables (no writing); event ids carried over from `previousRelease` when given; per-article work as `articles` says. */
export const buildTables = Effect.fn("Build.tables")(function* (
  sourcesDir: string,
  previousRelease: string | null = null,
  timings: Timings = noTimings,
  articles: ArticleOptions = inline
) {
  const lex = yield* timed(timings, "lexicons", lexicons)
  const resolver = makeResolver(textPathOf, previousEventIds(previousRelease), firstReleases(previousRelease))
  const texts = new Map<string, string>()
  const references: Array<ReferenceInput> = []
  // articles without a publication day whose day clues another article may resolve wait for the
  // reference days; every other article goes to resolution as it comes, and its extraction is not kept
  const waiting: Array<ResolveInput> = []
  const take = (i: ResolveInput) => {
    const s = i.source
    texts.set(s.sourceId, s.text)
    const noDay = s.published.precision !== "day"
    const hints = noDay ? dayHints(s.text) : NO_HINTS
    references.push({
      sourceId: s.sourceId,
      published: s.published,
      hints,
      events: i.extraction.events,
      notBefore: noDay ? notBefore(s.text) : null
    })
    if (noDay && (hints.monthDays.length > 0 || hints.weekdays.length > 0)) waiting.push(i)
    else resolver.add(i)
  }
  const { rejected } = yield* timed(
    timings,
    "ingest + articles (wall)",
    processSources(sourcesDir, yield* today, lex, articles, timings, take)
  )
  for (const r of rejected) yield* Console.error(`rejected ${r.file}: [${r.code}] ${r.message}`)
  timings.mark("articles")
  // articles without a publication day, re-read against the day other articles give their events
  const days = timings.time("reference days", () => referenceDays(references))
  const tables = timings.time("resolve", () => {
    for (const i of waiting) {
      const day = days.get(i.source.sourceId)
      resolver.add(
        day === undefined
          ? i
          : {
              source: i.source,
              extraction: reextract(i.source, lex, {
                value: day,
                precision: "day"
              })
            }
      )
    }
    return resolver.finish()
  })
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
})

/** Options of the build command. */
export interface BuildOptions {
  readonly sources: string
  readonly out: string
  readonly version: Option.Option<string>
  readonly strict: boolean
  /** Write per-stage timings and peak memory (JSON) to this file. */
  readonly timings?: Option.Option<string>
  /** Worker threads for per-article work (none: the number of cores, in the main thread below AUTO_INLINE sources; 0: the main thread). Absent: the main thread. */
  readonly workers?: Option.Option<number>
  /** The extraction cache folder (absent: no cache). */
  readonly cache?: Option.Option<string>
  /** Build without the extraction cache. */
  readonly noCache?: boolean
  /** The release to diff against and carry event ids over from: the one latest.json points to (checked first), or none. */
  readonly base?: "latest" | "none"
}

/** Below this many sources, starting worker threads costs more than it saves: the default runs them in the main thread. */
const AUTO_INLINE = 64

/** How a build's per-article work runs, from its options. */
const articleOptions = (opts: BuildOptions): ArticleOptions => {
  const cacheDir =
    opts.noCache || opts.cache === undefined ? null : Option.getOrElse(opts.cache, () => DEFAULT_CACHE_DIR)
  if (opts.workers === undefined) return { workers: 0, cacheDir }
  if (Option.isSome(opts.workers)) return { workers: Math.max(0, opts.workers.value), cacheDir }
  const sources = fs.existsSync(opts.sources)
    ? fs.readdirSync(opts.sources).filter((f) => f.endsWith(".txt")).length
    : 0
  return {
    workers: sources < AUTO_INLINE ? 0 : availableParallelism(),
    cacheDir
  }
}

/** A previous release: its version and directory. */
export interface Previous {
  readonly version: string
  readonly dir: string
}

/** Everything but the version-dependent files: the quality report and the release metadata. */
const releaseMeta = Effect.fn("Build.meta")(function* (
  sourcesDir: string,
  built: Built,
  previous: Previous | null,
  created: string,
  timings: Timings = noTimings
) {
  // the release's own evaluation, when the sources folder carries gold annotations (<sources>/gold)
  const goldDir = nodePath.join(sourcesDir, "gold")
  const own = fs.existsSync(goldDir)
    ? yield* timed(timings, "quality", scoreTables(built.tables, built.texts, goldDir))
    : null
  // the code's figures on every annotated corpus, as measured into the committed quality card
  const card = readCard()
  const qualityJson = own !== null || card !== null ? { this_release: own, corpora: card } : null
  const sections = [
    ...(card !== null
      ? [
          `### The extraction on every annotated corpus\n\nMeasured with this code on the seeds and on development corpora of other outlets and genres (annotated\nindependently of the pipeline), as a whole and per genre family, beside a plain compromise NER baseline.\n${card.matching}\n\n${renderQualityCard(card)}`
        ]
      : []),
    ...(own !== null
      ? [
          `### This release's sources\n\n${qualityMarkdown(own, "the gold annotations shipped with the sources (`gold/*.gold.json`, format in `gold/FORMAT.md`)")}`
        ]
      : [])
  ]
  return {
    previousVersion: previous?.version ?? null,
    created,
    lexiconHash: built.lexiconHash,
    lexicons: built.lexicons,
    rejected: built.rejected,
    texts: built.texts,
    extra: new Map<string, Uint8Array>(
      qualityJson ? [["quality.json", new TextEncoder().encode(stableStringify(qualityJson))]] : []
    ),
    ...(sections.length > 0 ? { quality: sections.join("\n\n") } : {})
  }
})

/** Write every file of release `version` but the content files (already in `sink`, see writeContentFiles), with changes.json and CHANGELOG.md against the previous release. */
const assemble = (
  built: Built,
  meta: Effect.Effect.Success<ReturnType<typeof releaseMeta>>,
  previous: Previous | null,
  version: string,
  sink: FileSink,
  timings: Timings = noTimings,
  baseSkipped: string | null = null
) => {
  const extra = timings.time("diff", () => {
    // the new tables as the CSV cells they are written as, without decoding the CSV files again;
    // their lines as written, read back from the sink's files
    const newTables: TableTexts = new Map(
      TABLES.map((d) => {
        const lookup = cellLookup(
          d as unknown as TableDef<Record<string, Column>>,
          built.tables[d.name as keyof ReleaseTables] as Rows<Record<string, unknown>>
        )
        const written = sink.onDisk?.(`data/${d.name}.csv`) ?? null
        return [d.name, written === null ? lookup : { ...lookup, ...csvFileTable(written) }]
      })
    )
    const oldTables: TableTexts = previous ? readReleaseTables(previous.dir) : new Map()
    const diffed = diffTables({ version: previous?.version ?? null, tables: oldTables }, { version, tables: newTables })
    // built with --base none while a release was there: the changelog says it was not compared
    const changes = baseSkipped === null ? diffed : { ...diffed, base_skipped: baseSkipped }
    const extra = new Map(meta.extra)
    // in pieces: a large first release lists every row, more text than one string can hold
    extra.set(
      "changes.json",
      joinBytes((push) => stableStringifyTo(changes, push))
    )
    const labels = labeller(newTables, oldTables)
    extra.set(
      "CHANGELOG.md",
      joinBytes((push) => emitChangelog(changes, labels, push))
    )
    return extra
  })
  writeReleaseFiles(built.tables, { ...meta, extra, version }, sink, timings)
}

/** A fault of a storage step as the error of its cause; anything else as publish-failed. */
const storageFailure = (e: unknown, out: string) =>
  e instanceof Fault ? storageError(e, out) : new PublishFailed({ dir: out, detail: (e as Error).message })

/** Run a step that writes into the staging directory; a failure removes it. */
const staged = <A>(staging: Staging, out: string, f: () => A) =>
  Effect.try({
    try: f,
    catch: (e) => {
      const left = staging.discard()
      return storageFailure(e instanceof Fault ? e.leaving(left) : e, out)
    }
  })

/** The build command: under dist/.lock, write a new release when the content changed. */
export const build = (opts: BuildOptions) =>
  Effect.flatMap(Disk, (disk) =>
    Effect.acquireUseRelease(
      Effect.try({
        try: () => acquireLock(opts.out, disk),
        catch: (e) => (e instanceof LockHeld || e instanceof LockUnreadable ? e : storageFailure(e, opts.out))
      }),
      (lock) =>
        Effect.gen(function* () {
          if (lock.tookOver !== null)
            yield* Console.error(`took over ${nodePath.join(opts.out, ".lock")}: it was ${lock.tookOver}`)
          return yield* buildLocked(opts)
        }),
      (lock) =>
        Effect.try(() => lock.release()).pipe(
          Effect.catchAll((e) =>
            Console.error(
              `warning: could not remove ${nodePath.join(opts.out, ".lock")} (${(e.error as Error).message}); the next build takes it over`
            )
          )
        )
    )
  )

const buildLocked = Effect.fn("Build.run")(function* (opts: BuildOptions) {
  const timings = opts.timings !== undefined && Option.isSome(opts.timings) ? makeTimings() : noTimings
  const result = yield* publishBuild(opts, timings)
  if (opts.timings !== undefined && Option.isSome(opts.timings)) {
    const file = opts.timings.value
    yield* Effect.try({
      try: () => fs.writeFileSync(file, JSON.stringify(timings.report(), null, 2) + "\n"),
      catch: (e) =>
        new PublishFailed({
          dir: file,
          detail: `cannot write the timings: ${(e as Error).message}`
        })
    })
  }
  return result
})

/** The base release: the one latest.json points to, checked (none with --base none, or in an empty output folder). */
const baseRelease = (opts: BuildOptions) =>
  Effect.suspend(() => {
    if (opts.base === "none") return Effect.succeed(null)
    const pointer = readPointer(opts.out)
    if (pointer._tag === "none") return Effect.succeed(null)
    if (pointer._tag === "invalid")
      return Effect.fail(
        new BaseReleaseInvalid({
          dir: nodePath.join(opts.out, "latest.json"),
          problems: [pointer.problem]
        })
      )
    const problems = baseProblems(opts.out, pointer.latest)
    return problems.length > 0
      ? Effect.fail(
          new BaseReleaseInvalid({
            dir: nodePath.join(opts.out, pointer.latest.path),
            problems
          })
        )
      : Effect.succeed(pointer.latest)
  })

/** With --base none: the newest version in the output folder (the pointer's or a folder's), which the release is not compared with. */
const skippedBase = (opts: BuildOptions): string | null => {
  if (opts.base !== "none") return null
  const pointer = readPointer(opts.out)
  return (
    [...publishedVersions(opts.out), ...(pointer._tag === "found" ? [pointer.latest.version] : [])]
      .sort(compareVersions)
      .pop() ?? null
  )
}

const publishBuild = Effect.fn("Build.publish")(function* (opts: BuildOptions, timings: Timings) {
  const disk = yield* Disk
  const left = yield* Effect.try({
    try: () => cleanLeftovers(opts.out, disk),
    catch: (e) => storageFailure(e, opts.out)
  })
  for (const l of left)
    yield* Console.error(`removed leftover temporary directory ${nodePath.join(opts.out, l)} (an interrupted build)`)
  const latest: Latest | null = yield* baseRelease(opts)
  const skipped = skippedBase(opts)
  if (skipped !== null)
    yield* Console.error(
      `--base none: not comparing with ${nodePath.join(opts.out, skipped)}; event ids are not carried over and the changelog lists every row as new`
    )
  const previous: Previous | null = latest
    ? { version: latest.version, dir: nodePath.join(opts.out, latest.path) }
    : null
  const built = yield* buildTables(opts.sources, previous?.dir ?? null, timings, articleOptions(opts))
  if (opts.strict && built.rejected.length > 0)
    return yield* Effect.fail(new StrictRejected({ count: built.rejected.length }))
  const epoch = yield* sourceDateEpoch
  const newest =
    built.tables.sources
      .map((s) => s.published)
      .filter((p): p is string => p !== null)
      .sort()
      .pop() ?? null
  const meta = yield* releaseMeta(opts.sources, built, previous, releaseDate(epoch, newest), timings)
  const prevManifest = previous
    ? (JSON.parse(fs.readFileSync(nodePath.join(previous.dir, "manifest.json"), "utf8")) as {
        content_sha256: string
        schema_version: string
        sources: Array<{ source_id: string }>
      })
    : null
  // the CSVs and texts go into the staging directory first: the content hash reads only them
  const staging = yield* Effect.try({
    try: () => openStaging(opts.out, disk),
    catch: (e) => storageFailure(e, opts.out)
  })
  yield* staged(staging, opts.out, () => writeContentFiles(built.tables, built.texts, staging, timings))
  const content = timings.time("publish: content hash", () => contentHash(staging.files, built.rejected))
  timings.mark("csv")
  const prevSources = new Set(prevManifest?.sources.map((s) => s.source_id) ?? [])
  const change = {
    schemaChanged: prevManifest !== null && prevManifest.schema_version !== SCHEMA_VERSION,
    sourcesChanged:
      prevManifest !== null &&
      (prevSources.size !== built.tables.sources.length ||
        built.tables.sources.some((s) => !prevSources.has(s.source_id))),
    contentChanged: prevManifest === null || prevManifest.content_sha256 !== content
  }
  // not compared with the newest release: a new minor version after it (what a change of sources would call for)
  const expected =
    skipped !== null
      ? nextVersion(skipped, {
          schemaChanged: false,
          sourcesChanged: true,
          contentChanged: true
        })
      : nextVersion(latest?.version ?? null, change)
  if (expected === null) {
    staging.discard()
    yield* Console.error(
      `release ${latest!.version} is up to date: same content (${content.slice(0, 12)}); nothing to publish`
    )
    return { version: latest!.version, status: "unchanged" as const, built }
  }
  const version = Option.getOrElse(opts.version, () => expected)
  const free = skipped !== null ? compareVersions(version, skipped) > 0 : latest === null
  if (version !== expected && !(free && /^\d+\.\d+\.\d+$/.test(version))) {
    staging.discard()
    return yield* Effect.fail(
      new VersionMismatch({
        requested: version,
        expected,
        reason: skipped !== null ? `built with --base none: a version after ${skipped}` : bumpReason(change)
      })
    )
  }
  yield* staged(staging, opts.out, () => assemble(built, meta, previous, version, staging, timings, skipped))
  timings.mark("release files")
  const status = yield* timed(timings, "publish: write", publishRelease(opts.out, version, staging, disk))
  const t = built.tables
  yield* Console.error(
    `${status === "published" ? "published" : "already published"} ${nodePath.join(opts.out, version)}: ${t.sources.length} sources, ${t.entities.length} entities, ${t.events.length} events, ${t.relations.length} relations, ${t.evidence.length} evidence rows; ${built.rejected.length} rejected`
  )
  return { version, status, built }
})

/** A release that does not rebuild to the same bytes. */
export class NotReproducible extends Schema.TaggedError<NotReproducible>()("NotReproducible", {
  dir: Schema.String,
  files: Schema.Array(Schema.String)
}) {
  static readonly code = "not-reproducible"
  override get message() {
    return `${this.dir}: ${this.files.length} file(s) differ from a rebuild from the sources and code in this repository: ${this.files.join(", ")} (edited by hand, or sources/code changed without rebuilding dist/)`
  }
}

/** Rebuild a published release from the sources (same version, previous release and date) and compare every file byte for byte. */
export const verify = Effect.fn("Build.verify")(function* (sourcesDir: string, dist: string, releaseDir: string) {
  const manifest = JSON.parse(fs.readFileSync(nodePath.join(releaseDir, "manifest.json"), "utf8")) as {
    version: string
    previous_version: string | null
    created: string
  }
  const previous: Previous | null = manifest.previous_version
    ? {
        version: manifest.previous_version,
        dir: nodePath.join(dist, manifest.previous_version)
      }
    : null
  // a release built with --base none records, in its changes, the release it was not compared with
  const skipped = manifest.previous_version === null ? (baseSkippedOf(releaseDir) ?? null) : null
  const built = yield* buildTables(sourcesDir, previous?.dir ?? null)
  const meta = yield* releaseMeta(sourcesDir, built, previous, manifest.created)
  const sink = comparingSink(releaseDir)
  writeContentFiles(built.tables, built.texts, sink)
  assemble(built, meta, previous, manifest.version, sink, noTimings, skipped)
  const published = walkFiles(releaseDir)
  const differing = [
    ...sink.differing,
    ...published.filter((p) => !sink.files.has(p)).map((p) => `${p} (not produced by the rebuild)`)
  ].sort()
  if (differing.length > 0) return yield* Effect.fail(new NotReproducible({ dir: releaseDir, files: differing }))
  return sink.files.size
})

const baseSkippedOf = (releaseDir: string): string | undefined => {
  try {
    return (JSON.parse(fs.readFileSync(nodePath.join(releaseDir, "changes.json"), "utf8")) as { base_skipped?: string })
      .base_skipped
  } catch {
    return undefined
  }
}

const walkFiles = (dir: string, base = dir): Array<string> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? walkFiles(nodePath.join(dir, e.name), base)
        : [nodePath.relative(base, nodePath.join(dir, e.name))]
    )
