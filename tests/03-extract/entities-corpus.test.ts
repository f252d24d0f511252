/**
 * Runs the entity rules' corpus (entities.corpus.json): handmade phrasings with the names each
 * must yield as [surface, type] (a mention whose span quotes the surface, of that type), and
 * negatives with the [surface, type?] pairs they must not yield (any type when none is given).
 */
import { describe, expect, it } from "vitest"
import { extractPhrasing, type RuleCorpus, readCorpus, thinGroups } from "../lib/ruleCorpus.js"

type Pair = [surface: string, type?: string]
const corpus = readCorpus<RuleCorpus<Pair>>(new URL("./entities.corpus.json", import.meta.url))

/** The mentions of a text as [surface, type]. */
const mentionsOf = (text: string): Array<[string, string]> =>
  extractPhrasing(text).mentions.map((m) => [m.span.quote, m.type])
const has = (found: ReadonlyArray<[string, string]>, p: Pair) =>
  found.some(([q, t]) => q === p[0] && (p[1] === undefined || t === p[1]))

describe("entity rules corpus", () => {
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      it("has at least five phrasings and two negatives", () => {
        expect(
          thinGroups([
            {
              rule: g.rule,
              fire: g.phrasings.length,
              notFire: (g.negatives ?? []).length
            }
          ])
        ).toEqual([])
      })
      for (const p of g.phrasings)
        it(`yields: ${p.text}`, () => {
          const found = mentionsOf(p.text)
          for (const x of p.expect) expect(has(found, x), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(true)
        })
      for (const n of g.negatives ?? [])
        it(`not: ${n.text}`, () => {
          const found = mentionsOf(n.text)
          for (const x of n.reject)
            expect(has(found, x), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(false)
        })
    })
  }
})
