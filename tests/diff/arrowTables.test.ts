/** A release read from its Arrow files gives the diff, the labels and the carried-over event ids its CSV files give. */
import * as fs from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { reportKey } from "../../pipeline/04-resolve/Resolve.js"
import { parseCsv } from "../../pipeline/05-publish/csv.js"
import { readReleaseTables } from "../../pipeline/diff/arrowTables.js"
import { diffTables, labeller, type RowLookup, type TableTexts } from "../../pipeline/diff/diff.js"
import { previousEventIds } from "../../pipeline/release/lineage.js"
import { TABLES } from "../../schemas/Tables.js"
import { repoRoot } from "../lib/tmp.js"

const releases = fs
  .readdirSync(join(repoRoot, "dist"))
  .filter((d) => /^\d+\.\d+\.\d+$/.test(d))
  .sort()
const csvTexts = (dir: string): TableTexts =>
  new Map(TABLES.map((d) => [d.name, fs.readFileSync(join(dir, "data", `${d.name}.csv`), "utf8")] as const))

describe("release tables from Arrow files", () => {
  it("every row's cells equal the CSV's, in every published release", () => {
    for (const v of releases) {
      const dir = join(repoRoot, "dist", v)
      const arrow = readReleaseTables(dir)
      for (const d of TABLES) {
        const t = arrow.get(d.name)!
        expect(typeof t).not.toBe("string")
        const { rows } = parseCsv(fs.readFileSync(join(dir, "data", `${d.name}.csv`), "utf8"))
        expect([...(t as Exclude<typeof t, string>).ids()].length, `${v} ${d.name}`).toBe(rows.length)
        for (const r of rows)
          expect((t as Exclude<typeof t, string>).get(r[d.primaryKey]!), `${v} ${d.name}`).toEqual(r)
      }
    }
  })

  it("give the same diff and changelog labels as the CSV files", () => {
    expect(releases.length).toBeGreaterThanOrEqual(2)
    const [a, b] = releases.slice(-2).map((v) => join(repoRoot, "dist", v))
    const viaArrow = diffTables(
      { version: "a", tables: readReleaseTables(a!) },
      { version: "b", tables: readReleaseTables(b!) }
    )
    const viaCsv = diffTables({ version: "a", tables: csvTexts(a!) }, { version: "b", tables: csvTexts(b!) })
    expect(viaArrow).toEqual(viaCsv)
    const la = labeller(readReleaseTables(b!), readReleaseTables(a!))
    const lc = labeller(csvTexts(b!), csvTexts(a!))
    for (const [t, ch] of Object.entries(viaCsv.tables))
      for (const id of [...ch.added, ...ch.removed]) expect(la(t, id)).toBe(lc(t, id))
  })

  it("give the event ids of every event report, as the CSV evidence does", () => {
    const dir = join(repoRoot, "dist", releases.at(-1)!)
    const events = new Map(
      parseCsv(fs.readFileSync(join(dir, "data/events.csv"), "utf8")).rows.map((e) => [e.event_id!, e] as const)
    )
    const expected = new Map<string, string>()
    for (const r of parseCsv(fs.readFileSync(join(dir, "data/evidence.csv"), "utf8")).rows) {
      const e = r.row_table === "events" ? events.get(r.row_id!) : undefined
      if (e)
        expected.set(
          reportKey(r.source_id!, Number(r.char_start), Number(r.char_end), e.event_type!, e.trigger ?? ""),
          r.row_id!
        )
    }
    expect(expected.size).toBeGreaterThan(50)
    expect(previousEventIds(dir)).toEqual(expected)
  })
})

describe("diff of rows read two ways", () => {
  it("finds the same rows and changed columns by one walk over CSV lines, by one walk over typed values and by lookups of cells (dates, lists, numbers, nulls; out-of-order rows fall back)", async () => {
    const { cellLookup } = await import("../../pipeline/diff/diff.js")
    const dir = join(repoRoot, "dist", releases.at(-1)!)
    const arrow = readReleaseTables(dir)
    for (const d of TABLES) {
      const a = arrow.get(d.name) as Exclude<ReturnType<typeof arrow.get>, string | undefined>
      // the same rows as resolve would hand them over, one value changed in every other row
      const rows = parseCsv(fs.readFileSync(join(dir, "data", `${d.name}.csv`), "utf8")).rows.map((r, i) => {
        const typed: Record<string, unknown> = {}
        for (const [k, c] of Object.entries(d.columns as Record<string, { kind: string; nullable: boolean }>)) {
          const v = r[k]!
          typed[k] =
            v === "" && c.nullable
              ? null
              : c.kind === "int" || c.kind === "float"
                ? Number(v)
                : c.kind === "bool"
                  ? v === "true"
                  : c.kind === "list"
                    ? JSON.parse(v)
                    : v
        }
        if (i % 2 === 1) {
          const k = Object.keys(d.columns).find(
            (c) => (d.columns as Record<string, { kind: string }>)[c]!.kind === "text" && c !== d.primaryKey
          )
          if (k) typed[k] = `${typed[k] ?? ""}!`
        }
        return typed
      })
      const b = cellLookup(d as never, rows)
      expect(a.lines && b.lines, d.name).toBeTruthy()
      const viaLines = diffTables(
        { version: "a", tables: new Map([[d.name, a]]) },
        { version: "b", tables: new Map([[d.name, b]]) }
      ).tables[d.name]
      const typed = ({ lines: _lines, header: _header, ...lookup }: RowLookup): RowLookup => lookup
      const viaRaw = diffTables(
        { version: "a", tables: new Map([[d.name, typed(a)]]) },
        { version: "b", tables: new Map([[d.name, typed(b)]]) }
      ).tables[d.name]
      expect(viaLines, d.name).toEqual(viaRaw)
      // the walk over lines needs no lookup by id (the lineage of events still reads their rows)
      const never = () => {
        throw new Error("looked up")
      }
      const linesOnly = (l: RowLookup): RowLookup => ({
        ids: l.ids,
        get: l.get,
        has: never,
        header: l.header!,
        lines: l.lines!
      })
      expect(
        diffTables(
          { version: "a", tables: new Map([[d.name, linesOnly(a)]]) },
          { version: "b", tables: new Map([[d.name, linesOnly(b)]]) }
        ).tables[d.name],
        d.name
      ).toEqual(viaRaw)
      const cellsOnly = ({
        raw: _raw,
        ordered: _ordered,
        lines: _lines,
        header: _header,
        ...lookup
      }: RowLookup): RowLookup => lookup
      const viaCells = diffTables(
        { version: "a", tables: new Map([[d.name, cellsOnly(a)]]) },
        { version: "b", tables: new Map([[d.name, cellsOnly(b)]]) }
      ).tables[d.name]
      expect(viaRaw, d.name).toEqual(viaCells)
      // rows dropped and rows out of order: the walk gives up and the lookups answer the same
      const shuffled = cellLookup(d as never, [...rows.slice(1)].reverse())
      const walkedOrNot = diffTables(
        { version: "a", tables: new Map([[d.name, a]]) },
        { version: "b", tables: new Map([[d.name, shuffled]]) }
      ).tables[d.name]
      const typedWalkOrNot = diffTables(
        { version: "a", tables: new Map([[d.name, typed(a)]]) },
        { version: "b", tables: new Map([[d.name, typed(shuffled)]]) }
      ).tables[d.name]
      expect(typedWalkOrNot, d.name).toEqual(walkedOrNot)
      const byLookups = diffTables(
        { version: "a", tables: new Map([[d.name, cellsOnly(a)]]) },
        { version: "b", tables: new Map([[d.name, cellsOnly(shuffled)]]) }
      ).tables[d.name]
      expect(walkedOrNot, d.name).toEqual(byLookups)
      if (rows.length > 0) expect(byLookups!.removed, d.name).toContain(rows[0]![d.primaryKey])
      const edited =
        Object.values(d.columns as Record<string, { kind: string }>).some((c) => c.kind === "text") && rows.length > 1
      if (edited) expect(viaCells!.changed.length, d.name).toBeGreaterThan(0)
    }
  })
})
