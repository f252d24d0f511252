/**
 * A worker thread of the pool (pool.ts): loads the lexicons once, then runs one article task per
 * message and posts the outcome back. Holds no state between articles.
 */
import { parentPort, workerData } from "node:worker_threads"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import type { CacheConfig } from "./cache.js"
import { runTask } from "./task.js"

const { cache } = workerData as { cache: CacheConfig | null }
const lex = loadLexicons()
parentPort!.on("message", (m: { id: number; src: IngestedSource }) => {
  try {
    parentPort!.postMessage({ id: m.id, outcome: runTask(m.src, lex, cache) })
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) })
  }
})
parentPort!.postMessage({ ready: true })
