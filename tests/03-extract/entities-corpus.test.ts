/**
 * Runs the entity rules' corpus (entities.corpus.json): handmade phrasings with the names each
 * must yield as [surface, type] (a mention whose span quotes the surface, of that type), and
 * negatives with the [surface, type?] pairs they must not yield (any type when none is given).
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

type Pair = [surface: string, type?: string]
interface Corpus {
  readonly groups: ReadonlyArray<{
    readonly rule: string
    readonly phrasings: ReadonlyArray<{ readonly text: string; readonly expect: ReadonlyArray<Pair> }>
    readonly negatives: ReadonlyArray<{ readonly text: string; readonly reject: ReadonlyArray<Pair> }>
  }>
}

const corpus = JSON.parse(readFileSync(new URL("./entities.corpus.json", import.meta.url), "utf8")) as Corpus
const lex = loadLexicons()

/** The mentions of a text as [surface, type]. */
const mentionsOf = (text: string): Array<[string, string]> =>
  extractArticle({ sourceId: "src_test", text, published: { value: "2025-11-07", precision: "day" } }, lex).mentions.map((m) => [m.span.quote, m.type])
const has = (found: ReadonlyArray<[string, string]>, p: Pair) => found.some(([q, t]) => q === p[0] && (p[1] === undefined || t === p[1]))

describe("entity rules corpus", () => {
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      it("has at least five phrasings and two negatives", () => {
        expect([g.phrasings.length >= 5, g.negatives.length >= 2]).toEqual([true, true])
      })
      for (const p of g.phrasings)
        it(`yields: ${p.text}`, () => {
          const found = mentionsOf(p.text)
          for (const x of p.expect) expect(has(found, x), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(true)
        })
      for (const n of g.negatives)
        it(`not: ${n.text}`, () => {
          const found = mentionsOf(n.text)
          for (const x of n.reject) expect(has(found, x), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(false)
        })
    })
  }
})
