/**
 * The extraction cache: one SQLite file, `<dir>/extractions.sqlite`, keyed by SHA-256 of (the article text and
 * metadata, the pipeline version, the lexicon hash, the code hash). Table `articles` holds each article's result;
 * `reextractions` the extraction of an article without a publication day read against a reference day (tables.ts);
 * `blocks` the clusters of an event block (04-resolve/blocks.ts), keyed by its content key and the resolution code.
 * A payload is its JSON gzipped (level 1) beside a hash of the JSON; a damaged entry is reported and recomputed.
 * Articles and re-extractions are sealed: their hash is the SHA-256 of the store's salt and the JSON, so a matching
 * hash means this code's writer stored that JSON from what it computed, and a read checks only the seal and the JSON
 * (decoding 450 MB of JSON at 10,000 articles against the schema again took a quarter of a warm build's store reads;
 * a build without the store uses what it computes without decoding it either). Blocks keep a plain SHA-256 and are
 * decoded. Each thread opens its own connection (WAL: readers never wait, a
 * writer waits up to BUSY_MS for another, of this build or another). SQLite rather than DuckDB: docs/bench.md. The
 * cache is an optimisation only: deleting it changes no output byte.
 */
import { createHash } from "node:crypto"
import { existsSync, rmSync } from "node:fs"
import { join } from "node:path"
import { gunzipSync, gzipSync } from "node:zlib"
import Database from "better-sqlite3"
import { Schema } from "effect"
import { defineError } from "../../schemas/ErrorSpec.js"
import type { ArticleExtraction } from "../../schemas/Extraction.js"
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
/** The database file in the cache folder. */
export const STORE_FILE = "extractions.sqlite"
/** How long a write waits for another connection's write lock (another worker, another build) before giving up. */
const BUSY_MS = 30_000
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

/** Code whose change must invalidate the stored clusters of event blocks (04-resolve/blocks.ts clusterBlock). */
const RESOLVE_CODE_DIRS = ["pipeline/04-resolve", "pipeline/shared"]

let resolveSalt: string | null = null
/**
 * The salt of an event block's clusters: the pipeline version and the resolution code. The store's block entries and a
 * clustered build's ResolveBlock units (pipeline/cluster) are keyed under it.
 */
export const resolutionSalt = (): string =>
  (resolveSalt ??= sha256(`${PIPELINE_VERSION}\n${treeHash(RESOLVE_CODE_DIRS, ROOT)}`))

/** The key of an event block's clusters: its content key under the resolution salt. */
export const blockCacheKey = (contentKey: string): string => sha256(`${resolutionSalt()}\n${contentKey}`)

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

/** What a lookup found. */
export type Lookup<A> =
  | { readonly _tag: "hit"; readonly result: A }
  | { readonly _tag: "miss" }
  | { readonly _tag: "corrupt"; readonly reason: string }

/** An open connection to the store of one cache configuration. */
export interface Store {
  readonly config: CacheConfig
  readonly read: (key: string) => Lookup<ArticleResult>
  /** Store results in one transaction (all or none). */
  readonly write: (entries: ReadonlyArray<readonly [key: string, result: ArticleResult]>) => void
  /** The extraction of article `key` read against the reference day `day`. */
  readonly readDay: (key: string, day: string) => Lookup<ArticleExtraction>
  /** Store re-extractions under (article key, day) in one transaction (all or none). */
  readonly writeDays: (
    entries: ReadonlyArray<readonly [key: string, day: string, extraction: ArticleExtraction]>
  ) => void
  /** The clusters of the event block of content key `key` (04-resolve/blocks.ts), as clusterBlock gave them. */
  readonly readBlock: (key: string) => Lookup<ReadonlyArray<ReadonlyArray<number>>>
  /** Store the clusters of event blocks under their content keys in one transaction (all or none). */
  readonly writeBlocks: (
    entries: ReadonlyArray<readonly [key: string, clusters: ReadonlyArray<ReadonlyArray<number>>]>
  ) => void
  readonly close: () => void
}

const TABLES = `
CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, payload BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS reextractions (
  key TEXT NOT NULL, day TEXT NOT NULL, sha256 TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (key, day)
);
CREATE TABLE IF NOT EXISTS blocks (key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, payload BLOB NOT NULL);`

type Row = { readonly sha256: string; readonly payload: Uint8Array }
const firstLine = (e: unknown) => String((e as Error).message ?? e).split("\n")[0]!

/**
 * A stored row as a lookup: a hit only when the row reads, its payload matches its hash (`hashOf`), parses and decodes.
 */
const check = <A>(
  read: () => Row | undefined,
  hashOf: (json: string) => string,
  decode: (u: unknown) => A
): Lookup<A> => {
  try {
    const row = read()
    if (row === undefined) return { _tag: "miss" }
    const payload = gunzipSync(row.payload).toString("utf8")
    if (row.sha256 !== hashOf(payload)) return { _tag: "corrupt", reason: "the payload does not match its SHA-256" }
    return { _tag: "hit", result: decode(JSON.parse(payload)) }
  } catch (e) {
    // a damaged page (SQLITE_CORRUPT), bytes that are not gzip, JSON or the schema
    return { _tag: "corrupt", reason: firstLine(e) }
  }
}

/** A value as stored: the hash of its JSON (`hashOf`) and the JSON gzipped. */
const packed = (value: unknown, hashOf: (json: string) => string): readonly [string, Buffer] => {
  const json = JSON.stringify(value)
  return [hashOf(json), gzipSync(json, { level: 1 })]
}

/** The seal of an article's or a re-extraction's JSON: SHA-256 of the store's salt, a line break and the JSON. */
export const seal =
  (salt: string) =>
  (json: string): string =>
    createHash("sha256").update(salt).update("\n").update(json).digest("hex")

/** What a sealed payload reads as: its JSON as it is (the seal says this code wrote it from what it computed). */
const trusted = <A>(u: unknown): A => u as A

const decodeClusters = Schema.decodeUnknownSync(Schema.Array(Schema.Array(Schema.Number)))

/** Open (and create) the store in `c.dir`; throws what SQLite or the file system says (a store made here is removed). */
export const openStore = (c: CacheConfig): Store => {
  makeDir(c.dir)
  const path = join(c.dir, STORE_FILE)
  const existed = existsSync(path)
  let db: Database | null = null
  try {
    db = new Database(path, { timeout: BUSY_MS })
    db.pragma("journal_mode = WAL")
    // a crash may lose the last transactions, never damage the file: enough for a cache
    db.pragma("synchronous = NORMAL")
    db.exec(TABLES)
  } catch (e) {
    db?.close()
    // a full disk: leave nothing behind
    if (!existed) for (const f of ["", "-wal", "-shm"]) rmSync(path + f, { force: true })
    throw e
  }
  const getArticle = db.prepare<Row>("SELECT sha256, payload FROM articles WHERE key = ?")
  const putArticle = db.prepare("INSERT OR REPLACE INTO articles (key, sha256, payload) VALUES (?, ?, ?)")
  const getDay = db.prepare<Row>("SELECT sha256, payload FROM reextractions WHERE key = ? AND day = ?")
  const putDay = db.prepare("INSERT OR REPLACE INTO reextractions (key, day, sha256, payload) VALUES (?, ?, ?, ?)")
  const putAll = db.transaction((rows: ReadonlyArray<readonly [string, string, Buffer]>) => {
    for (const r of rows) putArticle.run(...r)
  })
  const putDays = db.transaction((rows: ReadonlyArray<readonly [string, string, string, Buffer]>) => {
    for (const r of rows) putDay.run(...r)
  })
  const getBlock = db.prepare<Row>("SELECT sha256, payload FROM blocks WHERE key = ?")
  const putBlock = db.prepare("INSERT OR REPLACE INTO blocks (key, sha256, payload) VALUES (?, ?, ?)")
  const putBlocks = db.transaction((rows: ReadonlyArray<readonly [string, string, Buffer]>) => {
    for (const r of rows) putBlock.run(...r)
  })
  const conn = db
  const sealed = seal(c.salt)
  return {
    config: c,
    read: (key) => check(() => getArticle.get(key), sealed, trusted<ArticleResult>),
    // compressed before the transaction, so the write lock is held only for the inserts
    write: (entries) => putAll.immediate(entries.map(([key, result]) => [key, ...packed(result, sealed)] as const)),
    readDay: (key, day) => check(() => getDay.get(key, day), sealed, trusted<ArticleExtraction>),
    writeDays: (entries) =>
      putDays.immediate(entries.map(([key, day, extraction]) => [key, day, ...packed(extraction, sealed)] as const)),
    readBlock: (key) => check(() => getBlock.get(blockCacheKey(key)), sha256, decodeClusters),
    writeBlocks: (entries) =>
      putBlocks.immediate(entries.map(([key, clusters]) => [blockCacheKey(key), ...packed(clusters, sha256)] as const)),
    close: () => {
      conn.close()
    }
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
    remedy:
      "Free space or make the cache folder writable (or delete a damaged extractions.sqlite), or pass --no-cache; the release is the same either way."
  }
) {}
