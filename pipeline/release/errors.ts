/** The errors of publishing a release that are not a storage step's (those are 05-publish's). */
import { Schema } from "effect"

/** `build --strict` with rejected sources. */
export class StrictRejected extends Schema.TaggedError<StrictRejected>()("StrictRejected", { count: Schema.Int }) {
  static readonly code = "strict-rejected"
  override get message() {
    return `${this.count} source(s) rejected and --strict is set`
  }
}

/** A release that does not rebuild to the same bytes. */
export class NotReproducible extends Schema.TaggedError<NotReproducible>()("NotReproducible", {
  dir: Schema.String,
  files: Schema.Array(Schema.String)
}) {
  static readonly code = "not-reproducible"
  override get message() {
    return `${this.dir}: ${this.files.length} file(s) differ from a rebuild from the sources and code in this repository: ${this.files.join(", ")} (edited by hand, or sources/code changed without rebuilding dist/)`
  }
}
