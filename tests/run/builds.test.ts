/**
 * The extraction cache and the worker pool are optimisations only: a build without the cache,
 * with a cold cache on one worker, with a warm cache on several workers, after deleting the
 * cache, and with a damaged cache entry all publish the same bytes; the damaged entry is
 * reported and rewritten.
 */

import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { afterAll, describe, expect, it, vi } from "vitest"
import { build } from "../../pipeline/Build.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const sources = tmpDir("car-scale-src-")
cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
writeCorpus(sources, 7, 16)
const cache = tmpDir("car-scale-cache-")
const none = Option.none<string>()

const run = async (workers: number, cacheDir: string | null) => {
  const out = tmpDir("car-scale-out-")
  const errors: Array<string> = []
  const spy = vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void errors.push(a.join(" ")))
  try {
    await Effect.runPromise(
      build({
        sources,
        out,
        version: none,
        strict: false,
        workers: Option.some(workers),
        cache: cacheDir === null ? none : Option.some(cacheDir),
        noCache: cacheDir === null
      }).pipe(Effect.provide(NodeContext.layer))
    )
  } finally {
    spy.mockRestore()
  }
  return { files: tree(join(out, "1.0.0")), errors }
}
const entries = () =>
  readdirSync(cache, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".json.gz"))
    .sort()

afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe("builds with and without the cache, on one worker and on several", () => {
  it("publish byte-identical releases; a damaged entry is reported, recomputed and rewritten", {
    timeout: 120_000
  }, async () => {
    const reference = await run(0, null)
    expect(Object.keys(reference.files).length).toBeGreaterThan(20)
    const cold = await run(1, cache)
    expect(cold.files).toEqual(reference.files)
    const stored = entries()
    expect(stored.length).toBe(21)
    const warm = await run(3, cache)
    expect(warm.files).toEqual(reference.files)
    expect(entries()).toEqual(stored)

    // damage one entry
    writeFileSync(join(cache, stored[0]!), "not gzip at all")
    const damaged = await run(2, cache)
    expect(damaged.files).toEqual(reference.files)
    expect(damaged.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(1)
    const again = await run(2, cache)
    expect(again.errors.filter((e) => e.includes("damaged entry"))).toHaveLength(0)

    // deleting the cache changes nothing
    rmSync(cache, { recursive: true, force: true })
    expect((await run(2, cache)).files).toEqual(reference.files)
  })
})
