/**
 * Runs the event rules' corpus (events.corpus.json): handmade phrasings, each naming an event it must
 * yield (type, trigger lemma, actors and targets by canonical name, evidence quote, modality), and
 * negatives naming events they must not yield.
 */
import { describe, expect, it } from "vitest"
import { extractPhrasing, type RuleCorpus, readCorpus, thinGroups } from "../lib/ruleCorpus.js"

interface Expected {
  readonly type: string
  readonly trigger?: string
  readonly actors?: ReadonlyArray<string>
  readonly targets?: ReadonlyArray<string>
  readonly quote?: string
  readonly modality?: string
}
const corpus = readCorpus<RuleCorpus<Expected>>(new URL("./events.corpus.json", import.meta.url))

interface Found {
  readonly type: string
  readonly trigger: string
  readonly actors: ReadonlyArray<string>
  readonly targets: ReadonlyArray<string>
  readonly quotes: ReadonlyArray<string>
  readonly modality: string
}

/** The events of a text with participants by canonical name. */
const eventsOf = (text: string): Array<Found> => {
  const x = extractPhrasing(text)
  const name = new Map(x.entities.map((e) => [e.key, e.name]))
  return x.events.map((e) => ({
    type: e.type,
    trigger: e.trigger,
    actors: e.participants.filter((p) => p.role === "actor").map((p) => name.get(p.key)!),
    targets: e.participants.filter((p) => p.role !== "actor").map((p) => name.get(p.key)!),
    quotes: e.spans.map((s) => s.quote),
    modality: e.modality
  }))
}

const fits = (f: Found, x: Expected): boolean =>
  f.type === x.type &&
  (x.trigger === undefined || f.trigger === x.trigger) &&
  (x.actors ?? []).every((a) => f.actors.includes(a)) &&
  (x.targets ?? []).every((t) => f.targets.includes(t)) &&
  (x.quote === undefined || f.quotes.includes(x.quote)) &&
  (x.modality === undefined || f.modality === x.modality)

describe("event rules corpus", () => {
  it("has at least five phrasings and two negatives per group", () => {
    expect(
      thinGroups(
        corpus.groups.map((g) => ({
          rule: g.rule,
          fire: g.phrasings.length,
          notFire: (g.negatives ?? []).length
        }))
      )
    ).toEqual([])
  })
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      for (const p of g.phrasings)
        it(`yields: ${p.text}`, () => {
          const found = eventsOf(p.text)
          for (const x of p.expect)
            expect(
              found.some((f) => fits(f, x)),
              `${JSON.stringify(x)} in ${JSON.stringify(found)}`
            ).toBe(true)
        })
      for (const n of g.negatives ?? [])
        it(`not: ${n.text}`, () => {
          const found = eventsOf(n.text)
          for (const x of n.reject)
            expect(
              found.some((f) => fits(f, x)),
              `${JSON.stringify(x)} in ${JSON.stringify(found)}`
            ).toBe(false)
        })
    })
  }
})
