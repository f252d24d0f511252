/**
 * Resolution by event blocks in a build (04-resolve/blocks.ts): a block whose clusters the store holds (keyed by its
 * content and the resolution code) is not clustered again; the others are clustered here and stored. The store is a
 * cache: with it or without it, the clusters, and so the tables, are the same.
 */
import { Console, Effect } from "effect"
import { clusterBlock, type EventBlock, isClustering } from "../04-resolve/blocks.js"
import type { makeResolver } from "../04-resolve/Resolve.js"
import type { Timings } from "../shared/timings.js"
import { type RemoteResolution, unwritable } from "./articleStream.js"
import type { Store } from "./cache.js"
import { BlocksSplit } from "./memory.js"
import { timed } from "./timed.js"

/**
 * Blocks of fewer reports are clustered again rather than read: reading an entry costs more than clustering them
 * (docs/bench.md, "Event blocks").
 */
export const MIN_STORED_REPORTS = 32

type Clustered = ReadonlyArray<ReadonlyArray<number>>

/** The clusters of each block: from the store when it holds them, else computed (and then stored). */
const clusterAll = (
  blocks: ReadonlyArray<EventBlock>,
  store: Store | null,
  timings: Timings
): { readonly clustered: Array<Clustered>; readonly said: Array<string> } => {
  const clustered: Array<Clustered> = []
  const fresh: Array<readonly [string, Clustered]> = []
  const said: Array<string> = []
  let hits = 0
  let small = 0
  for (const b of blocks) {
    if (b.reports.length < MIN_STORED_REPORTS) small++
    const stored = store !== null && b.reports.length >= MIN_STORED_REPORTS
    const found = stored ? store.readBlock(b.key) : null
    if (found?._tag === "hit" && isClustering(b.reports.length, found.result)) {
      clustered.push(found.result)
      hits++
      continue
    }
    if (found !== null && found._tag !== "miss")
      said.push(
        `cache: event block ${b.key.slice(0, 12)}: damaged entry (${found._tag === "corrupt" ? found.reason : "not a clustering of the block"}); recomputed and rewritten`
      )
    const c = clusterBlock(b)
    clustered.push(c)
    if (stored) fresh.push([b.key, c])
  }
  timings.count("resolve: blocks from the store", hits)
  timings.count("resolve: blocks clustered", blocks.length - hits)
  timings.count("resolve: blocks too small to store", small)
  try {
    if (fresh.length > 0) store!.writeBlocks(fresh)
  } catch (e) {
    said.push(unwritable(store!.config.dir, String(e)))
  }
  return { clustered, said }
}

/**
 * The tables of a resolver whose articles are all in, its event blocks clustered through `store` (null: none), or by
 * `remote` (a clustered build's runners: their persisted answers are its store).
 */
export const resolveByBlocks = (
  resolver: ReturnType<typeof makeResolver>,
  store: Store | null,
  timings: Timings,
  remote?: RemoteResolution
) =>
  Effect.gen(function* () {
    const blocks = timings.time("resolve: blocks", () => resolver.blocks())
    const { cap, splitByYear, cutIntoRuns } = resolver.blockCounts()
    timings.count("resolve: blocks", blocks.length)
    timings.count("resolve: blocks split by year", splitByYear)
    timings.count("resolve: blocks cut into runs", cutIntoRuns)
    timings.count(
      "resolve: largest block",
      blocks.reduce((n, b) => Math.max(n, b.reports.length), 0)
    )
    if (splitByYear > 0)
      yield* Console.error(`warning [${BlocksSplit.code}]: ${new BlocksSplit({ blocks: splitByYear, cap }).message}`)
    const { clustered, said } =
      remote === undefined
        ? timings.time("resolve: cluster", () => clusterAll(blocks, store, timings))
        : { clustered: yield* timed(timings, "resolve: cluster (remote)", remote.clusterBlocks(blocks)), said: [] }
    for (const line of said) yield* Console.error(line)
    // finish checks every clustering handed back (a remote answer too) before it makes rows of it
    return timings.time("resolve: rows", () => resolver.finish(clustered))
  })
