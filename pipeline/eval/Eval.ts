/**
 * The eval shell: build (in memory) or read a release, turn it into per-article predictions,
 * run the plain compromise baseline on the same texts, and score both against a gold folder.
 */

import { existsSync } from "node:fs"
import { basename, join, relative } from "node:path"
import { Effect } from "effect"
import { PIPELINE_VERSION } from "../../schemas/version.js"
import { type Built, buildTables } from "../run/tables.js"
import { codeSha256 } from "../shared/codeHash.js"
import { type CorpusFigures, corpusFigures, MATCHING, type QualityCard, ROOT } from "./card.js"
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

/** Build one corpus in memory and evaluate it against `<dir>/gold`. */
export const measureCorpus = Effect.fn("Eval.corpus")(function* (dir: string, root: string = ROOT) {
  const built = yield* buildTables(dir)
  const report = yield* scoreBuilt(built, join(dir, "gold"), readGenres(dir))
  return corpusFigures(basename(dir), relative(root, dir).split("\\").join("/") || ".", report)
})

/** Measure every corpus that is present (absent ones are skipped and named in `missing`). */
export const measureCard = Effect.fn("Eval.card")(function* (dirs: ReadonlyArray<string>, root: string = ROOT) {
  const present = dirs.map((d) => join(root, d)).filter((d) => existsSync(join(d, "gold")))
  const missing = dirs.filter((d) => !existsSync(join(root, d, "gold")))
  const corpora: Array<CorpusFigures> = []
  for (const d of present) corpora.push(yield* measureCorpus(d, root))
  const card: QualityCard = {
    description:
      "Extraction quality of this code on every annotated corpus, per corpus and per genre family, beside a plain compromise NER baseline; measured by `npm run pipeline -- card --write`.",
    matching: MATCHING,
    measured_with: {
      pipeline_version: PIPELINE_VERSION,
      code_hash: codeSha256(root)
    },
    corpora
  }
  return { card, missing }
})
