/**
 * The specs of the error classes `pipeline/Build.ts` still declares by hand (`StrictRejected`,
 * `NotReproducible`, and `LexiconLoadFailed`, which is `LexiconInvalid` under another name). Once
 * they move to `pipeline/release/errors.ts` each becomes `class X extends defineError<X>()("X",
 * fields, spec) {}` with the spec below, `LexiconLoadFailed` gives way to `LexiconInvalid`, and this
 * file goes. Until then a test renders each spec for its example and compares it with the class's
 * own message, so the two copies cannot drift.
 */

import { type ErrorSpec, renderMessage } from "../../schemas/ErrorSpec.js"
import { LexiconInvalid } from "../03-extract/lexicon/Lexicons.js"
import { LexiconLoadFailed, NotReproducible, StrictRejected } from "../Build.js"

/** A hand-declared error class, its spec, and one example message rendered both ways. */
export interface PendingError {
  readonly errorClass: { readonly name: string; readonly code: string }
  readonly spec: ErrorSpec<never>
  /** The example as the spec renders it, and as the class's own `message` getter does. */
  readonly rendered: string
  readonly classMessage: string
}

const pending = <A>(
  errorClass: (new (fields: A) => Error) & { readonly code: string },
  spec: ErrorSpec<A>,
  example: A
): PendingError => ({
  errorClass,
  spec: spec as ErrorSpec<never>,
  rendered: renderMessage(spec, example),
  classMessage: new errorClass(example).message
})

const strictRejected = pending<{ readonly count: number }>(
  StrictRejected,
  {
    code: "strict-rejected",
    stage: "build",
    effect: "build stops",
    message: "{count} source(s) rejected and --strict is set",
    remedy: "Fix or remove the rejected sources (listed above with their codes)."
  },
  { count: 2 }
)

const notReproducible = pending<{ readonly dir: string; readonly files: ReadonlyArray<string> }>(
  NotReproducible,
  {
    code: "not-reproducible",
    stage: "verify",
    effect: "command fails",
    message:
      "{dir}: {count} file(s) differ from a rebuild from the sources and code in this repository: {list} (edited by hand, or sources/code changed without rebuilding dist/)",
    derive: (e) => ({ count: e.files.length, list: e.files.join(", ") }),
    remedy: "Undo hand edits in dist/, or rebuild after changing sources, lexicons or code."
  },
  { dir: "dist/1.0.0", files: ["data/entities.csv", "manifest.json"] }
)

// the same failure as LexiconInvalid: Build.ts re-wraps it; after the move it fails with LexiconInvalid itself
const lexiconLoadFailed = pending(LexiconLoadFailed, LexiconInvalid.spec, {
  file: "pipeline/lexicons/cues.v1.jsonl",
  line: 3,
  detail: "bad entry"
})

/** Every hand-declared error class with its spec. */
export const PENDING: ReadonlyArray<PendingError> = [strictRejected, notReproducible, lexiconLoadFailed]
