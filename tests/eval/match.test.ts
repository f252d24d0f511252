import { describe, expect, it } from "vitest"
import { type MatchResult, matchEntities, matchEvents, matchRelations } from "../../pipeline/eval/match.js"
import { attributeAccuracies, countsOf, score } from "../../pipeline/eval/metrics.js"
import { quoteSpan } from "../../pipeline/eval/spans.js"
import type { PredictedDoc } from "../../pipeline/eval/types.js"
import { gold, kazakhstan, predicted, rubio, TEXT, tokayev, usa } from "./handmade.js"

const counts = <P, G>(m: MatchResult<P, G>): ReadonlyArray<number> => {
  const c = countsOf(m)
  return [c.tp, c.fp, c.fn]
}
const only = (p: Partial<PredictedDoc>): PredictedDoc => ({
  ...predicted,
  entities: [],
  events: [],
  relations: [],
  ...p
})

describe("entities", () => {
  it("handmade article: TP 2, FP 1, FN 2 (P = 2/3, R = 2/4)", () => {
    const m = matchEntities(predicted, gold)
    const s = score(countsOf(m))
    expect([s.tp, s.fp, s.fn, s.precision, s.recall]).toEqual([2, 1, 2, 2 / 3, 2 / 4])
    expect(m.matched.map((x) => [x.pred.id, x.gold.name])).toEqual([
      ["ent_rubio", "Marco Rubio"],
      ["ent_tokayev", "Kassym-Jomart Tokayev"]
    ])
    expect(m.unmatchedPred.map((p) => [p.id, p.type])).toEqual([["ent_astana", "country"]])
    expect(m.unmatchedGold.map((g) => g.name)).toEqual(["Astana", "Kazakhstan"])
  })

  it("two predictions for one gold: 1 TP, 1 FP, the one whose canonical name is the gold name wins", () => {
    const exact = {
      id: "z-marco",
      name: "Marco Rubio",
      type: "person" as const,
      aliases: []
    }
    const m = matchEntities(only({ entities: [rubio, exact] }), gold)
    expect(m.matched.map((x) => [x.pred.id, x.gold.name])).toEqual([["z-marco", "Marco Rubio"]])
    expect(counts(m)).toEqual([1, 1, 3])
  })

  it("type disagreement: no match", () => {
    const m = matchEntities(only({ entities: [{ ...rubio, type: "organization" }] }), gold)
    expect(counts(m)).toEqual([0, 1, 4])
  })
})

describe("events", () => {
  it("handmade article: TP 3, FP 1, FN 0, and the attribute accuracies (dates on dated gold, undated apart)", () => {
    const m = matchEvents(predicted, gold)
    expect(m.matched.map((x) => [x.pred.id, x.gold.id])).toEqual([
      ["p1", "e1"],
      ["p3", "e2"],
      ["p4", "e3"]
    ])
    expect(m.unmatchedPred.map((p) => p.id)).toEqual(["p2"])
    expect(m.unmatchedGold.map((g) => g.id)).toEqual([])
    const a = attributeAccuracies(m.matched)
    expect([a.type, a.date, a.date_precision, a.undated, a.modality].map((x) => [x.correct, x.total])).toEqual([
      [2, 3],
      [1, 2],
      [0, 2],
      [1, 1],
      [2, 3]
    ])
  })

  it("a participant named by the gold and predicted in the article must be shared", () => {
    // with Kazakhstan predicted in the article, p4 (United States only) no longer pairs with e3
    const m = matchEvents({ ...predicted, entities: [...predicted.entities, kazakhstan] }, gold)
    expect([m.matched.map((x) => x.pred.id), m.unmatchedPred.map((p) => p.id)]).toEqual([
      ["p1", "p3"],
      ["p2", "p4"]
    ])
  })

  it("converts the gold quote's UTF-16 index to code points", () => {
    const q = "Marco Rubio met"
    expect([TEXT.indexOf(q), quoteSpan(TEXT, q)]).toEqual([24, { start: 22, end: 37 }])
    expect(quoteSpan(TEXT, "not in the text")).toBeNull()
    // [22, 24) overlaps the code-point span of e1 but not its raw UTF-16 span [24, ...)
    const tiny = { ...predicted.events[0]!, spans: [{ start: 22, end: 24 }] }
    expect(matchEvents(only({ events: [tiny] }), gold).matched.map((x) => [x.pred.id, x.gold.id])).toEqual([
      ["p1", "e1"]
    ])
  })

  it("overlapping span without a matching participant: no match", () => {
    const noOne = {
      ...predicted.events[0]!,
      actors: [],
      targets: [{ id: "x", name: "Xi Jinping", type: "person" as const, aliases: [] }]
    }
    expect(counts(matchEvents(only({ events: [noOne], entities: predicted.entities }), gold))).toEqual([0, 1, 3])
  })

  it("the location counts as a participant and gold names use the gold aliases", () => {
    const kz = {
      id: "k",
      name: "Kazakh",
      type: "country" as const,
      aliases: []
    }
    const located = { ...predicted.events[3]!, actors: [], location: kz }
    expect(counts(matchEvents(only({ events: [located] }), gold))).toEqual([1, 0, 2])
  })

  it("type never decides a pair: the longer overlap wins whatever its type (type is scored after)", () => {
    // both overlap e1 and share Rubio; the long statement span beats the short meeting span
    const longStatement = {
      ...predicted.events[0]!,
      id: "b-long",
      type: "statement" as const
    }
    const shortMeeting = {
      ...predicted.events[1]!,
      id: "a-short",
      type: "meeting" as const
    }
    const m = matchEvents(
      only({
        events: [longStatement, shortMeeting],
        entities: predicted.entities
      }),
      gold
    )
    expect([m.matched.map((x) => [x.pred.id, x.gold.id]), counts(m)]).toEqual([[["b-long", "e1"]], [1, 1, 2]])
    expect(attributeAccuracies(m.matched).type).toEqual({
      correct: 0,
      total: 1,
      accuracy: 0
    })
  })

  it("lists gold events whose quote is not in the text", () => {
    const m = matchEvents(only({ text: "something else entirely" }), gold)
    expect([m.unlocated.map((g) => g.id), counts(m)]).toEqual([
      ["e1", "e2", "e3"],
      [0, 0, 3]
    ])
  })
})

describe("relations", () => {
  it("handmade article: TP 1, FP 1, FN 1", () => {
    const m = matchRelations(predicted, gold)
    expect(m.matched.map((x) => [x.pred.id, x.gold.subject, x.gold.predicate])).toEqual([
      ["r1", "Kassym-Jomart Tokayev", "holds_position"]
    ])
    expect(counts(m)).toEqual([1, 1, 1])
  })

  it("partner_of matches in either direction; other predicates do not", () => {
    const goldPartner = {
      ...gold,
      relations: [
        {
          subject: "Kazakhstan",
          predicate: "partner_of" as const,
          object: "United States",
          quote: "a deal with Kazakhstan"
        }
      ]
    }
    const swapped = {
      id: "r7",
      predicate: "partner_of" as const,
      subject: usa,
      object: kazakhstan,
      role: null
    }
    expect(counts(matchRelations(only({ relations: [swapped] }), goldPartner))).toEqual([1, 0, 0])
    const goldLocated = {
      ...gold,
      relations: [
        {
          subject: "Kazakhstan",
          predicate: "located_in" as const,
          object: "United States",
          quote: "a deal with Kazakhstan"
        }
      ]
    }
    expect(
      counts(
        matchRelations(
          only({
            relations: [{ ...swapped, predicate: "located_in" as const }]
          }),
          goldLocated
        )
      )
    ).toEqual([0, 1, 1])
  })

  it("subject must match too", () => {
    const wrong = { ...predicted.relations[0]!, id: "r9", subject: rubio }
    expect(counts(matchRelations(only({ relations: [wrong] }), gold))).toEqual([0, 1, 2])
    expect(tokayev.name).toBe("Kassym–Jomart Tokayev")
  })
})
