/**
 * End-to-end: build the seeds twice into temporary folders; the releases are byte-identical,
 * validate cleanly, every evidence span re-slices to its quote (JS code points and the
 * published text), and an independent reader (polars) sees the same rows as the CSV.
 */

import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import { Context, Effect, Layer } from "effect"
import pl from "nodejs-polars"
import { validateRelease } from "../../pipeline/validate/checks.js"
import { buildSeeds } from "../lib/build.js"
import { tmpDir } from "../lib/tmp.js"

const walk = (d: string, base = d): Array<string> =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name), base) : [join(d, e.name).slice(base.length + 1)]
  )

/** The seeds built twice, each into its own folder, once for the whole file. */
class SeedsBuilds extends Context.Tag("test/SeedsBuilds")<SeedsBuilds, { readonly a: string; readonly b: string }>() {}
const seedsBuilds = Layer.effect(
  SeedsBuilds,
  Effect.gen(function* () {
    const a = tmpDir()
    const b = tmpDir()
    yield* buildSeeds(a)
    yield* buildSeeds(b)
    return { a, b }
  })
).pipe(Layer.provide(NodeContext.layer))

/** The first build's release. */
const release = Effect.map(SeedsBuilds, ({ a }) => join(a, "1.0.0"))

// without the test services: a build reads the live clock ("today", for future publication dates)
layer(seedsBuilds, { excludeTestServices: true })("release of the seeds", (it) => {
  it.effect("two builds are byte-identical", () =>
    Effect.gen(function* () {
      const { a, b } = yield* SeedsBuilds
      const fa = walk(a).sort()
      expect(fa).toEqual(walk(b).sort())
      for (const f of fa) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true)
    })
  )

  it.effect("validates: hashes, CSV = Arrow, keys, foreign keys, provenance, spans", () =>
    Effect.gen(function* () {
      expect(validateRelease(yield* release)).toEqual([])
    })
  )

  it.effect("every evidence span re-slices to its quote", () =>
    Effect.gen(function* () {
      const rel = yield* release
      const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      const evidence = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<
        Record<string, string>
      >
      const texts = new Map(sources.map((s) => [s.source_id!, [...readFileSync(join(rel, s.text_path!), "utf8")]]))
      expect(evidence.length).toBeGreaterThan(0)
      for (const e of evidence)
        expect(texts.get(e.source_id!)!.slice(Number(e.char_start), Number(e.char_end)).join("")).toBe(e.quote)
    })
  )

  it.effect("polars reads every Parquet file with the CSV's rows and the Arrow file's types", () =>
    Effect.gen(function* () {
      const rel = yield* release
      for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"]) {
        const pq = pl.readParquet(readFileSync(join(rel, `data/${t}.parquet`)))
        const ipc = pl.readIPC(readFileSync(join(rel, `data/${t}.arrow`)))
        expect(pq.height, t).toBe(ipc.height)
        expect(pq.columns, t).toEqual(ipc.columns)
        expect(Object.values(pq.schema).map(String), t).toEqual(Object.values(ipc.schema).map(String))
        expect(JSON.stringify(pq.toRecords()), t).toBe(JSON.stringify(ipc.toRecords()))
      }
    })
  )

  it.effect("polars reads every Arrow file with the CSV's rows and real types", () =>
    Effect.gen(function* () {
      const rel = yield* release
      for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"]) {
        const df = pl.readIPC(readFileSync(join(rel, `data/${t}.arrow`)))
        const csv = parse(readFileSync(join(rel, `data/${t}.csv`), "utf8"), {
          columns: true
        }) as Array<Record<string, string>>
        expect(df.height, t).toBe(csv.length)
        expect(df.columns, t).toEqual(Object.keys(csv[0] ?? Object.fromEntries(df.columns.map((c) => [c, ""]))))
        if (csv.length > 0) expect(String(df.getColumn(df.columns[0]!).get(0))).toBe(csv[0]![df.columns[0]!])
      }
      const ev = pl.readIPC(readFileSync(join(rel, "data/evidence.arrow")))
      expect(String(ev.getColumn("char_start").dtype)).toBe("DataType(Int32)")
      expect(String(ev.getColumn("row_table").dtype)).toBe("DataType(Categorical)")
      const src = pl.readIPC(readFileSync(join(rel, "data/sources.arrow")))
      expect(String(src.getColumn("published_date").dtype)).toBe("DataType(Date)")
    })
  )
})
