/**
 * The release metadata that does not depend on its version: the quality report (quality.json and its README sections)
 * and the lineage fields.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect } from "effect"
import { codebook } from "../05-publish/codebook.js"
import { renderCodebook } from "../05-publish/codebookMarkdown.js"
import { loadRuleRegistry } from "../05-publish/ruleRegistry.js"
import { readCard, renderCard as renderQualityCard } from "../eval/card.js"
import { qualityMarkdown, scoreTables } from "../eval/score.js"
import type { Built } from "../run/tables.js"
import { timed } from "../run/timed.js"
import { stableStringify } from "../shared/stableJson.js"
import { noTimings, type Timings } from "../shared/timings.js"
import type { Previous } from "./base.js"

/** Everything but the version-dependent files: the quality report and the release metadata. */
export const releaseMeta = Effect.fn("Release.meta")(function* (
  sourcesDir: string,
  built: Built,
  previous: Previous | null,
  created: string,
  codeSha256: string,
  timings: Timings = noTimings
) {
  // the release's own evaluation, when the sources folder carries gold annotations (<sources>/gold)
  const goldDir = nodePath.join(sourcesDir, "gold")
  const own = fs.existsSync(goldDir)
    ? yield* timed(timings, "quality", scoreTables(built.tables, built.texts, goldDir))
    : null
  // the code's figures on every annotated corpus, as measured into the committed quality card
  const card = readCard()
  // the card's code hash is left out: the manifest's code_sha256 names the code, and a change of code that changes no
  // figure and no row (a refactoring) must not make the release differ from its rebuild
  const corpora =
    card === null ? null : { ...card, measured_with: { pipeline_version: card.measured_with.pipeline_version } }
  const qualityJson = own !== null || corpora !== null ? { this_release: own, corpora } : null
  // the codebook: the schemas and the rule registry, with this release's counts (it does not depend on the version)
  const book = codebook(built.tables, yield* loadRuleRegistry())
  const sections = [
    ...(card !== null
      ? [
          `### The extraction on every annotated corpus\n\nMeasured with this code on the seeds and on development corpora of other outlets and genres (annotated\nindependently of the pipeline), as a whole and per genre family, beside a plain compromise NER baseline.\n${card.matching}\n\n${renderQualityCard(card)}`
        ]
      : []),
    ...(own !== null
      ? [
          `### This release's sources\n\n${qualityMarkdown(own, "the gold annotations kept with the sources it was built from (not part of this release)")}`
        ]
      : [])
  ]
  return {
    previousVersion: previous?.version ?? null,
    created,
    lexiconHash: built.lexiconHash,
    codeSha256,
    lexicons: built.lexicons,
    rejected: built.rejected,
    texts: built.texts,
    extra: new Map<string, Uint8Array>([
      ["CODEBOOK.md", new TextEncoder().encode(renderCodebook(book))],
      ["codebook.json", new TextEncoder().encode(stableStringify(book))],
      ...(qualityJson ? [["quality.json", new TextEncoder().encode(stableStringify(qualityJson))] as const] : [])
    ]),
    ...(sections.length > 0 ? { quality: sections.join("\n\n") } : {})
  }
})

/** The metadata of a release. */
export type ReleaseMeta = Effect.Effect.Success<ReturnType<typeof releaseMeta>>
