/**
 * The blocking index finds the clusters the scan over all candidate clusters found, on the seeds and on generated
 * articles.
 */

import { cpSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { clusterEvents, type Report } from "../../pipeline/04-resolve/mergeEvents.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { processSources } from "../../pipeline/run/articleStream.js"
import { compareStrings } from "../../pipeline/shared/compare.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"
import { clusterEventsAllPairs } from "./allPairs.js"

describe("event clustering", () => {
  it.effect(
    "is the same with the blocking index as with the scan",
    () =>
      Effect.gen(function* () {
        const dir = tmpDir("car-merge-")
        cpSync(join(repoRoot, "seeds"), dir, { recursive: true })
        writeCorpus(dir, 3, 150)
        const { inputs } = yield* processSources(dir, null, loadLexicons())
        const docs = [...inputs].sort(
          (a, b) =>
            compareStrings(a.source.published.value ?? "9999", b.source.published.value ?? "9999") ||
            compareStrings(a.source.sourceId, b.source.sourceId)
        )
        const reports: Array<Report> = []
        docs.forEach(({ source, extraction }, order) => {
          for (const mention of extraction.events) reports.push({ sourceId: source.sourceId, order, mention })
        })
        const ids = new Map(reports.map((r, i) => [r, i]))
        const shape = (cs: ReadonlyArray<{ reports: ReadonlyArray<Report>; conflict: boolean }>) =>
          cs.map((c) => `${c.conflict}:${c.reports.map((r) => ids.get(r)).join(",")}`)
        expect(reports.length).toBeGreaterThan(2000)
        expect(shape(clusterEvents(reports))).toEqual(shape(clusterEventsAllPairs(reports)))
      }).pipe(Effect.provide(NodeContext.layer)),
    120_000
  )
})
