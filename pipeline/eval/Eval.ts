/**
 * The eval shell: build (in memory) or read a release, turn it into per-article predictions,
 * run the plain compromise baseline on the same texts, and score both against a gold folder.
 */
import { Effect } from "effect"
import { buildTables, type Built } from "../Build.js"
import { readGenres } from "./genres.js"
import { scoreTables } from "./score.js"

/** Score a built release against gold annotations (genres by article file, for the per-genre figures). */
export const scoreBuilt = (built: Built, goldDir: string, genres: ReadonlyMap<string, string> = new Map()) =>
  scoreTables(built.tables, built.texts, goldDir, genres)

/** Build the sources in memory and score them; genres come from the folder's README.md table, if any. */
export const runEval = Effect.fn("Eval.run")(function* (sourcesDir: string, goldDir: string) {
  const built = yield* buildTables(sourcesDir)
  return yield* scoreBuilt(built, goldDir, readGenres(sourcesDir))
})
