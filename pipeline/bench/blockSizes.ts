/**
 * The event blocks of a sources folder (docs/bench.md, "Event blocks"): how many, how large, by type; at each cap, how
 * many blocks it splits and how many clusters the split changes; what clustering takes and holds per report of the
 * largest block. Prints one JSON object.
 * Usage: node --expose-gc --import tsx pipeline/bench/blockSizes.ts DIR CAP[,CAP...] [CACHE_DIR]
 */
import { performance } from "node:perf_hooks"
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { BLOCK_CAP, type BlockReport, clusterBlock, cutBlocks } from "../04-resolve/blocks.js"
import { NO_CROSS_DOC } from "../04-resolve/mergeEvents.js"
import { makeResolver } from "../04-resolve/Resolve.js"
import type { StoredMention } from "../04-resolve/reportStore.js"
import { textPathOf } from "../05-publish/files.js"
import { processSources } from "../run/articleStream.js"

const [dir, capsArg, cacheDir] = process.argv.slice(2)
const row = (r: BlockReport) => (r.mention as StoredMention).row

/** Each cluster of `members`' blocks as the store rows of its reports. */
const clusterSet = (reports: ReadonlyArray<BlockReport>, members: ReadonlyArray<ReadonlyArray<number>>) =>
  new Set(
    members.flatMap((m) =>
      clusterBlock({ key: "", reports: m.map((i) => reports[i]!) }).map((c) =>
        c.map((j) => row(reports[m[j]!]!)).join(",")
      )
    )
  )

/** The largest block's clustering: time, and the heap it left grown (no collection in between: an upper bound). */
const largestOf = (reports: ReadonlyArray<BlockReport>) => {
  globalThis.gc?.()
  const heap0 = process.memoryUsage().heapUsed
  const t0 = performance.now()
  const clusters = clusterBlock({ key: "", reports })
  const ms = performance.now() - t0
  const bytes = process.memoryUsage().heapUsed - heap0
  return {
    reports: reports.length,
    clusters: clusters.length,
    ms: Math.round(ms),
    heapBytesPerReport: Math.round(bytes / reports.length)
  }
}

const main = Effect.gen(function* () {
  const resolver = makeResolver(textPathOf)
  const published = new Map<string, string | null>()
  yield* processSources(dir!, null, loadLexicons(), { workers: 2, cacheDir: cacheDir ?? null }, undefined, (i) => {
    published.set(i.source.sourceId, i.source.published.value)
    resolver.add(i)
  })
  let t0 = performance.now()
  const blocks = resolver.blocks()
  const cutMs = performance.now() - t0
  const reports = blocks.flatMap((b) => b.reports).sort((a, b) => a.order - b.order || row(a) - row(b))
  const at = new Map(reports.map((r, i) => [r, i]))
  const members = blocks.map((b) => b.reports.map((r) => at.get(r)!))
  const byType: Record<string, { blocks: number; reports: number; largest: number }> = {}
  for (const b of blocks) {
    const t = (byType[b.reports[0]!.mention.type] ??= { blocks: 0, reports: 0, largest: 0 })
    t.blocks++
    t.reports += b.reports.length
    t.largest = Math.max(t.largest, b.reports.length)
  }
  const sizes = blocks.map((b) => b.reports.length).sort((a, b) => b - a)
  // the largest block whose reports may join (a block of reports that never join clusters each alone)
  const joining = blocks.filter((b) => !NO_CROSS_DOC.has(b.reports[0]!.mention.type) && b.reports.length > 1)
  const largest = largestOf(joining.reduce((a, b) => (b.reports.length > a.reports.length ? b : a)).reports)
  t0 = performance.now()
  const whole = clusterSet(reports, members)
  const clusterMs = performance.now() - t0
  const yearOf = (i: number) =>
    (reports[i]!.mention.date.value ?? published.get(reports[i]!.sourceId))?.slice(0, 4) ?? ""
  const caps = [...capsArg!.split(",").map(Number), BLOCK_CAP].map((cap) => {
    const cut = cutBlocks(reports, cap, yearOf)
    const split = clusterSet(reports, cut.members)
    return {
      cap,
      blocks: cut.members.length,
      largest: cut.members.reduce((n, m) => Math.max(n, m.length), 0),
      splitByYear: cut.splitByYear,
      cutIntoRuns: cut.cutIntoRuns,
      clustersOnlyWithoutCap: [...whole].filter((c) => !split.has(c)).length,
      clustersOnlyWithCap: [...split].filter((c) => !whole.has(c)).length
    }
  })
  return {
    reports: reports.length,
    blocks: blocks.length,
    cutAndKeyMs: Math.round(cutMs),
    clusterAllMs: Math.round(clusterMs),
    largest: sizes.slice(0, 8),
    over1000: sizes.filter((n) => n > 1000).length,
    over32: sizes.filter((n) => n >= 32).length,
    reportsInBlocksOver32: sizes.filter((n) => n >= 32).reduce((a, b) => a + b, 0),
    largestBlock: largest,
    byType,
    clusters: whole.size,
    caps
  }
})

Effect.runPromise(main.pipe(Effect.provide(NodeContext.layer))).then((r) =>
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`)
)
