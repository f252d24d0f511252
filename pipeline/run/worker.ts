/**
 * A worker thread of the pool (pool.ts): loads the lexicons once, then runs the article tasks of
 * each message and posts their outcomes back in one message. Holds no state between articles.
 */
import { parentPort, workerData } from "node:worker_threads"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import type { CacheConfig } from "./cache.js"
import { runTask } from "./task.js"

const { cache } = workerData as { cache: CacheConfig | null }
const lex = loadLexicons()
parentPort!.on("message", (m: { srcs: ReadonlyArray<IngestedSource> }) => {
  const answers = m.srcs.map((src) => {
    try {
      return { outcome: runTask(src, lex, cache) }
    } catch (e) {
      return { error: (e as Error).stack ?? String(e) }
    }
  })
  parentPort!.postMessage({ answers })
})
parentPort!.postMessage({ ready: true })
