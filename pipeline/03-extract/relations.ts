/**
 * Relations stated in a clause, by predicate family (relations/*.ts): positions named by titles,
 * membership and formats, partnerships, regions and their states, numbered groups of a region's
 * states, places and resources. Pure: a document and its mentions in, relations out.
 */
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import { makeContext, type FoundRelation } from "./relations/context.js"
import { groupRelations } from "./relations/groups.js"
import { membershipRelations } from "./relations/membership.js"
import { partnerRelations } from "./relations/partners.js"
import { placeRelations } from "./relations/places.js"
import { positionRelations } from "./relations/positions.js"
import { regionRelations } from "./relations/regions.js"

export type { FoundRelation } from "./relations/context.js"

/** Find relations in a document given its mentions. */
export const findRelations = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<FoundRelation> => {
  const ctx = makeContext(doc, mentions)
  return [
    ...positionRelations(ctx),
    ...placeRelations(ctx),
    ...membershipRelations(ctx),
    ...partnerRelations(ctx),
    ...regionRelations(ctx),
    ...groupRelations(ctx)
  ]
}
