/**
 * Per-stage timing counters of one build (for `build --timings FILE` and `npm run bench`):
 * milliseconds and calls per stage, and the slowest single article. Never written into a release.
 */
import { performance } from "node:perf_hooks"

/** The figures of one build. */
export interface TimingReport {
  readonly stages: Record<string, { readonly ms: number; readonly calls: number }>
  readonly slowestArticle: {
    readonly file: string
    readonly ms: number
  } | null
  readonly articles: number
  readonly textBytes: number
  /** Peak resident set size of the process, in kilobytes. */
  readonly maxRssKb: number
  /** Resident set size and JavaScript heap (MB) after each named point of the build. */
  readonly memory: Record<string, { readonly rssMb: number; readonly heapMb: number }>
}

/** A set of counters; `time` runs a function and adds its duration to a stage (`enabled` false: counts nothing). */
export const makeTimings = (enabled = true) => {
  const stages = new Map<string, { ms: number; calls: number }>()
  let slowest: { file: string; ms: number } | null = null
  let articles = 0
  let textBytes = 0
  const memory: Record<string, { rssMb: number; heapMb: number }> = {}
  const add = (stage: string, ms: number) => {
    if (!enabled) return
    const s = stages.get(stage) ?? { ms: 0, calls: 0 }
    s.ms += ms
    s.calls++
    stages.set(stage, s)
  }
  return {
    add,
    time: <A>(stage: string, f: () => A): A => {
      if (!enabled) return f()
      const t0 = performance.now()
      try {
        return f()
      } finally {
        add(stage, performance.now() - t0)
      }
    },
    /** Record one article's processing time (the slowest is kept). */
    article: (file: string, ms: number, bytes: number) => {
      if (!enabled) return
      articles++
      textBytes += bytes
      if (slowest === null || ms > slowest.ms) slowest = { file, ms }
    },
    /** Note the memory in use at a point of the build. */
    mark: (point: string) => {
      if (!enabled) return
      const m = process.memoryUsage()
      memory[point] = {
        rssMb: Math.round(m.rss / 1e6),
        heapMb: Math.round(m.heapUsed / 1e6)
      }
    },
    report: (): TimingReport => ({
      stages: Object.fromEntries([...stages].map(([k, v]) => [k, { ms: Math.round(v.ms), calls: v.calls }])),
      slowestArticle: slowest === null ? null : { file: slowest.file, ms: Math.round(slowest.ms * 10) / 10 },
      articles,
      textBytes,
      maxRssKb: process.resourceUsage().maxRSS,
      memory
    })
  }
}

/** Counters of one build. */
export type Timings = ReturnType<typeof makeTimings>

/** Counters that count nothing (the default). */
export const noTimings: Timings = makeTimings(false)
