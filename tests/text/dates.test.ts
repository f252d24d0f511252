/** The date rules that claim to name a month (skipped where MONTH_WORD finds none) do name one in every match. */
import * as fs from "node:fs"
import { describe, expect, it } from "vitest"
import { DATE_RULES, MONTH_WORD } from "../../pipeline/text/dates.js"

/** Texts with dates: the phrasings of the date corpora, the seed articles, and edge cases of case and joining. */
const texts = (): Array<string> => {
  const out: Array<string> = []
  for (const f of ["dates", "eventDates", "publicationDate"]) {
    const raw = fs.readFileSync(`tests/03-extract/corpus/${f}.corpus.json`, "utf8")
    // every string value of the corpus (phrasings, negatives, texts)
    JSON.parse(raw, (_key, value) => {
      if (typeof value === "string") out.push(value)
      return value
    })
  }
  for (const f of fs.readdirSync("seeds").filter((name) => name.endsWith(".txt")))
    out.push(...fs.readFileSync(`seeds/${f}`, "utf8").split("\n"))
  out.push(
    "from 10 to 13 JUNE 2025",
    "between 10 and 13 june",
    "June 10–13, 2024",
    "in mid-March",
    "late-may",
    "last May",
    "in February of next year",
    "the Mayor said on 10-13 Mayday",
    "inMarch 2020",
    "10 to 13 Junes"
  )
  return out
}

describe("DATE_RULES", () => {
  const marked = DATE_RULES.filter((rule) => rule.namesMonth === true)

  it("marks the five rules whose matches name a month", () => {
    expect(marked.map((rule) => rule.id).sort()).toEqual([
      "date.day-range.v1",
      "date.in-month.v2",
      "date.last-month-name.v1",
      "date.month-day-range.v1",
      "date.month-of-relative-year.v1"
    ])
  })

  it("finds a month word wherever a marked rule matches", () => {
    let matched = 0
    for (const text of texts())
      for (const rule of marked) {
        const re = new RegExp(rule.re.source, rule.re.flags)
        for (const m of text.matchAll(re)) {
          matched++
          // the match alone names a month as a word (so its text does)
          expect(MONTH_WORD.test(m[0]), `${rule.id}: ${m[0]}`).toBe(true)
        }
      }
    expect(matched).toBeGreaterThan(20)
  })
})
