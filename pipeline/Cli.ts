/**
 * Command grammar:
 *   pipeline build    [--sources DIR=seeds] [--out DIR=dist] [--version X.Y.Z] [--strict] [--timings FILE]
 *                     [--workers N=cores] [--cache DIR=node_modules/.cache/car-extract | --no-cache]
 *                     [--base latest|none]   (none: no diff against, and no ids from, the newest release)
 *                     [--no-progress] [--memory MB=500]
 *                     [--texts full|quotes]   (texts of sources whose metadata names no open licence: published in
 *                     full, or only their hash, offsets and quotes)
 *   pipeline validate [RELEASE_DIR] [--texts DIR]   (default: the newest release in dist/; DIR: the original articles
 *                     of quotes-only sources, to check their hashes and spans)
 *   pipeline stats    [RELEASE_DIR] [--json]
 *   pipeline eval     [--sources DIR=seeds] [--gold DIR=<sources>/gold] [--json]
 *   pipeline card     [--corpus DIR]... [--write]   (figures per corpus and genre; --write: quality-card.json and
 * README)
 *   pipeline diff     OLD_RELEASE NEW_RELEASE [--json]
 *   pipeline verify   [--sources DIR=seeds] [--out DIR=dist] [RELEASE_DIR]   (rebuild a release, default the newest;
 *                     compare bytes)
 *   pipeline explore  [RELEASE_DIR] [--port N=8600]   (serve the release's explorer on 127.0.0.1 until Ctrl-C)
 *   pipeline runner   --cluster URL [--host H=localhost] [--port N=0]   (one runner of clustered builds, until Ctrl-C;
 *                     build --cluster URL sends its articles to the runners: docs/scale-out.md)
 * Handlers only parse options and call the stage functions.
 */

import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { PIPELINE_VERSION } from "../schemas/version.js"
import { readLatest } from "./05-publish/Publish.js"
import { build } from "./Build.js"
import { clusterUrl, outFolder, sourcesFolder } from "./Config.js"
import { runRunner } from "./cluster/Runner.js"
import { readReleaseTables } from "./diff/arrowTables.js"
import { diffTables, summarize } from "./diff/diff.js"
import { replaceBetween } from "./docs/tablesDoc.js"
import { CARD_PATH, cardJson, DEFAULT_CORPORA, renderCard } from "./eval/card.js"
import { measureCard, runEval } from "./eval/Eval.js"
import { formatReport, toJson } from "./eval/report.js"
import { explore } from "./explore/serve.js"
import { readManifest } from "./release/manifest.js"
import { releaseStats, renderStats } from "./release/stats.js"
import { verify } from "./release/verify.js"
import { DEFAULT_MEMORY_MB } from "./run/memory.js"
import { codeSha256 } from "./shared/codeHash.js"
import { validateRelease } from "./validate/checks.js"
import { checkDataPackage } from "./validate/datapackage.js"
import { ReleaseNotFound, ValidationFailed } from "./validate/errors.js"

const sources = Options.directory("sources").pipe(
  Options.withDescription("Folder of .txt articles (with an optional sources.json or .meta.json sidecars)"),
  Options.withFallbackConfig(sourcesFolder),
  Options.withDescription("Default: seeds (or the environment variable PIPELINE_SOURCES)."),
  Options.withDefault("seeds")
)
const out = Options.text("out").pipe(
  Options.withDescription("Release folder (dist/); each release goes to <out>/<version>/"),
  Options.withFallbackConfig(outFolder),
  Options.withDescription("Default: dist (or the environment variable PIPELINE_OUT)."),
  Options.withDefault("dist")
)
const version = Options.text("version").pipe(
  Options.withDescription("Version to publish; refused when it does not fit the change"),
  Options.optional
)
const strict = Options.boolean("strict").pipe(Options.withDescription("Exit non-zero when any source is rejected"))
const timings = Options.file("timings").pipe(
  Options.withDescription("Write per-stage timings and peak memory of the build (JSON) to this file"),
  Options.optional
)
const releaseArg = Args.directory({ name: "release" }).pipe(
  Args.withDescription("A release directory (default: the newest in dist/)"),
  Args.optional
)

/** The release directory named, or the newest in dist/. */
export const releaseDir = (arg: Option.Option<string>, dist = "dist") =>
  Option.match(arg, {
    onSome: (d) => Effect.succeed(d),
    onNone: () => {
      const latest = readLatest(dist)
      return latest ? Effect.succeed(nodePath.join(dist, latest.path)) : Effect.fail(new ReleaseNotFound({ dir: dist }))
    }
  })

const workers = Options.integer("workers").pipe(
  Options.withDescription(
    "Worker threads for normalising and extracting articles (default: the number of cores; small folders run in the" +
      " main thread; 0: the main thread)"
  ),
  Options.optional
)
const cache = Options.text("cache").pipe(
  Options.withDescription("Folder of the extraction cache (default: node_modules/.cache/car-extract)"),
  Options.optional
)
const noProgress = Options.boolean("no-progress").pipe(
  Options.withDescription(
    "Do not show progress on stderr (shown by default: one line rewritten on a terminal; elsewhere a line per stage" +
      " and every 10 s, once a build has run 10 s)"
  )
)
const memory = Options.integer("memory").pipe(
  Options.withDescription(
    "Memory budget in MB: bounds each worker's heap and the Parquet thread's slices; a build whose peak memory" +
      " passes it warns, naming the stages that did (the release is the same under any budget)"
  ),
  Options.filterMap(
    (mb) => (mb >= 100 ? Option.some(mb) : Option.none()),
    "--memory must be at least 100 (MB): the code and lexicons alone take about 300"
  ),
  Options.withDescription(`Default: ${DEFAULT_MEMORY_MB}.`),
  Options.withDefault(DEFAULT_MEMORY_MB)
)
const noCache = Options.boolean("no-cache").pipe(Options.withDescription("Do not read or write the extraction cache"))

const base = Options.choice("base", ["latest", "none"]).pipe(
  Options.withDescription(
    "The release to diff against and carry event ids over from: latest (the one latest.json points to, refused when" +
      " it does not match its checksums) or none (publish a new minor version without a diff; the changelog says so)"
  ),
  Options.withDescription("Default: latest."),
  Options.withDefault("latest" as const)
)

const texts = Options.choice("texts", ["full", "quotes"]).pipe(
  Options.withDescription(
    "What to publish of a source's text when its sidecar or sources.json row says nothing (no texts field, no open" +
      " licence): full (texts/<source_id>.txt) or quotes (its hash, offsets and evidence quotes only)"
  ),
  Options.withDescription("Default: full."),
  Options.withDefault("full" as const)
)

const cluster = Options.text("cluster").pipe(
  Options.withDescription(
    "A clustered build: the articles go to the runners (pipeline runner) of the cluster whose PostgreSQL is at this" +
      " postgres:// URL (or the environment variable CAR_CLUSTER_URL); the release is the same bytes"
  ),
  Options.withFallbackConfig(clusterUrl),
  Options.optional
)

const buildCmd = Command.make(
  "build",
  { sources, out, version, strict, timings, workers, cache, noCache, base, noProgress, memory, texts, cluster },
  (o) => build({ ...o, progress: !o.noProgress })
).pipe(Command.withDescription("Build a release from a folder of articles"))

const originals = Options.directory("texts").pipe(
  Options.withDescription(
    "Folder of the original articles (or <source_id>.txt files) of sources whose texts the release does not publish" +
      " (text_policy quotes): their hashes and every span are checked against them"
  ),
  Options.optional
)

const validateCmd = Command.make("validate", { release: releaseArg, texts: originals }, ({ release, texts }) =>
  Effect.gen(function* () {
    const dir = yield* releaseDir(release)
    const problems = [...validateRelease(dir, Option.getOrNull(texts)), ...checkDataPackage(dir)]
    for (const p of problems) yield* Console.error(`${p.code}: ${p.file}: ${p.message}`)
    if (problems.length > 0) return yield* Effect.fail(new ValidationFailed({ dir, count: problems.length }))
    yield* Console.log(`${dir}: valid (hashes, CSV = Arrow, keys, foreign keys, provenance, spans, datapackage.json)`)
  })
).pipe(Command.withDescription("Check a release: hashes, CSV/Arrow agreement, integrity, evidence spans"))

const statsJson = Options.boolean("json").pipe(Options.withDescription("Print the figures as JSON"))

const statsCmd = Command.make("stats", { release: releaseArg, json: statsJson }, ({ release, json }) =>
  Effect.gen(function* () {
    const dir = yield* releaseDir(release)
    const s = releaseStats(dir, yield* readManifest(dir))
    yield* Console.log(json ? JSON.stringify(s, null, 2) : renderStats(s, dir))
  })
).pipe(
  Command.withDescription(
    "Print what a release holds: row counts; events by type, modality and date precision, the share undated and the" +
      " date range; sources by publisher; entity types; relation predicates; evidence by rule"
  )
)

const gold = Options.directory("gold").pipe(
  Options.withDescription("Folder of <article>.gold.json files (default: <sources>/gold)"),
  Options.optional
)
const json = Options.boolean("json").pipe(Options.withDescription("Print the report as JSON"))

const evalCmd = Command.make("eval", { sources, gold, json }, (o) =>
  Effect.gen(function* () {
    const report = yield* runEval(
      o.sources,
      Option.getOrElse(o.gold, () => nodePath.join(o.sources, "gold"))
    )
    yield* Console.log(o.json ? toJson(report) : formatReport(report))
  })
).pipe(
  Command.withDescription(
    "Precision / recall / F1 of the extraction against gold annotations, beside a compromise baseline"
  )
)

const corpus = Options.text("corpus").pipe(
  Options.withDescription(
    `An annotated corpus folder (gold in <corpus>/gold), relative to the repository root; repeatable (default: ${DEFAULT_CORPORA.join(", ")})`
  ),
  Options.repeated
)
const write = Options.boolean("write").pipe(
  Options.withDescription("Write pipeline/eval/quality-card.json and the README's quality table")
)

const cardCmd = Command.make("card", { corpus, write }, (o) =>
  Effect.gen(function* () {
    const { card, missing } = yield* measureCard(o.corpus.length > 0 ? o.corpus : DEFAULT_CORPORA)
    for (const m of missing) yield* Console.error(`card: ${m}: no such annotated corpus (no gold/ folder); left out`)
    yield* Console.log(renderCard(card))
    if (o.write) {
      fs.writeFileSync(CARD_PATH, cardJson(card))
      const readme = nodePath.join(nodePath.dirname(CARD_PATH), "..", "..", "README.md")
      fs.writeFileSync(readme, replaceBetween(fs.readFileSync(readme, "utf8"), "quality", renderCard(card)))
      yield* Console.error(`card: wrote ${nodePath.relative(process.cwd(), CARD_PATH)} and the README's quality table`)
    }
  })
).pipe(
  Command.withDescription(
    "Measure the extraction on every annotated corpus, per corpus and genre family, beside the compromise baseline"
  )
)

const diffCmd = Command.make(
  "diff",
  {
    old: Args.directory({ name: "old" }),
    new: Args.directory({ name: "new" }),
    json
  },
  (o) =>
    Effect.gen(function* () {
      const [older, newer] = [yield* readManifest(o.old), yield* readManifest(o.new)]
      const c = diffTables(
        { version: older.version, tables: readReleaseTables(o.old) },
        { version: newer.version, tables: readReleaseTables(o.new) }
      )
      yield* Console.log(o.json ? JSON.stringify(c, null, 2) : summarize(c))
    })
).pipe(
  Command.withDescription("Rows added, removed and changed (with changed columns) between two releases, per table")
)

const verifyCmd = Command.make("verify", { sources, out, release: releaseArg }, (o) =>
  Effect.gen(function* () {
    const dir = yield* releaseDir(o.release, o.out)
    const m = yield* readManifest(dir)
    // a release built by other code can only be rebuilt by that code: say which, before the files that differ
    const code = codeSha256()
    if (m.pipeline_version !== PIPELINE_VERSION || (m.code_sha256 !== undefined && m.code_sha256 !== code))
      yield* Console.error(
        `note: ${dir} was built by pipeline ${m.pipeline_version}${m.code_sha256 ? ` (code ${m.code_sha256.slice(0, 12)})` : ""}; this checkout is ${PIPELINE_VERSION} (code ${code.slice(0, 12)}): files may differ because the code does (check out the commit that built it)`
      )
    const n = yield* verify(o.sources, o.out, dir)
    yield* Console.log(`${dir}: reproducible (${n} files rebuilt from ${o.sources} and the code, byte for byte)`)
  })
).pipe(
  Command.withDescription(
    "Rebuild a release (default: the newest) from the sources and code; fail listing every file that differs"
  )
)

const port = Options.integer("port").pipe(
  Options.withDescription("Port on 127.0.0.1 (0: any free port)"),
  Options.withDefault(8600)
)

const exploreCmd = Command.make("explore", { release: releaseArg, port }, (o) =>
  Effect.flatMap(releaseDir(o.release), (dir) => explore(dir, o.port))
).pipe(
  Command.withDescription(
    "Serve a release (default: the newest) on 127.0.0.1 and print the explorer's address: search, entity, event," +
      " source and release pages; no request leaves the page"
  )
)

const runnerCmd = Command.make(
  "runner",
  {
    cluster: Options.text("cluster").pipe(
      Options.withDescription("The cluster's postgres:// URL (or the environment variable CAR_CLUSTER_URL)"),
      Options.withFallbackConfig(clusterUrl)
    ),
    host: Options.text("host").pipe(
      Options.withDescription("The host name other processes reach this runner at"),
      Options.withDefault("localhost")
    ),
    port: Options.integer("port").pipe(
      Options.withDescription("The port it listens on (0: any free port)"),
      Options.withDefault(0)
    )
  },
  (o) => runRunner(o.cluster, o.host, o.port)
).pipe(
  Command.withDescription(
    "Run one runner of clustered builds (build --cluster): it takes its share of the articles until Ctrl-C; a runner" +
      " that dies leaves its share to the others"
  )
)

/** The root command. */
export const cli = Command.make("pipeline").pipe(
  Command.withDescription("US–Central Asia relations dataset pipeline"),
  Command.withSubcommands([
    buildCmd,
    validateCmd,
    statsCmd,
    evalCmd,
    cardCmd,
    diffCmd,
    verifyCmd,
    exploreCmd,
    runnerCmd
  ])
)

/** Run the CLI on argv. */
export const run = Command.run(cli, { name: "pipeline", version: PIPELINE_VERSION })
