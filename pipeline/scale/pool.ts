/**
 * A pool of worker threads for per-article tasks, as a scoped Effect resource: the threads start
 * when the scope opens and are terminated when it closes (also on failure or interruption).
 * Each worker runs one task at a time; tasks wait in a FIFO queue for the next idle worker.
 */
import { Effect } from "effect"
import { Worker } from "node:worker_threads"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { CacheConfig } from "./cache.js"
import type { Outcome } from "./task.js"

/** A running pool. */
export interface Pool {
  readonly size: number
  /** Run one article's task on the next idle worker. */
  readonly run: (src: IngestedSource) => Effect.Effect<Outcome>
}

type Pending = { readonly src: IngestedSource; readonly done: (r: { outcome?: Outcome; error?: string }) => void }

/** Start `size` workers (each loads the lexicons) for the duration of the scope. */
export const makePool = (size: number, cache: CacheConfig | null) =>
  Effect.acquireRelease(
    Effect.async<{ readonly pool: Pool; readonly workers: ReadonlyArray<Worker> }>((resume) => {
      const url = new URL("./worker.mjs", import.meta.url)
      const workers = Array.from({ length: size }, () => new Worker(url, { workerData: { cache } }))
      const idle: Array<Worker> = []
      const busy = new Map<Worker, Pending>()
      const queue: Array<Pending> = []
      let nextId = 0
      const dispatch = () => {
        while (idle.length > 0 && queue.length > 0) {
          const w = idle.pop()!
          const p = queue.shift()!
          busy.set(w, p)
          w.postMessage({ id: nextId++, src: p.src })
        }
      }
      let ready = 0
      for (const w of workers) {
        w.on("message", (m: { ready?: true; outcome?: Outcome; error?: string }) => {
          if (m.ready) {
            idle.push(w)
            if (++ready === size) resume(Effect.succeed({ pool, workers }))
            return dispatch()
          }
          const p = busy.get(w)!
          busy.delete(w)
          idle.push(w)
          p.done(m)
          dispatch()
        })
        // a worker that dies takes its task down as a defect (a bug, not bad input)
        w.on("error", (e) => {
          busy.get(w)?.done({ error: e.stack ?? String(e) })
          busy.delete(w)
          if (ready < size) resume(Effect.die(e))
        })
      }
      const pool: Pool = {
        size,
        run: (src) =>
          Effect.async<Outcome>((done) => {
            queue.push({ src, done: (r) => done(r.outcome ? Effect.succeed(r.outcome) : Effect.die(new Error(`worker failed on ${src.file}: ${r.error}`))) })
            dispatch()
          })
      }
    }),
    ({ workers }) => Effect.promise(() => Promise.all(workers.map((w) => w.terminate())))
  ).pipe(Effect.map(({ pool }) => pool))
