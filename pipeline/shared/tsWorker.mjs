// Worker-thread bootstrap for the TypeScript workers (the article pool, the Parquet thread):
// registers tsx in this thread (workers do not inherit the main thread's loader), then loads
// the module named by workerData.module (a file URL).
import { register } from "tsx/esm/api"
import { workerData } from "node:worker_threads"

register()
await import(workerData.module)
