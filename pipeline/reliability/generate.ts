/**
 * Generated articles for fuzzing: random sentences mixing real names from the lexicons, titles,
 * event words, dates, numbers, punctuation, astral-plane characters and very long tokens.
 */
import fc from "fast-check"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"

const WORDS = [
  "met",
  "visited",
  "said",
  "announced",
  "signed",
  "invited",
  "will join",
  "did not visit",
  "would host",
  "the summit",
  "talks",
  "a deal worth",
  "on Thursday",
  "next year",
  "last November",
  "in early 2023",
  "Nov. 4",
  "September 22, 2025",
  "in",
  "and",
  "with",
  "of",
  "the",
  "President",
  "Secretary of State",
  "Senator",
  "Minister",
  "political scientist",
  "Kazakh",
  "Uzbek",
  "U.S.",
  "—",
  "–",
  "-",
  ",",
  ";",
  ":",
  "(",
  ")",
  '"',
  "“",
  "”",
  "’s",
  "$900 million",
  "75",
  "2025",
  "C5+1",
  "😀",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "Астана",
  "Sánchez",
  "Jackson–Vanik",
  "\u200b",
  "\t",
  "\n",
  "\n\n"
]

/** An arbitrary article for the given lexicons. */
export const articleArb = (lex: LexiconBundle) => {
  const names = [...lex.entities.values()].slice(0, 400).flatMap((e) => e.aliases.slice(0, 2))
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("A", "x", "-", ".", "1")
        .chain((c) => fc.integer({ min: 50, max: 3000 }).map((n) => c.repeat(n)))
    }
  )
  const sentence = fc
    .tuple(fc.array(token, { minLength: 1, maxLength: 25 }), fc.constantFrom(".", "!", "?", ""))
    .map(([ts, end]) => ts.join(" ") + end)
  return fc.array(sentence, { minLength: 1, maxLength: 12 }).map((ss) => ss.join(" "))
}

/** Adversarial lines: long runs of the characters the rules look at (the regex-safety test and the reliability report). */
export const ADVERSARIAL_LINES: ReadonlyArray<string> = [
  "A".repeat(100_000),
  "A. ".repeat(33_000),
  "-".repeat(100_000),
  "1".repeat(100_000),
  "Kazakh-".repeat(14_000),
  "The U.S. ".repeat(11_000),
  "President ".repeat(10_000),
  "in 2025 ".repeat(12_500)
]
