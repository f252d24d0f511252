/** The errors of publishing a release that are not a storage step's (those are 05-publish's). */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"

/** `build --strict` with rejected sources. */
export class StrictRejected extends defineError<StrictRejected>()(
  "StrictRejected",
  { count: Schema.Int },
  {
    code: "strict-rejected",
    stage: "build",
    effect: "build stops",
    message: "{count} source(s) rejected and --strict is set",
    remedy: "Fix or remove the rejected sources (listed above with their codes)."
  }
) {}

/** A release that does not rebuild to the same bytes. */
export class NotReproducible extends defineError<NotReproducible>()(
  "NotReproducible",
  { dir: Schema.String, files: Schema.Array(Schema.String) },
  {
    code: "not-reproducible",
    stage: "verify",
    effect: "command fails",
    message:
      "{dir}: {count} file(s) differ from a rebuild from the sources and code in this repository: {list} (edited by hand, or sources/code changed without rebuilding dist/)",
    derive: (e) => ({ count: e.files.length, list: e.files.join(", ") }),
    remedy: "Undo hand edits in dist/, or rebuild after changing sources, lexicons or code."
  }
) {}
