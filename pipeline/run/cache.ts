/**
 * The content-addressed extraction cache: one file per article under
 * `<dir>/<key[0..2]>/<key>.json.gz`, keyed by SHA-256 of (the article text and metadata, the
 * pipeline version, the lexicon hash, the code hash). An entry (gzip, level 1) is a header line
 * `{"key","sha256"}` and the payload line it hashes; a read checks the hash, the JSON and the CachedArticle schema, so
 * a
 * damaged entry is reported and recomputed. The cache is an optimisation only: deleting it changes
 * no output byte.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"
import { Schema } from "effect"
import { CachedArticle } from "../../schemas/CachedArticle.js"
import { defineError } from "../../schemas/ErrorSpec.js"
import { PIPELINE_VERSION } from "../../schemas/version.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { treeHash } from "../shared/codeHash.js"
import { sha256 } from "../shared/hash.js"
import { makeDir } from "../shared/makeDir.js"
import { stableStringify } from "../shared/stableJson.js"
import type { ArticleResult } from "./articleWork.js"

const ROOT = new URL("../../", import.meta.url).pathname

/**
 * The default cache folder: node_modules/.cache/car-extract (where tools keep caches; never committed, gone with
 * node_modules).
 */
export const DEFAULT_CACHE_DIR = join(ROOT, "node_modules", ".cache", "car-extract")
/**
 * Code whose change must invalidate the cache: the per-article work (normalisation, extraction, the text layer, the
 * contracts, shared helpers, this folder). Narrower than the release's code hash, so that a change to resolution or
 * publishing keeps the extractions.
 */
const ARTICLE_CODE_DIRS = [
  "pipeline/02-normalise",
  "pipeline/03-extract",
  "pipeline/shared",
  "pipeline/run",
  "pipeline/text",
  "schemas"
]

/** SHA-256 over the source files the per-article work depends on and the versions of the libraries it uses. */
export const codeHash = (root = ROOT): string => treeHash(ARTICLE_CODE_DIRS, root)

/** Where and under which salt (pipeline version, lexicon hash, code hash) entries live. */
export interface CacheConfig {
  readonly dir: string
  readonly salt: string
}

/** The cache of this code and these lexicons in `dir`. */
export const cacheConfig = (dir: string, lexiconHash: string): CacheConfig => ({
  dir,
  salt: sha256(`${PIPELINE_VERSION}\n${lexiconHash}\n${codeHash()}`)
})

/** The key of one article: its text and the metadata normalisation reads, under the salt. */
export const cacheKey = (c: CacheConfig, src: IngestedSource): string =>
  sha256(`${c.salt}\n${src.textSha256}\n${stableStringify(src.meta)}`)

const entryPath = (c: CacheConfig, key: string) => join(c.dir, key.slice(0, 2), `${key}.json.gz`)

/** What a lookup found. */
export type Lookup =
  | { readonly _tag: "hit"; readonly result: ArticleResult }
  | { readonly _tag: "miss" }
  | { readonly _tag: "corrupt"; readonly reason: string }

/** Read the entry of `key`: a hit only when the hash, the JSON and the schema all check. */
export const readEntry = (c: CacheConfig, key: string): Lookup => {
  let bytes: Buffer
  try {
    bytes = readFileSync(entryPath(c, key))
  } catch {
    return { _tag: "miss" }
  }
  try {
    const text = gunzipSync(bytes).toString("utf8")
    const nl = text.indexOf("\n")
    const header = JSON.parse(text.slice(0, nl)) as {
      key?: unknown
      sha256?: unknown
    }
    const payload = text.slice(nl + 1)
    if (nl < 0 || header.key !== key) return { _tag: "corrupt", reason: "the header names another key" }
    if (header.sha256 !== sha256(payload))
      return {
        _tag: "corrupt",
        reason: "the payload does not match its SHA-256"
      }
    return {
      _tag: "hit",
      result: CachedArticle.decodeSync(JSON.parse(payload))
    }
  } catch (e) {
    return { _tag: "corrupt", reason: (e as Error).message.split("\n")[0]! }
  }
}

/** Folders this thread has made (an entry's folder is made once, not at every write; again when it has gone). */
const made = new Set<string>()

/** Write the entry of `key` (write and rename, so a reader never sees half an entry). */
export const writeEntry = (c: CacheConfig, key: string, result: ArticleResult): void => {
  const path = entryPath(c, key)
  const payload = JSON.stringify(result) + "\n"
  const folder = join(c.dir, key.slice(0, 2))
  if (!made.has(folder)) {
    makeDir(folder)
    made.add(folder)
  }
  const tmp = `${path}.${process.pid}.${Math.floor(performance.now() * 1000)}.tmp`
  const bytes = gzipSync(`${JSON.stringify({ key, sha256: sha256(payload) })}\n${payload}`, { level: 1 })
  try {
    try {
      writeFileSync(tmp, bytes)
    } catch (e) {
      // the folder was removed since (a cache deleted while this thread runs)
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e
      makeDir(folder)
      writeFileSync(tmp, bytes)
    }
    renameSync(tmp, path)
  } catch (e) {
    // a full or read-only disk: no half-written entry is left behind
    try {
      rmSync(tmp, { force: true })
    } catch {
      // the file system refuses this too; a later write of the same key replaces it
    }
    throw e
  }
}

/** The cache folder cannot be written (full, read-only, an I/O error): the build goes on without storing entries. */
export class CacheUnwritable extends defineError<CacheUnwritable>()(
  "CacheUnwritable",
  { dir: Schema.String, detail: Schema.String },
  {
    code: "cache-unwritable",
    stage: "run",
    effect: "warning",
    message:
      "{dir}: cannot store extraction cache entries ({detail}); the build goes on without storing them, and its release is the same",
    remedy: "Free space or make the cache folder writable, or pass --no-cache; the release is the same either way."
  }
) {}

/** Is `dir` an existing folder? */
export const isDir = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}
