/** Row contract of the `participants` table (columns defined in Tables.ts). */
import { Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { participantsTable } from "./Tables.js"

/** One row of the published table. */
export class EventParticipant extends Schema.Class<EventParticipant>("EventParticipant")(fieldsOf(participantsTable)) {
  static readonly decode = Schema.decodeUnknown(this)
}
