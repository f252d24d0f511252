/**
 * The JSON-LD publication stage alone (docs/bench.md, "JSON-LD"): the tables of a published release read back from its
 * Arrow files and texts (releaseRows.ts), then `emitJsonLdParts` run into a hashing sink as a build runs it (the
 * bytes go nowhere), timed (wall and CPU), with GC time and the heap sampled at every megabyte written; with --check,
 * every part's SHA-256 compared with the release's own release*.jsonld. Prints one JSON object.
 * Usage: node --expose-gc --import tsx pipeline/bench/jsonld.ts RELEASE_DIR [--check]
 */
import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { PerformanceObserver, performance } from "node:perf_hooks"
import { emitJsonLdParts } from "../05-publish/jsonld.js"
import { recordingSink } from "../05-publish/sink.js"
import { readReleaseRows } from "./releaseRows.js"

const dir = process.argv[2]!
const check = process.argv.includes("--check")

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
const seconds = (ms: number) => +(ms / 1000).toFixed(2)

const t0 = performance.now()
const tables = readReleaseRows(dir)
const readMs = performance.now() - t0
const { version } = JSON.parse(fs.readFileSync(nodePath.join(dir, "manifest.json"), "utf8")) as { version: string }
globalThis.gc?.()
const heap0 = process.memoryUsage().heapUsed
const rss0 = process.memoryUsage().rss

let gcMs = 0
const gcs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration
})
gcs.observe({ entryTypes: ["gc"] })
let [peakHeap, peakRss] = [0, 0]
// the sink hashes each part as a build's does; its writer only samples the memory (about once a megabyte)
const sink = recordingSink(() => ({
  write: () => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  },
  close: () => {}
}))
const cpu0 = process.cpuUsage()
const t1 = performance.now()
const parts = emitJsonLdParts(tables, { version }, (path, emit) => sink.write(path, emit))
const ms = performance.now() - t1
const cpu = process.cpuUsage(cpu0)
// the observer is told of the collections on a later turn of the event loop
await new Promise<void>((resume) => setTimeout(resume, 20))
gcs.disconnect()

const differ: Array<string> = []
const missing: Array<string> = []
if (check) {
  const sha = (path: string) => createHash("sha256").update(fs.readFileSync(path)).digest("hex")
  const published = fs.readdirSync(dir).filter((f) => f === "release.jsonld" || /^release-\d+\.jsonld$/.test(f))
  for (const p of published) if (!sink.files.has(p)) missing.push(p)
  for (const [p, f] of sink.files)
    if (!fs.existsSync(nodePath.join(dir, p)) || sha(nodePath.join(dir, p)) !== f.sha256) differ.push(p)
}
console.log(
  JSON.stringify({
    release: dir,
    evidence: tables.evidence.length,
    readSeconds: seconds(readMs),
    jsonLdSeconds: seconds(ms),
    cpuSeconds: seconds((cpu.user + cpu.system) / 1000),
    userSeconds: seconds(cpu.user / 1000),
    systemSeconds: seconds(cpu.system / 1000),
    gcSeconds: seconds(gcMs),
    heapBeforeMb: mb(heap0),
    peakHeapMb: mb(peakHeap),
    rssBeforeMb: mb(rss0),
    peakRssMb: mb(peakRss),
    parts,
    bytes: [...sink.files.values()].reduce((n, f) => n + f.bytes, 0),
    ...(check ? { sameBytes: differ.length === 0 && missing.length === 0, differ, missing } : {})
  })
)
