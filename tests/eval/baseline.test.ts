import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { baselineEntities, baselineTypesAgree } from "../../pipeline/eval/baseline.js"
import { matchEntities } from "../../pipeline/eval/match.js"
import { countsOf } from "../../pipeline/eval/metrics.js"
import { GoldDocument } from "../../schemas/Gold.js"

const SEED = "000_d64e70e623de734b.txt"
const text = readFileSync(`/work/shared/seeds/${SEED}`, "utf8")
const gold = Schema.decodeUnknownSync(GoldDocument)(
  JSON.parse(readFileSync(`/work/shared/gold/seeds/${SEED}.gold.json`, "utf8"))
)

describe("compromise baseline", () => {
  const ents = baselineEntities(text)

  it("finds people on a real seed article, split at punctuation, honorifics dropped, deduplicated", () => {
    const people = ents.filter((e) => e.type === "person").map((e) => e.name)
    expect(people).toEqual(expect.arrayContaining(["Rubio", "Donald Trump", "Sergio Gor"]))
    const places = ents.filter((e) => e.type === "location").map((e) => e.name)
    expect(places).toEqual(
      expect.arrayContaining(["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"])
    )
    expect(new Set(ents.map((e) => e.id)).size).toBe(ents.length)
  })

  it("places match gold countries and locations (generous type rule)", () => {
    expect([
      baselineTypesAgree("location", "country"),
      baselineTypesAgree("location", "location"),
      baselineTypesAgree("person", "country")
    ]).toEqual([true, true, false])
    const m = matchEntities({ doc: SEED, text, entities: ents, events: [], relations: [] }, gold, baselineTypesAgree)
    const found = m.matched.map((x) => [x.pred.name, x.gold.name, x.gold.type])
    expect(found).toEqual(
      expect.arrayContaining([
        ["Rubio", "Marco Rubio", "person"],
        ["Kazakhstan", "Kazakhstan", "country"]
      ])
    )
    // compromise 14.17.0 (pinned) on this seed
    const c = countsOf(m)
    expect([c.tp, c.fp, c.fn]).toEqual([15, 10, 10])
  })
})
