import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { dataBatches } from "../../pipeline/explore/dataFiles.js"
import { type SearchShard, shardMayHold, shardOf } from "../../pipeline/explore/format.js"
import { lookupsOf } from "../../pipeline/explore/lookups.js"
import { makeShard, postingsOf, shardKeys } from "../../pipeline/explore/searchIndex.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { seedsTables } from "../lib/build.js"

const RELEASE = { version: "9.9.9", created: "2025-01-01", previousVersion: null, quality: false, changelogBytes: 0 }
/** A generator run to its end: what it returns. */
const finish = <R>(g: Generator<unknown, R>): R => {
  let step = g.next()
  while (!step.done) step = g.next()
  return step.value
}
const json = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T

describe("dataBatches", () => {
  let t: ReleaseTables
  beforeAll(async () => {
    // the tables as resolution makes them (a build lets each table go once its files are written)
    t = (await Effect.runPromise(seedsTables())).tables
  }, 300_000)

  it("hands on every file once, in more than one batch, the same bytes on every run", () => {
    const batches = [...dataBatches(t, RELEASE)]
    const files = batches.flatMap((b) => b.files)
    expect(batches.length).toBeGreaterThan(3)
    expect(new Set(files.map(([p]) => p)).size).toBe(files.length)
    const again = [...dataBatches(t, RELEASE)].flatMap((b) => b.files)
    expect(again.map(([p, b]) => [p, Buffer.from(b).toString("base64")])).toEqual(
      files.map(([p, b]) => [p, Buffer.from(b).toString("base64")])
    )
    const index = json<{ shards: Record<string, number>; searchShards: number }>(new Map(files).get("data/index.json")!)
    const events = files.filter(([p]) => p.startsWith("data/events/"))
    const ids = events.flatMap(([p, b]) => Object.keys(json(b)).map((id) => [p, id] as const))
    expect(ids.map(([, id]) => id).sort()).toEqual(t.events.map((e) => e.event_id).sort())
    for (const [p, id] of ids) expect(p).toBe(`data/events/${shardOf(id, index.shards.events!)}.json`)
    expect(json<Array<string>>(new Map(files).get("data/search-keys.json")!)).toHaveLength(index.searchShards)
  })

  it("cuts search shards finer past their budget, and a word's lookup finds the shard that holds it", () => {
    const l = lookupsOf(t)
    expect(shardKeys(finish(postingsOf(t, l.pageOfEvidence))).map(([f]) => f)).toEqual(["all"])
    const postings = finish(postingsOf(t, l.pageOfEvidence))
    const keys = shardKeys(postings, 4_000)
    expect(keys.length).toBeGreaterThan(20)
    const shards = new Map(keys.map(([file, words]) => [file, makeShard(postings, words)] as const))
    const holder = new Map<string, string>()
    for (const [file, s] of shards)
      for (const w of [...Object.keys(s.terms), ...Object.keys(s.quotes)]) {
        expect([w, holder.get(w) ?? file]).toEqual([w, file])
        holder.set(w, file)
      }
    // every word and every start of it is looked up in the shards that hold it, and in few others
    for (const [w, file] of holder)
      for (const start of [w, w.slice(0, 3)].filter((x) => [...x].length >= 2)) {
        const looked = keys.map(([f]) => f).filter((f) => shardMayHold(f, start))
        expect(looked).toContain(file)
      }
    const tokayev = keys.map(([f]) => f).filter((f) => shardMayHold(f, "tokayev"))
    expect(tokayev).toHaveLength(1)
    expect(Object.keys((shards.get(tokayev[0]!) as SearchShard).terms)).toContain("tokayev")
  })
})
