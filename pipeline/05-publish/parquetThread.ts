/**
 * Parquet made on a second thread while this one goes on with the other files: the ZSTD
 * encoding of a large table takes seconds and would otherwise keep a core idle. A table goes
 * over batch by batch as its Arrow file is written (each batch as an Arrow IPC stream, moved,
 * not copied), so that no table is ever whole in memory for its Parquet; the Parquet bytes come
 * back the same way. `finish` waits synchronously (Atomics.wait) for every table handed over, so
 * the files are still handed to the sink by the caller, in one place, whatever the sink is; and
 * it stops the thread, whose WebAssembly memory goes with it. The bytes are those of
 * arrowToParquet. At most IN_FLIGHT batches are on their way at once: a batch waits (Atomics.wait) until the thread
 * has taken an earlier one, so a large table never queues up in the thread's memory when its encoding is slower
 * than this thread's Arrow (their order, and so the bytes, do not depend on the waits).
 */

import { MessageChannel, receiveMessageOnPort } from "node:worker_threads"
import { type RecordBatch, Table, tableToIPC } from "apache-arrow"
import { tsWorker } from "../shared/worker.js"
import { BATCH_ROWS, checkBatchRows } from "./arrow.js"

/** Tables whose Parquet is being made elsewhere. */
export interface ParquetThread {
  /** Hand over the next batch of a table whose Parquet file is `path`. */
  readonly add: (path: string, batch: RecordBatch) => void
  /** The table of `path` has no more batches. */
  readonly end: (path: string) => void
  /** Every table's Parquet bytes (in the order ended), once all are done; the thread is stopped. */
  readonly finish: () => ReadonlyArray<readonly [string, Uint8Array]>
  /** Stop the thread (after a failure elsewhere; finish stops it too). */
  readonly stop: () => void
}

/** What the thread is sent: a table's next batch as an IPC stream, or (no `ipc`) the end of the table. */
export type ParquetMessage = {
  readonly path: string
  readonly ipc?: Uint8Array
}

/** What the thread answers for one table. */
export type ParquetAnswer = {
  readonly path: string
  readonly bytes?: Uint8Array
  readonly error?: string
}

/** The thread's module. */
export const PARQUET_WORKER = new URL("./parquetWorker.ts", import.meta.url)

/** Batches handed over and not yet taken by the thread's writer, at most (two: a table's first is held for its second). */
export const IN_FLIGHT = 2

/**
 * Start the thread (it loads parquet-wasm while the caller writes the first tables). Each batch handed over is cut into
 * slices of `sliceRows` rows (a multiple of 1,024 dividing 1,048,576: the same bytes, parquet.ts), so that what is in
 * flight, and in the thread's WebAssembly memory, is at most IN_FLIGHT slices, whatever the Arrow files' batches.
 */
export const startParquetThread = (sliceRows = BATCH_ROWS): ParquetThread => {
  checkBatchRows(sliceRows)
  // shared[0]: answers posted so far (the waiting side sleeps on it); shared[1]: 1 once the thread has loaded;
  // shared[2]: batches its writers have taken (or dropped)
  const shared = new Int32Array(new SharedArrayBuffer(12))
  const { port1, port2 } = new MessageChannel()
  const worker = tsWorker(PARQUET_WORKER, { port: port2, shared }, [port2])
  // never what keeps the process alive
  worker.unref()
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    port1.close()
    void worker.terminate()
  }
  const paths: Array<string> = []
  const started = performance.now()
  let sent = 0
  // a thread that never loaded is given up after a minute (its events cannot reach this blocked thread)
  const check = () => {
    if (Atomics.load(shared, 1) === 0 && performance.now() - started > 60_000)
      throw new Error("the Parquet thread did not start")
  }
  return {
    add: (path, batch) => {
      for (let from = 0; from < batch.numRows || from === 0; from += sliceRows) {
        for (let t = Atomics.load(shared, 2); sent - t >= IN_FLIGHT; t = Atomics.load(shared, 2))
          if (Atomics.wait(shared, 2, t, 1000) === "timed-out") check()
        sent++
        const slice = batch.numRows <= sliceRows ? batch : batch.slice(from, Math.min(batch.numRows, from + sliceRows))
        const ipc = tableToIPC(new Table(batch.schema, [slice]), "stream")
        const own = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength ? ipc : ipc.slice()
        port1.postMessage({ path, ipc: own } satisfies ParquetMessage, [own.buffer as ArrayBuffer])
      }
    },
    end: (path) => {
      paths.push(path)
      port1.postMessage({ path } satisfies ParquetMessage)
    },
    finish: () => {
      const got = new Map<string, Uint8Array>()
      try {
        while (got.size < paths.length) {
          const m = receiveMessageOnPort(port1)
          if (m !== undefined) {
            const a = m.message as ParquetAnswer
            if (a.error !== undefined || a.bytes === undefined)
              throw new Error(`Parquet of ${a.path} failed on its thread: ${a.error}`)
            got.set(a.path, a.bytes)
            continue
          }
          // sleep until the thread posts its next answer
          if (Atomics.wait(shared, 0, got.size, 1000) === "timed-out") check()
        }
      } finally {
        stop()
      }
      return paths.map((p) => [p, got.get(p)!] as const)
    },
    stop
  }
}
