/**
 * The eval shell: build (in memory) or read a release, turn it into per-article predictions,
 * run the plain compromise baseline on the same texts, and score both against a gold folder.
 */
import { Effect } from "effect"
import { buildTables, type Built } from "../Build.js"
import { scoreTables } from "./score.js"

/** Score a built release against gold annotations. */
export const scoreBuilt = (built: Built, goldDir: string) => scoreTables(built.tables, built.texts, goldDir)

/** Build the sources in memory and score them. */
export const runEval = Effect.fn("Eval.run")(function* (sourcesDir: string, goldDir: string) {
  const built = yield* buildTables(sourcesDir)
  return yield* scoreBuilt(built, goldDir)
})
