/**
 * A pool of worker threads for per-article tasks (an article; an undated article against a reference day), as a
 * scoped Effect resource: the threads start when the scope opens and are terminated when it closes (also on failure or
 * interruption).
 * Tasks wait in a FIFO queue; an idle worker takes up to BATCH of them in one message and answers
 * with their outcomes in one message (a message between threads costs the sender about half a
 * millisecond on a small VM, more than a short article's task), so no worker waits while another
 * holds the whole queue.
 */

import type { Worker } from "node:worker_threads"
import { Effect } from "effect"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { tsWorker } from "../shared/worker.js"
import type { CacheConfig } from "./cache.js"
import type { DayOutcome, DayTask, Outcome } from "./task.js"

/** A running pool. */
export interface Pool {
  readonly size: number
  /** Tasks a worker takes at once (the caller keeps at least size × batch in flight to keep every worker busy). */
  readonly batch: number
  /** Run one article's task on the next idle worker. */
  readonly run: (src: IngestedSource) => Effect.Effect<Outcome>
  /** Run one re-extraction against a reference day on the next idle worker. */
  readonly reextract: (task: DayTask) => Effect.Effect<DayOutcome>
}

/** A task as a worker receives it. */
export type Task = { readonly article: IngestedSource } | { readonly day: DayTask }
/** A task's answer: its outcome, or the error it died of. */
export type Answer = { readonly outcome?: Outcome | DayOutcome; readonly error?: string }

/** Most tasks in one message. */
export const BATCH = 8

type Pending = {
  readonly task: Task
  readonly done: (r: Answer) => void
}

/** The module each worker of the pool runs. */
export const POOL_WORKER = new URL("./worker.ts", import.meta.url)

const fileOf = (t: Task): string => ("article" in t ? t.article.file : `${t.day.source.file} (day ${t.day.day})`)

/**
 * Start `size` workers (each loads the lexicons) for the duration of the scope, each with a V8 old generation of at
 * most `heapMb` when given.
 */
export const makePool = (size: number, cache: CacheConfig | null, heapMb?: number) =>
  Effect.acquireRelease(
    Effect.async<{
      readonly pool: Pool
      readonly workers: ReadonlyArray<Worker>
    }>((resume) => {
      const workers = Array.from({ length: size }, () => tsWorker(POOL_WORKER, { cache }, [], heapMb))
      const idle: Array<Worker> = []
      const busy = new Map<Worker, ReadonlyArray<Pending>>()
      const queue: Array<Pending> = []
      const dispatch = () => {
        while (idle.length > 0 && queue.length > 0) {
          const w = idle.pop()!
          // an even share of the queue for each idle worker, at most BATCH
          const n = Math.min(BATCH, Math.ceil(queue.length / (idle.length + 1)))
          const tasks = queue.splice(0, n)
          busy.set(w, tasks)
          w.postMessage({ tasks: tasks.map((p) => p.task) })
        }
      }
      let ready = 0
      for (const w of workers) {
        w.on("message", (m: { ready?: true; answers?: ReadonlyArray<Answer> }) => {
          if (m.ready) {
            idle.push(w)
            if (++ready === size) resume(Effect.succeed({ pool, workers }))
            return dispatch()
          }
          const tasks = busy.get(w)!
          busy.delete(w)
          idle.push(w)
          tasks.forEach((p, i) => {
            p.done(m.answers![i]!)
          })
          dispatch()
        })
        // a worker that dies takes its tasks down as a defect (a bug, not bad input)
        w.on("error", (e) => {
          for (const p of busy.get(w) ?? []) p.done({ error: e.stack ?? String(e) })
          busy.delete(w)
          if (ready < size) resume(Effect.die(e))
        })
      }
      const submit = <A>(task: Task) =>
        Effect.async<A>((done) => {
          queue.push({
            task,
            done: (r) =>
              done(
                r.outcome
                  ? Effect.succeed(r.outcome as A)
                  : Effect.die(new Error(`worker failed on ${fileOf(task)}: ${r.error}`))
              )
          })
          dispatch()
        })
      const pool: Pool = {
        size,
        batch: BATCH,
        run: (article) => submit<Outcome>({ article }),
        reextract: (day) => submit<DayOutcome>({ day })
      }
    }),
    ({ workers }) => Effect.promise(() => Promise.all(workers.map((w) => w.terminate())))
  ).pipe(Effect.map(({ pool }) => pool))
