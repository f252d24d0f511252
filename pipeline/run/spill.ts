/**
 * A build's scratch file for values that wait on disk, not in the heap: each value is written once as a JSON line and
 * read back once (by the main thread, or by a worker thread through the file's path). The file lives in a folder of
 * its own under the system's temporary folder and is removed when the build ends, whatever its outcome. It is no
 * cache: nothing reads it after the build.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as nodePath from "node:path"
import { Effect } from "effect"

/** Where a value was written: a byte range of the scratch file. */
export interface Spilled<_A> {
  readonly at: number
  readonly bytes: number
}

/** The scratch file of one build. */
export interface Spill {
  /** The file's path (another thread reads a value with readSpilled). */
  readonly path: string
  /** Write a value (plain data: what JSON keeps) and say where it is. */
  readonly put: <A>(value: A) => Spilled<A>
  /** Read a value back (a plain-data copy of what was put). */
  readonly get: <A>(where: Spilled<A>) => A
}

/** The value at `where` of the open file `fd`. */
const readAt = <A>(fd: number, where: Spilled<A>): A => {
  const b = Buffer.allocUnsafe(where.bytes)
  for (let done = 0; done < b.length; ) {
    const n = fs.readSync(fd, b, done, b.length - done, where.at + done)
    if (n === 0) throw new Error(`scratch file ended at ${where.at + done} of ${where.at + where.bytes}`)
    done += n
  }
  return JSON.parse(b.toString("utf8"))
}

/** Read a value of the scratch file at `path` (from any thread, once the value is written). */
export const readSpilled = <A>(path: string, where: Spilled<A>): A => {
  const fd = fs.openSync(path, "r")
  try {
    return readAt(fd, where)
  } finally {
    fs.closeSync(fd)
  }
}

/** Open a scratch file (Node's file calls; a failure is a bug of the machine, not a bad source). */
const open = () => {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "car-spill-"))
  const path = nodePath.join(dir, "spill.jsonl")
  const fd = fs.openSync(path, "w+")
  let end = 0
  const spill: Spill = {
    path,
    put: (value) => {
      const b = Buffer.from(JSON.stringify(value), "utf8")
      for (let done = 0; done < b.length; ) done += fs.writeSync(fd, b, done, b.length - done, end + done)
      const where = { at: end, bytes: b.length }
      end += b.length
      return where
    },
    get: (where) => readAt(fd, where)
  }
  const close = () => {
    fs.closeSync(fd)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return { spill, close }
}

/** Run `use` with a scratch file, removed afterwards. */
export const withSpill = <A, E, R>(use: (spill: Spill) => Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.acquireUseRelease(
    Effect.sync(open),
    ({ spill }) => use(spill),
    ({ close }) => Effect.sync(close)
  )
