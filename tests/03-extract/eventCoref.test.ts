/**
 * Runs the event coreference corpus (eventCoref.corpus.json): handmade phrasings that tell one event
 * twice (they must yield it once, by the kept trigger) and phrasings that tell two events (both must stay).
 */
import { describe, expect, it } from "vitest"
import { extractPhrasing, readCorpus, thinGroups } from "../lib/ruleCorpus.js"

interface Kind {
  readonly type: string
  readonly trigger: string
}
interface Corpus {
  readonly groups: ReadonlyArray<{
    readonly rule: string
    readonly join: ReadonlyArray<{
      readonly text: string
      readonly keep: Kind
      readonly gone: ReadonlyArray<string>
    }>
    readonly apart: ReadonlyArray<{
      readonly text: string
      readonly expect: ReadonlyArray<Kind>
    }>
  }>
}

const corpus = readCorpus<Corpus>(new URL("./eventCoref.corpus.json", import.meta.url))

const eventsOf = (text: string): Array<Kind> =>
  extractPhrasing(text).events.map((e) => ({
    type: e.type,
    trigger: e.trigger
  }))

const has = (found: ReadonlyArray<Kind>, k: Kind) => found.some((f) => f.type === k.type && f.trigger === k.trigger)

describe("event coreference corpus", () => {
  it("has at least five phrasings that join and two that stay apart per group", () => {
    expect(
      thinGroups(
        corpus.groups.map((g) => ({
          rule: g.rule,
          fire: g.join.length,
          notFire: g.apart.length
        }))
      )
    ).toEqual([])
  })
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      for (const p of g.join)
        it(`one event: ${p.text}`, () => {
          const found = eventsOf(p.text)
          expect(has(found, p.keep), JSON.stringify(found)).toBe(true)
          expect(
            found.filter((f) => p.gone.includes(f.trigger)),
            JSON.stringify(found)
          ).toEqual([])
        })
      for (const p of g.apart)
        it(`two events: ${p.text}`, () => {
          const found = eventsOf(p.text)
          for (const k of p.expect) expect(has(found, k), `${JSON.stringify(k)} in ${JSON.stringify(found)}`).toBe(true)
        })
    })
  }
})
