import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { extractArticle, reextractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import type { DatePrecision } from "../../schemas/vocab.js"

const lex = loadLexicons()
const seeds = join(import.meta.dirname, "..", "..", "seeds")
const texts = readdirSync(seeds)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(seeds, f), "utf8"))

const extractAt = (text: string, value: string | null, precision: DatePrecision) =>
  extractArticle({ sourceId: "src_t", text, published: { value, precision } }, lex)

// the dates an undated article is first read at, and days it may be read at again (one on which offices change hands)
const FIRST: ReadonlyArray<readonly [string | null, DatePrecision]> = [
  [null, "unknown"],
  ["2025", "year"],
  ["2025-11", "month"]
]
const DAYS = ["2025-11-14", "2025-01-20", "2019-06-01"]

describe("reextractArticle", () => {
  it("gives extractArticle's output at the new day, whatever the first date (seed articles)", () => {
    for (const text of texts)
      for (const [value, precision] of FIRST) {
        const before = { date: value, extraction: extractAt(text, value, precision) }
        for (const day of DAYS) {
          const again = reextractArticle(
            { sourceId: "src_t", text, published: { value: day, precision: "day" } },
            before,
            lex
          )
          expect(JSON.stringify(again)).toBe(JSON.stringify(extractAt(text, day, "day")))
        }
      }
  })
})
