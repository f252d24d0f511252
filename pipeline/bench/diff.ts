/**
 * The diff stage alone (docs/bench.md, "Diff"): the tables of a published release read back from its files as a build
 * holds them, then changes.json and CHANGELOG.md made against the previous release as a build makes them (writeChanges,
 * its CSV lines read back from the release's own CSV files), timed (wall, CPU, GC) with the heap and the peak RSS;
 * with --check, both files compared (SHA-256) with the release's own. Without a previous release, a first build's diff.
 * Prints one JSON object.
 * Usage: node --expose-gc --import tsx pipeline/bench/diff.ts RELEASE_DIR [PREVIOUS_RELEASE_DIR] [--check]
 */
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { PerformanceObserver, performance } from "node:perf_hooks"
import { Worker } from "node:worker_threads"
import { recordingSink } from "../05-publish/sink.js"
import { writeChanges } from "../release/changes.js"
import { readReleaseRows } from "./releaseRows.js"

const [dir, prev] = process.argv.slice(2).filter((a) => !a.startsWith("--")) as [string, string | undefined]
const check = process.argv.includes("--check")
const OUTPUTS = ["changes.json", "CHANGELOG.md"]

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex")

const t0 = performance.now()
const tables = readReleaseRows(dir)
const readMs = performance.now() - t0
globalThis.gc?.()
const before = process.memoryUsage()

// the peak RSS of the process, sampled every 5 ms by a thread of its own (the diff holds the main thread)
const peak = new Int32Array(new SharedArrayBuffer(4))
const sampler = new Worker(
  `const { workerData } = require("node:worker_threads");
   const a = new Int32Array(workerData);
   setInterval(() => { const r = Math.round(process.memoryUsage.rss() / 1048576); if (r > a[0]) a[0] = r }, 5);`,
  { eval: true, workerData: peak.buffer }
)
await new Promise((resume) => setTimeout(resume, 50))
Atomics.store(peak, 0, 0)
let gcMs = 0
const gcs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration
})
gcs.observe({ entryTypes: ["gc"] })

// the written CSV files are the release's own (as a build's sink gives the files it just wrote)
const sink = {
  ...recordingSink(() => ({ write: () => {}, close: () => {} })),
  onDisk: (p: string) => (p.startsWith("data/") ? nodePath.join(dir, p) : null)
}
const cpu0 = process.cpuUsage()
const t1 = performance.now()
writeChanges(
  tables,
  prev === undefined ? null : { version: nodePath.basename(prev), dir: prev },
  nodePath.basename(dir),
  sink
)
const ms = performance.now() - t1
const cpu = process.cpuUsage(cpu0)
const after = process.memoryUsage()
await new Promise((resume) => setTimeout(resume, 50))
gcs.disconnect()
const peakRss = Atomics.load(peak, 0)
await sampler.terminate()

const differ = check
  ? OUTPUTS.filter((p) => sha(fs.readFileSync(nodePath.join(dir, p))) !== sink.files.get(p)?.sha256)
  : []
console.log(
  JSON.stringify({
    release: dir,
    previous: prev ?? null,
    readSeconds: +(readMs / 1000).toFixed(1),
    diffSeconds: +(ms / 1000).toFixed(2),
    cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    gcSeconds: +(gcMs / 1000).toFixed(2),
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    externalBeforeMb: mb(before.external),
    externalAfterMb: mb(after.external),
    rssBeforeMb: mb(before.rss),
    peakRssMb: peakRss,
    bytes: Object.fromEntries(OUTPUTS.map((p) => [p, sink.files.get(p)?.bytes ?? 0])),
    ...(check ? { sameBytes: differ.length === 0, differ } : {})
  })
)
