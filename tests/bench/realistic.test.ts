/**
 * The realistic bench corpus, with seeds/ as its model (so the tests run without the shared dev corpora): the same
 * seed gives the same bytes, sizes follow the target, every paragraph is a model paragraph, and the corpus builds.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { madeUpParagraphs, realisticArticles, SIZE } from "../../pipeline/bench/realistic.js"
import { realisticModel, writeRealisticCorpus } from "../../pipeline/bench/realisticCorpus.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const seedsOnly = realisticModel([
  ["seeds", join(repoRoot, "seeds")],
  ["absent", join(repoRoot, "no-such-corpus")]
])
const model = seedsOnly.articles

/** Every file of a folder with its bytes, in name order. */
const files = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), "utf8")] as const)

/** The first n articles of a seed, drawn in memory. */
const take = (seed: number, n: number) => {
  const out: Array<ReturnType<typeof realisticArticles> extends Generator<infer A> ? A : never> = []
  for (const a of realisticArticles(model, seed)) {
    if (out.length === n) break
    out.push(a)
  }
  return out
}

describe("realistic corpus: model", () => {
  it("reads the corpora that exist and names the ones that do not", () => {
    // counted from seeds/, so that a pull request adding a source keeps this test passing
    const n = readdirSync(join(repoRoot, "seeds")).filter((f) => f.endsWith(".txt")).length
    expect([model.length, seedsOnly.missing]).toEqual([n, ["absent"]])
    expect(seedsOnly.describe).toBe(`paragraphs of ${n} real articles (seeds ${n})`)
    // metadata from seeds/sources.json
    const listed = (
      JSON.parse(readFileSync(join(repoRoot, "seeds", "sources.json"), "utf8")) as {
        sources: Array<{ file: string; published: string | null }>
      }
    ).sources
    expect(listed.length).toBeGreaterThanOrEqual(5)
    for (const { file, published } of listed)
      expect(model.find((a) => a.file === file)?.meta.published, file).toBe(published)
  })
})

describe("realistic corpus: generation", () => {
  it("is deterministic: same seed, same bytes, whether written at once or in two steps; another seed differs", () => {
    const [a, b, c, d] = [tmpDir("car-real-"), tmpDir("car-real-"), tmpDir("car-real-"), tmpDir("car-real-")]
    writeRealisticCorpus(a, 5, 30, 0, model)
    writeRealisticCorpus(b, 5, 30, 0, model)
    writeRealisticCorpus(c, 5, 18, 0, model)
    expect(writeRealisticCorpus(c, 5, 30, 18, model).names[0]).toBe("gen_000018")
    writeRealisticCorpus(d, 6, 30, 0, model)
    expect(files(a)).toHaveLength(60)
    expect(files(b)).toEqual(files(a))
    expect(files(c)).toEqual(files(a))
    expect(files(d).filter(([f]) => f.endsWith(".txt"))).not.toEqual(files(a).filter(([f]) => f.endsWith(".txt")))
  })

  it("draws article sizes around the target mean, within the bounds", () => {
    const sizes = take(1, 400).map((a) => Buffer.byteLength(a.text))
    const mean = sizes.reduce((s, x) => s + x, 0) / sizes.length
    expect(Math.abs(mean / SIZE.meanBytes - 1)).toBeLessThan(0.1)
    const logs = sizes.map(Math.log)
    const m = logs.reduce((s, x) => s + x, 0) / logs.length
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - m) ** 2, 0) / logs.length)
    expect(Math.abs(sd - SIZE.sigma)).toBeLessThan(0.12)
    expect(Math.min(...sizes)).toBeGreaterThan(200)
    expect(Math.max(...sizes)).toBeLessThan(SIZE.max * 1.5)
  })

  it("makes up no text: every paragraph of every article is a paragraph of a model article", () => {
    const articles = take(2, 300)
    expect(articles.flatMap((a) => madeUpParagraphs(a.text, model))).toEqual([])
    // and it mixes them: most articles draw on more than one model article
    const mixed = articles.filter((a) => !/with 0 other/.test(a.meta.retrieved_via)).length
    expect(mixed / articles.length).toBeGreaterThan(0.5)
  })

  it("the check finds a made-up paragraph and one with a word substituted", () => {
    const fixtures = join(repoRoot, "tests", "fixtures", "bench")
    const own = realisticModel([["model", join(fixtures, "model")]]).articles
    const text = readFileSync(join(fixtures, "made-up-paragraph.txt"), "utf8")
    expect(madeUpParagraphs(text, own).map((p) => p.slice(0, 30))).toEqual([
      "A spokesperson added that tick",
      "Exporters said most of the cro"
    ])
  })

  it("the sidecar comes from the lead article's metadata", () => {
    for (const a of take(3, 40)) {
      const lead = model.find((m) => a.meta.retrieved_via.includes(`seeds/${m.file}`))!
      expect([a.meta.publisher, a.meta.title, a.meta.published]).toEqual([
        lead.meta.publisher,
        lead.meta.title,
        lead.meta.published
      ])
      expect(a.meta.url).toBe(lead.meta.url === null ? null : `${lead.meta.url}#bench-${a.name}`)
    }
  })
})

describe("realistic corpus: ingest", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live("a small generated corpus builds with zero rejected sources", () =>
    Effect.gen(function* () {
      const sources = tmpDir("car-real-src-")
      writeRealisticCorpus(sources, 9, 12, 0, model)
      const r = yield* build({ sources, out: tmpDir("car-real-out-"), version: Option.none(), strict: true })
      expect(r.built.rejected).toEqual([])
      expect(r.built.tables.sources).toHaveLength(12)
    }).pipe(Effect.provide(NodeContext.layer))
  )
})
