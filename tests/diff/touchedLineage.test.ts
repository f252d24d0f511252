/**
 * The lineage read near what changed (touchedLineage.ts) equals the lineage read from every event's evidence, on
 * random pairs of releases: events merged, split, retired, retyped, reports added and removed.
 */
import { describe, expect, it } from "vitest"
import { toCsv } from "../../pipeline/05-publish/csv.js"
import { cellLookup, diffTables, type TableTexts } from "../../pipeline/diff/diff.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"

type Row = Record<string, unknown>
const def = (name: string) => TABLES.find((d) => d.name === name)! as unknown as TableDef<Record<string, Column>>
const byId = (rows: Array<Row>, key: string) =>
  rows.sort((x, y) => (String(x[key]) < String(y[key]) ? -1 : String(x[key]) > String(y[key]) ? 1 : 0))

/** A small seeded generator (a test must give the same cases every run). */
const lcg = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}

/** A release: events with types, and their reports as evidence rows (plus entity evidence the lineage ignores). */
const release = (
  reports: ReadonlyArray<readonly [event: string, span: number]>,
  types: ReadonlyMap<string, string>
) => {
  const events = byId(
    [...new Set(reports.map(([e]) => e))].map((e) => ({ event_id: e, event_type: types.get(e)! })),
    "event_id"
  )
  const evidence = byId(
    [
      ...reports.map(([e, s]) => ({
        evidence_id: `evd_${e}_${s}`,
        row_id: e,
        row_table: "events",
        source_id: `src_${s % 5}`,
        char_start: s,
        char_end: s + 3
      })),
      { evidence_id: "evd_ent", row_id: "ent_x", row_table: "entities", source_id: "src_0", char_start: 1, char_end: 4 }
    ],
    "evidence_id"
  )
  return { events, evidence }
}

const asLookups = (r: ReturnType<typeof release>): TableTexts =>
  new Map([
    ["events", cellLookup(def("events"), r.events)],
    ["evidence", cellLookup(def("evidence"), r.evidence)]
  ])
const asCsv = (r: ReturnType<typeof release>): TableTexts =>
  new Map([
    ["events", toCsv(def("events"), r.events)],
    ["evidence", toCsv(def("evidence"), r.evidence)]
  ])

describe("event lineage near what changed", () => {
  it("equals the lineage over every event's evidence on 200 random pairs of releases", () => {
    const rand = lcg(7)
    const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(rand() * xs.length)]!
    let nonEmpty = 0
    for (let n = 0; n < 200; n++) {
      const ids = Array.from({ length: 12 }, (_, i) => `evt_${String(i).padStart(2, "0")}`)
      const types = new Map(ids.map((id) => [id, pick(["meet", "visit", "agree"])]))
      const before = Array.from({ length: 30 }, () => [pick(ids), Math.floor(rand() * 20)] as const)
      // a few edits: a report moved to another event, added, removed; an event retyped
      type Report = readonly [string, number]
      const after: Array<Report> = before
        .filter(() => rand() > 0.05)
        .map(([e, s]): Report => (rand() < 0.05 ? [pick(ids), s] : [e, s]))
      for (let k = Math.floor(rand() * 3); k > 0; k--) after.push([pick(ids), Math.floor(rand() * 20)])
      const typesAfter = new Map(types)
      if (rand() < 0.2) typesAfter.set(pick(ids), "protest")
      const dedupe = (xs: ReadonlyArray<readonly [string, number]>) => [
        ...new Map(xs.map((x) => [`${x[0]}|${x[1]}`, x] as const)).values()
      ]
      const a = release(dedupe(before), types)
      const b = release(dedupe(after), typesAfter)
      const near = diffTables({ version: "1", tables: asLookups(a) }, { version: "2", tables: asLookups(b) })
      const whole = diffTables({ version: "1", tables: asCsv(a) }, { version: "2", tables: asCsv(b) })
      expect(near.events_lineage, `case ${n}`).toEqual(whole.events_lineage)
      const l = whole.events_lineage!
      if (l.merged.length + l.split.length + l.tombstones.length > 0) nonEmpty++
    }
    // the cases are not all trivial
    expect(nonEmpty).toBeGreaterThan(60)
  })
})
