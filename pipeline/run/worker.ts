/**
 * A worker thread of the pool (pool.ts): loads the lexicons and opens its own connection to the
 * extraction cache once, then runs the article tasks of each message, stores their computed results
 * in one transaction and posts their outcomes back in one message. Holds no state between articles.
 */
import { parentPort, workerData } from "node:worker_threads"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { type CacheConfig, openStore, type Store } from "./cache.js"
import { type Outcome, runTask, storeOutcomes } from "./task.js"

const { cache } = workerData as { cache: CacheConfig | null }
const lex = loadLexicons()
let store: Store | null = null
// the main thread opened the store before starting the pool; should this thread fail to, its results go unstored
let unopened: string | null = null
try {
  store = cache === null ? null : openStore(cache)
} catch (e) {
  unopened = (e as Error).message
}
type Answer = { readonly outcome?: Outcome; readonly error?: string }
parentPort!.on("message", (m: { srcs: ReadonlyArray<IngestedSource> }) => {
  const answers: Array<Answer> = m.srcs.map((src) => {
    try {
      const outcome = runTask(src, lex, store)
      return { outcome: unopened === null ? outcome : { ...outcome, unstored: unopened } }
    } catch (e) {
      return { error: (e as Error).stack ?? String(e) }
    }
  })
  const outcomes = answers.flatMap((a) => (a.outcome === undefined ? [] : [a.outcome]))
  const stored = storeOutcomes(store, outcomes)
  let i = 0
  parentPort!.postMessage({ answers: answers.map((a) => (a.outcome === undefined ? a : { outcome: stored[i++] })) })
})
parentPort!.postMessage({ ready: true })
