/**
 * Reference days from other articles: given articles' clues and reports, expect the day each unsure article is read
 * against.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type ReferenceInput, referenceDays, referenceEventsOf } from "../../pipeline/04-resolve/referenceDays.js"
import type { EventMention } from "../../schemas/Extraction.js"
import { referenceDaysByScan } from "./referenceDaysScan.js"

const span = { start: 0, end: 1, quote: "x" }
const meeting = (
  date: string | null,
  precision: "day" | "month" | "unknown",
  keys: ReadonlyArray<string>
): EventMention => ({
  type: "meeting",
  cameo: "043",
  plover: "CONSULT",
  trigger: "meet",
  spans: [span],
  date: { value: date, precision },
  dateFromReport: false,
  modality: "asserted",
  location: null,
  participants: keys.map((key) => ({ key, role: "actor" as const, span })),
  method: "event.verb-trigger.v1",
  confidence: 0.7
})
const TRUMP = "gaz:person:donald-trump"
const C5 = "gaz:initiative:c5-plus-1"
const dated: ReferenceInput = {
  sourceId: "a",
  published: { value: "2025-10-27", precision: "day" },
  hints: { monthDays: [], weekdays: [] },
  events: [meeting("2025-11-06", "day", [TRUMP, C5])]
}
const article = (
  hints: ReferenceInput["hints"],
  published: ReferenceInput["published"] = {
    value: null,
    precision: "unknown"
  },
  keys = [TRUMP, C5]
): ReferenceInput => ({
  sourceId: "b",
  published,
  hints,
  events: [meeting(null, "unknown", keys)]
})

describe("referenceDays", () => {
  it("a weekday or year-less day that fits another article's date of the same event gives the day", () => {
    expect([...referenceDays([dated, article({ monthDays: [], weekdays: [4] })])]).toEqual([["b", "2025-11-06"]]) // 6 Nov 2025 is a Thursday
    expect([...referenceDays([article({ monthDays: ["11-06"], weekdays: [] }), dated])]).toEqual([["b", "2025-11-06"]])
  })
  it("gives nothing when the clue does not fit, the participant differs, the month disagrees, or the day is known", () => {
    expect(referenceDays([dated, article({ monthDays: [], weekdays: [1] })]).size).toBe(0)
    expect(
      referenceDays([dated, article({ monthDays: [], weekdays: [4] }, undefined, ["gaz:person:joe-biden"])]).size
    ).toBe(0)
    // a weekday alone, with one named participant in common (a leader meets someone most weeks): no day; a day of the
    // month: the day
    expect(referenceDays([dated, article({ monthDays: [], weekdays: [4] }, undefined, [TRUMP])]).size).toBe(0)
    expect([...referenceDays([dated, article({ monthDays: ["11-06"], weekdays: [] }, undefined, [TRUMP])])]).toEqual([
      ["b", "2025-11-06"]
    ])
    expect(
      referenceDays([dated, article({ monthDays: [], weekdays: [4] }, { value: "2025-12", precision: "month" })]).size
    ).toBe(0)
    expect(
      referenceDays([dated, article({ monthDays: [], weekdays: [4] }, { value: "2025-11-07", precision: "day" })]).size
    ).toBe(0)
  })
  it("gives nothing when two days fit equally well, or the day lies before a date the article states as past", () => {
    const other: ReferenceInput = {
      ...dated,
      sourceId: "c",
      events: [meeting("2025-11-13", "day", [TRUMP, C5])]
    } // also a Thursday
    expect(referenceDays([dated, other, article({ monthDays: [], weekdays: [4] })]).size).toBe(0)
    const after = {
      ...article({ monthDays: [], weekdays: [4] }),
      notBefore: "2025-12"
    }
    expect(referenceDays([dated, after]).size).toBe(0)
    const before = {
      ...article({ monthDays: [], weekdays: [4] }),
      notBefore: "2025-09-22"
    }
    expect([...referenceDays([dated, before])]).toEqual([["b", "2025-11-06"]])
  })

  it("reads the same days from the reports' part it keeps (referenceEventsOf) as from the reports", () => {
    const statement = { ...meeting("2025-11-06", "day", [TRUMP, C5]), type: "statement" as const }
    const inputs: ReadonlyArray<ReferenceInput> = [
      { ...dated, events: [...dated.events, statement, meeting("2025-11-06", "day", ["gaz:country:KAZ"])] },
      article({ monthDays: ["11-06"], weekdays: [] }),
      { ...article({ monthDays: [], weekdays: [4] }), sourceId: "c" },
      { ...article({ monthDays: ["11-06"], weekdays: [] }, undefined, ["gaz:country:KAZ"]), sourceId: "d" }
    ]
    const kept = inputs.map((i) => ({ ...i, events: referenceEventsOf(i.events as ReadonlyArray<EventMention>) }))
    expect([...referenceDays(kept)]).toEqual([...referenceDays(inputs)])
    expect([...referenceDays(kept)]).toEqual([
      ["b", "2025-11-06"],
      ["c", "2025-11-06"]
    ])
    // a statement and a report naming only a country cannot tie two articles to a day: not kept
    expect(kept[0]!.events.length).toBe(1)
    expect(kept[3]!.events).toEqual([])
  })

  it("gives the days the scan of every dated report gave (referenceDaysScan.ts), on random corpora", () => {
    const keys = [TRUMP, C5, "gaz:person:joe-biden", "pat:organization:un", "gaz:country:KAZ"]
    // six days of November 2025 (six weekdays), some of them at month precision
    const day = fc.integer({ min: 1, max: 6 }).map((d) => `2025-11-${String(d).padStart(2, "0")}`)
    const date = fc.oneof(
      day.map((value) => ({ value, precision: "day" as const })),
      fc.constant({ value: "2025-11", precision: "month" as const }),
      fc.constant({ value: null, precision: "unknown" as const })
    )
    const report = fc.record({
      type: fc.constantFrom("meeting", "meeting", "visit", "statement"),
      date,
      dateFromReport: fc.constantFrom(false, false, false, true),
      modality: fc.constantFrom("asserted", "asserted", "asserted", "negated", "hypothetical"),
      participants: fc
        .uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: 3 })
        .map((ks) => ks.map((key) => ({ key })))
    })
    const input = (sourceId: string) =>
      fc.record({
        sourceId: fc.constant(sourceId),
        published: fc.oneof(
          fc.constant({ value: null, precision: "unknown" as const }),
          fc.constant({ value: null, precision: "unknown" as const }),
          fc.constant({ value: "2025-11", precision: "month" as const }),
          fc.constant({ value: "2025-12", precision: "month" as const }),
          day.map((value) => ({ value, precision: "day" as const }))
        ),
        hints: fc.record({
          monthDays: fc.array(
            day.map((d) => d.slice(5)),
            { maxLength: 2 }
          ),
          weekdays: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 })
        }),
        events: fc.array(report, { maxLength: 4 }),
        notBefore: fc.option(fc.constantFrom("2025-11-03", "2025-11", "2025-12"), { nil: null, freq: 2 })
      })
    const corpus = fc
      .integer({ min: 1, max: 16 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => input(`s${i}`))))
    // (and the corpora are not vacuous: many give some article a day)
    let found = 0
    fc.assert(
      fc.property(corpus, (inputs) => {
        const days = [...referenceDays(inputs as ReadonlyArray<ReferenceInput>)]
        expect(days).toEqual([...referenceDaysByScan(inputs as ReadonlyArray<ReferenceInput>)])
        if (days.length > 0) found++
      }),
      { numRuns: 1000 }
    )
    expect(found).toBeGreaterThan(100)
  })
})
