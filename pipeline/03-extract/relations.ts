/**
 * Relations stated in a clause, by predicate family and construction (relations/*.ts): positions
 * named by titles and by appointment verbs, membership (joining, member nouns and lists, groups
 * described by their members, formats and their meetings), partnerships, regions and their states,
 * numbered and counted groups of states, places, resources and bylines. Each rule has a paraphrase
 * corpus (tests/03-extract/relations.*.corpus.json). Pure: a document and its mentions in, relations out.
 */
import { type Doc, heldAt } from "./doc.js"
import type { Mention } from "./entities.js"
import { appointmentRelations } from "./relations/appointments.js"
import { bylineRelations, worksForRelations } from "./relations/bylines.js"
import { type FoundRelation, gazMention, makeContext, type RelContext } from "./relations/context.js"
import { countedGroupRelations, groupRelations } from "./relations/groups.js"
import { memberListRelations } from "./relations/memberLists.js"
import { membershipRelations } from "./relations/membership.js"
import { partnerRelations } from "./relations/partners.js"
import { placeRelations } from "./relations/places.js"
import { positionRelations } from "./relations/positions.js"
import { regionRelations } from "./relations/regions.js"
import { resourceRelations } from "./relations/resources.js"

export type { FoundRelation } from "./relations/context.js"

/** Find relations in a document given its mentions. */
export const findRelations = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<FoundRelation> => {
  const ctx = makeContext(doc, mentions)
  const positions = positionRelations(ctx)
  // the state a person holds office in, as this article states it
  const offices = new Map<string, Mention>()
  for (const r of positions)
    if (r.predicate === "holds_position" && r.object.type === "country" && !offices.has(r.subject.key))
      offices.set(r.subject.key, r.object)
  const all = [
    ...positions,
    ...appointmentRelations(ctx),
    ...placeRelations(ctx),
    ...resourceRelations(ctx),
    ...membershipRelations(ctx),
    ...memberListRelations(ctx),
    ...partnerRelations(ctx, (m) => offices.get(m.key) ?? officeInGazetteer(ctx, m)),
    ...regionRelations(ctx),
    ...groupRelations(ctx),
    ...countedGroupRelations(ctx),
    ...bylineRelations(ctx),
    ...worksForRelations(ctx)
  ]
  // one relation per statement: rules that read the same words agree on it once
  const seen = new Set<string>()
  return all.filter((r) => {
    const k = [r.predicate, r.subject.key, r.object.key, r.role, r.start, r.end].join("\u0000")
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** The state a gazetteer person holds office in at the article's date, if any. */
const officeInGazetteer = (ctx: RelContext, m: Mention): Mention | null => {
  const p = (m.gaz?.positions ?? []).find((p) => p.of.startsWith("country:") && heldAt(ctx.doc, p))
  return p ? gazMention(ctx, p.of) : null
}
