/**
 * The eval shell: build (in memory) or read a release, turn it into per-article predictions,
 * run the plain compromise baseline on the same texts, and score both against a gold folder.
 */
import { Effect } from "effect"
import { buildTables, type Built } from "../Build.js"
import { predictionsFromRelease } from "./fromRelease.js"
import { loadGold } from "./loadGold.js"
import { evaluate } from "./report.js"

/** Score a built release against gold annotations. */
export const scoreBuilt = Effect.fn("Eval.score")(function* (built: Built, goldDir: string) {
  const gold = yield* loadGold(goldDir)
  const t = built.tables
  const pred = predictionsFromRelease(t, (s) => built.texts.get(s.source_id) ?? "")
  return evaluate(pred, gold)
})

/** Build the sources in memory and score them. */
export const runEval = Effect.fn("Eval.run")(function* (sourcesDir: string, goldDir: string) {
  const built = yield* buildTables(sourcesDir)
  return yield* scoreBuilt(built, goldDir)
})
