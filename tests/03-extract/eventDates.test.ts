/** Which date an event takes: given an article, expect each event's trigger lemma and date. */
import { describe, expect, it } from "vitest"
import { makeDoc } from "../../pipeline/03-extract/doc.js"
import { findMentions } from "../../pipeline/03-extract/entities.js"
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
    const text = "U.S. President Donald Trump has invited Kassym-Jomart Tokayev to attend the G20 summit set to be hosted in Miami next year."
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
  it("an undated statement takes the lead's day; without a lead, the publication month", () => {
    const lead = "Donald Trump met Kassym-Jomart Tokayev on Thursday. Tokayev said the talks were useful."
    expect(dateOf(lead, "2025-11-07", "day", "say")).toBe("2025-11-06")
    const noLead = "Kassym-Jomart Tokayev said the talks with Donald Trump were useful."
    expect(dateOf(noLead, "2025-11-07", "day", "say")).toBe("2025-11")
    expect(dateOf(noLead, "2026", "year", "say")).toBe(null)
  })
  it("background and upcoming events without a date get none", () => {
    const text = "Shavkat Mirziyoyev has previously invited Donald Trump to visit Uzbekistan. Kazakhstan plans to join the Abraham Accords."
    const got = datesOf(text, "2025-12", "month")
    expect(got.filter(([l]) => l === "invite" || l === "join").map(([, d]) => d)).toEqual(got.filter(([l]) => l === "invite" || l === "join").map(() => null))
  })
})
