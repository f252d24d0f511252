/**
 * Event resolution by blocks gives the clusters the pass over all reports gives: on random report sets (types, shared
 * keys, dates of every precision, places, modalities) and on the seeds and the dev corpora. The cap splits a block by
 * year, then into runs; a clustering from elsewhere is checked before it is used.
 */
import { existsSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import {
  type BlockReport,
  blockKey,
  clusterBlock,
  clusterConflict,
  cutBlocks,
  isClustering,
  mergeClusters
} from "../../pipeline/04-resolve/blocks.js"
import { clusterEvents, type MatchedMention } from "../../pipeline/04-resolve/mergeEvents.js"
import { makeResolver } from "../../pipeline/04-resolve/Resolve.js"
import type { StoredMention } from "../../pipeline/04-resolve/reportStore.js"
import { processSources } from "../../pipeline/run/articleStream.js"
import { MODALITIES, ROLES } from "../../schemas/vocab.js"
import { repoRoot } from "../lib/tmp.js"

/** Clusters as [conflict, report indexes], as clusterEvents gives them over all reports. */
const whole = (reports: ReadonlyArray<BlockReport>) => {
  const at = new Map(reports.map((r, i) => [r, i]))
  return clusterEvents(reports).map((c) => [c.conflict, c.reports.map((r) => at.get(r)!)] as const)
}

/** The same by blocks of at most `cap` reports (the year of a report: its date's, else "none"). */
const byBlocks = (reports: ReadonlyArray<BlockReport>, cap = Infinity) => {
  const cut = cutBlocks(reports, cap, (i) => reports[i]!.mention.date.value?.slice(0, 4) ?? "none")
  const blocks = cut.members.map((m) => ({ key: "", reports: m.map((i) => reports[i]!) }))
  return mergeClusters(cut.members, blocks.map(clusterBlock)).map(
    (c) => [clusterConflict(c.map((i) => reports[i]!.mention)), c] as const
  )
}

const KEYS = [
  "gaz:country:USA",
  "gaz:country:KAZ",
  "gaz:country:UZB",
  "gaz:person:donald-trump",
  "gaz:person:kassym-jomart-tokayev",
  "pat:person:someone",
  "gaz:organization:european-union",
  "gaz:initiative:c5-plus-1",
  "gaz:location:astana"
]
const DATES = [
  null,
  "2024",
  "2025",
  "2024-03",
  "2025-03",
  "2025-04",
  "2025-03-05",
  "2025-03-06",
  "2025-03-06",
  "2025-04-05",
  "2024-03-05"
]
const precision = (d: string | null): MatchedMention["date"]["precision"] =>
  d === null ? "unknown" : d.length === 4 ? "year" : d.length === 7 ? "month" : "day"

// weighted towards what makes reports join (one type, asserted, one place, close dates, shared people) and clash
const mention: fc.Arbitrary<MatchedMention> = fc
  .record({
    type: fc.constantFrom("meeting", "meeting", "meeting", "visit", "statement"),
    trigger: fc.constantFrom("meet", "meet", "visit"),
    date: fc.constantFrom(...DATES),
    dateFromReport: fc.constantFrom(false, false, false, true),
    modality: fc.constantFrom("asserted", "asserted", "asserted", "asserted", ...MODALITIES),
    location: fc.constantFrom(
      null,
      null,
      "gaz:location:astana",
      "gaz:location:astana",
      "gaz:location:tashkent",
      "gaz:country:KAZ"
    ),
    participants: fc.uniqueArray(fc.record({ key: fc.constantFrom(...KEYS), role: fc.constantFrom(...ROLES) }), {
      minLength: 1,
      maxLength: 7,
      selector: (p) => p.key
    })
  })
  .map(({ date, ...m }) => ({ ...m, date: { value: date, precision: precision(date) } }))

/** Reports of a few events, each retold with another date, fewer participants or another place. */
const retold: fc.Arbitrary<Array<MatchedMention>> = fc
  .tuple(
    fc.array(mention, { minLength: 1, maxLength: 4 }),
    fc.array(
      fc.record({
        event: fc.nat(),
        date: fc.option(fc.constantFrom(...DATES), { freq: 2 }),
        drop: fc.nat({ max: 7 }),
        place: fc.option(fc.constantFrom(null, "gaz:location:astana"), { freq: 4 })
      }),
      { maxLength: 60 }
    )
  )
  .map(([events, tellings]) =>
    tellings.map((t) => {
      const e = events[t.event % events.length]!
      const date = t.date === null ? e.date : { value: t.date, precision: precision(t.date) }
      const participants = e.participants.filter((_, i) => i !== t.drop)
      return { ...e, date, participants, location: t.place === null ? e.location : t.place }
    })
  )

const reportSets = fc
  .tuple(fc.oneof(fc.array(mention, { maxLength: 60 }), retold), fc.infiniteStream(fc.integer({ min: 0, max: 7 })))
  .map(([ms, sources]) =>
    ms.map((m, order): BlockReport => ({ sourceId: `s${sources.next().value}`, order, mention: m }))
  )

describe("event blocks", () => {
  it("cluster as the pass over all reports does, conflicts included", () => {
    fc.assert(
      fc.property(reportSets, (reports) => {
        expect(byBlocks(reports)).toEqual(whole(reports))
      }),
      { numRuns: 1000 }
    )
  })

  it("cut into a partition of the reports, each block in order and within the cap", () => {
    fc.assert(
      fc.property(reportSets, fc.integer({ min: 1, max: 8 }), (reports, cap) => {
        const cut = cutBlocks(reports, cap, (i) => reports[i]!.mention.date.value?.slice(0, 4) ?? "none")
        const all = cut.members.flat().sort((a, b) => a - b)
        expect(all).toEqual(reports.map((_, i) => i))
        for (const m of cut.members) {
          expect(m.length).toBeLessThanOrEqual(cap)
          expect([...m].sort((a, b) => a - b)).toEqual(m)
        }
        // the clusters by blocks are still a clustering of every report
        expect(
          isClustering(
            reports.length,
            byBlocks(reports, cap).map(([, c]) => c)
          )
        ).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it("over the cap, split by year, then into runs of the cap; counted", () => {
    const m = (date: string | null): MatchedMention => ({
      type: "meeting",
      trigger: "meet",
      date: { value: date, precision: precision(date) },
      dateFromReport: false,
      modality: "asserted",
      location: null,
      participants: [{ key: "gaz:country:KAZ", role: "actor" }]
    })
    const dates = ["2024-03", "2025-03", "2024-04", "2025-03", "2025-03", "2025-03", "2025-03"]
    const reports = dates.map((d, order): BlockReport => ({ sourceId: `s${order}`, order, mention: m(d) }))
    const year = (i: number) => reports[i]!.mention.date.value!.slice(0, 4)
    expect(cutBlocks(reports, 7, year)).toEqual({ members: [[0, 1, 2, 3, 4, 5, 6]], splitByYear: 0, cutIntoRuns: 0 })
    expect(cutBlocks(reports, 5, year)).toEqual({
      members: [
        [0, 2],
        [1, 3, 4, 5, 6]
      ],
      splitByYear: 1,
      cutIntoRuns: 0
    })
    expect(cutBlocks(reports, 3, year)).toEqual({
      members: [
        [0, 2],
        [1, 3, 4],
        [5, 6]
      ],
      splitByYear: 1,
      cutIntoRuns: 1
    })
    // reports of different years never join directly: the split changes nothing here
    expect(byBlocks(reports, 5)).toEqual(whole(reports))
  })

  it("have a content key of what clustering reads, not of their place in the release", () => {
    const [a, b] = fc.sample(
      reportSets.filter((rs) => rs.length > 1),
      { numRuns: 2, seed: 7 }
    )
    expect(blockKey(a!)).toBe(blockKey(a!.map((r) => ({ ...r, order: r.order + 100 }))))
    expect(blockKey(a!)).not.toBe(blockKey(b!))
    expect(blockKey(a!)).not.toBe(blockKey(a!.map((r, i) => (i === 0 ? { ...r, sourceId: "elsewhere" } : r))))
  })

  it("take a clustering only when it is one of the block", () => {
    expect(isClustering(3, [[0, 2], [1]])).toBe(true)
    expect(isClustering(3, [[1], [0, 2]])).toBe(false)
    expect(isClustering(3, [[0, 1]])).toBe(false)
    expect(
      isClustering(3, [
        [0, 1],
        [1, 2]
      ])
    ).toBe(false)
    expect(isClustering(3, [[0, 2, 1]])).toBe(false)
    expect(isClustering(2, [[0, 1.5]])).toBe(false)
    expect(isClustering(1, "[[0]]")).toBe(false)
  })
})

/** The folders whose event reports are clustered both ways (the dev corpora when this machine has them). */
const FOLDERS = [
  join(repoRoot, "seeds"),
  ...["dev", "dev-b"].map((c) => `/work/shared/corpus/${c}`).filter((d) => existsSync(d))
]

describe("a resolver's blocks", () => {
  for (const dir of FOLDERS)
    it.effect(
      `give the clusters of all reports at once: ${dir.split("/").pop()}`,
      () =>
        Effect.gen(function* () {
          const { inputs } = yield* processSources(dir, null, loadLexicons())
          const resolver = makeResolver((id) => `texts/${id}.txt`)
          for (const i of inputs) resolver.add(i)
          const blocks = resolver.blocks()
          // every report, in release order: by article, then as added
          const row = (r: BlockReport) => (r.mention as StoredMention).row
          const reports = blocks.flatMap((b) => b.reports).sort((a, b) => a.order - b.order || row(a) - row(b))
          const at = new Map(reports.map((r, i) => [r, i]))
          const clustered = blocks.map(clusterBlock)
          const members = blocks.map((b) => b.reports.map((r) => at.get(r)!))
          expect(reports.length).toBeGreaterThan(50)
          expect(
            mergeClusters(members, clustered).map((c) => [clusterConflict(c.map((i) => reports[i]!.mention)), c])
          ).toEqual(whole(reports))
          // a clustering that crossed a thread or came from the store makes the same tables; a wrong one is refused
          const tables = resolver.finish(JSON.parse(JSON.stringify(clustered)))
          const again = makeResolver((id) => `texts/${id}.txt`)
          for (const i of inputs) again.add(i)
          expect(JSON.stringify(again.finish())).toBe(JSON.stringify(tables))
          const wrong = makeResolver((id) => `texts/${id}.txt`)
          for (const i of inputs) wrong.add(i)
          expect(() => wrong.finish(wrong.blocks().map(() => [[0]]))).toThrow(/not a clustering/)
        }).pipe(Effect.provide(NodeContext.layer)),
      120_000
    )
})
