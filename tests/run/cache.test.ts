/** Cache entries: keys change with what the result depends on; damaged entries are told apart from misses. */
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"
import type { IngestedSource } from "../../pipeline/01-ingest/Ingest.js"
import { inferredMeta } from "../../pipeline/01-ingest/sourceMeta.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { processSource } from "../../pipeline/run/articleWork.js"
import { cacheConfig, cacheKey, readEntry, writeEntry } from "../../pipeline/run/cache.js"
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

describe("extraction cache", () => {
  const c = cacheConfig(tmpDir("car-cache-"), lex.hash)
  const key = cacheKey(c, src)
  const path = join(c.dir, key.slice(0, 2), `${key}.json.gz`)
  const { result } = processSource(src, lex)

  it("keys depend on the text, the metadata and the salt (versions, lexicons, code)", () => {
    expect(cacheKey(c, { ...src, textSha256: sha256("other") })).not.toBe(key)
    expect(cacheKey(c, { ...src, meta: { ...src.meta, published: "2025-11-05" } })).not.toBe(key)
    expect(cacheKey({ ...c, salt: "another" }, src)).not.toBe(key)
    expect(cacheKey(cacheConfig(c.dir, lex.hash), src)).toBe(key)
  })

  it("a stored result reads back equal; a missing one is a miss", () => {
    expect(readEntry(c, key)._tag).toBe("miss")
    writeEntry(c, key, result)
    const back = readEntry(c, key)
    expect(back._tag).toBe("hit")
    expect(JSON.stringify(back._tag === "hit" ? back.result : null)).toBe(JSON.stringify(result))
  })

  it("an entry is written when its folder was removed after an earlier write (a cache deleted while a build runs)", () => {
    const d = cacheConfig(tmpDir("car-cache-"), lex.hash)
    writeEntry(d, key, result)
    rmSync(d.dir, { recursive: true, force: true })
    writeEntry(d, key, result)
    expect(readEntry(d, key)._tag).toBe("hit")
  })

  it("truncated bytes, a payload that does not match its hash and a payload that breaks the schema are damaged", () => {
    const good = readFileSync(path)
    const [header, payload] = gunzipSync(good).toString("utf8").split("\n")
    const damage = (bytes: Uint8Array) => {
      writeFileSync(path, bytes)
      const r = readEntry(c, key)
      writeFileSync(path, good)
      return r._tag
    }
    expect(damage(good.subarray(0, good.length >> 1))).toBe("corrupt")
    expect(damage(gzipSync(`${header}\n${payload!.replace("Tokayev", "Tokaiev")}\n`))).toBe("corrupt")
    const bad = JSON.stringify({ ...JSON.parse(payload!), bodyKey: 7 }) + "\n"
    expect(damage(gzipSync(`${JSON.stringify({ key, sha256: sha256(bad) })}\n${bad}`))).toBe("corrupt")
    expect(readEntry(c, key)._tag).toBe("hit")
  })
})
