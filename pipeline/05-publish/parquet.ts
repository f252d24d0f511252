/**
 * Parquet (ZSTD) beside Arrow for every table, for compact downloads: the same declared Arrow
 * table, converted with parquet-wasm. Deterministic: no creation time or writer randomness.
 *
 * A large table goes through parquet-wasm's streaming writer one record batch at a time
 * (parquetStream), which then holds one batch and the row group being written, never the whole
 * table a second time in its WebAssembly memory (which never shrinks). The bytes do not depend on
 * how a table is cut into batches as long as each batch but the last is a multiple of 1,024 rows
 * dividing 1,048,576 (arrow.ts's BATCH_ROWS): the writer cuts pages at its 1,024-row steps through
 * a batch and row groups every 1,048,576 rows, so these fall on the same rows.
 */
import { createRequire } from "node:module"
import { type Table, tableToIPC } from "apache-arrow"

type WasmTable = { recordBatches: () => Array<unknown>; free: () => void }
type ParquetWasm = {
  Table: { fromIPCStream: (b: Uint8Array) => WasmTable }
  WriterPropertiesBuilder: new () => {
    setCompression: (c: number) => {
      setCreatedBy: (s: string) => { build: () => unknown }
    }
  }
  Compression: { ZSTD: number }
  writeParquet: (t: unknown, p: unknown) => Uint8Array
  transformParquetStream: (batches: ReadableStream<unknown>, p: unknown) => Promise<ReadableStream<Uint8Array>>
}
const pq = createRequire(import.meta.url)("parquet-wasm") as ParquetWasm

const properties = () =>
  new pq.WriterPropertiesBuilder()
    .setCompression(pq.Compression.ZSTD)
    .setCreatedBy("central-asia-relations pipeline")
    .build()

/** Parquet bytes of an Arrow table given as its IPC stream. */
export const ipcToParquet = (stream: Uint8Array): Uint8Array =>
  pq.writeParquet(pq.Table.fromIPCStream(stream), properties())

/** Parquet bytes of an Arrow table. */
export const arrowToParquet = (table: Table): Uint8Array => ipcToParquet(tableToIPC(table, "stream"))

/** One Parquet file written from the IPC streams of a table's batches, given one after the other. */
export interface ParquetStream {
  /**
   * Add the next batches (an Arrow IPC stream): kept as they are until the writer asks for them, and only then copied
   * into WebAssembly memory (which never shrinks), so that memory holds the batch being written and the next one.
   */
  readonly add: (ipc: Uint8Array) => void
  /** No more batches: the file's bytes. */
  readonly end: () => Promise<Uint8Array>
}

/**
 * A Parquet stream; `taken` is called once per IPC stream added, when the writer takes it (or when a failure drops it),
 * so that a producer can wait for the writer instead of queueing every batch of a large table.
 */
export const parquetStream = (taken: () => void = () => {}): ParquetStream => {
  const waiting: Array<Uint8Array> = []
  let closed = false
  let wake: (() => void) | null = null
  const next = (controller: ReadableStreamDefaultController<unknown>) => {
    const ipc = waiting.shift()
    if (ipc === undefined) return controller.close()
    try {
      const table = pq.Table.fromIPCStream(ipc)
      for (const batch of table.recordBatches()) controller.enqueue(batch)
      table.free()
    } finally {
      taken()
    }
  }
  // pulled one IPC stream at a time, when the writer has read what was enqueued before
  const batches = new ReadableStream<unknown>(
    {
      pull: (controller) => {
        if (waiting.length > 0 || closed) return next(controller)
        return new Promise<void>((resolve) => {
          wake = () => {
            wake = null
            next(controller)
            resolve()
          }
        })
      }
    },
    { highWaterMark: 0 }
  )
  const bytes = pq.transformParquetStream(batches, properties()).then(async (out) => {
    const chunks: Array<Uint8Array> = []
    for await (const chunk of out as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
    // one buffer of its own (it is moved to another thread, so never a slice of a shared pool)
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
    let at = 0
    for (const c of chunks) {
      all.set(c, at)
      at += c.length
    }
    return all
  })
  // a failed writer takes nothing more: what waits is dropped
  bytes.catch(() => {
    for (; waiting.length > 0; waiting.shift()) taken()
  })
  return {
    add: (ipc) => {
      waiting.push(ipc)
      wake?.()
    },
    end: () => {
      closed = true
      wake?.()
      return bytes
    }
  }
}
