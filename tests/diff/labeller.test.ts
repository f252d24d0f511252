/** CHANGELOG labels: rows of the new release by their new values, removed rows by the previous release's. */
import { describe, expect, it } from "vitest"
import { labeller } from "../../pipeline/diff/diff.js"

const csv = (header: string, ...rows: ReadonlyArray<string>) => [header, ...rows].join("\r\n") + "\r\n"
const ENT = "entity_id,name,entity_type"

describe("labeller", () => {
  it("labels a removed entity from the previous release, a kept one from the new", () => {
    const now = new Map([["entities", csv(ENT, "ent_a,Astana,location")]])
    const before = new Map([["entities", csv(ENT, "ent_a,Astana (old),location", "ent_b,Soviet Union,organization")]])
    const label = labeller(now, before)
    expect([label("entities", "ent_a"), label("entities", "ent_b"), label("entities", "ent_c")]).toEqual([
      "Astana (location)",
      "Soviet Union (organization)",
      ""
    ])
    expect(labeller(now)("entities", "ent_b")).toBe("")
  })

  it("labels an event without a date as undated (an empty date cell)", () => {
    const now = new Map([
      [
        "events",
        csv("event_id,summary,date,modality", "evt_a,meeting (talks),,asserted", "evt_b,visit (visit),2025-11,planned")
      ]
    ])
    const label = labeller(now)
    expect([label("events", "evt_a"), label("events", "evt_b")]).toEqual([
      "meeting (talks) [undated, asserted]",
      "visit (visit) [2025-11, planned]"
    ])
  })
})
