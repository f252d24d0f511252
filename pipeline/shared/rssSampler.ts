/**
 * The peak resident set size between two moments of a build, for per-stage peaks in the timings
 * report. A small worker thread samples the process's RSS (every thread shares it) every few
 * milliseconds and keeps the largest value in shared memory, so the samples go on while the main
 * thread is busy in a synchronous stage; `takePeakMb` reads the peak since the last call and starts
 * a new window. Never written into a release.
 */
import { Worker } from "node:worker_threads"

/** The sampler's code (CommonJS, evaluated as a worker: it needs no compiler). */
const SAMPLER = `
const { workerData } = require("node:worker_threads")
const peak = new Int32Array(workerData.buffer)
const sample = () => {
  const mb = Math.ceil(process.memoryUsage.rss() / 1e6)
  for (;;) {
    const cur = Atomics.load(peak, 0)
    if (mb <= cur || Atomics.compareExchange(peak, 0, cur, mb) === cur) return
  }
}
sample()
setInterval(sample, workerData.everyMs)
`

/** Reads and restarts the peak window; stop ends the sampling thread. */
export interface RssSampler {
  /** The peak RSS (MB) since the previous call (or the start), and now. */
  readonly takePeakMb: () => number
  readonly stop: () => void
}

/** The RSS of the process now, in MB (10^6 bytes, as the rest of the timings report). */
export const rssMbNow = (): number => Math.ceil(process.memoryUsage.rss() / 1e6)

/** Start sampling every `everyMs` milliseconds (the thread never keeps the process alive). */
export const startRssSampler = (everyMs = 20): RssSampler => {
  const peak = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(SAMPLER, { eval: true, workerData: { buffer: peak.buffer, everyMs } })
  worker.unref()
  return {
    takePeakMb: () => Math.max(Atomics.exchange(peak, 0, 0), rssMbNow()),
    stop: () => void worker.terminate()
  }
}
