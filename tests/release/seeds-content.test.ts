/**
 * What the release of the seeds must contain (issue 2): the people, states, organisations and
 * initiatives the articles name, and their events — the 6 Nov 2025 C5+1 summit in Washington as
 * one event supported by every article that reports it, Rubio's planned tour, the G20 invitation,
 * Kazakhstan joining the Abraham Accords, the bill to repeal Jackson–Vanik — each with quotes.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseCsv } from "../../pipeline/05-publish/csv.js"
import { repoRoot } from "../lib/tmp.js"

const rel = join(
  repoRoot,
  "dist",
  (
    JSON.parse(readFileSync(join(repoRoot, "dist", "latest.json"), "utf8")) as {
      path: string
    }
  ).path
)
const table = (t: string) => parseCsv(readFileSync(join(rel, "data", `${t}.csv`), "utf8")).rows
const entities = table("entities")
const events = table("events")
const parts = table("event_participants")
const evidence = table("evidence")
const entityId = (name: string) => entities.find((e) => e.name === name)?.entity_id
const withParticipant = (type: string, name: string) =>
  events.filter(
    (e) => e.event_type === type && parts.some((p) => p.event_id === e.event_id && p.entity_id === entityId(name))
  )
const quotes = (eventId: string) => evidence.filter((x) => x.row_id === eventId).map((x) => x.quote)

describe("the seeds' release", () => {
  it("names the people, states, organisations and initiatives", () => {
    for (const [name, type] of [
      ["Donald Trump", "person"],
      ["Marco Rubio", "person"],
      ["Kassym-Jomart Tokayev", "person"],
      ["Shavkat Mirziyoyev", "person"],
      ["Christopher Landau", "person"],
      ["Sergio Gor", "person"],
      ["James Risch", "person"],
      ["Emilbek Dzhuraev", "person"],
      ["Kazakhstan", "country"],
      ["Kyrgyzstan", "country"],
      ["Tajikistan", "country"],
      ["Turkmenistan", "country"],
      ["Uzbekistan", "country"],
      ["United States", "country"],
      ["State Department", "organization"],
      ["OSCE Academy", "organization"],
      ["C5+1", "initiative"],
      ["Abraham Accords", "initiative"],
      ["Belt and Road Initiative", "initiative"],
      ["Jackson–Vanik amendment", "legislation"]
    ])
      expect(entities.find((e) => e.name === name)?.entity_type, name).toBe(type)
  })

  it("has the 6 Nov 2025 summit as one event reported by all five articles", () => {
    const summit = events.filter(
      (e) => e.event_type === "meeting" && e.date === "2025-11-06" && Number(e.source_count) === 5
    )
    expect(summit).toHaveLength(1)
    const ev = evidence.filter((x) => x.row_id === summit[0]!.event_id)
    expect(new Set(ev.map((x) => x.source_id)).size).toBe(5)
    expect(summit[0]!.modality).toBe("asserted")
  })

  it("has Rubio's planned tour, the G20 invitation, the Abraham Accords accession and the Jackson–Vanik bill, with quotes", () => {
    const tour = withParticipant("visit", "Marco Rubio").find((e) => e.modality === "planned" && e.date === "2026")
    expect(tour && quotes(tour.event_id).join(" ")).toContain("visit all five Central Asian countries next year")
    const g20 = withParticipant("invitation", "Donald Trump").find((e) =>
      quotes(e.event_id).some((q) => q.includes("G20"))
    )
    expect(g20).toBeDefined()
    expect(withParticipant("phone_call", "Donald Trump").length).toBeGreaterThan(0)
    const accords = withParticipant("accession", "Abraham Accords").find((e) =>
      parts.some((p) => p.event_id === e.event_id && p.entity_id === entityId("Kazakhstan"))
    )
    expect(accords && quotes(accords.event_id).join(" ")).toContain("Abraham Accords")
    const bill = withParticipant("legislation", "Jackson–Vanik amendment").find((e) => e.modality === "planned")
    expect(bill && quotes(bill.event_id).join(" ")).toContain("introduce a bill")
  })
})
