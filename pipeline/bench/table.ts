/** The benchmark's one table (markdown, so it can be pasted into the README as it is). */

/** One full build. */
export interface BuildRun {
  readonly articles: number
  readonly ok: boolean
  /** Not run (its predicted heap passes V8's limit); `reason` says why. */
  readonly skipped?: boolean
  readonly reason: string | null
  readonly textMb: number | null
  readonly wallS: number
  readonly articlesPerS: number | null
  readonly mbPerS: number | null
  readonly peakRssMb: number | null
  readonly slowestStage: { readonly name: string; readonly s: number } | null
  /** The stage during which memory peaked (absent in figures from before per-stage peaks). */
  readonly peakStage?: string | null
  readonly slowestArticle: {
    readonly file: string
    readonly ms: number
  } | null
}

/** Every figure of one benchmark run. */
export interface Figures {
  readonly machine: {
    readonly cores: number
    readonly cpu: string
    readonly memoryGb: number
    readonly node: string
  }
  readonly runs: ReadonlyArray<BuildRun>
  readonly compromise: {
    readonly articles: number
    readonly ok: boolean
    readonly wallS: number
    readonly articlesPerS: number | null
    readonly mbPerS: number | null
    readonly peakRssMb: number | null
  } | null
  readonly throughputRatio: number | null
  readonly incremental: ReadonlyArray<{
    readonly articles: number
    readonly added: number
    readonly ok: boolean
    readonly reason: string | null
    readonly wallS: number
    readonly fractionOfFull: number | null
  }>
  readonly growth: {
    readonly sizes: ReadonlyArray<number>
    readonly time: number | null
    readonly memory: number | null
    /** The exponents between the two largest sizes run. */
    readonly lastStep?: {
      readonly sizes: ReadonlyArray<number>
      readonly time: number | null
      readonly memory: number | null
    }
  }
  /** The corpus the articles came from (absent in figures from before the realistic corpus). */
  readonly corpus?: { readonly kind: string; readonly model: string }
  readonly seed?: number
}

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "–" : x.toFixed(d))
const n = (x: number) => x.toLocaleString("en-US")

/** Render the figures. */
export const renderTable = (g: Figures): string => {
  const rows = [
    "| run | articles | text MB | wall s | articles/s | MB/s | peak RSS MB (stage) | slowest stage (s) | slowest article " +
      "(ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...g.runs.map((r) =>
      r.ok
        ? `| full build | ${n(r.articles)} | ${f(r.textMb)} | ${f(r.wallS)} | ${f(r.articlesPerS)} | ${f(r.mbPerS, 2)} | ${f(r.peakRssMb, 0)}${r.peakStage ? ` (${r.peakStage})` : ""} | ${r.slowestStage ? `${r.slowestStage.name} (${f(r.slowestStage.s)})` : "–"} | ${r.slowestArticle ? `${r.slowestArticle.file} (${f(r.slowestArticle.ms)})` : "–"} |`
        : r.skipped
          ? `| full build | ${n(r.articles)} | – | – | – | – | – | ${r.reason} | – |`
          : `| full build | ${n(r.articles)} | – | ${f(r.wallS)} | – | – | ${f(r.peakRssMb, 0)} | failed: ${r.reason} | – |`
    ),
    ...(g.compromise
      ? [
          `| compromise NER pass (1 thread) | ${n(g.compromise.articles)} | | ${f(g.compromise.wallS)} | ${f(g.compromise.articlesPerS)} | ${f(g.compromise.mbPerS, 2)} | ${f(g.compromise.peakRssMb, 0)} | | |`
        ]
      : []),
    ...g.incremental.map(
      (i) =>
        `| incremental (+${n(i.added)} article${i.added === 1 ? "" : "s"}, warm cache) | ${n(i.articles)} | | ${i.ok ? f(i.wallS) : `failed: ${i.reason}`} | | | | | |`
    )
  ]
  const summary = [
    `- build throughput / compromise throughput (same ${g.compromise ? n(g.compromise.articles) : "–"} articles): ${f(g.throughputRatio, 2)}×`,
    `- incremental rebuild / full build: ${g.incremental.length === 0 ? "–" : g.incremental.map((i) => `+${n(i.added)}: ${i.fractionOfFull === null ? "–" : `${f(100 * i.fractionOfFull)}%`}`).join(", ")}`,
    `- growth exponents over ${g.growth.sizes.map(n).join(", ")} articles: time ${f(g.growth.time, 2)}, peak RSS ${f(g.growth.memory, 2)}${g.growth.lastStep && g.growth.lastStep.sizes.length === 2 && g.growth.sizes.length > 2 ? `; ${g.growth.lastStep.sizes.map(n).join(" → ")}: time ${f(g.growth.lastStep.time, 2)}, peak RSS ${f(g.growth.lastStep.memory, 2)}` : ""}`,
    ...(g.corpus ? [`- corpus: ${g.corpus.kind}, ${g.corpus.model}; seed ${g.seed ?? "–"}`] : []),
    `- machine: ${g.machine.cores} cores (${g.machine.cpu}), ${f(g.machine.memoryGb)} GiB memory, Node ${g.machine.node}`
  ]
  return [...rows, "", ...summary, ""].join("\n")
}
