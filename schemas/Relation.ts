/** Row contract of the `relations` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { relationsTable } from "./Tables.js"

/** One row of the published table. */
export class Relation extends Schema.Class<Relation>("Relation")(fieldsOf(relationsTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
