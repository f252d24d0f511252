/** Row contract of the `events` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { eventsTable } from "./Tables.js"

/** One row of the published table. */
export class Event extends Schema.Class<Event>("Event")(fieldsOf(eventsTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
