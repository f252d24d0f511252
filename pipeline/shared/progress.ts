/**
 * Progress of a build on stderr: the stage it is in, the articles done of the total and their
 * rate, the time since it started, and the process's memory (RSS) when given a way to read it. On a terminal one line is rewritten in place (carriage return, no escape
 * codes); elsewhere (a CI log, a pipe) a line is written when a stage begins and at most every
 * `everyMs` while articles are processed, and nothing at all during the first `everyMs`, so short
 * builds stay quiet. The clock and the writer are given, so the behaviour is testable.
 */

/** What a build tells its progress. */
export interface ProgressObserver {
  /** A stage begins (its name as the timings report has it). */
  readonly stage: (name: string) => void
  /** One more article is done (extracted, or taken from the store). */
  readonly article: () => void
  /** Work inside the stage goes on (`detail`: what and how far, shown after the stage's name until the next stage). */
  readonly tick: (detail: string) => void
  /** The build has ended: end the rewritten line. */
  readonly finish: () => void
}

/** Where and how progress is shown. */
export interface ProgressOptions {
  /** Articles the build will read (its sources' .txt files), or null when unknown. */
  readonly total: number | null
  readonly write: (text: string) => void
  /** Rewrite one line in place (a terminal) rather than write lines. */
  readonly live: boolean
  readonly now: () => number
  /** Least time between two lines (between two rewrites when live). */
  readonly everyMs?: number
  /** The resident set size of the process now, in MB (shown on each line when given). */
  readonly rssMb?: () => number
}

const LIVE_EVERY_MS = 250
const LINES_EVERY_MS = 10_000

/** "1m05s", "12s". */
const duration = (ms: number): string => {
  const s = Math.floor(ms / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
}

/**
 * A stage name as a reader wants it: the timings report's name ("publish: arrow", each publishing step by its own)
 * without its "(wall)" or "(wait)".
 */
const stageLabel = (name: string): string => name.replace(/ \((wall|wait)\)$/, "")

/** Least time between two lines written for stages (a build's last stages follow each other fast). */
const STAGE_LINES_EVERY_MS = 1000

/** A progress display over `write`. */
export const makeProgress = (o: ProgressOptions): ProgressObserver => {
  const everyMs = o.everyMs ?? (o.live ? LIVE_EVERY_MS : LINES_EVERY_MS)
  const t0 = o.now()
  let done = 0
  let stage = "starting"
  let detail = ""
  let last = t0
  let lastArticle = t0
  let width = 0
  const line = (t: number): string => {
    const of =
      o.total === null || o.total === 0
        ? ""
        : `/${o.total.toLocaleString("en-US")} (${Math.floor((100 * Math.min(done, o.total)) / o.total)}%)`
    // articles per second over the time articles have been coming in
    const rate = done > 0 && lastArticle > t0 ? ` · ${(done / ((lastArticle - t0) / 1000)).toFixed(1)}/s` : ""
    const rss = o.rssMb === undefined ? "" : ` · ${o.rssMb()} MB`
    const what = detail === "" ? "" : ` (${detail})`
    return `build: ${stage}${what} · ${done.toLocaleString("en-US")}${of} articles${rate} · ${duration(t - t0)}${rss}`
  }
  const emit = (t: number) => {
    last = t
    const text = line(t)
    if (!o.live) return o.write(`${text}\n`)
    o.write(`\r${text.padEnd(width)}`)
    width = Math.max(width, text.length)
  }
  return {
    stage: (name) => {
      const label = stageLabel(name)
      detail = ""
      if (label === stage) return
      stage = label
      const t = o.now()
      // a new stage is shown at once, once the build has run long enough to show anything
      if (t - t0 >= everyMs && (o.live || t - last >= STAGE_LINES_EVERY_MS)) emit(t)
    },
    article: () => {
      done++
      const t = o.now()
      lastArticle = t
      if (t - last >= everyMs) emit(t)
    },
    tick: (what) => {
      detail = what
      const t = o.now()
      if (t - last >= everyMs) emit(t)
    },
    finish: () => {
      if (o.live && width > 0) o.write("\n")
    }
  }
}
