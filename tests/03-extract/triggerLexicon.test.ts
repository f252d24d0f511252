/**
 * The generated trigger lexicon (pipeline/lexicons/triggers.wordnet.v1.jsonl) is exactly what its generator writes from
 * WordNet.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { TRIGGER_LEXICON, triggerLexiconText } from "../../pipeline/lexicons/generate/triggers.js"

describe("generated trigger lexicon", () => {
  it("the committed file equals a regeneration (npm run lexicons:triggers)", () => {
    expect(readFileSync(TRIGGER_LEXICON, "utf8") === triggerLexiconText()).toBe(true)
  }, 120_000)
})
