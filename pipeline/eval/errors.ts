/** Errors of the `eval` command. */
import { Schema } from "effect"

// == errors

/** A gold file that is not JSON, does not decode as schemas/Gold.ts, or names another doc. */
export class GoldFileInvalid extends Schema.TaggedError<GoldFileInvalid>()("GoldFileInvalid", {
  code: Schema.optionalWith(Schema.Literal("gold-file-invalid"), {
    default: () => "gold-file-invalid" as const
  }),
  file: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `gold file ${this.file} is invalid: ${this.detail}`
  }
}

/** Every error `eval` can fail with. */
export type EvalError = GoldFileInvalid
