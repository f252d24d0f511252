/**
 * The storage steps of a build as Effects. The synchronous helpers of 05-publish throw a Fault
 * (a file-system call of a step that failed) or a lock error; they are mapped to tagged errors
 * here, in one place, and failed in Effect.
 */
import * as nodePath from "node:path"
import { Console, Effect } from "effect"
import { Disk, type DiskService, Fault } from "../05-publish/disk.js"
import { LockHeld, LockUnreadable, PublishFailed, storageError } from "../05-publish/errors.js"
import { acquireLock } from "../05-publish/lock.js"
import { cleanLeftovers, type Staging } from "../05-publish/Publish.js"

/**
 * What a storage helper threw, as the error of its cause: a lock error as it is, a Fault by its errno, anything else as
 * publish-failed.
 */
const storageFailure = (e: unknown, out: string) =>
  e instanceof LockHeld || e instanceof LockUnreadable
    ? e
    : e instanceof Fault
      ? storageError(e, out)
      : new PublishFailed({ dir: out, detail: (e as Error).message })

/** Run a synchronous storage step of a build into `out`. */
export const storageStep = <A>(out: string, step: () => A) =>
  Effect.try({ try: step, catch: (e) => storageFailure(e, out) })

/** Run a step that writes into the staging directory; a failure removes it (and says what it could not remove). */
export const staged = <A>(staging: Staging, out: string, step: () => A) =>
  Effect.try({
    try: step,
    catch: (e) => {
      const left = staging.discard()
      return storageFailure(e instanceof Fault ? e.leaving(left) : e, out)
    }
  })

/** `staged` for a step that returns a promise (one that gives the event loop turns while it writes). */
export const stagedAsync = <A>(staging: Staging, out: string, step: () => Promise<A>) =>
  Effect.tryPromise({
    try: step,
    catch: (e) => {
      const left = staging.discard()
      return storageFailure(e instanceof Fault ? e.leaving(left) : e, out)
    }
  })

/**
 * Run `use` under `<out>/.lock` (taken over from a dead build, said so); the lock is removed after, a failure to remove
 * it only warned of.
 */
export const withLock = <A, E, R>(out: string, use: (disk: DiskService) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(Disk, (disk) =>
    Effect.acquireUseRelease(
      storageStep(out, () => acquireLock(out, disk)),
      (lock) =>
        Effect.gen(function* () {
          if (lock.tookOver !== null)
            yield* Console.error(`took over ${nodePath.join(out, ".lock")}: it was ${lock.tookOver}`)
          return yield* use(disk)
        }),
      (lock) =>
        Effect.try(() => lock.release()).pipe(
          Effect.catchAll((e) =>
            Console.error(
              `warning: could not remove ${nodePath.join(out, ".lock")} (${(e.error as Error).message}); the next build takes it over`
            )
          )
        )
    )
  )

/** Remove the temporary folders interrupted builds left in `out`, naming each. */
export const removeLeftovers = (out: string, disk: DiskService) =>
  Effect.gen(function* () {
    const left = yield* storageStep(out, () => cleanLeftovers(out, disk))
    for (const l of left)
      yield* Console.error(`removed leftover temporary directory ${nodePath.join(out, l)} (an interrupted build)`)
  })
