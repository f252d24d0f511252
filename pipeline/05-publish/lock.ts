/**
 * dist/.lock: one build at a time publishes into an output folder. The lock holds its build's
 * process id, written into a file of its own and linked into place, so that it never exists empty
 * or half-written. A lock whose process is gone, or that holds no process id, is taken over.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { makeDir } from "../shared/makeDir.js"
import { type DiskService, Fault, undoAll } from "./disk.js"
import { LockHeld, LockUnreadable } from "./errors.js"

/** A lock this process holds. */
export interface Lock {
  /** What the lock taken over was, in words (null: there was none). */
  readonly tookOver: string | null
  /** Remove the lock (a Fault of step "unlock" when the file system refuses). */
  readonly release: () => void
}

/** Is process `pid` running (EPERM: it is, under another user)? */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

// file systems without hard links (FAT, some network file systems) answer link() with one of these
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"])

/**
 * Take `dist`/.lock for this process: a lock held by a live process refuses (LockHeld), one that
 * cannot be read refuses (LockUnreadable); any other lock is taken over. A fault of the file
 * system is thrown as a Fault of step "lock", after removing what this call wrote.
 */
export const acquireLock = (dist: string, disk: DiskService): Lock => {
  const lock = nodePath.join(dist, ".lock")
  const mine = nodePath.join(dist, `.tmp-lock-${process.pid}`)
  // undoing goes to node:fs directly (a Disk that injects faults injects them into the steps, not into their undoing)
  const removeMine = (): Array<string> => undoAll([[mine, () => fs.rmSync(mine, { force: true })]])
  disk.run("lock", dist, () => makeDir(dist))
  try {
    disk.run("lock", mine, () => fs.writeFileSync(mine, String(process.pid)))
  } catch (e) {
    throw (e as Fault).leaving(removeMine())
  }
  let tookOver: string | null = null
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkOrCreate(disk, mine, lock)
        return {
          tookOver,
          release: () => disk.run("unlock", lock, () => fs.rmSync(lock, { force: true }))
        }
      } catch (e) {
        if (!(e instanceof Fault) || e.errno !== "EEXIST") throw e
      }
      const held = holderOf(dist, lock, disk)
      if (held === null) continue
      if (typeof held === "number") throw new LockHeld({ dir: dist, pid: held })
      tookOver = held
      disk.run("lock", lock, () => fs.rmSync(lock, { force: true }))
    }
    throw new Fault(
      "lock",
      lock,
      "EEXIST",
      "the lock was taken by another build each time this one took over a stale lock"
    )
  } catch (e) {
    throw e instanceof Fault ? e.leaving(removeMine()) : e
  } finally {
    removeMine()
  }
}

/** Put `mine` in place as `lock`, failing with EEXIST when a lock exists (without hard links: an exclusive create). */
const linkOrCreate = (disk: DiskService, mine: string, lock: string) => {
  try {
    disk.run("lock", lock, () => fs.linkSync(mine, lock))
  } catch (e) {
    if (!(e instanceof Fault) || !NO_LINKS.has(e.errno)) throw e
    const fd = disk.run("lock", lock, () => fs.openSync(lock, "wx"))
    try {
      disk.run("lock", lock, () => fs.writeSync(fd, String(process.pid)))
    } catch (e) {
      fs.closeSync(fd)
      throw (e as Fault).leaving(undoAll([[lock, () => fs.rmSync(lock, { force: true })]]))
    }
    disk.run("lock", lock, () => fs.closeSync(fd))
  }
}

/**
 * Who holds an existing lock: a live process's id, what a stale lock was (in words), or null when it has gone
 * meanwhile.
 */
const holderOf = (dist: string, lock: string, disk: DiskService): number | string | null => {
  let text: string
  try {
    text = disk.run("lock", lock, () => fs.readFileSync(lock, "utf8"))
  } catch (e) {
    if (!(e instanceof Fault)) throw e
    if (e.errno === "ENOENT") return null
    if (e.errno === "EACCES" || e.errno === "EPERM" || e.errno === "EISDIR")
      throw new LockUnreadable({
        dir: dist,
        detail: `${e.errno}: ${e.message}`
      })
    throw e
  }
  const t = text.trim()
  if (/^[1-9]\d{0,9}$/.test(t)) {
    const pid = Number(t)
    if (pid === process.pid) return `left by this process (an earlier build in it)`
    if (alive(pid)) return pid
    return `left by process ${pid}, which is no longer running`
  }
  return t === ""
    ? "empty (left by a build that stopped while taking it)"
    : `holding no process id (${JSON.stringify(t.slice(0, 40))})`
}
