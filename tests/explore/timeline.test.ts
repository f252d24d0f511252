/** The timeline draws dates at their precision and never overlaps two bars in one lane. */
import { describe, expect, it } from "vitest"
import { daysOf, laneLayout } from "../../pipeline/explore/web/timeline.js"

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

describe("daysOf", () => {
  it("a day is one day, a month its days, a year its days", () => {
    expect(daysOf("2025-11-06", null)).toEqual([day("2025-11-06"), day("2025-11-07")])
    expect(daysOf("2025-11", null)).toEqual([day("2025-11-01"), day("2025-12-01")])
    expect(daysOf("2024", null)).toEqual([day("2024-01-01"), day("2025-01-01")])
  })
  it("an interval runs to the end of its last day or month", () => {
    expect(daysOf("2025-06-10", "2025-06-13")).toEqual([day("2025-06-10"), day("2025-06-14")])
    expect(daysOf("2025-06", "2025-08")).toEqual([day("2025-06-01"), day("2025-09-01")])
  })
  it("undated is not drawn", () => expect(daysOf(null, null)).toBeNull())
})

describe("laneLayout", () => {
  it("bars in one lane do not overlap; a year is wider than a month, a month than a day", () => {
    const spans = [
      daysOf("2025", null)!,
      daysOf("2025-11", null)!,
      daysOf("2025-11-06", null)!,
      daysOf("2025-11-06", null)!
    ]
    const { placed, lanes } = laneLayout(spans, 700)
    expect(lanes).toBe(4)
    for (const a of placed)
      for (const b of placed)
        if (a !== b && a.lane === b.lane) expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true)
    const width = placed.map((p) => p.width)
    expect(width[0]! > width[1]! && width[1]! > width[2]!).toBe(true)
    expect(width[2]).toBe(4)
  })
})
