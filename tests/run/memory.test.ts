/**
 * The memory budget (`build --memory`): it never changes what a build writes; a build whose peak passes it warns,
 * naming the stages; the timings file holds each stage's peak.
 */
import { readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterAll, describe, expect, it, vi } from "@effect/vitest"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { overBudget } from "../../pipeline/run/memory.js"
import type { TimingReport } from "../../pipeline/shared/timings.js"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const report = (maxRssKb: number, stages: TimingReport["stages"]): TimingReport => ({
  stages,
  slowestArticle: null,
  articles: 0,
  textBytes: 0,
  maxRssKb,
  memory: {},
  counts: {}
})

describe("overBudget", () => {
  it("is silent within the budget", () => {
    expect(overBudget(report(499_000, { resolve: { ms: 1, calls: 1, peakRssMb: 499 } }), 500)).toBeNull()
  })

  it("names the stages whose peak passed the budget, and only those", () => {
    const w = overBudget(
      report(1_900_000, {
        lexicons: { ms: 1, calls: 1, peakRssMb: 320 },
        resolve: { ms: 1, calls: 1, peakRssMb: 1900 },
        "publish: csv": { ms: 1, calls: 6, peakRssMb: 700 },
        extract: { ms: 1, calls: 400 }
      }),
      500
    )
    expect(w?.code).toBe("memory-over-budget")
    expect(w?.message).toBe(
      "peak memory 1900 MB passed the --memory budget of 500 MB in: resolve (1900 MB), publish: csv (700 MB)"
    )
  })

  it("without per-stage peaks says only the peak", () => {
    expect(overBudget(report(800_000, {}), 500)?.message).toBe(
      "peak memory 800 MB passed the --memory budget of 500 MB"
    )
  })
})

describe("build --memory", () => {
  const dirs: Array<string> = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  const buildWith = (memory: number) =>
    Effect.gen(function* () {
      const out = tmpDir("car-memory-out-")
      dirs.push(out)
      const timings = join(out, "timings.json")
      const errors: Array<string> = []
      yield* Effect.acquireUseRelease(
        Effect.sync(() =>
          vi.spyOn(console, "error").mockImplementation((...a: Array<unknown>) => void errors.push(a.join(" ")))
        ),
        () =>
          build({
            sources: join(repoRoot, "seeds"),
            out,
            version: Option.none(),
            strict: true,
            noCache: true,
            memory,
            progress: false,
            timings: Option.some(timings)
          }),
        (spy) => Effect.sync(() => spy.mockRestore())
      )
      const t = JSON.parse(readFileSync(timings, "utf8")) as TimingReport
      return { files: tree(join(out, "1.0.0")), errors, timings: t }
    }).pipe(Effect.provide(NodeContext.layer))

  it.effect(
    "a budget the build passes warns once, naming stages; the release is the same as under a roomy budget",
    () =>
      Effect.gen(function* () {
        const tight = yield* buildWith(100)
        const roomy = yield* buildWith(1_000_000)
        expect(tight.files).toEqual(roomy.files)
        const warnings = tight.errors.filter((e) => e.startsWith("warning [memory-over-budget]"))
        expect(warnings).toHaveLength(1)
        expect(warnings[0]).toMatch(/budget of 100 MB in: .*resolve \(\d+ MB\)/)
        expect(roomy.errors.filter((e) => e.includes("memory-over-budget"))).toEqual([])
        // every stage timed in the main thread has its peak; per-article stages (summed over workers) have none
        expect(tight.timings.stages.resolve?.peakRssMb).toBeGreaterThan(100)
        // every publishing step by its own name
        for (const stage of [
          "base release",
          "release meta",
          "publish: csv",
          "publish: texts",
          "diff",
          "publish: explorer",
          "publish: json-ld",
          "publish: card",
          "publish: arrow",
          "publish: parquet",
          "publish: metadata and hashes",
          "publish: write"
        ])
          expect(tight.timings.stages[stage]?.peakRssMb, stage).toBeGreaterThan(100)
        expect(tight.timings.stages.extract?.peakRssMb).toBeUndefined()
      }),
    120_000
  )
})
