/**
 * The stand-in for resolution by blocks (pipeline/cluster/blocksStandIn.ts, until issue 18's lands): blocks of one event
 * type each, in release order, keyed by content; clustering each block alone gives the clusters clustering all reports
 * gives (grouping by type is exact); and a build whose blocks are clustered apart publishes the same tables.
 */
import { cpSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { clusterEvents } from "../../pipeline/04-resolve/mergeEvents.js"
import type { makeResolver } from "../../pipeline/04-resolve/Resolve.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import {
  type BlockReport,
  type BlockResolver,
  blockResolver,
  clusterBlock,
  type EventBlock
} from "../../pipeline/cluster/blocksStandIn.js"
import { inline } from "../../pipeline/run/articleStream.js"
import { buildTables } from "../../pipeline/run/tables.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

/** The seeds and 60 generated articles, built twice: locally, and with blocks clustered by clusterBlock apart. */
const tablesBothWays = Effect.gen(function* () {
  const dir = tmpDir("car-blocks-")
  cpSync(join(repoRoot, "seeds"), dir, { recursive: true })
  writeCorpus(dir, 5, 60)
  const local = yield* buildTables(dir)
  let blocks: ReadonlyArray<EventBlock> = []
  const apart = yield* buildTables(dir, undefined, undefined, {
    ...inline,
    resolution: {
      makeResolver: blockResolver,
      finish: (resolver: ReturnType<typeof makeResolver>) =>
        Effect.sync(() => {
          const r = resolver as BlockResolver
          blocks = r.blocks()
          return r.finish(blocks.map(clusterBlock))
        })
    }
  })
  return { local, apart, blocks }
}).pipe(Effect.provide(NodeContext.layer))

/** A report as the test names it: its source, article order and trigger. */
const named = (r: BlockReport) => `${r.sourceId}#${r.order}:${r.mention.trigger}`

describe("blocks (stand-in)", () => {
  // live: today is the clock's (the generated articles are dated 2025)
  it.live(
    "one type each, in release order; each clustered alone as all together; the same tables",
    () =>
      Effect.gen(function* () {
        const { local, apart, blocks } = yield* tablesBothWays
        expect(blocks.length).toBeGreaterThan(3)
        for (const b of blocks) {
          expect(new Set(b.reports.map((r) => r.mention.type)).size).toBe(1)
          expect(b.reports.map((r) => r.order)).toEqual(b.reports.map((r) => r.order).sort((x, y) => x - y))
          expect(b.key).toMatch(/^[0-9a-f]{64}$/)
        }
        expect(new Set(blocks.map((b) => b.key)).size).toBe(blocks.length)
        // every report of every type, in release order: clustering them all gives each block's clusters
        const all = blocks.flatMap((b) => b.reports).sort((x, y) => x.order - y.order)
        const together = clusterEvents(all).map((c) => c.reports.map(named))
        const alone = blocks.flatMap((b) => clusterBlock(b).map((c) => c.map((i) => named(b.reports[i]!))))
        expect(alone.length).toBeGreaterThan(0)
        expect(new Set(alone.map((c) => c.join("|")))).toEqual(new Set(together.map((c) => c.join("|"))))
        expect(apart.tables.events.length).toBeGreaterThan(100)
        expect(JSON.stringify(apart.tables)).toBe(JSON.stringify(local.tables))
      }),
    120_000
  )
})
