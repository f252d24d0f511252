/** Publish errors: these fail the build. */
import { Schema } from "effect"

/** A version directory exists already with other content: published releases are immutable. */
export class ReleaseExists extends Schema.TaggedError<ReleaseExists>()("ReleaseExists", { version: Schema.String, dir: Schema.String }) {
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
export class PublishFailed extends Schema.TaggedError<PublishFailed>()("PublishFailed", { dir: Schema.String, detail: Schema.String }) {
  static readonly code = "publish-failed"
  override get message() {
    return `${this.dir}: ${this.detail}`
  }
}

/** Another build holds dist/.lock. */
export class LockHeld extends Schema.TaggedError<LockHeld>()("LockHeld", { dir: Schema.String, pid: Schema.Int }) {
  static readonly code = "release-locked"
  override get message() {
    return `${this.dir}/.lock is held by running process ${this.pid}: another build is publishing into ${this.dir}; wait for it to finish (a lock left by a killed process is taken over automatically)`
  }
}
