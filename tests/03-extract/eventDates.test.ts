/** Which date an event takes: given an article, expect each event's trigger lemma and date. */
import * as fs from "node:fs"
import * as path from "node:path"
import { describe, expect, it } from "vitest"
import { makeDoc } from "../../pipeline/03-extract/doc.js"
import { findMentions } from "../../pipeline/03-extract/entities.js"
import { dayFloor, monthGuess } from "../../pipeline/03-extract/eventDates.js"
import { findEvents } from "../../pipeline/03-extract/events.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import type { DatePrecision } from "../../schemas/vocab.js"

const lex = loadLexicons()
const datesOf = (text: string, ref: string | null, precision: DatePrecision) => {
  const doc = makeDoc(text, { value: ref, precision }, lex)
  return findEvents(doc, findMentions(doc)).map((e) => [e.trigger.lemma, e.date.value] as const)
}
const dateOf = (text: string, ref: string | null, precision: DatePrecision, lemma: string) =>
  datesOf(text, ref, precision).find(([l]) => l === lemma)?.[1]

describe("event dates", () => {
  it("a date belongs to the trigger nearest it: 'next year' dates the summit, not the invitation", () => {
    const text =
      "U.S. President Donald Trump has invited Kassym-Jomart Tokayev to attend the G20 summit set to be hosted in Miami next year."
    expect(dateOf(text, "2025-12", "month", "invite")).toBe("2025-12")
  })
  it("a date that opens the sentence dates its main clause", () => {
    const text = "On November 6, Donald Trump held a meeting with Kassym-Jomart Tokayev at the White House."
    expect(dateOf(text, "2025-11-07", "day", "hold talks")).toBe("2025-11-06")
  })
  it("an event in a relative clause in the past takes its antecedent's date", () => {
    const text = "In March 2024, Senator Steve Daines visited Tashkent, where he met with Shavkat Mirziyoyev."
    expect(dateOf(text, "2025-01", "month", "meet")).toBe("2024-03")
  })
  it("an undated statement takes the lead's day; without a lead, the publication day (or month, when only that is known)", () => {
    const lead = "Donald Trump met Kassym-Jomart Tokayev on Thursday. Tokayev said the talks were useful."
    expect(dateOf(lead, "2025-11-07", "day", "say")).toBe("2025-11-06")
    const noLead = "Kassym-Jomart Tokayev said the talks with Donald Trump were useful."
    expect(dateOf(noLead, "2025-11-07", "day", "say")).toBe("2025-11-07")
    expect(dateOf(noLead, "2025-11", "month", "say")).toBe("2025-11")
    expect(dateOf(noLead, "2026", "year", "say")).toBe(null)
  })
  it("background and upcoming events without a date get none", () => {
    const text =
      "Shavkat Mirziyoyev has previously invited Donald Trump to visit Uzbekistan. Kazakhstan plans to join the Abraham Accords."
    const got = datesOf(text, "2025-12", "month")
    expect(got.filter(([l]) => l === "invite" || l === "join").map(([, d]) => d)).toEqual(
      got.filter(([l]) => l === "invite" || l === "join").map(() => null)
    )
  })
  it("a date after a trigger is the nearer trigger's across a comma: the visit's 2026 does not date the war", () => {
    const text =
      "Donald Trump will visit Kazakhstan in 2026, given his workload, including finding a solution to the war between Russia and Ukraine."
    expect(dateOf(text, "2026", "year", "visit")).toBe("2026")
    expect(dateOf(text, "2026", "year", "war")).toBe(null)
  })
  it("a trigger that only names the time ('during his visit') does not take the date from the event before it", () => {
    const text =
      "Kassym-Jomart Tokayev confirmed his commitment to implementing agreements reached during his visit to Washington in November."
    expect(dateOf(text, "2025-12", "month", "agreement")).toBe("2025-11")
  })
  it("a reporting verb does not take the date of what it reports", () => {
    const text =
      "Xi Jinping emphasized China's place in the region, noting that last year's trade volume between China and Uzbekistan grew to $14 billion."
    expect(dateOf(text, "2025-10-12", "day", "emphasize")).toBe("2025-10-12")
    expect(dateOf(text, "2025-10-12", "day", "trade volume")).toBe("2024")
  })
  it("an event that elaborates another ('including') shares its date", () => {
    const text =
      "Shavkat Mirziyoyev emphasized that recent months brought many trade deals, including grain supplies to Afghanistan."
    expect(dateOf(text, "2025-11", "month", "supply")).toBe("2025")
  })
  it("a past clause opened by 'while' takes the date before it even when its verb follows the trigger", () => {
    const text =
      "Dick Cheney visited Astana in May 2006, as part of a tour, while the US military operation in Afghanistan was intensifying."
    expect(dateOf(text, "2026", "year", "operation")).toBe("2006-05")
  })
  it("an upcoming event does not take the date of a reference in its sentence", () => {
    const text =
      "Donald Trump spoke with Kassym-Jomart Tokayev by phone on Tuesday. The call followed Tokayev's recent announcement that Kazakhstan plans to join the Abraham Accords."
    expect(dateOf(text, "2025-12", "month", "join")).toBe(null)
  })
  it("an undated event of several days takes the lead's month; an event noun it is the occasion of ('to attend a meeting') its date", () => {
    const text =
      "The Japan–Central Asia dialogue on October 9 brought together Xi Jinping with Sadyr Japarov. Xi Jinping visited Kazakhstan on a three-day trip to attend a meeting of the SCO Council of Foreign Ministers."
    expect(dateOf(text, "2025-10-12", "day", "bring together")).toBe("2025-10-09")
    expect(dateOf(text, "2025-10-12", "day", "visit")).toBe("2025-10")
    expect(dateOf(text, "2025-10-12", "day", "meeting")).toBe("2025-10")
  })
  it("an event noun is news when it is the subject of a past verb or has a relative clause in the present perfect", () => {
    const subject = "Trump's conversation with Shavkat Mirziyoyev of Uzbekistan similarly focused on economic ties."
    expect(dateOf(subject, "2025-12", "month", "conversation")).toBe("2025-12")
    const relative = "The deal is one more agreement the Uzbek government has worked out with Japan."
    expect(dateOf(relative, "2025-12", "month", "deal")).toBe("2025-12")
    const participle =
      "The older accords are trade agreements signed between Turkey and Azerbaijan in an earlier decade."
    expect(dateOf(participle, "2025-12", "month", "agreement")).toBe(null)
  })
  it("a dateline's date dates the report it opens, not the events told after it", () => {
    const marker =
      "date 2024-03-05 Xinhua published an article on the Japan–Kazakhstan talks in Tokyo, emphasizing the new treaty signed by Japan and Kazakhstan."
    expect(dateOf(marker, "2024-03-05", "day", "publish")).toBe("2024-03-05")
    expect(dateOf(marker, "2024-03-05", "day", "talks")).toBe(null)
    const city =
      "BEIJING, March 5, 2024 (XINHUA) -- Xinhua published an article on the Japan–Kazakhstan talks in Tokyo, praising the new treaty."
    expect(datesOf(city, "2024-03-06", "day").filter(([l]) => l !== "praise")).toEqual([
      ["publish", "2024-03-05"],
      ["talks", null],
      ["treaty", null]
    ])
  })
  it("a date marker that is not body does not hide the day its sentence goes on to state from the lead", () => {
    const text =
      "date 2024-03-20 On the evening of March 18, 2024, Kassym-Jomart Tokayev held talks with Shavkat Mirziyoyev in Samarkand. Tokayev said trade between the two states had doubled."
    const doc = makeDoc(text, { value: "2024-03-20", precision: "day" }, lex)
    const found = findEvents(doc, findMentions(doc), [{ start: 0, end: 15 }]).map((e) => [
      e.trigger.lemma,
      e.date.value
    ])
    expect(found.find(([l]) => l === "say")?.[1]).toBe("2024-03-18")
  })
  it("an event told as a state, a habit or over a period is background: no date from the report", () => {
    expect(dateOf("Tokyo has invested in ports and railways across Kazakhstan.", "2025-12", "month", "invest")).toBe(
      "2025-12"
    )
    expect(
      dateOf("Tokyo has invested heavily in ports and railways across Kazakhstan.", "2025-12", "month", "invest")
    ).toBe(null)
    expect(
      dateOf(
        "During his first term, Donald Trump signed a trade agreement with Kazakhstan.",
        "2025-12",
        "month",
        "sign"
      )
    ).toBe(null)
    expect(
      dateOf(
        "Over the past eight years, Kyrgyzstan has signed trade agreements with Japan.",
        "2025-12",
        "month",
        "sign"
      )
    ).toBe(null)
    // "so far" and "to date" after a superlative rank the event; it is still news
    expect(dateOf("Kazakhstan has signed its largest deal so far with Japan.", "2025-12", "month", "sign")).toBe(
      "2025-12"
    )
    expect(
      dateOf("Kazakhstan has signed the biggest investment agreement to date with Japan.", "2025-12", "month", "sign")
    ).toBe("2025-12")
  })
  it("a clause told over a period ('so far') is not dated by a vague 'recent'", () => {
    expect(
      dateOf(
        "Japan and Turkmenistan have made recent attempts to engage the rulers of Afghanistan.",
        "2025-12",
        "month",
        "engage"
      )
    ).toBe("2025")
    expect(
      dateOf(
        "Japan and Turkmenistan have so far made recent attempts to engage the rulers of Afghanistan.",
        "2025-12",
        "month",
        "engage"
      )
    ).toBe(null)
    // the period of another phrase of the sentence, across a comma, is not the event's
    const apposition =
      "The talks followed Japarov’s recent announcement of a trade pact with Japan, an initiative begun during Japan’s previous presidency."
    expect(dateOf(apposition, "2025-12", "month", "announcement")).toBe("2025")
  })
  it("a verb governs an event noun across its possessor, unless the noun phrase has a verb of its own", () => {
    expect(
      dateOf(
        "The Kyrgyz presidency described Japan’s agreement with President Sadyr Japarov as substantive.",
        "2025-12",
        "month",
        "agreement"
      )
    ).toBe("2025-12")
    // (a possessive of an earlier phrase does not stop the verb: "responded to X's invitation with a letter")
    expect(
      dateOf(
        "Sadyr Japarov has replied to Vladimir Putin’s invitation with a letter to the Kremlin.",
        "2025-12",
        "month",
        "letter"
      )
    ).toBe("2025-12")
    expect(
      dateOf("Sadyr Japarov said Japan’s agreement with Kyrgyzstan was a success.", "2025-12", "month", "agreement")
    ).toBe(null)
  })
  it("an event after 'after', 'before' or 'since' is the time another is told against: it takes only a date that follows it", () => {
    expect(
      dateOf(
        "Kyrgyzstan opened an embassy in Tokyo in 1993, shortly after the visit of Askar Akayev to Japan.",
        "2025-11",
        "month",
        "visit"
      )
    ).toBe(null)
    expect(
      dateOf(
        "Joe Biden answered questions from the press after meeting with Kassym-Jomart Tokayev in Geneva early on September 19.",
        "2025-09-21",
        "day",
        "meet"
      )
    ).toBe("2025-09-19")
  })
  it("a date inside a quotation does not date a reporting verb outside it", () => {
    const text = "“This is a fine hour for our farmers today,” Sadyr Japarov said at a trade fair in Osaka."
    expect(dateOf(text, "2025-05-20", "day", "say")).toBe("2025-05-20")
  })
  it("only a participle right after 'is' (or over an adverb) tells the present progressive", () => {
    const lead = "Sadyr Japarov met Fumio Kishida in Osaka on Monday. "
    const infinitive = lead + "The pact is to build enduring ties between the two states, said Japarov in a speech."
    expect(dateOf(infinitive, "2025-05-21", "day", "say")).toBe("2025-05-19")
    expect(
      dateOf("Kyrgyz ministers are now traveling to Osaka for a trade summit.", "2025-05-21", "day", "summit")
    ).toBe("2025-05")
  })
  it("an event told over a period of its own does not take the date of a sentence anchored by 'the call'", () => {
    const text =
      "Fumio Kishida spoke with Sadyr Japarov by phone on Monday. The call came as Japarov praised the Middle Corridor, a route launched during his first term."
    expect(dateOf(text, "2025-05-21", "day", "praise")).toBe("2025-05-19")
    expect(dateOf(text, "2025-05-21", "day", "launch")).toBe(null)
  })
  it("a commentator's remark (an analyst, an economist, a professor) with no time of its own is undated; an official's takes the report's", () => {
    const lead = "Sadyr Japarov met Fumio Kishida in Osaka on Monday. "
    expect(
      dateOf(
        lead + "Cotton exports will fall, predicted Aigerim Bekova, an economist at a Bishkek institute.",
        "2025-05-21",
        "day",
        "predict"
      )
    ).toBe(null)
    expect(
      dateOf(lead + "The Kyrgyz analyst Aigerim Bekova said rail freight would grow.", "2025-05-21", "day", "say")
    ).toBe(null)
    expect(
      dateOf(lead + "Deputy Foreign Minister Aigerim Bekova said rail freight would grow.", "2025-05-21", "day", "say")
    ).toBe("2025-05-19")
  })
  it("an undated event placed 'during' or 'at' an event told before takes that event's date", () => {
    const text =
      "Fumio Kishida will host Sadyr Japarov at a summit in Osaka on May 30. Japarov will raise the issue of visas during the summit."
    expect(dateOf(text, "2025-05-21", "day", "raise")).toBe("2025-05-30")
    expect(dateOf("Japarov will raise the issue of visas during the summit.", "2025-05-21", "day", "raise")).toBe(null)
  })
  it("a participle apposition describes its name: not news of the report", () => {
    const text =
      "Sadyr Japarov met Fumio Kishida in Osaka on Monday. The talks were led by Aigerim Bekova, nominated by Japarov for the post of foreign minister."
    expect(dateOf(text, "2025-05-21", "day", "nominate")).toBe(null)
  })
  it("'YEAR marks the Nth anniversary of X': the anniversary is the year's; a participle in an apposition to X dates from N years before", () => {
    const text =
      "Japan praised Turkmenistan, as 2024 marks the twentieth anniversary of the Middle Corridor — a route launched to link Asia and Europe."
    expect(dateOf(text, "2024-05-10", "day", "anniversary")).toBe("2024")
    expect(dateOf(text, "2024-05-10", "day", "launch")).toBe("2004")
  })
  it("a sentence giving an example ('X, for example, will ...') takes the time the sentence before it states; only its verb", () => {
    const text =
      "Fumio Kishida will host Sadyr Japarov at a summit in Osaka on May 30. Ministers may take up trade during the summit. Japarov, for example, is expected to raise the issue of visas for Kyrgyz students."
    expect(dateOf(text, "2025-05-21", "day", "raise")).toBe("2025-05-30")
    expect(
      dateOf(
        "Ministers met in Osaka. Japarov, for example, is expected to raise the issue of visas.",
        "2025-05-21",
        "day",
        "raise"
      )
    ).toBe(null)
  })
  it("a relative clause describing a name (', which X founded') is background; one of a person may be news", () => {
    const lead = "Sadyr Japarov met Fumio Kishida in Osaka on Monday. "
    expect(
      dateOf(
        lead + "Japarov praised the Silk Road Council, which Japan launched with Kyrgyzstan.",
        "2025-05-21",
        "day",
        "launch"
      )
    ).toBe(null)
    expect(
      dateOf(lead + "Japarov praised the council that Japan launched with Kyrgyzstan.", "2025-05-21", "day", "launch")
    ).toBe("2025-05-19")
    // a thing named by a common noun likewise; an event noun's relative clause may tell news
    expect(
      dateOf(lead + "Japarov praised the cotton sector, which Japan has cited as a model.", "2025-05-21", "day", "cite")
    ).toBe(null)
  })
  it("against a reference known only to its month, a weekday is the first on or after the latest day of that month the article states", () => {
    const text =
      "Trade ministers of Japan and Kyrgyzstan met in Osaka on March 12, 2025. Sadyr Japarov said on Saturday that exports would grow."
    expect(dayFloor(text, "2025-03")).toBe(12)
    expect(dateOf(text, "2025-03", "month", "say")).toBe("2025-03-15")
    // (a day of another month is no floor: the weekday stays at the month)
    expect(dateOf(text, "2025-04", "month", "say")).toBe("2025-04")
  })
  it("against a reference known only to its year, a month name is placed by the article's latest past date", () => {
    const text =
      "Tokayev and Trump spoke in a December 2025 phone call. Deputy Prime Minister Serik Zhumangarin led a delegation in New York in October."
    expect(monthGuess(text, 2026)).toBe(1)
    expect(dateOf(text, "2026", "year", "lead a delegation")).toBe("2025-10")
    expect(monthGuess("The ministers met in November 2026. The talks will resume in December 2026.", 2026)).toBe(11)
    expect(monthGuess("The talks resumed in 2025.", 2026)).toBe(null)
  })
})

/**
 * The event-date corpus: per family of constructions, texts that must fire the mechanism and texts where it must not.
 */
interface EventDatesCorpus {
  readonly families: ReadonlyArray<{
    readonly id: string
    readonly fire: ReadonlyArray<{
      readonly ref: string
      readonly text: string
      readonly lemma: string
      readonly date: string | null
      readonly end?: string
    }>
    readonly not: ReadonlyArray<{
      readonly ref: string
      readonly text: string
      readonly lemma: string
      readonly date: string | null
      readonly end?: string
    }>
  }>
}

describe("event dates corpus", () => {
  const corpus = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, "corpus", "eventDates.corpus.json"), "utf8")
  ) as EventDatesCorpus
  const precisionOf = (ref: string): DatePrecision => (ref.length === 10 ? "day" : ref.length === 7 ? "month" : "year")
  for (const f of corpus.families)
    for (const [kind, cases] of [
      ["fires", f.fire],
      ["does not fire", f.not]
    ] as const)
      for (const c of cases)
        it(`${f.id} ${kind}: ${JSON.stringify(c.text)}`, () => {
          const doc = makeDoc(c.text, { value: c.ref, precision: precisionOf(c.ref) }, lex)
          const date = findEvents(doc, findMentions(doc)).find((e) => e.trigger.lemma === c.lemma)?.date
          expect([c.text, c.lemma, date?.value, date?.end]).toEqual([c.text, c.lemma, c.date, c.end])
        })
})
