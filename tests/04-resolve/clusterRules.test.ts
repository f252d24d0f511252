/** Cross-document clustering rules: given reports of several articles, expect which become one event. */
import { describe, expect, it } from "vitest"
import { clusterDate, clusterEvents, type Report } from "../../pipeline/04-resolve/mergeEvents.js"
import type { EventMention } from "../../schemas/Extraction.js"

const span = { start: 0, end: 1, quote: "x" }
const meeting = (date: string | null, actors: ReadonlyArray<string>, targets: ReadonlyArray<string>): EventMention => ({
  type: "meeting",
  cameo: "043",
  plover: "CONSULT",
  trigger: "meet",
  spans: [span],
  date: { value: date, precision: date === null ? "unknown" : "day" },
  dateFromReport: false,
  modality: "asserted",
  location: null,
  method: "event.verb-trigger.v1",
  confidence: 0.7,
  participants: [
    ...actors.map((key) => ({ key, role: "actor" as const, span })),
    ...targets.map((key) => ({ key, role: "target" as const, span }))
  ]
})
const FIVE = ["gaz:country:KAZ", "gaz:country:KGZ", "gaz:country:TJK", "gaz:country:TKM", "gaz:country:UZB"]
const TRUMP = "gaz:person:donald-trump"
const BIDEN = "gaz:person:joe-biden"
const reports = (...ms: ReadonlyArray<EventMention>): Array<Report> =>
  ms.map((mention, order) => ({ sourceId: `s${order}`, order, mention }))
const sizes = (rs: Array<Report>) => clusterEvents(rs).map((c) => c.reports.length)

describe("clusterEvents", () => {
  it("an undated report sharing three participants joins a dated event of the same host", () => {
    expect(sizes(reports(meeting("2025-11-06", [TRUMP], FIVE), meeting(null, [TRUMP], FIVE)))).toEqual([2])
  })

  it("but not one led by another person: two hosts, two meetings", () => {
    expect(sizes(reports(meeting("2025-11-06", [TRUMP], FIVE), meeting(null, [BIDEN], FIVE)))).toEqual([1, 1])
  })

  it("dated reports on compatible dates with a shared named participant are one event", () => {
    expect(
      sizes(reports(meeting("2025-11-06", [TRUMP], ["gaz:country:KAZ"]), meeting("2025-11", [TRUMP], [])))
    ).toEqual([2])
    expect(
      sizes(
        reports(meeting("2025-11-06", [TRUMP], ["gaz:country:KAZ"]), meeting("2024-03", [TRUMP], ["gaz:country:KAZ"]))
      )
    ).toEqual([1, 1])
  })

  it("an undated report sharing only states with a dated event stays apart: the five states meet many partners", () => {
    const EU = "gaz:organization:european-union"
    expect(sizes(reports(meeting("2025-04-04", [EU], FIVE), meeting(null, [BIDEN], FIVE)))).toEqual([1, 1])
    expect(sizes(reports(meeting("2025-04-04", [], FIVE), meeting(null, [], FIVE)))).toEqual([1, 1])
    expect(sizes(reports(meeting("2025-04-04", [EU], FIVE), meeting(null, [EU], FIVE)))).toEqual([2])
  })

  it("an undated report joins a dated event only when led by the same named party: the ministers met have many hosts", () => {
    const JAPAROV = "gaz:person:sadyr-japarov"
    const JAISHANKAR = "gaz:person:s-jaishankar"
    const MINISTER = "gaz:person:sirojiddin-muhriddin"
    expect(
      sizes(
        reports(meeting("2025-06-06", [JAISHANKAR], [MINISTER, ...FIVE]), meeting(null, [JAPAROV], [MINISTER, ...FIVE]))
      )
    ).toEqual([1, 1])
    expect(
      sizes(reports(meeting("2025-06-06", [], [MINISTER, ...FIVE]), meeting(null, [], [MINISTER, ...FIVE])))
    ).toEqual([1, 1])
    // (nor one dated only by its article's own date)
    const fromReport: EventMention = {
      ...meeting("2025-06-06", [], [MINISTER, ...FIVE]),
      dateFromReport: true
    }
    expect(sizes(reports(fromReport, meeting(null, [], [MINISTER, ...FIVE])))).toEqual([1, 1])
    expect(
      sizes(reports(meeting("2025-06-06", [JAISHANKAR], [MINISTER, ...FIVE]), meeting(null, [JAISHANKAR], FIVE)))
    ).toEqual([2])
  })

  it("the less precise the dates, the more the reports must share: one participant within a month; two, one of them named, within a year", () => {
    const KAZ = "gaz:country:KAZ"
    expect(sizes(reports(meeting("2025-06-06", [], [KAZ]), meeting("2025-06-06", [], [KAZ])))).toEqual([2])
    expect(sizes(reports(meeting("2025-06-06", [], [KAZ]), meeting("2025-06", [], [KAZ])))).toEqual([2])
    expect(sizes(reports(meeting("2025", [], [KAZ]), meeting("2025", [], [KAZ])))).toEqual([1, 1])
    expect(sizes(reports(meeting("2025", [TRUMP], []), meeting("2025", [TRUMP], [])))).toEqual([1, 1])
    expect(sizes(reports(meeting("2025", [TRUMP], [KAZ]), meeting("2025", [TRUMP], [KAZ])))).toEqual([2])
  })

  it("two meetings of one format, place and people in different years are two events, not one with conflicting dates", () => {
    const at = (m: EventMention): EventMention => ({
      ...m,
      location: "gaz:location:astana"
    })
    expect(sizes(reports(at(meeting("2024-10-09", [TRUMP], FIVE)), at(meeting("2025-10-09", [TRUMP], FIVE))))).toEqual([
      1, 1
    ])
    // (a day apart in one month: one event reported with conflicting dates)
    const cs = clusterEvents(
      reports(at(meeting("2025-10-09", [TRUMP], FIVE)), at(meeting("2025-10-10", [TRUMP], FIVE)))
    )
    expect(cs.map((c) => [c.reports.length, c.conflict])).toEqual([[2, true]])
  })

  it("reports placed in two different places are two events", () => {
    const at = (m: EventMention, location: string): EventMention => ({
      ...m,
      location
    })
    expect(
      sizes(
        reports(
          at(meeting("2026", [TRUMP], ["gaz:country:KAZ"]), "gaz:location:miami"),
          at(meeting("2026", [TRUMP], ["gaz:country:KAZ"]), "gaz:location:washington")
        )
      )
    ).toEqual([1, 1])
    expect(
      sizes(
        reports(
          at(meeting("2026", [TRUMP], ["gaz:country:KAZ"]), "gaz:location:miami"),
          meeting("2026", [TRUMP], ["gaz:country:KAZ"])
        )
      )
    ).toEqual([2])
  })
})

describe("clusterDate", () => {
  const fromReport = (m: EventMention): EventMention => ({
    ...m,
    dateFromReport: true
  })
  it("a date a report states wins over dates taken from other reports' own time", () => {
    // (the report dated by its own time joins first; the stated date then joins it, undated as the cluster is)
    const cs = clusterEvents(
      reports(fromReport(meeting("2025-11-07", [TRUMP], FIVE)), meeting("2025-11-06", [TRUMP], FIVE))
    )
    expect(cs.map((c) => [c.reports.length, clusterDate(c).value])).toEqual([[2, "2025-11-06"]])
  })
  it("reports dated only by their own time still date the event", () => {
    const cs = clusterEvents(reports(meeting(null, [TRUMP], FIVE), fromReport(meeting("2025-11", [TRUMP], FIVE))))
    expect(cs.map((c) => clusterDate(c))).toEqual([{ value: "2025-11", precision: "day" }])
  })
})
