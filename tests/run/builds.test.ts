/**
 * The extraction cache and the worker pool are optimisations only: a build without the cache
 * in the main thread and on two workers, with a cold cache on one worker, with a warm cache on several workers and in
 * the main thread, after deleting the cache, and with damaged cache entries all publish the same bytes; a damaged
 * entry (an article's, a re-extraction's) is reported and rewritten. A warm build extracts nothing, re-extractions
 * against a reference day included (they run on the workers, or in the main thread with none); one article more is
 * the only one extracted. A sequence of releases (k articles added, one changed, one removed) built incrementally
 * (warm cache, several workers, the previous release as base) equals the same sequence built without the cache, and
 * its event lineage, read near what changed, is the one read from every event's evidence.
 */

import { execFile } from "node:child_process"
import { appendFileSync, cpSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterAll, describe, expect, it, vi } from "@effect/vitest"
import Database from "better-sqlite3"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { diffTables, type TableTexts } from "../../pipeline/diff/diff.js"
import { STORE_FILE } from "../../pipeline/run/cache.js"
import type { TimingReport } from "../../pipeline/shared/timings.js"
import { TABLES } from "../../schemas/Tables.js"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const sources = tmpDir("car-scale-src-")
cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
writeCorpus(sources, 7, 16)
// an article without a publication day whose weekday another article dates: it is extracted again against that day
cpSync(join(repoRoot, "tests", "fixtures", "undated-day-clue"), sources, { recursive: true })
const cache = tmpDir("car-scale-cache-")
const none = Option.none<string>()

/** Articles extracted (whole, and again against a reference day) by a build, from its timings. */
const extractions = (file: string) => {
  const { stages } = JSON.parse(readFileSync(file, "utf8")) as TimingReport
  return { extract: stages.extract?.calls ?? 0, reextract: stages.reextract?.calls ?? 0 }
}

/** A build into a fresh folder: its published files, what it wrote to console.error and what it extracted. */
const run = (workers: number, cacheDir: string | null, from = sources) =>
  Effect.gen(function* () {
    const out = tmpDir("car-scale-out-")
    const timings = join(out, "timings.json")
    const errors: Array<string> = []
    yield* Effect.acquireUseRelease(
      Effect.sync(() =>
        vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void errors.push(a.join(" ")))
      ),
      () =>
        build({
          sources: from,
          out,
          timings: Option.some(timings),
          version: none,
          strict: false,
          workers: Option.some(workers),
          cache: cacheDir === null ? none : Option.some(cacheDir),
          noCache: cacheDir === null
        }),
      (spy) => Effect.sync(() => spy.mockRestore())
    )
    return { files: tree(join(out, "1.0.0")), errors, ...extractions(timings) }
  }).pipe(Effect.provide(NodeContext.layer))

/** Run `f` on a connection of its own to the store (as another process would). */
const withStore = <A>(f: (db: Database) => A): A => {
  const db = new Database(join(cache, STORE_FILE))
  try {
    return f(db)
  } finally {
    db.close()
  }
}
const entries = () =>
  withStore((db) =>
    ["articles", "reextractions"].map((t) => db.prepare<{ n: number }>(`SELECT count(*) AS n FROM ${t}`).get()!.n)
  )

afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe("builds with and without the cache, on one worker and on several", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live(
    "publish byte-identical releases; a damaged entry is reported, recomputed and rewritten",
    () =>
      Effect.gen(function* () {
        const reference = yield* run(0, null)
        expect(Object.keys(reference.files).length).toBeGreaterThan(20)
        expect(reference.reextract).toBeGreaterThan(0)
        // re-extractions on the worker pool, without the store: same bytes, same work
        const pooled = yield* run(2, null)
        expect(pooled.files).toEqual(reference.files)
        expect([pooled.extract, pooled.reextract]).toEqual([reference.extract, reference.reextract])
        const cold = yield* run(1, cache)
        expect(cold.files).toEqual(reference.files)
        expect([cold.extract, cold.reextract]).toEqual([reference.extract, reference.reextract])
        const stored = entries()
        // one entry per article extracted (seeds/, the generated articles, the fixture: counted, since a pull request may
        // add a source)
        expect(stored).toEqual([cold.extract, cold.reextract])
        expect(cold.extract).toBeGreaterThan(20)
        const warm = yield* run(3, cache)
        expect(warm.files).toEqual(reference.files)
        expect([warm.extract, warm.reextract]).toEqual([0, 0])
        // in the main thread too, a warm build reads the re-extractions back
        const warmInline = yield* run(0, cache)
        expect(warmInline.files).toEqual(reference.files)
        expect([warmInline.extract, warmInline.reextract]).toEqual([0, 0])
        expect(entries()).toEqual(stored)

        // damage one entry of each table
        for (const table of ["articles", "reextractions"])
          withStore((db) => db.prepare(`UPDATE ${table} SET payload = ? WHERE rowid = 1`).run(Buffer.from("not gzip")))
        const damaged = yield* run(2, cache)
        expect(damaged.files).toEqual(reference.files)
        expect(damaged.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(2)
        expect(damaged.errors.filter((e) => /\(day \d{4}-\d\d-\d\d\): damaged entry/.test(e))).toHaveLength(1)
        expect([damaged.extract, damaged.reextract]).toEqual([1, 1])
        const again = yield* run(2, cache)
        expect(again.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(0)
        expect([again.extract, again.reextract]).toEqual([0, 0])

        // deleting the cache changes nothing
        rmSync(cache, { recursive: true, force: true })
        expect((yield* run(2, cache)).files).toEqual(reference.files)
      }),
    { timeout: 240_000 }
  )

  it.live(
    "one article more: only it is extracted, and the release is the one a build without the cache publishes",
    () =>
      Effect.gen(function* () {
        const more = tmpDir("car-scale-more-")
        cpSync(sources, more, { recursive: true })
        yield* run(2, cache, more)
        writeCorpus(more, 7, 17, 16)
        const incremental = yield* run(2, cache, more)
        expect([incremental.extract, incremental.reextract]).toEqual([1, 0])
        expect(incremental.files).toEqual((yield* run(0, null, more)).files)
      }),
    { timeout: 240_000 }
  )

  it.live(
    "a sequence of releases (add k, change one, remove one) built incrementally equals the one built without the cache",
    () =>
      Effect.gen(function* () {
        const src = tmpDir("car-scale-seq-")
        cpSync(sources, src, { recursive: true })
        const incremental = tmpDir("car-scale-out-")
        const scratch = tmpDir("car-scale-out-")
        const into = (out: string, workers: number, cacheDir: string | null) =>
          build({
            sources: src,
            out,
            version: none,
            strict: false,
            progress: false,
            memory: 4000,
            workers: Option.some(workers),
            cache: cacheDir === null ? none : Option.some(cacheDir),
            noCache: cacheDir === null
          }).pipe(Effect.provide(NodeContext.layer))
        const step = Effect.all([into(incremental, 2, cache), into(scratch, 0, null)])
        yield* step
        // three articles more
        writeCorpus(src, 7, 19, 16)
        yield* step
        // one article changed (a paragraph of another added), one removed
        appendFileSync(join(src, "gen_000003.txt"), `\n\n${readFileSync(join(src, "gen_000011.txt"), "utf8")}`)
        for (const f of ["gen_000005.txt", "gen_000005.meta.json"]) rmSync(join(src, f), { force: true })
        yield* step
        const versions = ["1.0.0", "1.1.0", "1.2.0"]
        for (const v of versions) expect(tree(join(incremental, v)), v).toEqual(tree(join(scratch, v)))
        const changes = JSON.parse(readFileSync(join(incremental, "1.2.0", "changes.json"), "utf8"))
        // a changed text is a new source (ids come from the text's hash) and the old one is removed
        expect([changes.sources.added.length, changes.sources.removed.length]).toEqual([1, 2])
        // the lineage of every event's evidence (CSV texts are not scanned: diffTables reads all of it)
        const csv = (v: string): TableTexts =>
          new Map(TABLES.map((d) => [d.name, readFileSync(join(incremental, v, "data", `${d.name}.csv`), "utf8")]))
        for (const [a, b] of [versions.slice(0, 2), versions.slice(1)])
          expect(
            diffTables({ version: a!, tables: csv(a!) }, { version: b!, tables: csv(b!) }).events_lineage,
            `${a} → ${b}`
          ).toEqual(JSON.parse(readFileSync(join(incremental, b!, "changes.json"), "utf8")).events_lineage)
        for (const d of [src, incremental, scratch]) rmSync(d, { recursive: true, force: true })
      }),
    { timeout: 400_000 }
  )

  it.live(
    "two builds at once (two processes, two out folders) share one cache: both publish the same release, warning-free",
    () =>
      Effect.gen(function* () {
        const shared = tmpDir("car-scale-shared-")
        const child = (out: string) =>
          Effect.async<{ readonly code: number; readonly stderr: string }>((resume) => {
            const args = ["--import", "tsx", "pipeline/bin.ts", "build", "--sources", sources, "--out", out]
            execFile(
              process.execPath,
              // --memory: this test is about sharing the cache; a 23-source build with the explorer peaks near the
              // default budget (500 MB), whose warning tests/run/memory.test.ts checks
              [...args, "--cache", shared, "--workers", "1", "--memory", "4000"],
              { cwd: repoRoot },
              (e, _stdout, stderr) => resume(Effect.succeed({ code: e === null ? 0 : Number(e.code ?? 1), stderr }))
            )
          })
        const outs = [tmpDir("car-scale-out-"), tmpDir("car-scale-out-")]
        const [a, b] = yield* Effect.all(outs.map(child), { concurrency: 2 })
        expect([a!.code, b!.code, a!.stderr + b!.stderr]).toEqual([0, 0, expect.not.stringContaining("warning")])
        const reference = (yield* run(0, null)).files
        expect(outs.map((o) => tree(join(o, "1.0.0")))).toEqual([reference, reference])
        rmSync(shared, { recursive: true, force: true })
      }),
    { timeout: 240_000 }
  )
})
