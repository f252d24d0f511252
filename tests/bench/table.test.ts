/** The bench's table: what a run's figures render to (the README pastes it as it is). */
import { describe, expect, it } from "vitest"
import { type BuildRun, type Figures, renderTable } from "../../pipeline/bench/table.js"

const run = (articles: number, wallS: number, peakRssMb: number, peakStage: string): BuildRun => ({
  articles,
  ok: true,
  reason: null,
  textMb: articles * 0.0045,
  wallS,
  articlesPerS: articles / wallS,
  mbPerS: (articles * 0.0045) / wallS,
  peakRssMb,
  slowestStage: { name: "extract", s: wallS / 2 },
  peakStage,
  slowestArticle: { file: "gen_000001.txt", ms: 900 }
})

const figures: Figures = {
  machine: { cores: 2, cpu: "test cpu", memoryGb: 24, node: "v20" },
  runs: [
    run(1000, 60, 900, "ingest + articles (wall)"),
    run(10_000, 400, 1900, "resolve"),
    run(100_000, 5000, 9000, "resolve")
  ],
  compromise: { articles: 10_000, ok: true, wallS: 300, articlesPerS: 33.3, mbPerS: 0.15, peakRssMb: 200 },
  throughputRatio: 0.75,
  incremental: [
    { articles: 10_001, added: 1, ok: true, reason: null, wallS: 40, fractionOfFull: 0.1 },
    { articles: 10_100, added: 100, ok: false, reason: "timed out", wallS: 900, fractionOfFull: null }
  ],
  growth: {
    sizes: [1000, 10_000, 100_000],
    time: 1.1,
    memory: 0.7,
    lastStep: { sizes: [10_000, 100_000], time: 1.25, memory: 0.67 }
  }
}

describe("the bench table", () => {
  const table = renderTable(figures)

  it("shows the stage where memory peaked beside the peak", () => {
    expect(table).toContain("| 1900 (resolve) |")
  })

  it("has a row and a ratio for each incremental build, a failed one saying why", () => {
    expect(table).toContain("| incremental (+1 article, warm cache) | 10,001 | | 40.0 |")
    expect(table).toContain("| incremental (+100 articles, warm cache) | 10,100 | | failed: timed out |")
    expect(table).toContain("- incremental rebuild / full build: +1: 10.0%, +100: –")
  })

  it("gives the exponents between the two largest sizes beside those over every size", () => {
    expect(table).toContain(
      "growth exponents over 1,000, 10,000, 100,000 articles: time 1.10, peak RSS 0.70; 10,000 → 100,000: time 1.25, peak RSS 0.67"
    )
  })

  it("over two sizes only, the last step is the whole fit and is not repeated", () => {
    const two = renderTable({
      ...figures,
      runs: figures.runs.slice(0, 2),
      growth: { ...figures.growth, sizes: [1000, 10_000] }
    })
    expect(two).not.toContain("→")
  })
})
