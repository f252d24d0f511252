/**
 * STAND-IN, to be swapped when resolution by blocks (issue 18 items 3 and 5: 04-resolve/blocks.ts and a two-phase
 * makeResolver) is merged: the shared contract's EventBlock, clusterBlock and a resolver with blocks() and
 * finish(clustered), made here around today's makeResolver by grouping the event reports by event type (exact:
 * clustering only ever joins reports of one type). This finish(clustered) ignores `clustered` and clusters in this
 * thread, so the tables are today's bytes. The swap: import EventBlock and clusterBlock from 04-resolve/blocks.js, use
 * makeResolver where `blockResolver` is used, and delete this file.
 */
import type { EventMention } from "../../schemas/Extraction.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { clusterEvents, type MatchedMention } from "../04-resolve/mergeEvents.js"
import { makeResolver, type ResolveInput } from "../04-resolve/Resolve.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"

/** What clustering reads of one report, as plain JSON-safe data (the contract's BlockReport). */
export interface BlockReport {
  readonly sourceId: string
  readonly order: number
  readonly mention: MatchedMention
}

/** One block: reports that can only ever cluster with each other, in release order (the contract's EventBlock). */
export interface EventBlock {
  /** SHA-256 over the block's reports as clustering reads them, in order (not their global order numbers). */
  readonly key: string
  readonly reports: ReadonlyArray<BlockReport>
}

/** Pure: the clusters of one block, each as the indexes of its reports in `block.reports`, in founding order. */
export const clusterBlock = (block: EventBlock): Array<Array<number>> =>
  clusterEvents(block.reports.map((r, i) => ({ ...r, i }))).map((c) => c.reports.map((r) => r.i))

/** What clustering reads of an event report, and nothing else (no spans, codes or confidence). */
const matched = (e: EventMention): MatchedMention => ({
  type: e.type,
  trigger: e.trigger,
  date: e.date,
  dateFromReport: e.dateFromReport,
  modality: e.modality,
  location: e.location,
  participants: e.participants.map((p) => ({ key: p.key, role: p.role }))
})

/** An article as blocks() reads it. */
interface Seen {
  readonly sourceId: string
  readonly published: string | null
  readonly events: ReadonlyArray<MatchedMention>
}

/** The resolver of the contract: add as today, blocks() after the last add, finish(clustered?). */
export interface BlockResolver {
  readonly add: (input: ResolveInput) => void
  readonly blocks: () => ReadonlyArray<EventBlock>
  readonly finish: (clustered?: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>) => ReleaseTables
}

/** makeResolver with blocks() and finish(clustered) (see the file comment: a stand-in). */
export const blockResolver = (...args: Parameters<typeof makeResolver>): BlockResolver => {
  const resolver = makeResolver(...args)
  const firstRelease = args[2] ?? new Map<string, number>()
  const seen: Array<Seen> = []
  const blocks = (): ReadonlyArray<EventBlock> => {
    // the order of Resolve.ts's inReleaseOrder: first release, publication date, source id
    const rank = (id: string) => firstRelease.get(id) ?? Number.MAX_SAFE_INTEGER
    const docs = [...seen].sort(
      (a, b) =>
        rank(a.sourceId) - rank(b.sourceId) ||
        compareStrings(a.published ?? "9999", b.published ?? "9999") ||
        compareStrings(a.sourceId, b.sourceId)
    )
    const byType = new Map<string, Array<BlockReport>>()
    docs.forEach((d, order) => {
      for (const mention of d.events) {
        const reports = byType.get(mention.type) ?? []
        reports.push({ sourceId: d.sourceId, order, mention })
        byType.set(mention.type, reports)
      }
    })
    return [...byType.keys()].sort(compareStrings).map((type) => {
      const reports = byType.get(type)!
      return { key: sha256(JSON.stringify(reports.map((r) => [r.sourceId, r.mention]))), reports }
    })
  }
  return {
    add: (input) => {
      resolver.add(input)
      const s = input.source
      seen.push({ sourceId: s.sourceId, published: s.published.value, events: input.extraction.events.map(matched) })
    },
    blocks,
    // the stand-in clusters again in this thread: `clustered` (the runners' answers) is not read
    finish: (_clustered) => resolver.finish()
  }
}
