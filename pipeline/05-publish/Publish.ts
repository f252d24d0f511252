/**
 * Stage 05 — publish: release files → dist/<version>/, atomically. Files are written, as they
 * are made, into a temporary directory beside dist/<version>, made durable, and the directory appears by one rename;
 * dist/latest.json is then replaced by write-and-rename. A published version is never overwritten.
 */
import { Effect } from "effect"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { stableStringify } from "../shared/stableJson.js"
import { sha256 } from "../shared/hash.js"
import { LockHeld, PublishFailed, ReleaseExists } from "./errors.js"
import { recordingSink, type FileInfo, type FileSink } from "./sink.js"

/**
 * Test hook for the crash tests: when PIPELINE_CRASH_AT names a step ("files:N" after N files,
 * "before-rename", "after-rename", "before-latest"), the process kills itself with SIGKILL there.
 * Read once at start-up; it never changes what a build writes.
 */
const CRASH_AT = process.env["PIPELINE_CRASH_AT"] ?? ""
const crashPoint = (step: string) => {
  if (CRASH_AT === step) process.kill(process.pid, "SIGKILL")
}

/** Take dist/.lock for this process: a lock held by a live process refuses; a dead holder's lock is taken over. */
export const acquireLock = (dist: string): { readonly release: () => void; readonly tookOver: number | null } => {
  fs.mkdirSync(dist, { recursive: true })
  const lock = nodePath.join(dist, ".lock")
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lock, "wx")
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      return { release: () => fs.rmSync(lock, { force: true }), tookOver: attempt === 0 ? null : staleHolder }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
      const holder = Number(fs.readFileSync(lock, "utf8").trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new LockHeld({ dir: dist, pid: holder })
      staleHolder = holder
      fs.rmSync(lock, { force: true })
    }
  }
  throw new LockHeld({ dir: dist, pid: -1 })
}
let staleHolder: number | null = null

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/** The pointer to the newest release. */
export interface Latest {
  readonly version: string
  readonly path: string
  readonly sha256sums: string
}

/** Read dist/latest.json, if any. */
export const readLatest = (dist: string): Latest | null => {
  try {
    return JSON.parse(fs.readFileSync(nodePath.join(dist, "latest.json"), "utf8")) as Latest
  } catch {
    return null
  }
}

/** Write a file and fsync it (its directory is created). */
export const writeSynced = (path: string, bytes: Uint8Array) => {
  fs.mkdirSync(nodePath.dirname(path), { recursive: true })
  const fd = fs.openSync(path, "w")
  try {
    fs.writeSync(fd, bytes)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

const fsyncDir = (dir: string) => {
  const fd = fs.openSync(dir, "r")
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Make the files under `dir` and their directories durable: one syncfs of the file system that
 * holds them (`sync -f`, coreutils), which costs about what one fsync does, instead of an fsync
 * per file (half a millisecond each, a minute for 100,000 texts); where `sync -f` is not available,
 * every file and directory is fsynced.
 */
const syncTree = (dir: string, files: ReadonlyArray<string>) => {
  try {
    execFileSync("sync", ["-f", dir], { stdio: "ignore" })
    return
  } catch {
    // no GNU sync: one by one
  }
  for (const p of files) {
    const fd = fs.openSync(nodePath.join(dir, p), "r")
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }
  const dirs = new Set(files.map((p) => nodePath.dirname(nodePath.join(dir, p))))
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) fsyncDir(d)
  fsyncDir(dir)
}

/** Remove temporary directories and files left by a killed build (call while holding the lock). */
export const cleanLeftovers = (dist: string): ReadonlyArray<string> => {
  if (!fs.existsSync(dist)) return []
  const left = fs.readdirSync(dist).filter((n) => n.startsWith(".tmp-"))
  for (const n of left) fs.rmSync(nodePath.join(dist, n), { recursive: true, force: true })
  return left
}

/** Are the files identical to a published directory's? */
const sameAsPublished = (dir: string, files: ReadonlyMap<string, FileInfo>): boolean => {
  for (const [p, f] of files) {
    const full = nodePath.join(dir, p)
    if (!fs.existsSync(full) || sha256(fs.readFileSync(full)) !== f.sha256) return false
  }
  return true
}

/** A release being written: a temporary directory under dist/ that files go into, synced, as they are made. */
export interface Staging extends FileSink {
  readonly dir: string
  /** Remove the temporary directory (nothing to publish, or a failure). */
  readonly discard: () => void
}

/** Open the staging directory of this process (call while holding the lock; cleanLeftovers removes those of killed builds). */
export const openStaging = (dist: string): Staging => {
  const dir = nodePath.join(dist, `.tmp-build-${process.pid}`)
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  let n = 0
  const made = new Set<string>([dir])
  const sink = recordingSink((p) => {
    const full = nodePath.join(dir, p)
    const parent = nodePath.dirname(full)
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    // not fsynced one by one: publishRelease makes the whole directory durable before its rename
    const fd = fs.openSync(full, "w")
    return {
      write: (chunk) => {
        for (let at = 0; at < chunk.byteLength; ) at += fs.writeSync(fd, chunk, at)
      },
      close: () => {
        fs.closeSync(fd)
        crashPoint(`files:${++n}`)
      }
    }
  })
  return { ...sink, dir, onDisk: (p) => (sink.files.has(p) ? nodePath.join(dir, p) : null), discard: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Publish a staged release as dist/<version>: its directories are fsynced and it appears by one
 * rename, then latest.json is repointed. Returns "published", or "unchanged" when the same
 * bytes are already published there (the staging directory is then removed).
 */
export const publishRelease = Effect.fn("Publish.release")(function* (dist: string, version: string, staging: Staging) {
  const final = nodePath.join(dist, version)
  const pointTo = () => {
    const latest: Latest = { version, path: version, sha256sums: staging.files.get("SHA256SUMS")!.sha256 }
    const tmpLatest = nodePath.join(dist, `.tmp-latest-${process.pid}.json`)
    writeSynced(tmpLatest, new TextEncoder().encode(stableStringify(latest)))
    crashPoint("before-latest")
    fs.renameSync(tmpLatest, nodePath.join(dist, "latest.json"))
    fsyncDir(dist)
  }
  if (fs.existsSync(final)) {
    const same = sameAsPublished(final, staging.files)
    staging.discard()
    if (!same) return yield* Effect.fail(new ReleaseExists({ version, dir: final }))
    // complete and identical: a build killed between the two renames left latest.json behind
    if (readLatest(dist)?.version !== version) pointTo()
    return "unchanged" as const
  }
  return yield* Effect.try({
    try: () => {
      syncTree(staging.dir, [...staging.files.keys()])
      crashPoint("before-rename")
      fs.renameSync(staging.dir, final)
      fsyncDir(dist)
      crashPoint("after-rename")
      pointTo()
      return "published" as const
    },
    catch: (e) => new PublishFailed({ dir: final, detail: (e as Error).message })
  })
})
