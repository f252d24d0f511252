/** Row contract of the `entities` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { entitiesTable } from "./Tables.js"

/** One row of the published table. */
export class Entity extends Schema.Class<Entity>("Entity")(fieldsOf(entitiesTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
