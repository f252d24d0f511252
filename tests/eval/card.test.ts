/**
 * The committed quality card (pipeline/eval/quality-card.json) must be of this code: measured with
 * the code and lexicons in the tree, shown as is in the README, and — where the annotated corpora
 * are present — equal to a fresh measurement. Run `npm run pipeline -- card --write` after changing
 * the extraction.
 */

import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { replaceBetween } from "../../pipeline/docs/tablesDoc.js"
import { CARD_PATH, cardJson, DEFAULT_CORPORA, readCard, renderCard } from "../../pipeline/eval/card.js"
import { measureCard } from "../../pipeline/eval/Eval.js"
import { codeSha256 } from "../../pipeline/shared/codeHash.js"
import { repoRoot } from "../lib/tmp.js"

const card = readCard()
const REMEDY = "run `npm run pipeline -- card --write` and commit pipeline/eval/quality-card.json and README.md"

describe("the quality card", () => {
  it("exists and covers the seeds at least", () => {
    expect(card, REMEDY).not.toBeNull()
    expect(card!.corpora.map((c) => c.corpus)).toContain("seeds")
  })

  it("was measured with the code and lexicons of this tree", () => {
    expect(card!.measured_with.code_hash, REMEDY).toBe(codeSha256())
  })

  it("is the README's quality table", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
    expect(replaceBetween(readme, "quality", renderCard(card!)), REMEDY).toBe(readme)
  })

  const present = DEFAULT_CORPORA.filter((c) => existsSync(join(repoRoot, c, "gold")))
  // live: a build reads the clock ("today", for future publication dates)
  it.live.runIf(present.length === DEFAULT_CORPORA.length)(
    "equals a fresh measurement on the corpora (when they are here)",
    () =>
      Effect.gen(function* () {
        const { card: fresh } = yield* measureCard(DEFAULT_CORPORA).pipe(Effect.provide(NodeContext.layer))
        expect(cardJson(fresh), REMEDY).toBe(readFileSync(CARD_PATH, "utf8"))
      }),
    180_000
  )
})
