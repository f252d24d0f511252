import { describe, expect, it } from "vitest"
import { tokens } from "../../pipeline/explore/format.js"
import { scanTokens } from "../../pipeline/explore/scanTokens.js"

const distinct = (ws: ReadonlyArray<string>) => [...new Set(ws)]

describe("scanTokens", () => {
  it("gives the tokens `tokens` gives, ASCII or not, punctuation, stopwords, astral and combining characters", () => {
    for (const q of [
      "Uzbekistan and Russia’s State Atomic Energy Corporation Rosatom signed documents",
      "The C5+1 summit of the C5+1 format, in Washington – “again” …",
      "Kassym-Jomart Tokayev met Xi Jinping in 2024; a to of it",
      "Türkiye, Ankara İstanbul ÉCOLE cafe\u0301 ﬁne Ⓐ x",
      "𝐀𝐁 Tokayev 😀 Biden\u00a0Putin",
      "",
      "a"
    ])
      expect([q, distinct(scanTokens(q))]).toEqual([q, tokens(q)])
  })
})
