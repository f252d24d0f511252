/** Publish errors: these fail the build. */
import { Schema } from "effect"
import { type Fault, STEP_WORDS, STEPS } from "./disk.js"

/** A version directory exists already with other content: published releases are immutable. */
export class ReleaseExists extends Schema.TaggedError<ReleaseExists>()("ReleaseExists", {
  version: Schema.String,
  dir: Schema.String
}) {
  static readonly code = "release-exists"
  override get message() {
    return `${this.dir}: version ${this.version} is already published with other content; published releases are never overwritten (choose a new version)`
  }
}

/** A requested version that does not fit the change (semantic versioning of the data). */
export class VersionMismatch extends Schema.TaggedError<VersionMismatch>()("VersionMismatch", {
  requested: Schema.String,
  expected: Schema.String,
  reason: Schema.String
}) {
  static readonly code = "version-mismatch"
  override get message() {
    return `version ${this.requested} does not fit the change (${this.reason}); expected ${this.expected}`
  }
}

/** Writing the release failed. */
export class PublishFailed extends Schema.TaggedError<PublishFailed>()("PublishFailed", {
  dir: Schema.String,
  detail: Schema.String
}) {
  static readonly code = "publish-failed"
  override get message() {
    return `${this.dir}: ${this.detail}`
  }
}

/** Another build holds dist/.lock. */
export class LockHeld extends Schema.TaggedError<LockHeld>()("LockHeld", {
  dir: Schema.String,
  pid: Schema.Int
}) {
  static readonly code = "release-locked"
  override get message() {
    return `${this.dir}/.lock is held by running process ${this.pid}: another build is publishing into ${this.dir}; wait for it to finish (a lock left by a killed process is taken over automatically)`
  }
}

/** The base release (the one latest.json points to) does not match its checksums: no diff or event id may rest on it. */
export class BaseReleaseInvalid extends Schema.TaggedError<BaseReleaseInvalid>()("BaseReleaseInvalid", {
  dir: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  static readonly code = "base-release-invalid"
  override get message() {
    const shown =
      this.problems.slice(0, 8).join("; ") + (this.problems.length > 8 ? `; and ${this.problems.length - 8} more` : "")
    return `${this.dir}: the base release does not match its checksums (${shown}), so this build neither carries event ids over from it nor diffs against it; restore the release from an archive, or build with --base none to publish without a diff (the changelog says so)`
  }
}

/** dist/.lock exists but cannot be read: nobody can tell whether a build holds it. */
export class LockUnreadable extends Schema.TaggedError<LockUnreadable>()("LockUnreadable", {
  dir: Schema.String,
  detail: Schema.String
}) {
  static readonly code = "lock-unreadable"
  override get message() {
    return `${this.dir}/.lock exists but cannot be read (${this.detail}), so whether another build holds it is unknown; if no build is publishing into ${this.dir}, remove the file`
  }
}

// == storage faults: a step of publishing failed; what it wrote is undone

const storageFields = {
  step: Schema.Literal(...STEPS),
  path: Schema.String,
  errno: Schema.String,
  detail: Schema.String,
  /** What the build could not remove after the fault (the file system refused that too). */
  left: Schema.Array(Schema.String)
}

const outcome = (left: ReadonlyArray<string>) =>
  left.length === 0
    ? "nothing was published and the output folder is as it was before the build"
    : `nothing was published; left behind, since the file system refused their removal too: ${left.join(", ")} (the next build removes temporary folders, and points latest.json to a complete release folder left behind)`

/** The file system of the output folder is full (ENOSPC, EDQUOT). */
export class DiskFull extends Schema.TaggedError<DiskFull>()("DiskFull", storageFields) {
  static readonly code = "disk-full"
  override get message() {
    return `${this.path}: no space left on the file system while ${STEP_WORDS[this.step]} (${this.errno}); ${outcome(this.left)}`
  }
}

/** The output folder or its file system cannot be written (EROFS, EACCES, EPERM). */
export class OutputNotWritable extends Schema.TaggedError<OutputNotWritable>()("OutputNotWritable", storageFields) {
  static readonly code = "output-not-writable"
  override get message() {
    return `${this.path}: cannot write while ${STEP_WORDS[this.step]} (${this.errno}: ${this.errno === "EROFS" ? "the file system is read-only" : "permission denied"}); ${outcome(this.left)}`
  }
}

/** The disk reported an input/output error (EIO). */
export class IoError extends Schema.TaggedError<IoError>()("IoError", storageFields) {
  static readonly code = "io-error"
  override get message() {
    return `${this.path}: input/output error while ${STEP_WORDS[this.step]} (${this.detail}); check the disk before trusting files written to it; ${outcome(this.left)}`
  }
}

/** A storage fault as the error of its cause: full, not writable, I/O error, or (any other errno) publish-failed. */
export const storageError = (f: Fault, dir: string): DiskFull | OutputNotWritable | IoError | PublishFailed => {
  const left = f.left
  const fields = {
    step: f.step,
    path: f.path,
    errno: f.errno,
    detail: f.message,
    left
  }
  if (f.errno === "ENOSPC" || f.errno === "EDQUOT") return new DiskFull(fields)
  if (f.errno === "EROFS" || f.errno === "EACCES" || f.errno === "EPERM") return new OutputNotWritable(fields)
  if (f.errno === "EIO") return new IoError(fields)
  return new PublishFailed({
    dir,
    detail: `${f.path}: ${f.message} while ${STEP_WORDS[f.step]}; ${outcome(left)}`
  })
}

/** Every error of a storage step. */
export type StorageError = ReturnType<typeof storageError> | LockHeld | LockUnreadable
