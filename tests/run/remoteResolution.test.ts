/**
 * A resolution whose blocks are clustered elsewhere (run/articleStream.ts RemoteResolution: a clustered build's
 * ResolveBlock messages): the blocks it is given are those of 04-resolve/blocks.ts, its answers are the ones the
 * tables are made of (answered by clusterBlock: the local build's tables; answered otherwise: other tables), and an
 * answer that is not a clustering of its block stops the build instead of making rows of it.
 */
import { cpSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import { clusterBlock, type EventBlock } from "../../pipeline/04-resolve/blocks.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { inline } from "../../pipeline/run/articleStream.js"
import { buildTables } from "../../pipeline/run/tables.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

type Answer = (b: EventBlock) => ReadonlyArray<ReadonlyArray<number>>

/** The seeds and 60 generated articles. */
const corpus = () => {
  const dir = tmpDir("car-remote-blocks-")
  cpSync(join(repoRoot, "seeds"), dir, { recursive: true })
  writeCorpus(dir, 5, 60)
  return dir
}

/** The tables of `dir` with every block answered by `answer`, and the blocks asked. */
const remotely = (dir: string, answer: Answer) =>
  Effect.gen(function* () {
    const asked: Array<EventBlock> = []
    const built = yield* buildTables(dir, undefined, undefined, {
      ...inline,
      resolution: {
        clusterBlocks: (blocks) =>
          Effect.sync(() => {
            asked.push(...blocks)
            return blocks.map(answer)
          })
      }
    })
    return { built, asked }
  })

describe("resolution by blocks clustered elsewhere", () => {
  // live: today is the clock's (the generated articles are dated 2025)
  it.live(
    "the remote answers make the tables: clusterBlock's give the local tables, singletons give more events",
    () =>
      Effect.gen(function* () {
        const dir = corpus()
        const local = yield* buildTables(dir)
        const same = yield* remotely(dir, clusterBlock)
        expect(same.asked.length).toBeGreaterThan(3)
        for (const b of same.asked) expect(b.key).toMatch(/^[0-9a-f]{64}$/)
        expect(same.built.tables.events.length).toBeGreaterThan(100)
        expect(JSON.stringify(same.built.tables)).toBe(JSON.stringify(local.tables))
        // every report alone is a clustering too: the tables follow the answers, not a local clustering
        const alone = yield* remotely(dir, (b) => b.reports.map((_, i) => [i]))
        expect(alone.built.tables.events.length).toBe(same.asked.reduce((n, b) => n + b.reports.length, 0))
        expect(alone.built.tables.events.length).toBeGreaterThan(local.tables.events.length)
      }).pipe(Effect.provide(NodeContext.layer)),
    180_000
  )

  it.live(
    "an answer that is not a clustering of its block stops the build",
    () =>
      Effect.gen(function* () {
        const exit = yield* Effect.exit(remotely(corpus(), (b) => (b.reports.length > 1 ? [[0]] : clusterBlock(b))))
        expect(Exit.isFailure(exit)).toBe(true)
        if (Exit.isFailure(exit)) expect(Cause.pretty(exit.cause)).toMatch(/not a clustering of its \d+ reports/)
      }).pipe(Effect.provide(NodeContext.layer)),
    180_000
  )
})
