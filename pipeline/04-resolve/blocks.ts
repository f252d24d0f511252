/**
 * Event resolution by blocks. A report joins a cluster only of its own event type that holds one of its non-generic
 * keys (participants, place: mergeEvents.ts), so the connected components of "report — its non-generic keys" within a
 * type are closed: each clustered alone in release order gives the clusters the pass over all reports gives, merged
 * back in the order of their founding reports. A block over the cap is split by a rule that is not exact (cutBlocks).
 */
import { createHash } from "node:crypto"
import {
  clusterDateAfter,
  clusterEvents,
  dateAgainst,
  datesCompatible,
  GENERIC,
  type MatchedMention,
  NO_CROSS_DOC,
  participantKeys,
  statedDate,
  UNREAL
} from "./mergeEvents.js"

/** What clustering reads of one report, as plain JSON-safe data (sent to other threads / runners as is). */
export interface BlockReport {
  readonly sourceId: string
  readonly order: number
  readonly mention: MatchedMention
}

/** One block: reports that can only ever cluster with each other, in release order. */
export interface EventBlock {
  /** Content key: SHA-256 (hex) over the block's reports as clustering reads them, in order (not their global order numbers). */
  readonly key: string
  readonly reports: ReadonlyArray<BlockReport>
}

/** Pure: the clusters of one block, each as the indexes of its reports in `block.reports`, clusters in founding order. */
export const clusterBlock = (block: EventBlock): Array<Array<number>> =>
  clusterEvents(block.reports.map((r, i) => ({ sourceId: r.sourceId, order: r.order, mention: r.mention, i }))).map(
    (c) => c.reports.map((r) => r.i)
  )

/** Is `clusters` a clustering of `n` reports as clusterBlock gives one (each index once, ascending, founding order)? */
export const isClustering = (n: number, clusters: unknown): clusters is Array<Array<number>> => {
  if (!Array.isArray(clusters)) return false
  const seen = new Uint8Array(n)
  let count = 0
  let lastFounder = -1
  for (const c of clusters) {
    if (!Array.isArray(c) || c.length === 0 || !(c[0] > lastFounder)) return false
    lastFounder = c[0]
    let last = -1
    for (const i of c) {
      if (!Number.isInteger(i) || i <= last || i >= n || seen[i] === 1) return false
      seen[i] = 1
      last = i
      count++
    }
  }
  return count === n
}

/** The content key of a block's reports: what clustering reads of each (source, mention), in order; not `order`. */
export const blockKey = (reports: ReadonlyArray<BlockReport>): string => {
  const h = createHash("sha256")
  for (const { sourceId, mention: m } of reports)
    h.update(
      `${JSON.stringify([
        sourceId,
        m.type,
        m.trigger,
        m.date.value,
        m.date.precision,
        m.date.end ?? null,
        m.dateFromReport,
        m.modality,
        m.location,
        m.participants.map((p) => [p.key, p.role])
      ])}\n`
    )
  return h.digest("hex")
}

/** Does a report found a cluster of its own that nothing joins (a type never merged across articles, or unreal)? */
const alone = (m: MatchedMention): boolean => NO_CROSS_DOC.has(m.type) || UNREAL.has(m.modality)

/**
 * The connected components of `members` (indexes into `reports`) linked by a shared (type, non-generic key), each in
 * the order given, components by their first member. Union-find over keys: linear in the keys, no pairs compared.
 */
export const componentsOf = (
  reports: ReadonlyArray<BlockReport>,
  members: ReadonlyArray<number>
): Array<Array<number>> => {
  const parent = new Int32Array(members.length).map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  const holder = new Map<string, number>()
  const link = (key: string, i: number) => {
    const j = holder.get(key)
    if (j === undefined) holder.set(key, i)
    else {
      const a = find(i)
      const b = find(j)
      // the smaller root stays: a component's root is its first member
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    }
  }
  members.forEach((r, i) => {
    const m = reports[r]!.mention
    for (const k of participantKeys(m)) if (!GENERIC(k)) link(`${m.type}\u0000${k}`, i)
  })
  const groups = new Map<number, Array<number>>()
  members.forEach((r, i) => {
    const root = find(i)
    const g = groups.get(root)
    if (g === undefined) groups.set(root, [r])
    else g.push(r)
  })
  return [...groups.values()]
}

/** `members` grouped by `keyOf`, each group in the order given, groups by their first member. */
const groupBy = (members: Iterable<number>, keyOf: (i: number) => string): Array<Array<number>> => {
  const groups = new Map<string, Array<number>>()
  for (const i of members) {
    const k = keyOf(i)
    const g = groups.get(k)
    if (g === undefined) groups.set(k, [i])
    else g.push(i)
  }
  return [...groups.values()]
}

/**
 * The most reports one event block holds: part of the resolution rule, never a build option, so that a release is a
 * function of its sources and the code (a build, `verify` and `eval` cut the same blocks). Clustering took 1,226 bytes
 * of heap a report on the largest block of the 10,000-article bench corpus (42,132 reports), 2,000 with a margin: the
 * cap holds that state to about 125 MB, a quarter of the default --memory (docs/bench.md, "Event blocks").
 */
export const BLOCK_CAP = 62_500

/** Consecutive runs of at most `cap` of `members`. */
const runs = (members: Array<number>, cap: number): Array<Array<number>> => {
  const out: Array<Array<number>> = []
  for (let from = 0; from < members.length; from += cap) out.push(members.slice(from, from + cap))
  return out
}

/** How a set of reports was cut into blocks. */
export interface BlockCut {
  /** Each block's reports, as indexes into the reports cut, in order; blocks by their first report. */
  readonly members: ReadonlyArray<ReadonlyArray<number>>
  /** Components over the cap split by year. */
  readonly splitByYear: number
  /** Parts of one year still over the cap cut into runs of at most the cap. */
  readonly cutIntoRuns: number
}

/**
 * The reports (in release order) cut into blocks. Reports that are alone (each its own cluster wherever it is) go by
 * (type, year), in runs of at most `cap`: exact. The others by the components of componentsOf; a component of more
 * than `cap` reports is split by the year of its reports (`yearOf`: the year of the report's date, else of its
 * source's publication) and each year's reports cut into their own components; a part still over the cap is cut into
 * runs of `cap` reports in release order. Exact up to the cap; beyond it, reports of different years (or runs) never
 * join, where without the cap an undated report, or a dated one meeting an event with no stated date, might have.
 */
export const cutBlocks = (
  reports: ReadonlyArray<BlockReport>,
  cap: number,
  yearOf: (i: number) => string
): BlockCut => {
  const single: Array<number> = []
  const joinable: Array<number> = []
  reports.forEach((r, i) => {
    if (alone(r.mention)) single.push(i)
    else joinable.push(i)
  })
  const out = groupBy(single, (i) => `${reports[i]!.mention.type}\u0000${yearOf(i)}`).flatMap((g) => runs(g, cap))
  let splitByYear = 0
  let cutIntoRuns = 0
  for (const c of componentsOf(reports, joinable)) {
    if (c.length <= cap) {
      out.push(c)
      continue
    }
    splitByYear++
    for (const part of groupBy(c, yearOf).flatMap((g) => componentsOf(reports, g))) {
      if (part.length > cap) cutIntoRuns++
      out.push(...runs(part, cap))
    }
  }
  out.sort((a, b) => a[0]! - b[0]!)
  return { members: out, splitByYear, cutIntoRuns }
}

/**
 * The clusters of all blocks as indexes of the reports cut (`members[b][j]` is report j of block b), in the order of
 * their founding reports: the order clusterEvents gives over all reports.
 */
export const mergeClusters = (
  members: ReadonlyArray<ReadonlyArray<number>>,
  clustered: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>
): Array<Array<number>> => {
  const all: Array<Array<number>> = []
  members.forEach((m, b) => {
    for (const c of clustered[b]!) all.push(c.map((j) => m[j]!))
  })
  return all.sort((a, b) => a[0]! - b[0]!)
}

/**
 * Did a cluster's reports (in the order they joined) join with conflicting dates? Replays clusterEvents' own date rules
 * (mergeEvents.ts dateAgainst, clusterDateAfter): a report joins with a conflict exactly when its date is not
 * compatible with the cluster's stated date so far.
 */
export const clusterConflict = (ms: ReadonlyArray<MatchedMention>): boolean => {
  let cd = statedDate(ms[0]!)
  for (let i = 1; i < ms.length; i++) {
    const m = ms[i]!
    if (!datesCompatible(cd, dateAgainst(cd, m))) return true
    cd = clusterDateAfter(cd, m)
  }
  return false
}
