/**
 * Start a worker thread running a TypeScript module: from its bundle when prepareWorkerBundles made one in this process
 * (workerBundle.ts), else through the bootstrap tsWorker.mjs (tsx); `data` is its workerData; `heapMb`, when given,
 * caps its V8 old generation (resourceLimits).
 */
import { type TransferListItem, Worker } from "node:worker_threads"
import { workerBundle } from "./workerBundle.js"

export const tsWorker = (
  module: URL,
  data: Record<string, unknown>,
  transferList: ReadonlyArray<TransferListItem> = [],
  heapMb?: number
): Worker => {
  const limits = heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } }
  const bundle = workerBundle(module)
  return bundle !== undefined
    ? new Worker(bundle, { workerData: data, transferList: [...transferList], ...limits })
    : new Worker(new URL("./tsWorker.mjs", import.meta.url), {
        workerData: { ...data, module: module.href },
        transferList: [...transferList],
        ...limits
      })
}
