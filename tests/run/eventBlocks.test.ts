/**
 * The clusters of event blocks in the store are a cache: tables with the store, cold or warm, and without it are the
 * same; a warm build clusters again only the blocks too small to store; one article more re-clusters only the blocks
 * it touches; a damaged entry is said and recomputed.
 */
import { cpSync, rmSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterAll, describe, expect, it, vi } from "@effect/vitest"
import Database from "better-sqlite3"
import { Effect } from "effect"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { STORE_FILE } from "../../pipeline/run/cache.js"
import { buildTables, noLineage } from "../../pipeline/run/tables.js"
import { makeTimings } from "../../pipeline/shared/timings.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const sources = tmpDir("car-blocks-src-")
cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
writeCorpus(sources, 7, 16)
const cache = tmpDir("car-blocks-cache-")
afterAll(() => rmSync(cache, { recursive: true, force: true }))

/** The tables of `dir` (through the store in `cacheDir`, null: none), what the build counted and said. */
const run = (dir: string, cacheDir: string | null, blockReports?: number) =>
  Effect.gen(function* () {
    const timings = makeTimings()
    const said: Array<string> = []
    const spy = vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void said.push(a.join(" ")))
    const built = yield* Effect.ensuring(
      buildTables(dir, noLineage, timings, { workers: 0, cacheDir, ...(blockReports ? { blockReports } : {}) }),
      Effect.sync(() => spy.mockRestore())
    )
    const c = timings.report().counts
    return {
      tables: built.tables,
      /** The tables as text (the evidence table is columns with methods: compared as what JSON.stringify writes). */
      json: JSON.stringify(built.tables),
      said,
      blocks: c["resolve: blocks"]!,
      stored: c["resolve: blocks from the store"]!,
      clustered: c["resolve: blocks clustered"]!,
      small: c["resolve: blocks too small to store"]!,
      split: c["resolve: blocks split by year"]!
    }
  }).pipe(Effect.provide(NodeContext.layer))

const blockEntries = () => {
  const db = new Database(join(cache, STORE_FILE))
  try {
    return db.prepare<{ n: number }>("SELECT count(*) AS n FROM blocks").get()!.n
  } finally {
    db.close()
  }
}

describe("event blocks through the store", () => {
  it.live(
    "give the tables a build without the store gives; a warm build reads back every stored block",
    () =>
      Effect.gen(function* () {
        const reference = yield* run(sources, null)
        expect(reference.stored).toBe(0)
        const cold = yield* run(sources, cache)
        expect(cold.json).toBe(reference.json)
        expect([cold.stored, cold.clustered]).toEqual([0, cold.blocks])
        const entries = blockEntries()
        expect(entries).toBeGreaterThan(0)
        const warm = yield* run(sources, cache)
        expect(warm.json).toBe(reference.json)
        // only the blocks too small to be worth an entry are clustered again
        expect([warm.stored, warm.clustered]).toEqual([entries, warm.small])
        expect(warm.blocks).toBe(entries + warm.small)

        // a damaged entry is said, recomputed and rewritten
        const db = new Database(join(cache, STORE_FILE))
        db.prepare("UPDATE blocks SET payload = ? WHERE rowid = 1").run(Buffer.from("not gzip"))
        db.close()
        const damaged = yield* run(sources, cache)
        expect(damaged.json).toBe(reference.json)
        expect(damaged.said.filter((l) => /event block .*: damaged entry/.test(l))).toHaveLength(1)
        expect(damaged.stored).toBe(entries - 1)
        expect((yield* run(sources, cache)).stored).toBe(entries)
      }),
    { timeout: 240_000 }
  )

  it.live(
    "a cap below the largest block splits it by year, says so and counts it; without a cap nothing is split",
    () =>
      Effect.gen(function* () {
        const whole = yield* run(sources, null)
        expect(whole.split).toBe(0)
        expect(whole.said.filter((l) => l.includes("[blocks-split]"))).toHaveLength(0)
        const capped = yield* run(sources, null, 8)
        expect(capped.split).toBeGreaterThan(0)
        expect(capped.said.filter((l) => l.includes("[blocks-split]"))).toEqual([
          expect.stringContaining(`${capped.split} event blocks of more than 8 reports`)
        ])
        expect(capped.blocks).toBeGreaterThan(whole.blocks)
      }),
    { timeout: 240_000 }
  )

  it.live(
    "one article more: only the blocks it touches are clustered again",
    () =>
      Effect.gen(function* () {
        const more = tmpDir("car-blocks-more-")
        cpSync(sources, more, { recursive: true })
        const before = yield* run(more, cache)
        writeCorpus(more, 7, 17, 16)
        const after = yield* run(more, cache)
        expect(after.json).toBe((yield* run(more, null)).json)
        // each stored block the article does not touch is read back; each it touches holds one of its event reports
        const added = after.tables.sources.find((s) => s.file_name === "gen_000016.txt")!.source_id
        const reports = [...after.tables.evidence].filter(
          (e) => e.row_table === "events" && e.source_id === added
        ).length
        const touched = after.clustered - after.small
        expect(touched).toBeGreaterThan(0)
        expect(touched).toBeLessThanOrEqual(reports)
        expect(after.stored).toBe(after.blocks - after.small - touched)
        expect(after.stored).toBeGreaterThan(0)
        expect(before.stored + before.clustered).toBe(before.blocks)
        rmSync(more, { recursive: true, force: true })
      }),
    { timeout: 240_000 }
  )
})
