/** Row contract of the `sources` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { sourcesTable } from "./Tables.js"

/** One row of the published table. */
export class Source extends Schema.Class<Source>("Source")(fieldsOf(sourcesTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
