/**
 * The storage steps of publishing, and the seam every file-system call of them goes through: a
 * call that throws is turned into a Fault naming its step, its path and the errno. The default
 * Disk calls node:fs as it is; tests swap it (Effect.provideService) for one that fills the disk,
 * makes it read-only or fails with EIO before a chosen step.
 */
import { Context } from "effect"

/** The storage steps of a build, in the order they run. */
export const STEPS = ["lock", "clean", "staging", "sync", "rename", "latest", "unlock"] as const

/** One storage step. */
export type Step = (typeof STEPS)[number]

/** What each step was doing, for messages ("… while <words>"). */
export const STEP_WORDS: Readonly<Record<Step, string>> = {
  lock: "taking the output folder's lock",
  clean: "removing a temporary folder left by an interrupted build",
  staging: "writing the release files into the temporary folder",
  sync: "making the release files durable (fsync)",
  rename: "moving the release folder into place",
  latest: "pointing latest.json to the new release",
  unlock: "removing the output folder's lock"
}

/** A file-system call of a storage step that failed. */
export class Fault extends Error {
  constructor(
    readonly step: Step,
    readonly path: string,
    /** The errno code (ENOSPC, EROFS, EACCES, EIO, …), "UNKNOWN" when the error had none. */
    readonly errno: string,
    detail: string,
    /** What could not be removed after the fault (the file system refused that too). */
    readonly left: ReadonlyArray<string> = []
  ) {
    super(detail)
  }

  /** The same fault, with more paths left behind. */
  leaving(paths: ReadonlyArray<string>): Fault {
    return paths.length === 0
      ? this
      : new Fault(this.step, this.path, this.errno, this.message, [...this.left, ...paths])
  }
}

/** Turn anything a call threw into a Fault of `step` on `path` (a Fault is kept as it is). */
export const toFault = (step: Step, path: string, e: unknown): Fault =>
  e instanceof Fault
    ? e
    : new Fault(step, path, (e as NodeJS.ErrnoException)?.code ?? "UNKNOWN", e instanceof Error ? e.message : String(e))

/** Run undo actions, last first, each on its own: the paths whose undo failed. */
export const undoAll = (undo: ReadonlyArray<readonly [path: string, action: () => void]>): Array<string> => {
  const left: Array<string> = []
  for (const [path, action] of [...undo].reverse()) {
    try {
      action()
    } catch {
      left.push(path)
    }
  }
  return left
}

/** A named point of publishing, where the crash tests kill a build. */
export type CrashPoint = `files:${number}` | "before-rename" | "after-rename" | "before-latest"

/** How a storage step's file-system calls are made. */
export interface DiskService {
  /** Make one file-system call of `step` on `path`; whatever it throws is thrown as a Fault. */
  readonly run: <A>(step: Step, path: string, call: () => A) => A
  /** Publishing has reached `point`: nothing happens, except on the crash tests' Disk (`killedAt`). */
  readonly reached: (point: CrashPoint) => void
}

/** node:fs as it is. */
export const nodeDisk: DiskService = {
  run: (step, path, call) => {
    try {
      return call()
    } catch (e) {
      throw toFault(step, path, e)
    }
  },
  reached: () => {}
}

/**
 * node:fs as it is, and the process kills itself with SIGKILL when publishing reaches `point` (PIPELINE_CRASH_AT,
 * read in Config.ts; MainLayer provides this Disk when it is set). It never changes what a build writes.
 */
export const killedAt = (point: string): DiskService => ({
  ...nodeDisk,
  reached: (at) => {
    if (at === point) process.kill(process.pid, "SIGKILL")
  }
})

/** The Disk a build publishes through (default: node:fs as it is). */
export class Disk extends Context.Reference<Disk>()("@pipeline/Disk", {
  defaultValue: (): DiskService => nodeDisk
}) {}
