/** Row contract of the `evidence` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { evidenceTable } from "./Tables.js"

/** One row of the published table. */
export class Evidence extends Schema.Class<Evidence>("Evidence")(fieldsOf(evidenceTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
