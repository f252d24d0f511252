/**
 * Figures of the `eval` report: precision / recall / F1 from match counts (micro-averaged over
 * articles) and accuracies of event attributes on matched events.
 */
import type { GoldEvent } from "../../schemas/Gold.js"
import type { MatchResult } from "./match.js"
import type { PredEvent } from "./types.js"

/** Match counts: true positives, false positives (unmatched predictions), misses (unmatched gold). */
export interface Counts {
  readonly tp: number
  readonly fp: number
  readonly fn: number
}

/** Counts with their precision, recall and F1. */
export interface Scores extends Counts {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

/** An accuracy with the counts behind it. */
export interface Accuracy {
  readonly correct: number
  readonly total: number
  readonly accuracy: number
}

/**
 * Accuracies of the attributes of matched events. `date` and `date_precision` are measured on the
 * matched events the gold dates; `undated` on those it leaves undated (correct: no date predicted
 * either), so a pipeline that dates nothing does not score on the undated ones.
 */
export interface EventAttributeAccuracies {
  readonly type: Accuracy
  readonly date: Accuracy
  readonly date_precision: Accuracy
  readonly undated: Accuracy
  readonly modality: Accuracy
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d)

/** Counts of one match result. */
export const countsOf = <P, G>(m: MatchResult<P, G>): Counts => ({
  tp: m.matched.length,
  fp: m.unmatchedPred.length,
  fn: m.unmatchedGold.length
})

/** Sum of counts (micro-averaging: add counts over articles, then score). */
export const sumCounts = (cs: ReadonlyArray<Counts>): Counts =>
  cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0
  })

/** P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2PR/(P+R); any 0/0 is reported as 0 (the counts show it). */
export const score = (c: Counts): Scores => {
  const precision = ratio(c.tp, c.tp + c.fp)
  const recall = ratio(c.tp, c.tp + c.fn)
  return {
    ...c,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall)
  }
}

/** An accuracy; 0/0 is reported as 0. */
export const accuracy = (correct: number, total: number): Accuracy => ({
  correct,
  total,
  accuracy: ratio(correct, total)
})

const DATE_LENGTH = { year: 4, month: 7, day: 10 } as const
/** Length of the ISO prefix a partial date has at its own shape (YYYY / YYYY-MM / YYYY-MM-DD). */
const dateLength = (d: string): number => (d.length >= 10 ? 10 : d.length >= 7 ? 7 : 4)

/**
 * Date correctness of a gold event that has a date: the predicted date must be at least as
 * precise as the gold date (a YYYY-MM prediction for a YYYY-MM-DD gold is wrong) and, truncated
 * to the gold precision (4, 7 or 10 characters; for precision "unknown" the gold string's own
 * shape), equal the gold date — the independent scorer's "starts with the gold date". For a gold
 * event without a date: correct iff no date is predicted (reported apart, as `undated`).
 */
export const dateCorrect = (pred: string | null, gold: GoldEvent): boolean => {
  if (gold.date === null) return pred === null
  if (pred === null) return false
  const len = gold.date_precision === "unknown" ? dateLength(gold.date) : DATE_LENGTH[gold.date_precision]
  return dateLength(pred) >= len && pred.slice(0, len) === gold.date.slice(0, len)
}

/** Per matched event: [type, date, date_precision, modality] correct? */
export const attributeChecks = (pred: PredEvent, gold: GoldEvent): readonly [boolean, boolean, boolean, boolean] => [
  pred.type === gold.type,
  dateCorrect(pred.date, gold),
  pred.precision === gold.date_precision,
  pred.modality === gold.modality
]

/** Attribute accuracies over matched event pairs (of all articles). */
export const attributeAccuracies = (
  pairs: ReadonlyArray<{ readonly pred: PredEvent; readonly gold: GoldEvent }>
): EventAttributeAccuracies => {
  const all = pairs.map((p) => ({
    dated: p.gold.date !== null,
    checks: attributeChecks(p.pred, p.gold)
  }))
  const dated = all.filter((x) => x.dated)
  const undated = all.filter((x) => !x.dated)
  const at = (xs: typeof all, i: number) => accuracy(xs.filter((x) => x.checks[i]).length, xs.length)
  return {
    type: at(all, 0),
    date: at(dated, 1),
    date_precision: at(dated, 2),
    undated: at(undated, 1),
    modality: at(all, 3)
  }
}
