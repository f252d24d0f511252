/**
 * Per-stage timing counters of one build (for `build --timings FILE` and `npm run bench`):
 * milliseconds and calls per stage, and the slowest single article. Never written into a release.
 */
import { performance } from "node:perf_hooks"
import type { ProgressObserver } from "./progress.js"
import type { RssSampler } from "./rssSampler.js"

/** The figures of one build. */
export interface TimingReport {
  /**
   * Per stage: milliseconds, calls, and (for stages timed in the main thread, when the build sampled memory) the peak
   * RSS of the process while the stage ran, in MB.
   */
  readonly stages: Record<string, { readonly ms: number; readonly calls: number; readonly peakRssMb?: number }>
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
  /** What a build counted that is not a duration (event blocks, blocks read from the store, ...). */
  readonly counts: Record<string, number>
}

/** What else a build's timings feed: its progress display, and a sampler of its memory for per-stage peaks. */
export interface TimingsHooks {
  readonly progress?: ProgressObserver
  readonly sampler?: RssSampler
}

/** Counts that are not durations, by name. */
const counter = () => {
  const counts: Record<string, number> = {}
  return { counts, count: (name: string, n: number) => void (counts[name] = (counts[name] ?? 0) + n) }
}

/**
 * A set of counters; `time` runs a function and adds its duration to a stage (`enabled` false: counts nothing and
 * tells nothing). `begin` / `end` bracket a stage that is not one function call (run/timed.ts).
 */
export const makeTimings = (enabled = true, hooks: TimingsHooks = {}) => {
  const stages = new Map<string, { ms: number; calls: number; peakRssMb?: number }>()
  const add = (stage: string, ms: number) => {
    if (!enabled) return
    const s = stages.get(stage) ?? { ms: 0, calls: 0 }
    s.ms += ms
    s.calls++
    stages.set(stage, s)
  }
  // stages running now (a stage may run inside another): each boundary closes a window of the sampler, whose peak
  // belongs to every stage open during it
  const open = new Map<string, number>()
  const boundary = () => {
    if (hooks.sampler === undefined) return
    const peak = hooks.sampler.takePeakMb()
    for (const name of open.keys()) {
      const s = stages.get(name) ?? { ms: 0, calls: 0 }
      s.peakRssMb = Math.max(s.peakRssMb ?? 0, peak)
      stages.set(name, s)
    }
  }
  const begin = (stage: string) => {
    if (!enabled) return
    boundary()
    open.set(stage, (open.get(stage) ?? 0) + 1)
    hooks.progress?.stage(stage)
  }
  const end = (stage: string, ms: number) => {
    if (!enabled) return
    boundary()
    const n = (open.get(stage) ?? 1) - 1
    if (n === 0) open.delete(stage)
    else open.set(stage, n)
    add(stage, ms)
  }
  let slowest: { file: string; ms: number } | null = null
  let articles = 0
  let textBytes = 0
  const memory: Record<string, { rssMb: number; heapMb: number }> = {}
  const counted = counter()
  return {
    add,
    begin,
    end,
    time: <A>(stage: string, f: () => A): A => {
      if (!enabled) return f()
      const t0 = performance.now()
      begin(stage)
      try {
        return f()
      } finally {
        end(stage, performance.now() - t0)
      }
    },
    /** Work inside the current stage goes on (`detail`: what and how far), for the progress display. */
    tick: (detail: string) => {
      if (enabled) hooks.progress?.tick(detail)
    },
    /** Record one article's processing time (the slowest is kept). */
    article: (file: string, ms: number, bytes: number) => {
      if (!enabled) return
      hooks.progress?.article()
      articles++
      textBytes += bytes
      if (slowest === null || ms > slowest.ms) slowest = { file, ms }
    },
    /** Add `n` to a count (one that is not a duration). */
    count: (name: string, n: number) => (enabled ? counted.count(name, n) : undefined),
    /** Note the memory in use at a point of the build. */
    mark: (point: string) => {
      if (!enabled) return
      const m = process.memoryUsage()
      memory[point] = {
        rssMb: Math.round(m.rss / 1e6),
        heapMb: Math.round(m.heapUsed / 1e6)
      }
    },
    /** The build has ended: stop the memory sampler, end the progress line. */
    close: () => {
      hooks.sampler?.stop()
      hooks.progress?.finish()
    },
    report: (): TimingReport => ({
      stages: Object.fromEntries(
        [...stages].map(([k, v]) => [
          k,
          { ms: Math.round(v.ms), calls: v.calls, ...(v.peakRssMb === undefined ? {} : { peakRssMb: v.peakRssMb }) }
        ])
      ),
      slowestArticle: slowest === null ? null : { file: slowest.file, ms: Math.round(slowest.ms * 10) / 10 },
      articles,
      textBytes,
      maxRssKb: process.resourceUsage().maxRSS,
      memory,
      counts: counted.counts
    })
  }
}

/** Counters of one build. */
export type Timings = ReturnType<typeof makeTimings>

/** Counters that count nothing (the default). */
export const noTimings: Timings = makeTimings(false)
