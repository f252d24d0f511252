/**
 * The quality card: the `eval` figures of the current code on every annotated corpus (the seeds
 * and the development corpora), as a whole and per genre family, beside the compromise baseline.
 * `pipeline card --write` measures it into pipeline/eval/quality-card.json (committed: a release
 * is built from the seeds alone, so figures on other corpora must come from a measurement, not
 * from the build) and into the README; every release copies it into quality.json and its card.
 * The card names the hash of the code and lexicons it was measured with (shared/codeHash.ts, the hash a release
 * records); tests/eval/card.test.ts
 * fails when the code changed without measuring again, and re-measures when the corpora are here.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { stableStringify } from "../shared/stableJson.js"
import type { Accuracy, EventAttributeAccuracies, Scores } from "./metrics.js"
import type { EvalReport, GroupFigures } from "./report.js"

/** The repository root. */
export const ROOT = new URL("../../", import.meta.url).pathname

/** Where the committed card lives. */
export const CARD_PATH = join(ROOT, "pipeline", "eval", "quality-card.json")

/** The corpora measured by default, relative to the repository root (gold in `<corpus>/gold`). */
export const DEFAULT_CORPORA: ReadonlyArray<string> = ["seeds", "../shared/corpus/dev", "../shared/corpus/dev-b"]

/** A figure rounded for the card (counts stay exact). */
const r3 = (x: number): number => Math.round(x * 1000) / 1000
const scores = (s: Scores): Scores => ({
  ...s,
  precision: r3(s.precision),
  recall: r3(s.recall),
  f1: r3(s.f1)
})
const acc = (a: Accuracy): Accuracy => ({ ...a, accuracy: r3(a.accuracy) })
const attrs = (a: EventAttributeAccuracies): EventAttributeAccuracies => ({
  type: acc(a.type),
  date: acc(a.date),
  date_precision: acc(a.date_precision),
  undated: acc(a.undated),
  modality: acc(a.modality)
})
const group = (g: GroupFigures): GroupFigures => ({
  articles: g.articles,
  tables: {
    entities: scores(g.tables.entities),
    events: scores(g.tables.events),
    relations: scores(g.tables.relations)
  },
  events_attributes: attrs(g.events_attributes),
  baseline: { entities: scores(g.baseline.entities) }
})

/** The figures of one corpus. */
export interface CorpusFigures extends GroupFigures {
  /** The corpus folder's name ("seeds", "dev", "dev-b"). */
  readonly corpus: string
  /** Its path relative to the repository root. */
  readonly path: string
  readonly by_genre: ReadonlyArray<GroupFigures & { readonly genre: string }>
  readonly per_article: ReadonlyArray<{
    readonly doc: string
    readonly genre: string | null
    readonly entities_f1: number
    readonly events_f1: number
    readonly relations_f1: number
  }>
}

/** The card. */
export interface QualityCard {
  readonly description: string
  readonly matching: string
  readonly measured_with: {
    readonly pipeline_version: string
    readonly code_hash: string
  }
  readonly corpora: ReadonlyArray<CorpusFigures>
}

/** How gold and predictions are paired and scored, in words. */
export const MATCHING =
  "Entities: one-to-one, same type and a shared folded name or alias. Events: each gold event (in file order) takes" +
  " the unused predicted event whose evidence span overlaps its quote most and that shares a participant with it " +
  "(waived when no gold participant is predicted in the article); type, date and modality are scored after pairing," +
  " never used for it. Date: on the events the gold dates, right when the prediction is at least as precise and " +
  "agrees at the gold's precision; 'undated' is the share of the events the gold leaves undated that get no date. " +
  "Relations: same predicate, subject and object by folded names (partner_of either way). Baseline: compromise 14's" +
  " people, places and organizations on the same texts."

/** The card's figures of one evaluated corpus. */
export const corpusFigures = (corpus: string, path: string, r: EvalReport): CorpusFigures => ({
  corpus,
  path,
  ...group(r),
  by_genre: r.by_genre.map((g) => ({ genre: g.genre, ...group(g) })),
  per_article: r.per_doc.map((d) => ({
    doc: d.doc,
    genre: d.genre,
    entities_f1: r3(d.entities.f1),
    events_f1: r3(d.events.f1),
    relations_f1: r3(d.relations.f1)
  }))
})

/** The committed card, or null when there is none. */
export const readCard = (path: string = CARD_PATH): QualityCard | null =>
  existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as QualityCard) : null

/** The card as its file's bytes. */
export const cardJson = (card: QualityCard): string => stableStringify(card)

const f = (x: number): string => x.toFixed(3)

/** Markdown: one row per corpus and one per genre family within it. */
export const renderCard = (card: QualityCard): string => {
  const head =
    "| corpus | genre | articles | entities F1 (P / R) | events F1 (P / R) | relations F1 (P / R) | event type | " +
    "date | undated | modality | baseline entities F1 |\n" +
    "| --- | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
  const prf = (s: Scores) => `${f(s.f1)} (${f(s.precision)} / ${f(s.recall)})`
  const line = (corpus: string, genre: string, g: GroupFigures) => {
    const a = g.events_attributes
    return `| ${corpus} | ${genre} | ${g.articles} | ${prf(g.tables.entities)} | ${prf(g.tables.events)} | ${prf(g.tables.relations)} | ${f(a.type.accuracy)} | ${f(a.date.accuracy)} | ${f(a.undated.accuracy)} | ${f(a.modality.accuracy)} | ${f(g.baseline.entities.f1)} |`
  }
  const rows = card.corpora.flatMap((c) => [
    line(`**${c.corpus}**`, "**all**", c),
    ...(c.by_genre.length > 1 ? c.by_genre.map((g) => line(c.corpus, g.genre, g)) : [])
  ])
  return `${head}\n${rows.join("\n")}\n`
}
