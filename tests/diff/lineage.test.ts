/** Event lineage between releases: merges, splits and retired ids, read from the evidence tables. */
import { describe, expect, it } from "vitest"
import { diffTables, renderChangelog } from "../../pipeline/diff/diff.js"
import { eventLineage } from "../../pipeline/diff/lineage.js"

const T = new Map([
  ["evt_a", "meet"],
  ["evt_b", "meet"],
  ["evt_c", "meet"],
  ["evt_d", "agree"]
])
const R = (evidence: ReadonlyArray<Record<string, string>>, types: ReadonlyMap<string, string> = T) => ({
  evidence,
  types
})
const ev = (row_id: string, source_id: string, char_start: number, char_end: number) => ({
  row_id,
  row_table: "events",
  source_id,
  char_start: String(char_start),
  char_end: String(char_end)
})

describe("eventLineage", () => {
  it("records a merge: the absorbed id becomes a tombstone pointing at the survivor", () => {
    const l = eventLineage(
      R([ev("evt_a", "s1", 0, 5), ev("evt_b", "s2", 10, 15)]),
      R([ev("evt_a", "s1", 0, 5), ev("evt_a", "s2", 10, 15)])
    )
    expect(l.tombstones).toEqual([{ event_id: "evt_b", replaced_by: ["evt_a"] }])
    expect(l.merged).toEqual([{ event_id: "evt_a", merged_ids: ["evt_b"] }])
    expect(l.split).toEqual([])
  })

  it("records a split: the previous id stays with one part and the other part is listed", () => {
    const l = eventLineage(
      R([ev("evt_a", "s1", 0, 5), ev("evt_a", "s2", 10, 15)]),
      R([ev("evt_a", "s1", 0, 5), ev("evt_c", "s2", 10, 15)])
    )
    expect(l.split).toEqual([{ event_id: "evt_a", into: ["evt_a", "evt_c"] }])
    expect([l.tombstones, l.merged]).toEqual([[], []])
  })

  it("retires an event whose reports are gone, and ignores evidence of other tables", () => {
    const other = { ...ev("ent_x", "s1", 0, 5), row_table: "entities" }
    const l = eventLineage(R([ev("evt_a", "s1", 0, 5), other]), R([other]))
    expect(l.tombstones).toEqual([{ event_id: "evt_a", replaced_by: [] }])
  })

  it("does not call a report that two events already shared a split", () => {
    const before = [ev("evt_a", "s1", 0, 5), ev("evt_b", "s1", 0, 5), ev("evt_b", "s2", 3, 9)]
    expect(eventLineage(R(before), R(before)).split).toEqual([])
    expect(eventLineage(R(before), R([...before, ev("evt_c", "s2", 3, 9)])).split).toEqual([
      { event_id: "evt_b", into: ["evt_b", "evt_c"] }
    ])
  })

  it("does not link events of different types that quote the same span", () => {
    const both = [ev("evt_a", "s1", 0, 5), ev("evt_d", "s1", 0, 5)]
    expect(eventLineage(R(both), R(both))).toEqual({
      tombstones: [],
      merged: [],
      split: []
    })
    const l = eventLineage(R([ev("evt_a", "s1", 0, 5)]), R([ev("evt_d", "s1", 0, 5)]))
    expect(l.tombstones).toEqual([{ event_id: "evt_a", replaced_by: [] }])
  })
})

describe("changes.json and CHANGELOG.md carry the lineage", () => {
  const csv = (rows: ReadonlyArray<Record<string, string>>) =>
    [Object.keys(rows[0]!).join(","), ...rows.map((r) => Object.values(r).join(","))].join("\r\n")
  const evd = (rows: Array<ReturnType<typeof ev>>) =>
    csv(
      rows.map((r) => ({
        evidence_id: `evd_${r.row_id}_${r.source_id}`,
        ...r
      }))
    )

  it("lists tombstones in both, and leaves them out of a first release", () => {
    const events = csv([
      { event_id: "evt_a", event_type: "meet" },
      { event_id: "evt_b", event_type: "meet" }
    ])
    const before = new Map([
      ["evidence", evd([ev("evt_a", "s1", 0, 5), ev("evt_b", "s2", 10, 15)])],
      ["events", events]
    ])
    const after = new Map([
      ["evidence", evd([ev("evt_a", "s1", 0, 5), ev("evt_a", "s2", 10, 15)])],
      ["events", events]
    ])
    const c = diffTables({ version: "1.0.0", tables: before }, { version: "1.1.0", tables: after })
    expect(c.events_lineage?.tombstones).toEqual([{ event_id: "evt_b", replaced_by: ["evt_a"] }])
    const md = renderChangelog(c, () => "")
    expect(md).toContain("## events: merged")
    expect(md).toContain("- `evt_b` → `evt_a`")
    expect(
      diffTables({ version: null, tables: new Map() }, { version: "1.0.0", tables: after }).events_lineage
    ).toBeUndefined()
  })
})
