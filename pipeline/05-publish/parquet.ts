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
  /** Add the next batches (an Arrow IPC stream); it is copied into WebAssembly memory and can be let go. */
  readonly add: (ipc: Uint8Array) => void
  /** No more batches: the file's bytes. */
  readonly end: () => Promise<Uint8Array>
}

export const parquetStream = (): ParquetStream => {
  let controller!: ReadableStreamDefaultController<unknown>
  const batches = new ReadableStream<unknown>({
    start: (c) => void (controller = c)
  })
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
  return {
    add: (ipc) => {
      const table = pq.Table.fromIPCStream(ipc)
      for (const batch of table.recordBatches()) controller.enqueue(batch)
      table.free()
    },
    end: () => {
      controller.close()
      return bytes
    }
  }
}
