import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { BATCH_ROWS } from "../../pipeline/05-publish/arrow.js"
import { parquetSliceRows, writeContentFiles, writeReleaseFiles } from "../../pipeline/05-publish/files.js"
import { memorySink } from "../../pipeline/05-publish/sink.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { fixedMeta, seedsTables } from "../lib/build.js"

describe("publication under a memory budget", () => {
  it("slices Parquet input by the budget, within what keeps the bytes", () => {
    expect([100, 500, 1000, 4000, 1_000_000].map(parquetSliceRows)).toEqual([
      4096,
      16_384,
      32_768,
      BATCH_ROWS,
      BATCH_ROWS
    ])
    for (const mb of [100, 333, 500, 777, 2500])
      expect(1_048_576 % parquetSliceRows(mb) === 0 && parquetSliceRows(mb) % 1024 === 0).toBe(true)
  })

  // live: a build reads the clock ("today", for future publication dates)
  it.live("gives the same files when each table is let go after its files, and Parquet goes in small slices", () =>
    Effect.gen(function* () {
      const built = yield* seedsTables()
      const meta = fixedMeta(built, new Map([["CHANGELOG.md", new TextEncoder().encode("# Changes\n")]]))
      const release = (tables: ReleaseTables, budget: Parameters<typeof writeReleaseFiles>[5]) => {
        const sink = memorySink()
        writeContentFiles(tables, built.texts, sink)
        // a Parquet thread even for the seeds' few rows
        writeReleaseFiles(tables, meta, sink, undefined, 0, budget)
        return sink
      }
      const held = release(built.tables, {})
      const tables = { ...built.tables }
      const bounded = release(tables, { dropWritten: true, parquetSliceRows: 1024 })
      expect([...bounded.bytes.keys()].sort()).toEqual([...held.bytes.keys()].sort())
      for (const [p, b] of held.bytes) expect(Buffer.from(bounded.bytes.get(p)!).equals(Buffer.from(b)), p).toBe(true)
      // the tables but sources are gone, their lengths kept; the caller's own tables are untouched
      expect(tables.events.length).toBe(built.tables.events.length)
      expect(() => tables.events.at(0)).toThrow(/events table was let go/)
      expect(() => [...tables.evidence]).toThrow(/evidence table was let go/)
      expect(tables.sources).toBe(built.tables.sources)
      expect(built.tables.events.at(0)).toBeDefined()
    })
  )
})
