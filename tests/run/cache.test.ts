/**
 * The extraction store: keys change with what the result depends on; results and re-extractions read back equal;
 * damaged entries (or entries this store's writer did not seal) are told apart from misses; connections of two builds share one file.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import Database from "better-sqlite3"
import { describe, expect, it } from "vitest"
import type { IngestedSource } from "../../pipeline/01-ingest/Ingest.js"
import { inferredMeta } from "../../pipeline/01-ingest/sourceMeta.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { processSource, reextract, withResult } from "../../pipeline/run/articleWork.js"
import { cacheConfig, cacheKey, openStore, STORE_FILE, seal } from "../../pipeline/run/cache.js"
import { sha256 } from "../../pipeline/shared/hash.js"
import { tmpDir } from "../lib/tmp.js"

const lex = loadLexicons()
const text = "Kazakh President Kassym-Jomart Tokayev met U.S. Secretary of State Marco Rubio in Astana on Tuesday.\n"
const src: IngestedSource = {
  file: "a.txt",
  sourceId: "src_0000000000000000",
  rawSha256: sha256(text),
  textSha256: sha256(text),
  text,
  meta: { ...inferredMeta, published: "2025-11-04", publishedPrecision: "day" }
}

describe("extraction store", () => {
  const c = cacheConfig(tmpDir("car-cache-"), lex.hash)
  const key = cacheKey(c, src)
  const { result } = processSource(src, lex)
  const again = reextract(withResult(src, result), lex, { value: "2025-11-10", precision: "day" }, result.extraction)
  const store = openStore(c)

  it("keys depend on the text, the metadata and the salt (versions, lexicons, code)", () => {
    expect(cacheKey(c, { ...src, textSha256: sha256("other") })).not.toBe(key)
    expect(cacheKey(c, { ...src, meta: { ...src.meta, published: "2025-11-05" } })).not.toBe(key)
    expect(cacheKey({ ...c, salt: "another" }, src)).not.toBe(key)
    expect(cacheKey(cacheConfig(c.dir, lex.hash), src)).toBe(key)
  })

  it("a stored result and a stored re-extraction read back equal; missing ones are misses", () => {
    expect(store.read(key)._tag).toBe("miss")
    expect(store.readDay(key, "2025-11-10")._tag).toBe("miss")
    store.write([[key, result]])
    store.writeDays([[key, "2025-11-10", again]])
    const back = store.read(key)
    expect(JSON.stringify(back._tag === "hit" ? back.result : null)).toBe(JSON.stringify(result))
    const day = store.readDay(key, "2025-11-10")
    expect(JSON.stringify(day._tag === "hit" ? day.result : null)).toBe(JSON.stringify(again))
    expect(store.readDay(key, "2025-11-11")._tag).toBe("miss")
  })

  it("bytes that are not gzip, a payload that does not match its seal, and one sealed without the salt are damaged", () => {
    const raw = new Database(join(c.dir, STORE_FILE))
    const json = JSON.stringify(result)
    const sealed = seal(c.salt)
    const damage = (sha: string, payload: Uint8Array, table = "articles") => {
      const row = raw.prepare<{ sha256: string; payload: Uint8Array }>(`SELECT * FROM ${table} WHERE key = ?`).get(key)!
      raw.prepare(`UPDATE ${table} SET sha256 = ?, payload = ? WHERE key = ?`).run(sha, payload, key)
      const r = table === "articles" ? store.read(key) : store.readDay(key, "2025-11-10")
      raw.prepare(`UPDATE ${table} SET sha256 = ?, payload = ? WHERE key = ?`).run(row.sha256, row.payload, key)
      return r._tag
    }
    // what this store's writer seals reads back
    expect(damage(sealed(json), gzipSync(json))).toBe("hit")
    expect(damage(sealed(json), Buffer.from("not gzip at all"))).toBe("corrupt")
    expect(damage(sealed(json), gzipSync(json.replace("Tokayev", "Tokaiev")))).toBe("corrupt")
    expect(damage(sealed(json), gzipSync(json.slice(0, -1)))).toBe("corrupt")
    // a payload that breaks the schema, hashed by anything but this store's writer (a plain SHA-256, another salt)
    const bad = JSON.stringify({ ...JSON.parse(json), bodyKey: 7 })
    expect(damage(sha256(bad), gzipSync(bad))).toBe("corrupt")
    expect(damage(seal("another salt")(bad), gzipSync(bad))).toBe("corrupt")
    expect(damage(sha256(bad), gzipSync(bad), "reextractions")).toBe("corrupt")
    raw.close()
    expect(store.read(key)._tag).toBe("hit")
    expect(store.readDay(key, "2025-11-10")._tag).toBe("hit")
  })

  it("a stored block whose clusters break their schema is damaged, even under a matching SHA-256", () => {
    const raw = new Database(join(c.dir, STORE_FILE))
    store.writeBlocks([["block-a", [[0, 1], [2]]]])
    expect(store.readBlock("block-a")).toEqual({ _tag: "hit", result: [[0, 1], [2]] })
    const bad = JSON.stringify([["0", 1]])
    raw.prepare("UPDATE blocks SET sha256 = ?, payload = ?").run(sha256(bad), gzipSync(bad))
    raw.close()
    expect(store.readBlock("block-a")._tag).toBe("corrupt")
  })

  it("two connections (two builds sharing the cache) write between each other's writes and read both", () => {
    const other = openStore(c)
    const k2 = sha256("second")
    other.write([[k2, result]])
    store.write([[key, result]])
    expect([store.read(k2)._tag, other.read(key)._tag]).toEqual(["hit", "hit"])
    other.close()
  })

  it("a store file that is not a database is refused when opened, and left as it is", () => {
    const d = cacheConfig(tmpDir("car-cache-"), lex.hash)
    const junk = "not a database, but longer than a header would be: ".repeat(20)
    writeFileSync(join(d.dir, STORE_FILE), junk)
    expect(() => openStore(d)).toThrow()
    expect(readFileSync(join(d.dir, STORE_FILE), "utf8")).toBe(junk)
  })
})
