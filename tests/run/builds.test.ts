/**
 * The extraction cache and the worker pool are optimisations only: a build without the cache,
 * with a cold cache on one worker, with a warm cache on several workers, after deleting the
 * cache, and with a damaged cache entry all publish the same bytes; the damaged entry is
 * reported and rewritten.
 */

import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterAll, describe, expect, it, vi } from "@effect/vitest"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const sources = tmpDir("car-scale-src-")
cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
writeCorpus(sources, 7, 16)
const cache = tmpDir("car-scale-cache-")
const none = Option.none<string>()

/** A build into a fresh folder: its published files and what it wrote to console.error. */
const run = (workers: number, cacheDir: string | null) =>
  Effect.gen(function* () {
    const out = tmpDir("car-scale-out-")
    const errors: Array<string> = []
    yield* Effect.acquireUseRelease(
      Effect.sync(() =>
        vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void errors.push(a.join(" ")))
      ),
      () =>
        build({
          sources,
          out,
          version: none,
          strict: false,
          workers: Option.some(workers),
          cache: cacheDir === null ? none : Option.some(cacheDir),
          noCache: cacheDir === null
        }),
      (spy) => Effect.sync(() => spy.mockRestore())
    )
    return { files: tree(join(out, "1.0.0")), errors }
  }).pipe(Effect.provide(NodeContext.layer))
const entries = () =>
  readdirSync(cache, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json.gz"))
    .sort()

afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe("builds with and without the cache, on one worker and on several", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live(
    "publish byte-identical releases; a damaged entry is reported, recomputed and rewritten",
    () =>
      Effect.gen(function* () {
        const reference = yield* run(0, null)
        expect(Object.keys(reference.files).length).toBeGreaterThan(20)
        const cold = yield* run(1, cache)
        expect(cold.files).toEqual(reference.files)
        const stored = entries()
        expect(stored.length).toBe(21)
        const warm = yield* run(3, cache)
        expect(warm.files).toEqual(reference.files)
        expect(entries()).toEqual(stored)

        // damage one entry
        writeFileSync(join(cache, stored[0]!), "not gzip at all")
        const damaged = yield* run(2, cache)
        expect(damaged.files).toEqual(reference.files)
        expect(damaged.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(1)
        const again = yield* run(2, cache)
        expect(again.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(0)

        // deleting the cache changes nothing
        rmSync(cache, { recursive: true, force: true })
        expect((yield* run(2, cache)).files).toEqual(reference.files)
      }),
    { timeout: 120_000 }
  )
})
