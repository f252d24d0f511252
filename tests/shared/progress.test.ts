import { describe, expect, it } from "vitest"
import { makeProgress } from "../../pipeline/shared/progress.js"

/** A progress display on a fake clock, its output collected. */
const fake = (live: boolean, total: number | null = 100, rssMb?: () => number) => {
  let t = 0
  const out: Array<string> = []
  const p = makeProgress({
    total,
    live,
    now: () => t,
    write: (s) => out.push(s),
    everyMs: live ? 250 : 10_000,
    ...(rssMb ? { rssMb } : {})
  })
  return { p, out, at: (ms: number) => (t = ms) }
}

describe("progress on stderr", () => {
  it("a short build in a log prints nothing", () => {
    const { p, out, at } = fake(false)
    p.stage("lexicons")
    for (let i = 0; i < 100; i++) {
      at(i * 50)
      p.article()
    }
    p.stage("resolve")
    p.finish()
    expect(out).toEqual([])
  })

  it("a long build in a log prints articles done of the total every interval, and each stage as it begins", () => {
    const { p, out, at } = fake(false, 1000)
    p.stage("ingest + articles (wall)")
    for (let i = 1; i <= 1000; i++) {
      at(i * 50)
      p.article()
    }
    at(50_500)
    p.stage("reference days") // within a second of the last line: not shown
    at(51_500)
    p.stage("resolve")
    at(60_000)
    p.stage("publish: csv")
    at(60_100)
    p.stage("diff") // within a second of the last line: not shown
    at(61_500)
    p.stage("publish: arrow")
    expect(out).toEqual([
      "build: ingest + articles · 200/1,000 (20%) articles · 20.0/s · 10s\n",
      "build: ingest + articles · 400/1,000 (40%) articles · 20.0/s · 20s\n",
      "build: ingest + articles · 600/1,000 (60%) articles · 20.0/s · 30s\n",
      "build: ingest + articles · 800/1,000 (80%) articles · 20.0/s · 40s\n",
      "build: ingest + articles · 1,000/1,000 (100%) articles · 20.0/s · 50s\n",
      "build: resolve · 1,000/1,000 (100%) articles · 20.0/s · 51s\n",
      "build: publish: csv · 1,000/1,000 (100%) articles · 20.0/s · 1m00s\n",
      "build: publish: arrow · 1,000/1,000 (100%) articles · 20.0/s · 1m01s\n"
    ])
  })

  it("on a terminal one line is rewritten in place, padded over a longer one, and ended at the finish", () => {
    const { p, out, at } = fake(true, null)
    at(300)
    p.stage("resolve")
    at(400)
    p.stage("row contracts")
    at(700)
    p.stage("diff")
    p.finish()
    expect(out).toEqual([
      "\rbuild: resolve · 0 articles · 0s",
      "\rbuild: row contracts · 0 articles · 0s",
      `\rbuild: diff · 0 articles · 0s${" ".repeat("row contracts".length - "diff".length)}`,
      "\n"
    ])
    for (const s of out) expect(s).not.toMatch(/\u001b/)
  })

  it("names each publishing step, and shows the memory of the process when it can read it", () => {
    let mb = 400
    const { p, out, at } = fake(true, 10, () => mb)
    at(300)
    p.stage("publish: json-ld")
    mb = 612
    at(600)
    p.stage("publish: parquet (wait)")
    expect(out).toEqual([
      "\rbuild: publish: json-ld · 0/10 (0%) articles · 0s · 400 MB",
      "\rbuild: publish: parquet · 0/10 (0%) articles · 0s · 612 MB"
    ])
  })

  it("work inside a stage is shown with the stage, at most every interval, until the next stage", () => {
    const { p, out, at } = fake(false, 10)
    p.stage("publish: explorer")
    at(5_000)
    p.tick("events 10%") // before the first interval: not shown
    at(12_000)
    p.tick("events 40%")
    at(15_000)
    p.tick("events 70%") // within the interval: not shown
    at(23_000)
    p.tick("search 3/9")
    at(34_000)
    p.stage("publish: csv") // the next stage: its own line, without the explorer's detail
    at(45_000)
    p.article()
    expect(out).toEqual([
      "build: publish: explorer (events 40%) · 0/10 (0%) articles · 12s\n",
      "build: publish: explorer (search 3/9) · 0/10 (0%) articles · 23s\n",
      "build: publish: csv · 0/10 (0%) articles · 34s\n",
      "build: publish: csv · 1/10 (10%) articles · 0.0/s · 45s\n"
    ])
  })
})
