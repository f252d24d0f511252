/** Stage timings of Effects (shared/timings.ts times plain functions). */
import * as fs from "node:fs"
import { performance } from "node:perf_hooks"
import { Effect } from "effect"
import { PublishFailed } from "../05-publish/errors.js"
import { makeProgress } from "../shared/progress.js"
import { rssMbNow, startRssSampler } from "../shared/rssSampler.js"
import { makeTimings, noTimings, type Timings } from "../shared/timings.js"

/** Run an effect and add its duration to a stage. */
export const timed = <A, E, R>(timings: Timings, stage: string, e: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const t0 = performance.now()
    timings.begin(stage)
    return e.pipe(Effect.ensuring(Effect.sync(() => timings.end(stage, performance.now() - t0))))
  })

/** Write the timings report (JSON) to `file`. */
export const writeTimings = (file: string, timings: Timings) =>
  Effect.try({
    try: () => fs.writeFileSync(file, JSON.stringify(timings.report(), null, 2) + "\n"),
    catch: (e) => new PublishFailed({ dir: file, detail: `cannot write the timings: ${(e as Error).message}` })
  })

/**
 * The timings of a build: with `progress`, a progress display on stderr over `total` articles; with `sampled` (a
 * timings file was asked for), per-stage peak memory. Neither: counters that count nothing.
 */
export const buildTimings = (o: { readonly progress: boolean; readonly sampled: boolean; readonly total: number }) =>
  o.progress || o.sampled
    ? makeTimings(true, {
        ...(o.progress
          ? {
              progress: makeProgress({
                total: o.total,
                write: (text) => process.stderr.write(text),
                live: process.stderr.isTTY === true,
                now: () => performance.now(),
                rssMb: rssMbNow
              })
            }
          : {}),
        ...(o.sampled ? { sampler: startRssSampler() } : {})
      })
    : noTimings
