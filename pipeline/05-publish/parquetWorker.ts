/**
 * The thread of parquetThread.ts: the Arrow IPC streams of a table's batches in, its Parquet
 * bytes out. A table of one batch goes through ipcToParquet; from its second batch on, a table
 * goes through parquetStream, each batch added as it arrives.
 */
import { type MessagePort, workerData } from "node:worker_threads"
import { ipcToParquet, type ParquetStream, parquetStream } from "./parquet.js"
import type { ParquetAnswer, ParquetMessage } from "./parquetThread.js"

const { port, shared } = workerData as {
  port: MessagePort
  shared: Int32Array
}
const answer = (a: ParquetAnswer) => {
  port.postMessage(a, a.bytes ? [a.bytes.buffer as ArrayBuffer] : [])
  Atomics.add(shared, 0, 1)
  Atomics.notify(shared, 0)
}
const failed = (path: string, e: unknown) => answer({ path, error: (e as Error).stack ?? String(e) })
// shared[2]: batches taken so far (written, or dropped after a failure): the sending side waits on it
const taken = () => {
  Atomics.add(shared, 2, 1)
  Atomics.notify(shared, 2)
}

// each table being written: its first batch until a second one comes, then its stream
const open = new Map<string, { first: Uint8Array | null; stream: ParquetStream | null; failed: boolean }>()
port.on("message", (m: ParquetMessage) => {
  let t = open.get(m.path)
  if (t === undefined) open.set(m.path, (t = { first: null, stream: null, failed: false }))
  if (t.failed) {
    if (m.ipc === undefined) open.delete(m.path)
    else taken()
    return
  }
  try {
    if (m.ipc !== undefined) {
      if (t.stream === null && t.first === null) t.first = m.ipc
      else {
        if (t.stream === null) {
          t.stream = parquetStream(taken)
          t.stream.add(t.first!)
          t.first = null
        }
        t.stream.add(m.ipc)
      }
      return
    }
    open.delete(m.path)
    if (t.stream === null) {
      const first = t.first!
      t.first = null
      taken()
      answer({ path: m.path, bytes: ipcToParquet(first) })
    } else
      t.stream.end().then(
        (bytes) => answer({ path: m.path, bytes }),
        (e: unknown) => failed(m.path, e)
      )
  } catch (e) {
    // the first failure of a table is its answer; its later messages are dropped, and so are the batches it held
    if (m.ipc !== undefined) taken()
    if (t.first !== null && t.first !== m.ipc) taken()
    t.first = null
    t.failed = m.ipc !== undefined
    if (!t.failed) open.delete(m.path)
    failed(m.path, e)
  }
})
Atomics.store(shared, 1, 1)
