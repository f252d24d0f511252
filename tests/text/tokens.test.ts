/** The tokenizer's scanner finds exactly TOKEN_RE's matches, and tokens keep their kinds, capitals and keys. */
import * as fs from "node:fs"
import { describe, expect, it } from "vitest"
import { scanWords, TOKEN_PATTERN, tokenize, tokenTexts } from "../../pipeline/text/tokens.js"

/** TOKEN_RE's matches as [start, end) (the definition the scanner must follow). */
const byRegex = (text: string): Array<[number, number]> => {
  const re = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags)
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length])
}

/** The scanner's spans. */
const byScanner = (text: string): Array<[number, number]> => {
  const spans: Array<[number, number]> = []
  scanWords(text, (start, end) => spans.push([start, end]))
  return spans
}

/** A string of characters drawn from a pool mixing every class the scanner tells apart. */
const POOL = [
  ..."aZ09 \t\n-–—'’.+&,:;!?\"“”()/%$",
  "é",
  "\u0301", // a combining mark
  "ß",
  "Ё",
  "٣", // an Arabic-Indic digit
  "½", // a number that is not a digit
  "\u00a0",
  "\u2009",
  "\u3000",
  "\ufeff",
  "😀",
  "𝐀", // an astral letter
  "\ud800", // a lone surrogate
  "\udc00",
  "中"
]
const randomText = (seed: number, length: number): string => {
  let x = seed
  let out = ""
  for (let k = 0; k < length; k++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += POOL[x % POOL.length]
  }
  return out
}

describe("tokenize", () => {
  it("finds the matches of TOKEN_RE on mixed text", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 60)
      expect(byScanner(text), JSON.stringify(text)).toEqual(byRegex(text))
    }
  })

  it("finds the matches of TOKEN_RE on the seed articles", () => {
    for (const f of fs.readdirSync("seeds").filter((name) => name.endsWith(".txt"))) {
      const text = fs.readFileSync(`seeds/${f}`, "utf8")
      expect(byScanner(text)).toEqual(byRegex(text))
    }
  })

  it("gives kinds, capitals, keys and split parts", () => {
    const tokens = tokenize("Kazakhstan’s C5+1 talks, 3.5 km on 12:30 — US-Kazakhstan 's Élan ½")
    expect(tokens.map((t) => [t.text, t.kind, t.cap, t.norm])).toEqual([
      ["Kazakhstan", "word", true, "kazakhstan"],
      ["’s", "word", false, "'s"],
      ["C5+1", "word", true, "c5+1"],
      ["talks", "word", false, "talks"],
      [",", "punct", false, ","],
      ["3.5", "num", false, "3.5"],
      ["km", "word", false, "km"],
      ["on", "word", false, "on"],
      ["12:30", "num", false, "12:30"],
      ["—", "punct", false, "-"],
      ["US", "word", true, "us"],
      ["-", "punct", false, "-"],
      ["Kazakhstan", "word", true, "kazakhstan"],
      ["'", "punct", false, "'"],
      ["s", "word", false, "s"],
      ["Élan", "word", true, "élan"],
      ["½", "punct", false, "½"]
    ])
    expect(tokenTexts("Kassym-Jomart Tokayev’s visit")).toEqual(["Kassym", "-", "Jomart", "Tokayev", "’s", "visit"])
  })
})
