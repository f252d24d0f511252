/** `stats` on the newest published release: its breakdowns add up to the tables and its dates read as dates. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { readManifest } from "../../pipeline/release/manifest.js"
import { countsOf, releaseStats, renderStats } from "../../pipeline/release/stats.js"
import { repoRoot } from "../lib/tmp.js"

const dist = join(repoRoot, "dist")
const dir = join(dist, (JSON.parse(readFileSync(join(dist, "latest.json"), "utf8")) as { path: string }).path)
const s = releaseStats(dir, Effect.runSync(readManifest(dir)))
const sum = (c: ReadonlyArray<readonly [string, number]>) => c.reduce((a, [, n]) => a + n, 0)

describe("stats", () => {
  it("each breakdown adds up to its table's rows", () => {
    for (const c of [s.events.byType, s.events.byModality, s.events.byDatePrecision]) expect(sum(c)).toBe(s.rows.events)
    expect(sum(s.sources.byPublisher)).toBe(s.rows.sources)
    expect(sum(s.entities.byType)).toBe(s.rows.entities)
    expect(sum(s.relations.byPredicate)).toBe(s.rows.relations)
    expect(sum(s.evidence.byMethod)).toBe(s.rows.evidence)
  })

  it("the undated share is the events without any date, and date ranges are ISO dates", () => {
    const unknown = s.events.byDatePrecision.find(([p]) => p === "unknown")?.[1] ?? 0
    expect(s.events.undatedShare).toBeCloseTo(unknown / s.rows.events!, 10)
    for (const r of [s.events.dateRange, s.sources.publishedRange]) {
      expect(r).not.toBeNull()
      for (const d of r!) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(r![0] <= r![1]).toBe(true)
    }
  })

  it("counts come most frequent first, ties by value, nulls named", () => {
    expect(countsOf(["b", "a", null, "b", "a", "c"], "(none)")).toEqual([
      ["a", 2],
      ["b", 2],
      ["(none)", 1],
      ["c", 1]
    ])
  })

  it("the text names every table and section", () => {
    const text = renderStats(s, dir)
    for (const t of Object.keys(s.rows)) expect(text).toContain(t)
    for (const h of [
      "by type",
      "by modality",
      "by date precision",
      "undated:",
      "by publisher",
      "by predicate",
      "by rule"
    ])
      expect(text).toContain(h)
  })
})
