/** The English check's word scan finds the words `.match(/\p{L}+/gu)` finds, on any text. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { englishRatio } from "../../pipeline/01-ingest/decodeText.js"

const FUNCTION_WORDS = new Set(
  "the of and to in a is that for on with as by at from was were are be has have had it its this which will an or not but said their after over".split(
    " "
  )
)
/** The check as first written: every word listed by the regex. */
const byRegex = (text: string): number | null => {
  const words =
    text
      .slice(0, 20_000)
      .toLowerCase()
      .match(/\p{L}+/gu)
      ?.slice(0, 2000) ?? []
  if (words.length < 40) return null
  return words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length
}

const unit = fc.constantFrom(
  "the",
  "The",
  " ",
  "of",
  "AND",
  "x",
  "é",
  "İ",
  "ß",
  "K",
  "𝔸",
  "\ud800",
  "\udc00",
  "1",
  "-",
  "\n",
  "Ω",
  "中",
  "said",
  "ǅ"
)

describe("englishRatio", () => {
  it("gives the regex's ratio for any text (letters outside ASCII and the BMP, lone surrogates, case changes that change length)", () => {
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 400 }).map((xs) => xs.join("")),
        (t) => {
          expect(englishRatio(t)).toBe(byRegex(t))
        }
      ),
      { numRuns: 500 }
    )
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (t) => {
        expect(englishRatio(t)).toBe(byRegex(t))
      }),
      { numRuns: 300 }
    )
  })

  it("reads no further than 2,000 words of the first 20,000 characters", () => {
    const english = "the envoy said that the talks were over ".repeat(700)
    expect(englishRatio(english)).toBe(byRegex(english))
    expect(englishRatio("zz ".repeat(1990) + "the ".repeat(100))).toBe(byRegex("zz ".repeat(1990) + "the ".repeat(100)))
    expect(englishRatio("x".repeat(25_000) + " the".repeat(50))).toBeNull()
  })
})
