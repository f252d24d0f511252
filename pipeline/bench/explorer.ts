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
import type { Column, TableDef } from "../../schemas/Column.js"
import type { EvidenceRow, ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { evidenceBuilder } from "../04-resolve/evidenceTable.js"
import { readArrowTable } from "../diff/arrowTables.js"
import { explorerBatches } from "../explore/explorerFiles.js"
import type { ExplorerIndex } from "../explore/format.js"

const dir = process.argv[2]!
const check = process.argv.includes("--check")

/** A value as the build holds it, from arrow-js (dates come as epoch milliseconds, lists as vectors). */
const cellValue = (c: Column, v: unknown): unknown => {
  if (v === null || v === undefined) return null
  if (c.kind === "date") return new Date(v as number).toISOString().slice(0, 10)
  if (c.kind === "list") return [...(v as Iterable<string>)]
  return v
}

/** Every row of a table as an object, its columns read front to back. */
const rowsOf = (name: string): Array<Record<string, unknown>> => {
  const def = TABLES.find((d) => d.name === name) as unknown as TableDef<Record<string, Column>>
  const t = readArrowTable(dir, name)
  if (t === null) throw new Error(`no data/${name}.arrow in ${dir}`)
  const rows = Array.from({ length: t.numRows }, () => ({}) as Record<string, unknown>)
  for (const [col, c] of Object.entries(def.columns)) {
    const v = t.getChild(col)
    if (v === null) continue
    let i = 0
    for (const x of v) rows[i++]![col] = cellValue(c, x)
  }
  return rows
}

/** The release's tables, the evidence table built as resolution builds it (quotes as spans of the texts). */
const readTables = (): ReleaseTables => {
  const sources = rowsOf("sources")
  const texts = new Map(
    sources.map((s) => {
      const path = s.text_path as string | null
      const text = path === null ? "" : fs.readFileSync(nodePath.join(dir, path), "utf8")
      return [s.source_id as string, { sourceId: s.source_id as string, textSha256: s.text_sha256 as string, text }]
    })
  )
  const b = evidenceBuilder()
  for (const r of rowsOf("evidence") as Array<EvidenceRow>)
    b.add(
      r.evidence_id,
      r.row_id,
      r.row_table as Parameters<typeof b.add>[2],
      texts.get(r.source_id)!,
      { start: r.char_start, end: r.char_end, quote: r.quote },
      r.method,
      r.confidence,
      r
    )
  return {
    sources,
    entities: rowsOf("entities"),
    events: rowsOf("events"),
    event_participants: rowsOf("event_participants"),
    relations: rowsOf("relations"),
    evidence: b.finish()
  } as unknown as ReleaseTables
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20)
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex")

const t0 = performance.now()
const tables = readTables()
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
