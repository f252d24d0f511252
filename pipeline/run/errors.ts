/** The errors of a run that are not an article's own (those are 01-ingest's). */
import { Schema } from "effect"

/** Lexicons failed to load: the build cannot run. */
export class LexiconLoadFailed extends Schema.TaggedError<LexiconLoadFailed>()("LexiconLoadFailed", {
  file: Schema.String,
  line: Schema.Int,
  detail: Schema.String
}) {
  static readonly code = "lexicon-invalid"
  override get message() {
    return `${this.file}:${this.line}: ${this.detail}`
  }
}
