// Worker bootstrap: registers tsx in this thread (workers do not inherit the main thread's
// loader), then loads the TypeScript worker.
import { register } from "tsx/esm/api"

register()
await import("./parquetWorker.ts")
