/** Publication dates inferred from content: given text → expected month (or none). */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import {
  contentDate,
  inferPublicationDate,
  urlDate,
  weekdayDateline
} from "../../pipeline/02-normalise/publicationDate.js"

const rows: ReadonlyArray<readonly [string, string | null]> = [
  // the latest past date with a year, at month precision
  ["The deal was announced on September 22, 2025. KTZ aims to cut depreciation by 2030.", "2025-09"],
  // a year-less day after the latest dated expression moves it on
  ["The issue was discussed on 15 January. Notably, in March 2024, Daines visited Tashkent.", "2025-01"],
  [
    "Last week, from June 9 to 12, the fair was held. In 2024 it drew 900 firms; in 2025, 1,100 firms took part.",
    "2025-06"
  ],
  // a year alone is too weak a bound; future dates are no bound at all
  ["Kazakhstan recognized Israel in 1992.", null],
  ["The plant will open in March 2027.", null],
  ["Trump said Thursday that Kazakhstan will join.", null],
  // a bare year naming a thing ("the 2027 games", "a 2002 report") bounds nothing; a year in a time phrase does
  ["The 2027 games will be held in Astana. The organisers met in March 2024.", "2024-03"],
  ["Kazakhstan hopes to host the 2030 forum; its ministers last met on 4 May 2025.", "2025-05"],
  ["According to a 2026 plan, the road opens soon. Work began in June 2025.", "2025-06"]
]

describe("contentDate", () => {
  for (const [text, month] of rows)
    it(text, () => expect([text, contentDate(text)?.value ?? null]).toEqual([text, month]))
})

describe("inferPublicationDate", () => {
  it("prefers metadata, then a dateline, then the url, then content", () => {
    const text = "The deal was announced on September 22, 2025."
    expect(inferPublicationDate({ text, url: null, metadataDate: "2025-09-23" })).toMatchObject({
      value: "2025-09-23",
      basis: "metadata"
    })
    expect(
      inferPublicationDate({
        text: `September 24, 2025\n${text}`,
        url: null,
        metadataDate: null
      })
    ).toMatchObject({
      value: "2025-09-24",
      basis: "stated_in_text"
    })
    expect(
      inferPublicationDate({
        text,
        url: "https://example.org/2025/10/deal",
        metadataDate: null
      })
    ).toMatchObject({
      value: "2025-10",
      basis: "url"
    })
    expect(inferPublicationDate({ text, url: null, metadataDate: null })).toMatchObject({
      value: "2025-09",
      precision: "month",
      basis: "inferred_from_content"
    })
  })
  it("reads a 'date YYYY-MM-DD' marker on one of the top lines, also after a title", () => {
    expect(
      inferPublicationDate({
        text: "date 2024-05-03 Exports rose.",
        url: null,
        metadataDate: null
      })
    ).toMatchObject({ value: "2024-05-03", basis: "stated_in_text" })
    expect(
      inferPublicationDate({
        text: "Uzbek exports grow\n date 2024-05-03 Exports rose.",
        url: null,
        metadataDate: null
      })
    ).toMatchObject({ value: "2024-05-03", basis: "stated_in_text" })
    expect(
      inferPublicationDate({
        text: "Exports rose. The date 2024-05-03 is cited in the report.",
        url: null,
        metadataDate: null
      }).basis
    ).not.toBe("stated_in_text")
  })
  it("reads /YYYY/MM/DD/, /YYYYMMDD/ and /YYYY/MM/ url paths", () => {
    expect(urlDate("https://a.org/2025/11/06/x")).toEqual({
      value: "2025-11-06",
      precision: "day"
    })
    expect(urlDate("https://a.org/news/20251027/x")).toEqual({
      value: "2025-10-27",
      precision: "day"
    })
    expect(urlDate("https://a.org/2026/01/x")).toEqual({
      value: "2026-01",
      precision: "month"
    })
    expect(urlDate("https://a.org/news/77108")).toBeNull()
  })
})

// wire datelines without a year: the dateline's day, in the first year from the latest past date that puts it on the
// weekday its sentence names
const wire: ReadonlyArray<readonly [string, string | null]> = [
  [
    "ASTANA, Oct 14 (Reuters) - Kazakhstan's central bank on Tuesday raised its base rate to 18%.\nThe bank last cut rates in 2023.",
    "2025-10-14"
  ],
  [
    "Budget line\nTASHKENT. 9 April (Interfax) - Uzbekistan and Turkey agreed on Wednesday to widen a trade pact in force since 2017.",
    "2025-04-09"
  ],
  [
    "ALMATY, September 3. /TASS/. The two foreign ministers met on Tuesday in Almaty. Their previous talks were held in March 2022.",
    "2024-09-03"
  ],
  [
    "Dushanbe, Feb 4 (AKIpress) — Tajik authorities on Monday opened a road tunnel, a project begun in 2019.",
    "2019-02-04"
  ],
  [
    "By Staff Reporter\nASHGABAT, Jan. 22 (Xinhua) -- Turkmenistan on Thursday opened a rail link first planned in 2020.",
    "2026-01-22"
  ],
  // two weekdays in the dateline's sentence: which one is the dateline's is not said
  [
    "BISHKEK, May 5 (Reuters) - Talks that began on Monday ended on Wednesday without a deal. A ceasefire was agreed in 2022.",
    null
  ],
  // no past date to count from
  ["MOSCOW, June 2. /TASS/. The ministers met on Tuesday.", null],
  // a date inside a sentence is no dateline
  ["The ministers met in Moscow on Tuesday, June 2, after talks in 2020.", null]
]

describe("weekdayDateline", () => {
  for (const [text, day] of wire)
    it(text, () => expect([text, weekdayDateline(text)?.value ?? null]).toEqual([text, day]))
  it("is what inferPublicationDate takes when metadata, a dated dateline and the url say nothing", () => {
    expect(
      inferPublicationDate({
        text: wire[0]![0],
        url: null,
        metadataDate: null
      })
    ).toMatchObject({
      value: "2025-10-14",
      precision: "day",
      basis: "inferred_from_content"
    })
  })
})

/**
 * The publication-date corpus (tests/03-extract/corpus/publicationDate.corpus.json): per family, texts that fire it and
 * texts where it must not.
 */
interface PublicationCorpus {
  readonly families: ReadonlyArray<{
    readonly id: string
    readonly fire: ReadonlyArray<{
      readonly text: string
      readonly published: string | null
    }>
    readonly not: ReadonlyArray<{
      readonly text: string
      readonly published: string | null
    }>
  }>
}

describe("publication date corpus", () => {
  const file = path.join(import.meta.dirname, "..", "03-extract", "corpus", "publicationDate.corpus.json")
  const corpus = JSON.parse(fs.readFileSync(file, "utf8")) as PublicationCorpus
  for (const f of corpus.families)
    for (const [kind, cases] of [
      ["fires", f.fire],
      ["does not fire", f.not]
    ] as const)
      for (const c of cases)
        it(`${f.id} ${kind}: ${JSON.stringify(c.text)}`, () => {
          expect([
            c.text,
            inferPublicationDate({
              text: c.text,
              url: null,
              metadataDate: null
            }).value
          ]).toEqual([c.text, c.published])
        })
})
