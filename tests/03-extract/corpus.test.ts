/**
 * Runs every rule corpus of 03-extract (tests/03-extract/corpus/*.corpus.json): one expected value, many phrasings, and
 * negatives.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { type DateRef, findDates } from "../../pipeline/text/dates.js"

interface DatesCorpus {
  readonly cases: ReadonlyArray<{
    readonly ref: string | null
    readonly monthGuess?: number
    readonly dayFloor?: number
    readonly expect: {
      readonly value: string
      readonly precision: string
      readonly last?: string
    }
    readonly phrasings: ReadonlyArray<string>
  }>
  readonly negatives: ReadonlyArray<{
    readonly ref: string | null
    readonly text: string
  }>
}

const dir = path.join(import.meta.dirname, "corpus")
const refOf = (v: string | null): DateRef => ({
  value: v,
  precision: v === null ? "unknown" : v.length === 10 ? "day" : v.length === 7 ? "month" : "year"
})

describe("dates corpus", () => {
  const corpus = JSON.parse(fs.readFileSync(path.join(dir, "dates.corpus.json"), "utf8")) as DatesCorpus
  for (const c of corpus.cases)
    for (const text of c.phrasings)
      it(`${JSON.stringify(text)} against ${c.ref}${c.monthGuess ? ` (month taken as ${c.monthGuess})` : ""}${c.dayFloor ? ` (news no older than day ${c.dayFloor})` : ""}`, () => {
        const last = findDates(text, {
          ...refOf(c.ref),
          monthGuess: c.monthGuess ?? null,
          dayFloor: c.dayFloor ?? null
        }).at(-1)
        expect([text, last?.value, last?.precision, last?.last]).toEqual([
          text,
          c.expect.value,
          c.expect.precision,
          c.expect.last
        ])
      })
  for (const n of corpus.negatives)
    it(`no date in ${JSON.stringify(n.text)}`, () => {
      expect([n.text, findDates(n.text, refOf(n.ref)).map((d) => d.text)]).toEqual([n.text, []])
    })
})
