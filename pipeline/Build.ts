/**
 * The build command: under the output folder's lock, remove leftovers, check the base release,
 * run the stages (run/), stage and hash the content, decide the version and publish (release/).
 */
import * as nodePath from "node:path"
import { Console, Effect, Option } from "effect"
import type { TextPolicy } from "../schemas/vocab.js"
import { textPolicies } from "./04-resolve/Resolve.js"
import type { DiskService } from "./05-publish/disk.js"
import { parquetSliceRows } from "./05-publish/files.js"
import { openStaging, publishRelease } from "./05-publish/Publish.js"
import { type ClusterRun, clusteredBuild } from "./cluster/coordinator.js"
import { assemble } from "./release/assemble.js"
import { baseOf } from "./release/base.js"
import { createdOf, stageContent } from "./release/content.js"
import { StrictRejected } from "./release/errors.js"
import { lineageOf } from "./release/lineage.js"
import { releaseMeta } from "./release/meta.js"
import { removeLeftovers, stagedAsync, storageStep, withLock } from "./release/storage.js"
import { changeOf, releaseVersion } from "./release/version.js"
import { type ArticleFlags, articleOptions, sourceCount } from "./run/articleStream.js"
import { DEFAULT_MEMORY_MB, overBudget, workerHeapMb } from "./run/memory.js"
import { buildTables } from "./run/tables.js"
import { buildTimings, timed, writeTimings } from "./run/timed.js"
import { codeSha256 } from "./shared/codeHash.js"
import type { Timings } from "./shared/timings.js"

export { verify } from "./release/verify.js"

/** Options of the build command (`workers`, `cache`, `noCache`: how articles run, see ArticleFlags). */
export interface BuildOptions extends ArticleFlags {
  readonly out: string
  readonly version: Option.Option<string>
  readonly strict: boolean
  /** Write per-stage timings and peak memory (JSON) to this file. */
  readonly timings?: Option.Option<string>
  /** Show progress on stderr (default true). */
  readonly progress?: boolean
  /** The memory budget in MB (run/memory.ts; default 500). */
  readonly memory?: number
  /**
   * The release to diff against and carry event ids over from: the one latest.json points to (checked first), or none.
   */
  readonly base?: "latest" | "none"
  /**
   * What to publish of a source's text when its metadata says nothing and its licence is not an open one: `full`
   * (default) or `quotes` (hash, offsets and evidence quotes only; 01-ingest/sourceMeta.ts textPolicyOf).
   */
  readonly texts?: TextPolicy
  /** A clustered build: the per-article units go to the runners of the cluster at this postgres:// URL (cluster/). */
  readonly cluster?: Option.Option<string>
}

/** The build command: under dist/.lock, write a new release when the content changed. */
export const build = (opts: BuildOptions) =>
  withLock(opts.out, (disk) =>
    Effect.gen(function* () {
      const timingsFile = Option.getOrNull(opts.timings ?? Option.none())
      const timings = buildTimings({
        progress: opts.progress ?? true,
        sampled: timingsFile !== null,
        total: sourceCount(opts.sources)
      })
      const result = yield* publishBuild(opts, disk, timings).pipe(Effect.ensuring(Effect.sync(timings.close)))
      const over = overBudget(timings.report(), opts.memory ?? DEFAULT_MEMORY_MB)
      if (over !== null) yield* Console.error(`warning [${over.code}]: ${over.message}`)
      if (timingsFile !== null) yield* writeTimings(timingsFile, timings)
      return result
    })
  )

/**
 * The build, locally or (`--cluster`) as the steps of a workflow on the cluster (cluster/coordinator.ts), whose key
 * hashes these options with the sources and the code.
 */
const publishBuild = (opts: BuildOptions, disk: DiskService, timings: Timings) =>
  clusteredBuild(
    opts.cluster ?? Option.none(),
    {
      sources: opts.sources,
      out: opts.out,
      options: {
        version: Option.getOrNull(opts.version),
        strict: opts.strict,
        base: opts.base ?? "latest",
        texts: opts.texts ?? "full",
        memory: opts.memory ?? DEFAULT_MEMORY_MB
      }
    },
    (cluster) => buildRelease(opts, disk, timings, cluster)
  )

const buildRelease = Effect.fn("Build.publish")(function* (
  opts: BuildOptions,
  disk: DiskService,
  timings: Timings,
  cluster: ClusterRun | undefined
) {
  const { base, lineage } = yield* timed(
    timings,
    "base release",
    Effect.gen(function* () {
      yield* removeLeftovers(opts.out, disk)
      const base = yield* baseOf(opts.out, opts.base)
      return { base, lineage: yield* lineageOf(base.previous?.dir ?? null) }
    })
  )
  const built = yield* buildTables(
    opts.sources,
    lineage,
    timings,
    {
      ...articleOptions(opts),
      workerHeapMb: workerHeapMb(opts.memory ?? DEFAULT_MEMORY_MB),
      ...cluster
    },
    textPolicies(opts.texts ?? "full")
  )
  if (opts.strict && built.rejected.length > 0)
    return yield* Effect.fail(new StrictRejected({ count: built.rejected.length }))
  const meta = yield* timed(
    timings,
    "release meta",
    releaseMeta(opts.sources, built, base.previous, yield* createdOf(built), codeSha256(), timings)
  )
  const staging = yield* storageStep(opts.out, () => openStaging(opts.out, disk))
  const content = yield* stageContent(staging, opts.out, built, timings)
  const change = changeOf(base.manifest, built.tables.sources, content)
  const version = yield* releaseVersion(opts.version, base.latest?.version ?? null, base.skipped, change).pipe(
    Effect.tapError(() => Effect.sync(() => staging.discard()))
  )
  if (version === null) {
    staging.discard()
    yield* Console.error(
      `release ${base.latest!.version} is up to date: same content (${content.slice(0, 12)}); nothing to publish`
    )
    return { version: base.latest!.version, status: "unchanged" as const, built }
  }
  // the tables but sources are let go as their files are written: below, only their row counts are read
  const budget = { parquetSliceRows: parquetSliceRows(opts.memory ?? DEFAULT_MEMORY_MB), dropWritten: true }
  yield* stagedAsync(staging, opts.out, () =>
    assemble(built, meta, base.previous, version, staging, timings, base.skipped, budget)
  )
  timings.mark("release files")
  const status = yield* timed(timings, "publish: write", publishRelease(opts.out, version, staging, disk))
  const t = built.tables
  yield* Console.error(
    `${status === "published" ? "published" : "already published"} ${nodePath.join(opts.out, version)}: ${t.sources.length} sources, ${t.entities.length} entities, ${t.events.length} events, ${t.relations.length} relations, ${t.evidence.length} evidence rows; ${built.rejected.length} rejected`
  )
  return { version, status, built }
})
