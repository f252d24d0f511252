/**
 * A worker thread of the pool (pool.ts): loads the lexicons and opens its own connection to the
 * extraction cache once, then runs the tasks of each message (articles, re-extractions against a reference day),
 * stores their computed results in one transaction per kind and posts their outcomes back in one message. Holds no
 * state between tasks.
 */
import { parentPort, workerData } from "node:worker_threads"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { type CacheConfig, openStore, type Store } from "./cache.js"
import type { Answer, Task } from "./pool.js"
import {
  type DayOutcome,
  type DayTask,
  type Outcome,
  runDayTask,
  runTask,
  storeDayOutcomes,
  storeOutcomes
} from "./task.js"

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

/** Run one task; an outcome computed without a store this thread could open says so. */
const answer = (t: Task): Answer => {
  try {
    const outcome = "article" in t ? runTask(t.article, lex, store) : runDayTask(t.day, lex, store)
    return { outcome: unopened === null ? outcome : { ...outcome, unstored: unopened } }
  } catch (e) {
    return { error: (e as Error).stack ?? String(e) }
  }
}

parentPort!.on("message", (m: { tasks: ReadonlyArray<Task> }) => {
  const answers = m.tasks.map(answer)
  // the computed results of each kind, stored in one transaction, back in their places
  const articles: Array<number> = []
  const days: Array<number> = []
  answers.forEach((a, i) => {
    if (a.outcome !== undefined) ("article" in m.tasks[i]! ? articles : days).push(i)
  })
  const stored = storeOutcomes(
    store,
    articles.map((i) => answers[i]!.outcome as Outcome)
  )
  const storedDays = storeDayOutcomes(
    store,
    days.map((i) => (m.tasks[i] as { day: DayTask }).day),
    days.map((i) => answers[i]!.outcome as DayOutcome)
  )
  articles.forEach((i, j) => {
    answers[i] = { outcome: stored[j]! }
  })
  days.forEach((i, j) => {
    answers[i] = { outcome: storedDays[j]! }
  })
  parentPort!.postMessage({ answers })
})
parentPort!.postMessage({ ready: true })
