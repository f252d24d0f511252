/**
 * Extraction alone, in one thread: ingest a folder, then normalise and extract every article as a build does
 * (run/articleWork.ts's processSource), rounds times over. Prints one JSON line per round {articles, bytes,
 * normaliseMs, extractMs, cpuMs, gcMs, mbPerS, outputSha256}: the hash of every result lets a change to the extractor be checked
 * for identical output in seconds. Usage: tsx pipeline/bench/extractSpeed.ts DIR [ROUNDS]
 */
import { PerformanceObserver } from "node:perf_hooks"
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { type IngestedSource, ingestFolder } from "../01-ingest/Ingest.js"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { processSource } from "../run/articleWork.js"
import { sha256 } from "../shared/hash.js"

const dir = process.argv[2]
if (dir === undefined) throw new Error("usage: extractSpeed.ts DIR [ROUNDS]")
const rounds = Number(process.argv[3] ?? 1)
const ingested = await Effect.runPromise(ingestFolder(dir).pipe(Effect.provide(NodeContext.layer)))
const sources: ReadonlyArray<IngestedSource> = ingested.accepted
const lex = loadLexicons()
// garbage collection pauses, summed per round
let gcMs = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration
}).observe({ entryTypes: ["gc"] })
const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0)
for (let round = 0; round < rounds; round++) {
  let normaliseMs = 0
  let extractMs = 0
  gcMs = 0
  const cpu0 = process.cpuUsage()
  const hashes: Array<string> = []
  for (const src of sources) {
    const { result, times } = processSource(src, lex)
    normaliseMs += times.normalise
    extractMs += times.extract
    hashes.push(sha256(JSON.stringify(result)))
  }
  const cpu = process.cpuUsage(cpu0)
  // (gc entries are delivered a few turns of the event loop later: wait for them)
  await new Promise((resolve) => setTimeout(resolve, 200))
  const line = {
    articles: sources.length,
    bytes,
    normaliseMs: Math.round(normaliseMs),
    extractMs: Math.round(extractMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    gcMs: Math.round(gcMs),
    mbPerS: Number((bytes / 1e6 / ((normaliseMs + extractMs) / 1000)).toFixed(3)),
    outputSha256: sha256(hashes.join("\n"))
  }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}
