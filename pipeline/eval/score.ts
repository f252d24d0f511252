/** Score built tables against a gold folder, and render the figures for a release's card. */
import { Effect } from "effect"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { predictionsFromRelease } from "./fromRelease.js"
import { loadGold } from "./loadGold.js"
import { type EvalReport, evaluate } from "./report.js"

/** Evaluate release tables (with their texts by source id) against the gold files in `goldDir`. */
export const scoreTables = Effect.fn("Eval.score")(function* (
  tables: ReleaseTables,
  texts: ReadonlyMap<string, string>,
  goldDir: string,
  genres: ReadonlyMap<string, string> = new Map()
) {
  const gold = yield* loadGold(goldDir)
  return evaluate(
    predictionsFromRelease({ ...tables, evidence: [...tables.evidence] }, (s) => texts.get(s.source_id) ?? ""),
    gold,
    { genres }
  )
})

const f3 = (x: number) => x.toFixed(3)

/** Markdown section of the dataset card with the release's own evaluation. */
export const qualityMarkdown = (r: EvalReport, goldNote: string): string => {
  const row = (name: string, s: EvalReport["tables"]["entities"]) =>
    `| ${name} | ${s.tp} | ${s.fp} | ${s.fn} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} |`
  const acc = (name: string, a: { correct: number; total: number; accuracy: number }) =>
    `| ${name} | ${a.correct} / ${a.total} | ${f3(a.accuracy)} |`
  const ea = r.events_attributes
  return `Measured against ${goldNote} (${r.per_doc.length} annotated articles), with the matching rules of the
repository's \`eval\` command (events paired with gold by span overlap and a shared participant only;
type, date and modality scored after); \`quality.json\` holds the same figures per article.

| table | tp | fp | fn | precision | recall | F1 |
| --- | --- | --- | --- | --- | --- | --- |
${row("entities", r.tables.entities)}
${row("events", r.tables.events)}
${row("relations", r.tables.relations)}
${row("entities, plain compromise NER (baseline)", r.baseline.entities)}

| event attribute (matched events) | correct | accuracy |
| --- | --- | --- |
${acc("type", ea.type)}
${acc("date (events the gold dates; right at the gold's precision)", ea.date)}
${acc("date precision (events the gold dates)", ea.date_precision)}
${acc("no date (events the gold leaves undated)", ea.undated)}
${acc("modality", ea.modality)}

These figures are measured on the articles the release was built from; expect lower figures on
articles of other kinds.`
}
