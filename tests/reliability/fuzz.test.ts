/**
 * Property tests over generated articles: extraction never throws, every span re-slices to its
 * quote in code points, output is stable under re-running, and resolution does not depend on the
 * order in which articles are given. (`npm run reliability` runs 10,000 articles.)
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { inferredMeta } from "../../pipeline/01-ingest/sourceMeta.js"
import { normalise } from "../../pipeline/02-normalise/Normalise.js"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { resolve } from "../../pipeline/04-resolve/Resolve.js"
import { articleArb } from "../../pipeline/reliability/generate.js"
import { sha256 } from "../../pipeline/shared/hash.js"
import { deriveId } from "../../schemas/ids.js"

const lex = loadLexicons()
const published = { value: "2025-11-06", precision: "day" as const }
const spansOk = (text: string, x: ReturnType<typeof extractArticle>) => {
  const cps = [...text]
  const all = [
    ...x.mentions.map((m) => m.span),
    ...x.events.flatMap((e) => [...e.spans, ...e.participants.map((p) => p.span)]),
    ...x.relations.map((r) => r.span)
  ]
  return all.every(
    (s) => s.start >= 0 && s.end <= cps.length && s.start < s.end && cps.slice(s.start, s.end).join("") === s.quote
  )
}
const ingested = (text: string) => {
  const textSha256 = sha256(text)
  return {
    file: `${textSha256.slice(0, 8)}.txt`,
    sourceId: deriveId("src", textSha256),
    rawSha256: textSha256,
    textSha256,
    text,
    meta: {
      ...inferredMeta,
      published: "2025-11-06",
      publishedPrecision: "day" as const
    }
  }
}

describe("fuzzed extraction", () => {
  it("never throws, spans re-slice, re-runs agree", () => {
    fc.assert(
      fc.property(articleArb(lex), (text) => {
        const a = extractArticle({ sourceId: "src_0000000000000000", text, published }, lex)
        const b = extractArticle({ sourceId: "src_0000000000000000", text, published }, lex)
        expect(spansOk(text, a)).toBe(true)
        expect(JSON.stringify(b)).toBe(JSON.stringify(a))
      }),
      { numRuns: 300, seed: 20251106 }
    )
  })

  it("resolution is independent of the order of articles", () => {
    fc.assert(
      fc.property(fc.array(articleArb(lex), { minLength: 2, maxLength: 4 }), (texts) => {
        const inputs = [...new Map(texts.map((t) => [t, t])).values()].map((t) => {
          const source = normalise(ingested(t))
          return {
            source,
            extraction: extractArticle(
              {
                sourceId: source.sourceId,
                text: source.text,
                published: source.published
              },
              lex
            )
          }
        })
        const fwd = resolve(inputs, (id) => `texts/${id}.txt`)
        const rev = resolve([...inputs].reverse(), (id) => `texts/${id}.txt`)
        expect(JSON.stringify(rev)).toBe(JSON.stringify(fwd))
      }),
      { numRuns: 60, seed: 20251106 }
    )
  })
})
