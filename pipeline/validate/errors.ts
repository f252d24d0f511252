/** Validate errors (the command fails; each problem was printed with its code). */
import { Schema } from "effect"

/** Problems were found in a release. */
export class ValidationFailed extends Schema.TaggedError<ValidationFailed>()("ValidationFailed", {
  dir: Schema.String,
  count: Schema.Int
}) {
  static readonly code = "release-invalid"
  override get message() {
    return `${this.dir}: ${this.count} problem(s) found`
  }
}

/** No release to look at. */
export class ReleaseNotFound extends Schema.TaggedError<ReleaseNotFound>()("ReleaseNotFound", { dir: Schema.String }) {
  static readonly code = "release-not-found"
  override get message() {
    return `${this.dir}: no latest.json; build a release first or name a release directory`
  }
}
