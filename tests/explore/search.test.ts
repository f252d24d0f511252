/** Search: folding and tokens as the index makes them, shard keys, and queries over shards. */
import { describe, expect, it } from "vitest"
import {
  fold,
  keyUnits,
  parseSearchFile,
  type SearchShard,
  searchFile,
  shardMayHold,
  shardOf,
  shardWidth,
  tokens
} from "../../pipeline/explore/format.js"
import { runQuery } from "../../pipeline/explore/web/searchQuery.js"

describe("tokens and shards", () => {
  it("folds case and diacritics", () => expect(fold("TOKAYEV Tōkayev")).toBe("tokayev tokayev"))
  it("tokens are distinct words of two or more characters, without stopwords", () =>
    expect(tokens("The C5+1 summit of the C5+1 format, in Washington")).toEqual([
      "c5",
      "summit",
      "format",
      "washington"
    ]))
  it("a shard key is a safe file name, read back unit by unit", () => {
    expect(searchFile(keyUnits("tokayev", 2))).toBe("to")
    expect(searchFile(keyUnits("tokayev", 0))).toBe("all")
    expect(searchFile(keyUnits("алматы", 2))).toBe("_430__43b_")
    expect(parseSearchFile("_430__43b_a-")).toEqual(["_430_", "_43b_", "a", "-"])
    expect(parseSearchFile("all")).toEqual([])
  })
  it("a shard may hold a word when its key starts the word, or the word starts its key", () => {
    expect(["all", "t", "to", "tok", "tr", "to-", "tokayev-", "tok-"].filter((f) => shardMayHold(f, "tok"))).toEqual([
      "all",
      "t",
      "to",
      "tok",
      "tokayev-",
      "tok-"
    ])
  })
  it("shards grow finer with the table", () => {
    expect([10, 400, 401, 6_400, 6_401, 10_000_000].map((rows) => shardWidth(rows))).toEqual([0, 0, 1, 1, 2, 4])
    // large records cut finer than their rows alone would
    expect([shardWidth(402, 22_000_000), shardWidth(10_000, 130_000_000), shardWidth(10, 150_000)]).toEqual([2, 3, 0])
    expect([shardOf("ent_ab12", 0), shardOf("ent_ab12", 2)]).toEqual(["all", "ab"])
  })
})

describe("runQuery", () => {
  const shards: Record<string, SearchShard> = {
    t: {
      docs: ["ent_1", "evt_1", "evt_2"],
      terms: { tokayev: [0, 1], trump: [2] },
      quotes: { tokayev: [2] },
      common: []
    },
    s: { docs: ["ent_2", "evt_1"], terms: { states: [0] }, quotes: { summit: [1] }, common: ["states"] }
  }
  const load = async (word: string) => {
    const shard = shards[searchFile(keyUnits(word, 1))]
    return shard === undefined ? [] : [shard]
  }
  it("matches word starts; pages found by name before those found only in quotes; entities first", async () =>
    expect(await runQuery("toka", load)).toEqual({
      hits: [
        { id: "ent_1", byName: true },
        { id: "evt_1", byName: true },
        { id: "evt_2", byName: false }
      ],
      common: []
    }))
  it("every word must match", async () =>
    expect((await runQuery("Tokayev summit", load)).hits).toEqual([{ id: "evt_1", byName: false }]))
  it("a common word filters entities only; alone, it finds its entities", async () => {
    expect(await runQuery("Tokayev states", load)).toEqual({
      hits: [
        { id: "evt_1", byName: true },
        { id: "evt_2", byName: false }
      ],
      common: ["states"]
    })
    expect(await runQuery("states", load)).toEqual({ hits: [{ id: "ent_2", byName: true }], common: ["states"] })
  })
  it("a word with no shard finds nothing; an empty query finds nothing", async () => {
    expect((await runQuery("zzz tokayev", load)).hits).toEqual([])
    expect((await runQuery(" , ", load)).hits).toEqual([])
  })
})
