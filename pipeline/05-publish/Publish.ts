/**
 * Stage 05 — publish: release files → dist/<version>/, atomically. Files are written, as they
 * are made, into a temporary directory beside dist/<version>, made durable, and the directory appears by one rename;
 * dist/latest.json is then replaced by write-and-rename. A published version is never overwritten.
 * Every file-system call goes through the Disk (disk.ts) as a named step; when one fails, what
 * the build wrote is undone (the rename too), so dist/ is left as it was.
 */

import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect } from "effect"
import { sha256 } from "../shared/hash.js"
import { makeDir } from "../shared/makeDir.js"
import { stableStringify } from "../shared/stableJson.js"
import { type DiskService, Fault, nodeDisk, type Step, undoAll } from "./disk.js"
import { PublishFailed, ReleaseExists, storageError } from "./errors.js"
import { alive } from "./lock.js"
import { type FileInfo, type FileSink, recordingSink } from "./sink.js"

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

/** Write a file and fsync it, as calls of `step`. */
const writeSynced = (disk: DiskService, step: Step, path: string, bytes: Uint8Array) => {
  const fd = disk.run(step, path, () => fs.openSync(path, "w"))
  try {
    disk.run(step, path, () => {
      for (let at = 0; at < bytes.byteLength; ) at += fs.writeSync(fd, bytes, at)
    })
    disk.run(step, path, () => fs.fsyncSync(fd))
  } finally {
    fs.closeSync(fd)
  }
}

const fsyncDir = (disk: DiskService, step: Step, dir: string) => {
  const fd = disk.run(step, dir, () => fs.openSync(dir, "r"))
  try {
    disk.run(step, dir, () => fs.fsyncSync(fd))
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Make the files under `dir` and their directories durable: one syncfs of the file system that
 * holds them (`sync -f`, coreutils), which costs about what one fsync does, instead of an fsync
 * per file (half a millisecond each, a minute for 100,000 texts). Where `sync -f` is not
 * available or fails, every file and directory is fsynced, which names the file and errno at fault.
 */
const syncTree = (disk: DiskService, dir: string, files: ReadonlyArray<string>) => {
  try {
    disk.run("sync", dir, () => execFileSync("sync", ["-f", dir], { stdio: "ignore" }))
    return
  } catch {
    // no GNU sync, or a write-back failed: one by one
  }
  for (const p of files) {
    const full = nodePath.join(dir, p)
    const fd = disk.run("sync", full, () => fs.openSync(full, "r"))
    try {
      disk.run("sync", full, () => fs.fsyncSync(fd))
    } finally {
      fs.closeSync(fd)
    }
  }
  const dirs = new Set(files.map((p) => nodePath.dirname(nodePath.join(dir, p))))
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) fsyncDir(disk, "sync", d)
  fsyncDir(disk, "sync", dir)
}

/**
 * Remove temporary directories and files left by killed or failed builds (call while holding the lock); a build taking
 * the lock right now keeps its own.
 */
export const cleanLeftovers = (dist: string, disk: DiskService): ReadonlyArray<string> => {
  if (!fs.existsSync(dist)) return []
  const left = disk
    .run("clean", dist, () => fs.readdirSync(dist))
    .filter((n) => n.startsWith(".tmp-"))
    .filter((n) => {
      const taking = /^\.tmp-lock-(\d+)$/.exec(n)
      return taking === null || !alive(Number(taking[1]))
    })
  for (const n of left)
    disk.run("clean", nodePath.join(dist, n), () => fs.rmSync(nodePath.join(dist, n), { recursive: true, force: true }))
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
  /** Remove the temporary directory (nothing to publish, or a failure); the paths that could not be removed. */
  readonly discard: () => ReadonlyArray<string>
}

/**
 * Open the staging directory of this process (call while holding the lock; cleanLeftovers removes those of killed
 * builds).
 */
export const openStaging = (dist: string, disk: DiskService): Staging => {
  const dir = nodePath.join(dist, `.tmp-build-${process.pid}`)
  // undoing goes to node:fs directly: a Disk that injects faults injects them into the build's steps, not into their
  // undoing
  const discard = () => undoAll([[dir, () => fs.rmSync(dir, { recursive: true, force: true })]])
  try {
    disk.run("staging", dir, () => fs.rmSync(dir, { recursive: true, force: true }))
    disk.run("staging", dir, () => makeDir(dir))
  } catch (e) {
    throw (e as Fault).leaving(discard())
  }
  let n = 0
  const made = new Set<string>([dir])
  const sink = recordingSink((p) => {
    const full = nodePath.join(dir, p)
    const parent = nodePath.dirname(full)
    if (!made.has(parent)) {
      disk.run("staging", parent, () => makeDir(parent))
      made.add(parent)
    }
    // not fsynced one by one: publishRelease makes the whole directory durable before its rename
    const fd = disk.run("staging", full, () => fs.openSync(full, "w"))
    return {
      write: (chunk) => {
        try {
          disk.run("staging", full, () => {
            for (let at = 0; at < chunk.byteLength; ) at += fs.writeSync(fd, chunk, at)
          })
        } catch (e) {
          // a file left open would keep its blocks after its removal, and a file system busy
          fs.closeSync(fd)
          throw e
        }
      },
      close: () => {
        disk.run("staging", full, () => fs.closeSync(fd))
        disk.reached(`files:${++n}`)
      }
    }
  })
  return {
    ...sink,
    dir,
    onDisk: (p) => (sink.files.has(p) ? nodePath.join(dir, p) : null),
    discard
  }
}

/**
 * Point latest.json to `version`: a synced temporary file renamed over it (what to undo is pushed on `undo` as it is
 * done).
 */
const pointLatest = (disk: DiskService, dist: string, latest: Latest, undo: Array<readonly [string, () => void]>) => {
  const path = nodePath.join(dist, "latest.json")
  const before = fs.existsSync(path) ? disk.run("latest", path, () => fs.readFileSync(path)) : null
  const tmp = nodePath.join(dist, `.tmp-latest-${process.pid}.json`)
  undo.push([tmp, () => fs.rmSync(tmp, { force: true })])
  writeSynced(disk, "latest", tmp, new TextEncoder().encode(stableStringify(latest)))
  disk.reached("before-latest")
  disk.run("latest", path, () => fs.renameSync(tmp, path))
  // undone: the previous pointer is put back the same way (or removed, when there was none)
  undo.push([
    path,
    () => {
      if (before === null) return fs.rmSync(path, { force: true })
      writeSynced(nodeDisk, "latest", tmp, before)
      fs.renameSync(tmp, path)
    }
  ])
  fsyncDir(disk, "latest", dist)
}

/**
 * Publish a staged release as dist/<version>: its directories are fsynced and it appears by one
 * rename, then latest.json is repointed. Returns "published", or "unchanged" when the same
 * bytes are already published there (the staging directory is then removed). On a fault of the
 * file system, the rename and latest.json are undone and the staging directory removed.
 */
export const publishRelease = Effect.fn("Publish.release")(function* (
  dist: string,
  version: string,
  staging: Staging,
  disk: DiskService
) {
  const final = nodePath.join(dist, version)
  const latest: Latest = {
    version,
    path: version,
    sha256sums: staging.files.get("SHA256SUMS")!.sha256
  }
  const undo: Array<readonly [string, () => void]> = []
  const failed = (e: unknown) => {
    const left = undoAll(undo)
    return e instanceof Fault
      ? storageError(e.leaving(left), dist)
      : new PublishFailed({ dir: final, detail: (e as Error).message })
  }
  if (fs.existsSync(final)) {
    const same = sameAsPublished(final, staging.files)
    staging.discard()
    if (!same) return yield* Effect.fail(new ReleaseExists({ version, dir: final }))
    // complete and identical: a build killed between the two renames left latest.json behind
    if (readLatest(dist)?.version !== version)
      yield* Effect.try({
        try: () => pointLatest(disk, dist, latest, undo),
        catch: failed
      })
    return "unchanged" as const
  }
  return yield* Effect.try({
    try: () => {
      undo.push([
        staging.dir,
        () => {
          if (staging.discard().length > 0) throw new Error("not removed")
        }
      ])
      syncTree(disk, staging.dir, [...staging.files.keys()])
      disk.reached("before-rename")
      disk.run("rename", final, () => fs.renameSync(staging.dir, final))
      // undone: moved back to the staging path (the version disappears at once), then removed from there
      undo.push([final, () => fs.renameSync(final, staging.dir)])
      fsyncDir(disk, "rename", dist)
      disk.reached("after-rename")
      pointLatest(disk, dist, latest, undo)
      return "published" as const
    },
    catch: failed
  })
})
