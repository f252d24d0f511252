/**
 * The explorer's generation alone (docs/bench.md, "Explorer"): the tables of a published release read back from its
 * Arrow files and texts, then `explorerBatches` run over them as a build runs it, timed, with the heap after each
 * batch; with --check, every file compared (SHA-256) with the release's own explorer/ (the same tables give the same
 * bytes). Prints one JSON object.
 * Usage: node --expose-gc --import tsx pipeline/bench/explorer.ts RELEASE_DIR [--check]
 */
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { PerformanceObserver, performance } from "node:perf_hooks"
import { explorerBatches } from "../explore/explorerFiles.js"
import type { ExplorerIndex } from "../explore/format.js"
import { readReleaseTables } from "./releaseTables.js"

const dir = process.argv[2]!
const check = process.argv.includes("--check")

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex")

const t0 = performance.now()
const tables = readReleaseTables(dir)
const readMs = performance.now() - t0
const index = JSON.parse(fs.readFileSync(nodePath.join(dir, "explorer/data/index.json"), "utf8")) as ExplorerIndex
globalThis.gc?.()
const heap0 = process.memoryUsage().heapUsed

let gcMs = 0
const gcs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration
})
gcs.observe({ entryTypes: ["gc"] })
let [peakHeap, peakRss, files, bytes, ms] = [0, 0, 0, 0, 0]
const made = new Map<string, string>()
// only the generator's steps are timed (not the hashing of --check)
const batches = explorerBatches(tables, index.release)
for (;;) {
  const t1 = performance.now()
  const step = batches.next()
  ms += performance.now() - t1
  if (step.done) break
  for (const [path, b] of step.value.files) {
    files++
    bytes += b.length
    if (check) made.set(path, sha(b))
  }
  // a turn of the event loop between two batches, as a build gives (and the collections are reported)
  await new Promise<void>((resume) => setImmediate(resume))
  const m = process.memoryUsage()
  peakHeap = Math.max(peakHeap, m.heapUsed)
  peakRss = Math.max(peakRss, m.rss)
}
gcs.disconnect()
const [differ, missing] = [[] as Array<string>, [] as Array<string>]
if (check) {
  const walk = (d: string): Array<string> =>
    fs
      .readdirSync(nodePath.join(dir, d), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(`${d}/${e.name}`) : [`${d}/${e.name}`]))
  for (const p of walk("explorer")) if (!made.has(p)) missing.push(p)
  for (const [p, h] of made)
    if (!fs.existsSync(nodePath.join(dir, p)) || sha(fs.readFileSync(nodePath.join(dir, p))) !== h) differ.push(p)
}
console.log(
  JSON.stringify({
    release: dir,
    evidence: tables.evidence.length,
    readSeconds: +(readMs / 1000).toFixed(1),
    explorerSeconds: +(ms / 1000).toFixed(2),
    // collections while the explorer ran (hashing for --check adds a little)
    gcSeconds: +(gcMs / 1000).toFixed(2),
    heapBeforeMb: mb(heap0),
    peakHeapMb: mb(peakHeap),
    peakRssMb: mb(peakRss),
    files,
    bytes,
    ...(check ? { sameBytes: differ.length === 0 && missing.length === 0, differ, missing } : {})
  })
)
