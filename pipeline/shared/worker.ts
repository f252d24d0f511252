/**
 * Start a worker thread running a TypeScript module (through the bootstrap tsWorker.mjs); `data` is its workerData
 * beside `module`; `heapMb`, when given, caps its V8 old generation (resourceLimits).
 */
import { type TransferListItem, Worker } from "node:worker_threads"

export const tsWorker = (
  module: URL,
  data: Record<string, unknown>,
  transferList: ReadonlyArray<TransferListItem> = [],
  heapMb?: number
): Worker =>
  new Worker(new URL("./tsWorker.mjs", import.meta.url), {
    workerData: { ...data, module: module.href },
    transferList: [...transferList],
    ...(heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
  })
