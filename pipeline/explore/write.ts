/**
 * The build's explorer step: the explorer's files handed to the release's sink batch by batch, as they are made, with
 * a turn of the event loop between two batches (the build's progress line and timers keep running) and the progress
 * told as "publish: explorer".
 */
import { performance } from "node:perf_hooks"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import type { Timings } from "../shared/timings.js"
import { explorerBatches } from "./explorerFiles.js"
import type { ReleaseInfo } from "./format.js"

/** Where the files go (a release's file sink). */
export interface ExplorerSink {
  readonly put: (path: string, bytes: Uint8Array) => void
}

const STAGE = "publish: explorer"

/** Write the explorer of `t` into `sink`; the stage's time is `publish: explorer` in the timings. */
export const writeExplorer = async (t: ReleaseTables, release: ReleaseInfo, sink: ExplorerSink, timings: Timings) => {
  const t0 = performance.now()
  timings.begin(STAGE)
  try {
    for (const batch of explorerBatches(t, release)) {
      for (const [path, bytes] of batch.files) sink.put(path, bytes)
      timings.tick(batch.done)
      await new Promise<void>((resume) => setImmediate(resume))
    }
  } finally {
    timings.end(STAGE, performance.now() - t0)
  }
}
