import { describe, expect, it } from "vitest"
import { fold } from "../../pipeline/eval/fold.js"

describe("fold", () => {
  it("folds case, diacritics, dashes, apostrophes, punctuation, whitespace and a leading 'the'", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["Sánchez", "sanchez"],
      ["Sanchez", "sanchez"],
      ["Jackson–Vanik", "jackson-vanik"],
      ["Jackson-Vanik", "jackson-vanik"],
      ["Jackson—Vanik", "jackson-vanik"],
      ["the United States", "united states"],
      ["The United States", "united states"],
      ["United States", "united states"],
      ["MARCO RUBIO", "marco rubio"],
      ["U.S.", "us"],
      ["Xi’an", "xi'an"],
      ["“Board of Peace”", "board of peace"],
      ["  Central \n Asia, ", "central asia"],
      ["C5+1", "c5+1"],
      ["Kazakhstan/Uzbekistan", "kazakhstan uzbekistan"],
      ["Theodore", "theodore"]
    ]
    expect(cases.map(([s]) => [s, fold(s)])).toEqual(cases)
  })
})
