/** Errors of the `eval` command, each declared once with its spec (schemas/ErrorSpec.ts). */
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"

// == errors

/** A gold file that is not JSON, does not decode as schemas/Gold.ts, or names another doc. */
export class GoldFileInvalid extends defineError<GoldFileInvalid>()(
  "GoldFileInvalid",
  { file: Schema.String, detail: Schema.String },
  {
    code: "gold-file-invalid",
    stage: "eval",
    effect: "command fails",
    message: "gold file {file} is invalid: {detail}",
    remedy: "Fix the gold file (format: seeds/gold/FORMAT.md)."
  }
) {}

/** Every error `eval` can fail with. */
export type EvalError = GoldFileInvalid
