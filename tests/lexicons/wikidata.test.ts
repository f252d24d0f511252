/**
 * Wikidata items in the lexicons: every item has the form of a Q-number, no two entities share one, and every item of
 * the hand-written gazetteer names the public source it was checked against.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { LEXICON_DIR, loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { GazetteerEntry, WIKIDATA_QID } from "../../schemas/Lexicon.js"

/** [file, entry id, item, source] of every lexicon entry that carries a Wikidata item. */
const lexiconItems = (): Array<[string, string, string, string | undefined]> =>
  readdirSync(LEXICON_DIR)
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) =>
      readFileSync(join(LEXICON_DIR, file), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry["wikidata"] !== undefined)
        .map((entry): [string, string, string, string | undefined] => [
          file,
          String(entry["id"]),
          String(entry["wikidata"]),
          entry["wikidata_source"] as string | undefined
        ])
    )

describe("Wikidata items in the lexicons", () => {
  it("every item is Q and a number without leading zeros", () => {
    const items = lexiconItems()
    expect(items.length).toBeGreaterThan(60)
    expect(items.filter(([, , qid]) => !WIKIDATA_QID.test(qid))).toEqual([])
  })

  it("no two entities of the loaded gazetteer share an item", () => {
    const byQid = new Map<string, Array<string>>()
    for (const entity of loadLexicons().entities.values())
      if (entity.wikidata) byQid.set(entity.wikidata, [...(byQid.get(entity.wikidata) ?? []), entity.id])
    expect([...byQid].filter(([, ids]) => ids.length > 1)).toEqual([])
    expect(loadLexicons().entities.get("person:kassym-jomart-tokayev")?.wikidata).toBe("Q200881")
  })

  it("every item of the hand-written gazetteer names the source it was checked against", () => {
    const items = lexiconItems().filter(([file]) => file === "gazetteer.v1.jsonl")
    expect(items.length).toBeGreaterThanOrEqual(35)
    expect(items.filter(([, , , source]) => !source || source.length < 10).map(([, id]) => id)).toEqual([])
  })

  it("the schema refuses items that are not Q-numbers", () => {
    const decode = (wikidata: string) =>
      Schema.decodeUnknownEither(GazetteerEntry)({ id: "person:x", type: "person", name: "X", aliases: [], wikidata })
    expect(["Q1065", "Q0", "Q0123", "q1065", "Q", "P31"].map((qid) => Either.isRight(decode(qid)))).toEqual([
      true,
      false,
      false,
      false,
      false,
      false
    ])
  })
})
