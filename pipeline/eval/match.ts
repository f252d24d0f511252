/**
 * One-to-one matching of the predictions for one article against its gold file, per table.
 * Each matcher returns the matched pairs plus the unmatched predictions (false positives) and
 * the unmatched gold rows (misses). Deterministic: gold in file order, predictions sorted by id.
 */
import type { GoldDocument, GoldEntity, GoldEvent, GoldRelation } from "../../schemas/Gold.js"
import type { EntityType } from "../../schemas/vocab.js"
import { fold, foldAll } from "./fold.js"
import { overlap, quoteSpan } from "./spans.js"
import type { PredEntity, PredEvent, PredictedDoc, PredRelation } from "./types.js"

/** Matched pairs and leftovers of one table in one article. */
export interface MatchResult<P, G> {
  readonly matched: ReadonlyArray<{ readonly pred: P; readonly gold: G }>
  readonly unmatchedPred: ReadonlyArray<P>
  readonly unmatchedGold: ReadonlyArray<G>
}

/** Event matching also lists the gold events whose quote is not found in the article text. */
export interface EventMatchResult extends MatchResult<PredEvent, GoldEvent> {
  readonly unlocated: ReadonlyArray<GoldEvent>
}

/** Whether a predicted entity type may match a gold entity type. */
export type TypesAgree = (pred: EntityType, gold: EntityType) => boolean

/** The default type rule: types must be equal. */
export const sameType: TypesAgree = (pred, gold) => pred === gold

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byId = <T extends { readonly id: string }>(xs: ReadonlyArray<T>): ReadonlyArray<T> =>
  [...xs].sort((a, b) => compare(a.id, b.id))
const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x))

/** Folds of a predicted entity: canonical name and aliases. */
export const predFolds = (e: PredEntity): ReadonlySet<string> => foldAll([e.name, ...e.aliases])

/** Folds of a gold name: the name plus the aliases of the gold entity of that name in the article. */
export const goldFolds = (gold: GoldDocument, name: string): ReadonlySet<string> => {
  const entity = gold.entities.find((e) => e.name === name)
  return foldAll(entity === undefined ? [name] : [name, ...entity.aliases])
}

const finish = <P extends { readonly id: string }, G>(
  preds: ReadonlyArray<P>,
  golds: ReadonlyArray<G>,
  matched: ReadonlyArray<{ readonly pred: P; readonly gold: G }>
): MatchResult<P, G> => {
  const usedPred = new Set(matched.map((m) => m.pred))
  const usedGold = new Set(matched.map((m) => m.gold))
  return {
    matched,
    unmatchedPred: preds.filter((p) => !usedPred.has(p)),
    unmatchedGold: golds.filter((g) => !usedGold.has(g))
  }
}

/**
 * Entities: a prediction matches a gold entity when a fold of its canonical name or aliases
 * equals a fold of the gold name or aliases, and `typesAgree(pred.type, gold.type)` (default:
 * equal types). One-to-one, greedy: gold in file order; for each, the unused candidate whose
 * folded canonical name equals the folded gold name wins, else the first candidate by id.
 */
export const matchEntities = (
  pred: PredictedDoc,
  gold: GoldDocument,
  typesAgree: TypesAgree = sameType
): MatchResult<PredEntity, GoldEntity> => {
  const preds = byId(pred.entities)
  const folds = new Map(preds.map((p) => [p, predFolds(p)] as const))
  const used = new Set<PredEntity>()
  const matched: Array<{ pred: PredEntity; gold: GoldEntity }> = []
  for (const g of gold.entities) {
    const gf = foldAll([g.name, ...g.aliases])
    const candidates = preds.filter((p) => !used.has(p) && typesAgree(p.type, g.type) && intersects(folds.get(p)!, gf))
    const best = candidates.find((p) => fold(p.name) === fold(g.name)) ?? candidates[0]
    if (best !== undefined) {
      used.add(best)
      matched.push({ pred: best, gold: g })
    }
  }
  return finish(preds, gold.entities, matched)
}

/** Everyone taking part in a predicted event: actors, targets, participants and the location. */
const eventPeople = (e: PredEvent): ReadonlyArray<PredEntity> => [
  ...e.actors,
  ...e.targets,
  ...e.participants,
  ...(e.location === null ? [] : [e.location])
]

/**
 * Events, paired by where they are told and who takes part, never by an attribute that is
 * scored afterwards (type, date, modality): gold events in file order; for each, the unused
 * prediction whose evidence span in the article overlaps the gold quote's span most (quote
 * located with `text.indexOf(quote)`, its UTF-16 index converted to code points) and that shares
 * a participant with it: one of its actors, targets, participants or its location matches a gold
 * actor, target or the gold location by name/alias folds (gold names expanded with that gold
 * entity's aliases). When no gold participant names an entity predicted in the article, the
 * participant test is waived (the event is judged by its span alone; the entity table already
 * counts the missing names). Ties: the first prediction by id. This is the pairing of the
 * independent scorer (`../shared/tools/score`). Gold events whose quote is not found cannot match.
 */
export const matchEvents = (pred: PredictedDoc, gold: GoldDocument): EventMatchResult => {
  const preds = byId(pred.events)
  const people = new Map(preds.map((p) => [p, eventPeople(p).map(predFolds)] as const))
  const articleEntities = pred.entities.map(predFolds)
  const unlocated: Array<GoldEvent> = []
  const used = new Set<PredEvent>()
  const matched: Array<{ pred: PredEvent; gold: GoldEvent }> = []
  for (const g of gold.events) {
    const span = quoteSpan(pred.text, g.quote)
    if (span === null) {
      unlocated.push(g)
      continue
    }
    const gNames = [...g.actors, ...g.targets, ...(g.location === null ? [] : [g.location])].map((n) =>
      goldFolds(gold, n)
    )
    const anyPredicted = gNames.some((gf) => articleEntities.some((pf) => intersects(pf, gf)))
    let best: PredEvent | undefined
    let bestOverlap = 0
    for (const p of preds) {
      if (used.has(p)) continue
      const ov = Math.max(0, ...p.spans.map((s) => overlap(s, span)))
      if (ov <= bestOverlap) continue
      if (anyPredicted && !people.get(p)!.some((pf) => gNames.some((gf) => intersects(pf, gf)))) continue
      best = p
      bestOverlap = ov
    }
    if (best !== undefined) {
      used.add(best)
      matched.push({ pred: best, gold: g })
    }
  }
  return { ...finish(preds, gold.events, matched), unlocated }
}

const foldRole = (r: string | null | undefined): string => fold(r ?? "")

/** Predicates whose subject and object may be swapped (gold FORMAT.md: partner_of is country <-> country). */
export const SYMMETRIC_PREDICATES: ReadonlySet<string> = new Set(["partner_of"])

/**
 * Relations: a prediction matches a gold relation when the predicates are equal and both the
 * subject and the object match by name/alias folds (gold subject/object expanded with that gold
 * entity's aliases); for a symmetric predicate (partner_of) subject and object may be swapped.
 * One-to-one, greedy: gold in file order; among unused candidates one whose folded role equals
 * the gold role wins, else the first by id. The role is not required to match.
 */
export const matchRelations = (pred: PredictedDoc, gold: GoldDocument): MatchResult<PredRelation, GoldRelation> => {
  const preds = byId(pred.relations)
  const used = new Set<PredRelation>()
  const matched: Array<{ pred: PredRelation; gold: GoldRelation }> = []
  for (const g of gold.relations) {
    const sf = goldFolds(gold, g.subject)
    const of = goldFolds(gold, g.object)
    const ends = (p: PredRelation, a: ReadonlySet<string>, b: ReadonlySet<string>) =>
      intersects(predFolds(p.subject), a) && intersects(predFolds(p.object), b)
    const candidates = preds.filter(
      (p) =>
        !used.has(p) &&
        p.predicate === g.predicate &&
        (ends(p, sf, of) || (SYMMETRIC_PREDICATES.has(g.predicate) && ends(p, of, sf)))
    )
    const best = candidates.find((p) => foldRole(p.role) === foldRole(g.role)) ?? candidates[0]
    if (best !== undefined) {
      used.add(best)
      matched.push({ pred: best, gold: g })
    }
  }
  return finish(preds, gold.relations, matched)
}
