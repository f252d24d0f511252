/**
 * Parquet (ZSTD) beside Arrow for every table, for compact downloads: the same declared Arrow
 * table, converted with parquet-wasm. Deterministic: no creation time or writer randomness.
 */
import { createRequire } from "node:module"
import { tableToIPC, type Table } from "apache-arrow"

type ParquetWasm = {
  Table: { fromIPCStream: (b: Uint8Array) => unknown }
  WriterPropertiesBuilder: new () => { setCompression: (c: number) => { setCreatedBy: (s: string) => { build: () => unknown } } }
  Compression: { ZSTD: number }
  writeParquet: (t: unknown, p: unknown) => Uint8Array
}
const pq = createRequire(import.meta.url)("parquet-wasm") as ParquetWasm

/** Parquet bytes of an Arrow table given as its IPC stream. */
export const ipcToParquet = (stream: Uint8Array): Uint8Array => {
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).setCreatedBy("central-asia-relations pipeline").build()
  return pq.writeParquet(pq.Table.fromIPCStream(stream), props)
}

/** Parquet bytes of an Arrow table. */
export const arrowToParquet = (table: Table): Uint8Array => ipcToParquet(tableToIPC(table, "stream"))
