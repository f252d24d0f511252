/** The thread of parquetThread.ts: Arrow IPC stream in, Parquet bytes out (ipcToParquet), one table per message. */
import { workerData, type MessagePort } from "node:worker_threads"
import { ipcToParquet } from "./parquet.js"
import type { ParquetAnswer } from "./parquetThread.js"

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array }
port.on("message", ({ path, ipc }: { path: string; ipc: Uint8Array }) => {
  let answer: ParquetAnswer
  try {
    answer = { path, bytes: ipcToParquet(ipc) }
  } catch (e) {
    answer = { path, error: (e as Error).stack ?? String(e) }
  }
  port.postMessage(answer, answer.bytes ? [answer.bytes.buffer as ArrayBuffer] : [])
  Atomics.add(shared, 0, 1)
  Atomics.notify(shared, 0)
})
Atomics.store(shared, 1, 1)
