/** Stage timings of Effects (shared/timings.ts times plain functions). */
import * as fs from "node:fs"
import { performance } from "node:perf_hooks"
import { Effect } from "effect"
import { PublishFailed } from "../05-publish/errors.js"
import type { Timings } from "../shared/timings.js"

/** Run an effect and add its duration to a stage. */
export const timed = <A, E, R>(timings: Timings, stage: string, e: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const t0 = performance.now()
    return e.pipe(Effect.ensuring(Effect.sync(() => timings.add(stage, performance.now() - t0))))
  })

/** Write the timings report (JSON) to `file`. */
export const writeTimings = (file: string, timings: Timings) =>
  Effect.try({
    try: () => fs.writeFileSync(file, JSON.stringify(timings.report(), null, 2) + "\n"),
    catch: (e) => new PublishFailed({ dir: file, detail: `cannot write the timings: ${(e as Error).message}` })
  })
