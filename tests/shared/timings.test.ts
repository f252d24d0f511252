import { describe, expect, it } from "vitest"
import type { RssSampler } from "../../pipeline/shared/rssSampler.js"
import { startRssSampler } from "../../pipeline/shared/rssSampler.js"
import { makeTimings } from "../../pipeline/shared/timings.js"

/** A sampler whose peaks are given in turn (one per stage boundary). */
const scripted = (peaks: ReadonlyArray<number>): RssSampler => {
  let i = 0
  return { takePeakMb: () => peaks[i++] ?? 0, stop: () => {} }
}

describe("timings: peak memory per stage", () => {
  it("a window's peak belongs to every stage open during it, nested ones included", () => {
    // boundaries: begin outer (window 1 before it), begin inner (2), end inner (3), end outer (4)
    const t = makeTimings(true, { sampler: scripted([100, 200, 900, 300]) })
    t.time("outer", () => t.time("inner", () => 0))
    const s = t.report().stages
    expect(s.inner?.peakRssMb).toBe(900)
    expect(s.outer?.peakRssMb).toBe(900)
    const u = makeTimings(true, { sampler: scripted([100, 200, 300, 400]) })
    u.time("a", () => 0)
    u.time("b", () => 0)
    expect(u.report().stages.a?.peakRssMb).toBe(200)
    expect(u.report().stages.b?.peakRssMb).toBe(400)
  })

  it("without a sampler no stage has a peak, and disabled timings tell the progress nothing", () => {
    const t = makeTimings(true)
    t.time("a", () => 0)
    expect(t.report().stages.a).toEqual({ ms: expect.any(Number), calls: 1 })
    const seen: Array<string> = []
    const off = makeTimings(false, {
      progress: { stage: (s) => seen.push(s), article: () => {}, tick: () => {}, finish: () => {} }
    })
    off.time("a", () => 0)
    expect(seen).toEqual([])
  })

  it("the sampler sees memory taken and given back within a synchronous stage", async () => {
    const sampler = startRssSampler(5)
    try {
      await new Promise((r) => setTimeout(r, 50))
      const before = sampler.takePeakMb()
      let held: Array<Float64Array> | null = []
      const t0 = Date.now()
      // 200 MB touched, then dropped, while the main thread never yields
      for (let i = 0; i < 25; i++) held.push(new Float64Array(1_000_000).fill(i + 1))
      while (Date.now() - t0 < 200) {}
      held = null
      expect(sampler.takePeakMb()).toBeGreaterThan(before + 150)
    } finally {
      sampler.stop()
    }
  })
})
