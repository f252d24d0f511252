/**
 * `npm run bench`: speed, memory and growth of full builds on generated corpora, beside a plain
 * compromise NER pass over the same articles. Never part of `npm test`.
 *   npm run bench [-- --sizes 1000,10000,100000] [--seed S] [--corpus realistic|seeds] [--workers N]
 *                    [--timeout-min M] [--force] [--json]
 *   npm run bench -- --generate N [--seed S] [--out DIR] [--corpus realistic|seeds]   (only write a scale corpus)
 * The corpus (corpora.ts) is `realistic` by default: paragraphs of the real articles of seeds/ and of the shared dev
 * corpora where they exist (stderr names the ones that fed it); `seeds` is the former seed-sentence generator.
 * Each size: a full build from a cold cache in a child process (wall time, articles/s, MB/s of
 * article text, peak RSS, slowest stage and article). At the size nearest 10k: the compromise pass
 * and an incremental build after adding one article (warm cache). Then growth exponents (fit of
 * log time and log RSS against log size). Builds run with a heap limit of three quarters of the
 * machine's memory (run.ts); a size whose peak RSS, extrapolated from the sizes before it, would
 * not fit in the machine's memory, or whose heap would pass that limit, is reported as not run
 * (--force runs it). One table on stdout; --json prints the same figures.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { cpus, freemem, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import type { TimingReport } from "../shared/timings.js"
import { type BenchCorpus, benchCorpus } from "./corpora.js"
import { ROOT } from "./corpus.js"
import { extrapolate, growthExponent } from "./fit.js"
import { BUILD_HEAP_MB, runBuild, runChild } from "./run.js"
import { type BuildRun, renderTable } from "./table.js"

const argv = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}
const log = (s: string) => process.stderr.write(`${s}\n`)
const seed = Number(opt("seed") ?? 1)

const cacheDir = (n: number, c: BenchCorpus): string =>
  join(ROOT, "node_modules", ".cache", "car-bench", `corpus-${c.label}-${n}-s${seed}`)

const corpus = (n: number, c: BenchCorpus): string => {
  const dir = cacheDir(n, c)
  const have = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).length : 0
  if (have !== n) {
    rmSync(dir, { recursive: true, force: true })
    log(`generating ${n} articles into ${dir}`)
    c.write(dir, seed, n)
  }
  return dir
}

/** A build run with what the next sizes' memory forecast and the JSON output need. */
type SizeRun = BuildRun & {
  readonly rssFrom: string | null
  readonly stages: TimingReport["stages"] | null
  readonly memory: TimingReport["memory"] | null
}

/** Where the benchmark's children write: corpora copies, releases, caches, timings (removed at the end). */
interface Scratch {
  readonly dir: string
  readonly timeoutMs: number
  readonly extra: ReadonlyArray<string>
  readonly corpus: BenchCorpus
}

const main = async () => {
  const model = benchCorpus(opt("corpus"))
  log(`corpus: ${model.kind}, ${model.describe}`)
  const generate = opt("generate")
  if (generate !== undefined) return generateOnly(Number(generate), model)
  const sizes = (opt("sizes") ?? "1000,10000,100000").split(",").map(Number)
  const workers = opt("workers")
  const scratch: Scratch = {
    dir: mkdtempSync(join(tmpdir(), "car-bench-")),
    timeoutMs: Number(opt("timeout-min") ?? 40) * 60_000,
    extra: workers !== undefined ? ["--workers", workers] : [],
    corpus: model
  }
  const mid = sizes.reduce((a, b) => (Math.abs(Math.log(b / 10000)) < Math.abs(Math.log(a / 10000)) ? b : a))
  const runs: Array<SizeRun> = []
  let compromise: Awaited<ReturnType<typeof compromisePass>> | null = null
  const incremental: Array<Awaited<ReturnType<typeof incrementalBuild>>> = []
  for (const n of sizes) {
    const reason = argv.includes("--force") ? null : tooLargeReason(runs, n)
    if (reason !== null) {
      log(`build ${n} articles: ${reason}`)
      runs.push(skippedRun(n, reason))
      continue
    }
    const dir = corpus(n, model)
    const out = join(scratch.dir, `dist-${n}`)
    const cache = join(scratch.dir, `cache-${n}`)
    log(`build ${n} articles (cold cache)...`)
    const r = await runBuild(dir, out, cache, join(scratch.dir, `timings-${n}.json`), scratch.timeoutMs, scratch.extra)
    if (!r.ok) log(`  failed: ${r.reason}`)
    runs.push(sizeRunOf(n, r))
    log(`  ${(r.wallMs / 1000).toFixed(1)} s, peak RSS ${r.rssMb?.toFixed(0)} MB`)
    if (n === mid) {
      compromise = await compromisePass(n, dir, scratch)
      // one article added, then a hundred: each to the full corpus, on the cache the full build left
      if (r.ok)
        for (const k of ADDED) incremental.push(await incrementalBuild(n, k, dir, out, cache, r.wallMs, scratch))
    }
    rmSync(out, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
  }
  const figures = {
    ...figuresOf(runs, mid, compromise, incremental),
    corpus: { kind: model.kind, model: model.describe }
  }
  rmSync(scratch.dir, { recursive: true, force: true })
  process.stdout.write(argv.includes("--json") ? JSON.stringify(figures, null, 2) + "\n" : renderTable(figures))
}

/** --generate: only write a scale corpus. */
const generateOnly = (n: number, model: BenchCorpus): void => {
  const out = opt("out") ?? cacheDir(n, model)
  const { bytes } = model.write(out, seed, n)
  log(`wrote ${n} articles (${(bytes / 1e6).toFixed(1)} MB of text, seed ${seed}) to ${out}`)
}

/**
 * Why a size is not run (null: it is): its peak RSS, extrapolated from the sizes run so far, would
 * not fit in the machine's memory, or its heap would pass the build's heap limit (it would run for
 * long and then fail).
 */
const tooLargeReason = (runs: ReadonlyArray<SizeRun>, n: number): string | null => {
  const memoryMb = totalmem() / 2 ** 20
  const fit = runs.filter((r) => r.ok && r.peakRssMb !== null && r.memory !== null && r.articles < n)
  const predict = (y: (r: (typeof fit)[number]) => number) =>
    extrapolate(
      fit.map((r) => [r.articles, y(r)] as const),
      n
    )
  const rss = predict((r) => r.peakRssMb!)
  const heap = predict((r) => Math.max(...Object.values(r.memory!).map((m) => m.heapMb)))
  const over = rss !== null && heap !== null && (rss > memoryMb * 0.9 || heap > BUILD_HEAP_MB)
  if (!over) return null
  return `not run: extrapolated from ${fit.map((r) => r.articles.toLocaleString("en-US")).join(" and ")} articles, its peak RSS would reach about ${(rss! / 1024).toFixed(1)} GB (the machine has ${(memoryMb / 1024).toFixed(1)} GB) and its heap ${(heap! / 1024).toFixed(1)} GB (the build's limit is ${(BUILD_HEAP_MB / 1024).toFixed(1)} GB; --force runs it)`
}

const skippedRun = (n: number, reason: string): SizeRun => ({
  articles: n,
  ok: false,
  skipped: true,
  reason,
  textMb: null,
  wallS: 0,
  articlesPerS: null,
  mbPerS: null,
  peakRssMb: null,
  rssFrom: null,
  slowestStage: null,
  peakStage: null,
  slowestArticle: null,
  stages: null,
  memory: null
})

/** The stage during which memory peaked (from the per-stage peaks of the timings), or null. */
const peakStageOf = (stages: ReadonlyArray<readonly [string, { readonly peakRssMb?: number }]>): string | null => {
  let best: readonly [string, number] | null = null
  for (const [name, s] of stages)
    if (s.peakRssMb !== undefined && (best === null || s.peakRssMb > best[1])) best = [name, s.peakRssMb]
  return best?.[0] ?? null
}

/** The figures of one full build. */
const sizeRunOf = (n: number, r: Awaited<ReturnType<typeof runBuild>>): SizeRun => {
  const t = r.timings
  const stages = t ? Object.entries(t.stages).filter(([k]) => !k.includes("(wall)")) : []
  const slowest = stages.sort(([, a], [, b]) => b.ms - a.ms)[0]
  return {
    articles: n,
    ok: r.ok,
    skipped: false,
    reason: r.reason,
    textMb: t ? t.textBytes / 1e6 : null,
    wallS: r.wallMs / 1000,
    articlesPerS: r.ok ? n / (r.wallMs / 1000) : null,
    mbPerS: r.ok && t ? t.textBytes / 1e6 / (r.wallMs / 1000) : null,
    peakRssMb: r.rssMb,
    rssFrom: r.rssFrom,
    slowestStage: slowest ? { name: slowest[0], s: slowest[1].ms / 1000 } : null,
    peakStage: peakStageOf(stages),
    slowestArticle: t?.slowestArticle ?? null,
    stages: t?.stages ?? null,
    memory: t?.memory ?? null
  }
}

/** A plain compromise NER pass over the same articles. */
const compromisePass = async (n: number, dir: string, scratch: Scratch) => {
  log(`compromise pass over the same ${n} articles...`)
  const c = await runChild("pipeline/bench/compromise.ts", [dir], scratch.timeoutMs)
  const j = c.ok
    ? (JSON.parse(c.stdout) as {
        articles: number
        bytes: number
        ms: number
        maxRssKb: number
      })
    : null
  const compromise = {
    articles: n,
    ok: c.ok,
    reason: c.reason,
    wallS: c.wallMs / 1000,
    articlesPerS: j ? n / (c.wallMs / 1000) : null,
    mbPerS: j ? j.bytes / 1e6 / (c.wallMs / 1000) : null,
    peakRssMb: c.rssMb ?? (j ? j.maxRssKb / 1024 : null)
  }
  log(`  ${(c.wallMs / 1000).toFixed(1)} s`)
  return compromise
}

/** The incremental builds after the full build at the middle size: this many articles added. */
const ADDED = [1, 100] as const

/** A build after adding `k` articles to the corpus just built, with its warm cache. */
const incrementalBuild = async (
  n: number,
  k: number,
  dir: string,
  out: string,
  cache: string,
  fullWallMs: number,
  { dir: scratchDir, timeoutMs, extra, corpus: model }: Scratch
) => {
  log(`incremental: ${k} more article(s), warm cache...`)
  const more = join(scratchDir, `corpus-${n}-plus-${k}`)
  cpSync(dir, more, { recursive: true })
  model.write(more, seed, n + k, n)
  // into a copy of the output folder: each incremental build starts from the full build's release
  const outK = `${out}-plus-${k}`
  cpSync(out, outK, { recursive: true })
  const inc = await runBuild(more, outK, cache, join(scratchDir, `timings-${n}-inc-${k}.json`), timeoutMs, extra)
  rmSync(outK, { recursive: true, force: true })
  const incremental = {
    articles: n + k,
    added: k,
    ok: inc.ok,
    reason: inc.reason,
    wallS: inc.wallMs / 1000,
    fractionOfFull: inc.ok ? inc.wallMs / fullWallMs : null,
    peakRssMb: inc.rssMb,
    stages: inc.timings?.stages ?? null
  }
  rmSync(more, { recursive: true, force: true })
  log(`  ${(inc.wallMs / 1000).toFixed(1)} s`)
  return incremental
}

/** Growth exponents over every size run, and between the two largest (fixed costs flatter the first). */
const growthOf = (ok: ReadonlyArray<SizeRun>) => {
  const time = (rs: ReadonlyArray<SizeRun>) => growthExponent(rs.map((r) => [r.articles, r.wallS]))
  const memory = (rs: ReadonlyArray<SizeRun>) =>
    growthExponent(rs.filter((r) => r.peakRssMb !== null).map((r) => [r.articles, r.peakRssMb!]))
  const last = [...ok].sort((a, b) => a.articles - b.articles).slice(-2)
  return {
    sizes: ok.map((r) => r.articles),
    time: time(ok),
    memory: memory(ok),
    lastStep: { sizes: last.map((r) => r.articles), time: time(last), memory: memory(last) }
  }
}

/** Every figure: the machine, the runs, the compromise pass and incremental build, and growth exponents. */
const figuresOf = (
  runs: ReadonlyArray<SizeRun>,
  mid: number,
  compromise: Awaited<ReturnType<typeof compromisePass>> | null,
  incremental: ReadonlyArray<Awaited<ReturnType<typeof incrementalBuild>>>
) => {
  const ok = runs.filter((r) => r.ok)
  const full = runs.find((r) => r.articles === mid)
  return {
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "?",
      memoryGb: totalmem() / 2 ** 30,
      freeMemoryGbAtStart: freemem() / 2 ** 30,
      node: process.version
    },
    seed,
    runs,
    compromise,
    throughputRatio:
      full?.articlesPerS && compromise?.articlesPerS ? full.articlesPerS / compromise.articlesPerS : null,
    incremental,
    growth: growthOf(ok)
  }
}

await main()
