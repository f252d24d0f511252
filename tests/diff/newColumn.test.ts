/** A column added to the schema after the older release was published is not a change of its rows. */
import { describe, expect, it } from "vitest"
import { diffTables, renderChangelog } from "../../pipeline/diff/diff.js"
import { TABLES } from "../../schemas/Tables.js"

const events = TABLES.find((d) => d.name === "events")!
const columns = Object.keys(events.columns)
const csv = (cols: ReadonlyArray<string>, rows: ReadonlyArray<Record<string, string>>): string =>
  [cols.join(","), ...rows.map((r) => cols.map((c) => r[c] ?? "").join(","))].join("\n") + "\n"

describe("diff across a schema that gained a column", () => {
  const row = (id: string, extra: Record<string, string> = {}) => ({
    [events.primaryKey]: id,
    event_type: "meeting",
    ...extra
  })
  const newest = columns.at(-1)!
  const older = columns.filter((c) => c !== newest)

  it("does not list rows as changed in a column the older release lacks, on either reading (walk or lookups)", () => {
    const a = csv(older, [row("evt_a"), row("evt_b")])
    const b = csv(columns, [row("evt_a", { [newest]: "x" }), row("evt_b")])
    const d = diffTables(
      { version: "1", tables: new Map([["events", a]]) },
      { version: "2", tables: new Map([["events", b]]) }
    )
    expect(d.tables.events!.changed).toEqual([])
    // the schema change is said once, in changes.json and in the changelog
    expect(d.columns).toEqual({ events: { added: [newest], removed: [] } })
    expect(renderChangelog(d, () => "")).toContain(`Schema: \`events\` gains \`${newest}\``)
  })

  it("says nothing of the schema when both releases have the same columns", () => {
    const a = csv(columns, [row("evt_a")])
    const d = diffTables(
      { version: "1", tables: new Map([["events", a]]) },
      { version: "2", tables: new Map([["events", a]]) }
    )
    expect(d.columns).toBeUndefined()
    expect(renderChangelog(d, () => "")).not.toContain("Schema:")
  })

  it("still lists a change in a column both releases have", () => {
    const a = csv(older, [row("evt_a"), row("evt_b")])
    const b = csv(columns, [row("evt_a", { event_type: "visit" }), row("evt_b")])
    const d = diffTables(
      { version: "1", tables: new Map([["events", a]]) },
      { version: "2", tables: new Map([["events", b]]) }
    )
    expect(d.tables.events!.changed).toEqual([{ id: "evt_a", columns: ["event_type"] }])
  })
})
