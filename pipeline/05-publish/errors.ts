/** Publish errors: these fail the build. Each is declared once with its spec (schemas/ErrorSpec.ts). */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"
import { type Fault, STEP_WORDS, STEPS } from "./disk.js"

/** A version directory exists already with other content: published releases are immutable. */
export class ReleaseExists extends defineError<ReleaseExists>()(
  "ReleaseExists",
  { version: Schema.String, dir: Schema.String },
  {
    code: "release-exists",
    stage: "publish",
    effect: "build stops",
    message:
      "{dir}: version {version} is already published with other content; published releases are never overwritten (choose a new version)",
    remedy: "Published releases are immutable: build a new version."
  }
) {}

/** A requested version that does not fit the change (semantic versioning of the data). */
export class VersionMismatch extends defineError<VersionMismatch>()(
  "VersionMismatch",
  { requested: Schema.String, expected: Schema.String, reason: Schema.String },
  {
    code: "version-mismatch",
    stage: "publish",
    effect: "build stops",
    message: "version {requested} does not fit the change ({reason}); expected {expected}",
    remedy: "Use the expected version, or omit --version."
  }
) {}

/** Writing the release failed. */
export class PublishFailed extends defineError<PublishFailed>()(
  "PublishFailed",
  { dir: Schema.String, detail: Schema.String },
  {
    code: "publish-failed",
    stage: "publish",
    effect: "build stops",
    message: "{dir}: {detail}",
    remedy: "Any other failure of writing the release: read the detail; rerun (the release folder is unchanged)."
  }
) {}

/** Another build holds dist/.lock. */
export class LockHeld extends defineError<LockHeld>()(
  "LockHeld",
  { dir: Schema.String, pid: Schema.Int },
  {
    code: "release-locked",
    stage: "publish",
    effect: "build stops",
    message:
      "{dir}/.lock is held by running process {pid}: another build is publishing into {dir}; wait for it to finish (a lock left by a killed process is taken over automatically)",
    remedy:
      "Wait for the other build to finish; a lock left by a killed process, or holding no process id, is taken over automatically."
  }
) {}

/** How many of a base release's problems a message lists before "and N more". */
const SHOWN_PROBLEMS = 8

/**
 * The base release (the one latest.json points to) does not match its checksums: no diff or event id may rest on it.
 */
export class BaseReleaseInvalid extends defineError<BaseReleaseInvalid>()(
  "BaseReleaseInvalid",
  { dir: Schema.String, problems: Schema.Array(Schema.String) },
  {
    code: "base-release-invalid",
    stage: "build",
    effect: "build stops",
    message:
      "{dir}: the base release does not match its checksums ({shown}), so this build neither carries event ids over from it nor diffs against it; restore the release from an archive, or build with --base none to publish without a diff (the changelog says so)",
    derive: (e) => ({
      shown:
        e.problems.slice(0, SHOWN_PROBLEMS).join("; ") +
        (e.problems.length > SHOWN_PROBLEMS ? `; and ${e.problems.length - SHOWN_PROBLEMS} more` : "")
    }),
    remedy:
      "Restore the release from an archive, or build with `--base none` to publish a new minor version without a diff (its changelog says so)."
  }
) {}

/** dist/.lock exists but cannot be read: nobody can tell whether a build holds it. */
export class LockUnreadable extends defineError<LockUnreadable>()(
  "LockUnreadable",
  { dir: Schema.String, detail: Schema.String },
  {
    code: "lock-unreadable",
    stage: "publish",
    effect: "build stops",
    message:
      "{dir}/.lock exists but cannot be read ({detail}), so whether another build holds it is unknown; if no build is publishing into {dir}, remove the file",
    remedy: "If no build is publishing into the folder, remove the file."
  }
) {}

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

/** The words of a storage fault's step and outcome, for its message. */
const storageWords = (e: { readonly step: (typeof STEPS)[number]; readonly left: ReadonlyArray<string> }) => ({
  doing: STEP_WORDS[e.step],
  outcome: outcome(e.left)
})

/** The file system of the output folder is full (ENOSPC, EDQUOT). */
export class DiskFull extends defineError<DiskFull>()("DiskFull", storageFields, {
  code: "disk-full",
  stage: "publish",
  effect: "build stops",
  message: "{path}: no space left on the file system while {doing} ({errno}); {outcome}",
  derive: storageWords,
  remedy:
    "Free space (or use another --out) and rerun: what the build wrote was removed, the previous release and latest.json are as they were."
}) {}

/** The output folder or its file system cannot be written (EROFS, EACCES, EPERM). */
export class OutputNotWritable extends defineError<OutputNotWritable>()("OutputNotWritable", storageFields, {
  code: "output-not-writable",
  stage: "publish",
  effect: "build stops",
  message: "{path}: cannot write while {doing} ({errno}: {cause}); {outcome}",
  derive: (e) => ({
    ...storageWords(e),
    cause: e.errno === "EROFS" ? "the file system is read-only" : "permission denied"
  }),
  remedy:
    "Make the output folder writable (or use another --out) and rerun; anything the build could not remove is named and removed by the next build."
}) {}

/** The disk reported an input/output error (EIO). */
export class IoError extends defineError<IoError>()("IoError", storageFields, {
  code: "io-error",
  stage: "publish",
  effect: "build stops",
  message:
    "{path}: input/output error while {doing} ({detail}); check the disk before trusting files written to it; {outcome}",
  derive: storageWords,
  remedy:
    "Check the disk (kernel log, fsck) before trusting files on it; the previous release and latest.json are as they were."
}) {}

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

/** A line of the rule registry (the codebook's rules) that does not decode. */
export class RuleRegistryInvalid extends defineError<RuleRegistryInvalid>()(
  "RuleRegistryInvalid",
  { file: Schema.String, line: Schema.Int, detail: Schema.String },
  {
    code: "rule-registry-invalid",
    stage: "publish",
    effect: "build stops",
    message: "{file}:{line}: {detail}",
    remedy:
      "Fix the rule registry line (schemas/RuleRegistry.ts holds the format; every rule id in the code has one entry)."
  }
) {}
