/**
 * Every file of a release, as bytes, from the tables (pure). manifest.json and SHA256SUMS
 * come last because they hash the others.
 */
import { performance } from "node:perf_hooks"
import type { Column, TableDef } from "../../schemas/Column.js"
import { jsonSchemas } from "../../schemas/jsonSchema.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import { TABLES } from "../../schemas/Tables.js"
import type { ReleaseTables } from "../04-resolve/tables.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"
import { stableBytes, stableStringify } from "../shared/stableJson.js"
import { toArrow } from "./arrow.js"
import { arrowToParquet } from "./parquet.js"
import { renderCard } from "./card.js"
import { toCsvBytes } from "./csv.js"
import { CONTEXT, toJsonLd } from "./jsonld.js"
import { dataPackage } from "./datapackage.js"
import { croissant } from "./croissant.js"
import { noTimings, type Timings } from "../shared/timings.js"

/** What the release records beyond its tables. */
export interface ReleaseMeta {
  readonly version: string
  readonly previousVersion: string | null
  readonly created: string
  readonly lexiconHash: string
  readonly rejected: ReadonlyArray<{ readonly file: string; readonly code: string; readonly message: string }>
  readonly texts: ReadonlyMap<string, string>
  readonly extra?: ReadonlyMap<string, Uint8Array>
  /** Markdown of the release's evaluation for the card, when gold was available. */
  readonly quality?: string
}

const MEDIA: Record<string, string> = {
  csv: "text/csv",
  arrow: "application/vnd.apache.arrow.file",
  parquet: "application/vnd.apache.parquet",
  json: "application/json",
  jsonld: "application/ld+json",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown"
}
const enc = (s: string) => new TextEncoder().encode(s)

/** Path of a source's text inside the release. */
export const textPathOf = (sourceId: string): string => `texts/${sourceId}.txt`

/** Hash of the content that decides whether two builds are the same release. */
export const contentHash = (files: ReadonlyMap<string, Uint8Array>, rejected: ReleaseMeta["rejected"]): string =>
  sha256(
    [...files.keys()]
      .filter((p) => p.startsWith("data/") && p.endsWith(".csv") || p.startsWith("texts/"))
      .sort(compareStrings)
      .map((p) => `${p} ${sha256(files.get(p)!)}`)
      .join("\n") + `\n${stableStringify(rejected)}`
  )

/** The CSV file of every table (`data/<table>.csv`): what the content hash and the diff read; independent of the version. */
export const tableCsvs = (t: ReleaseTables): Map<string, Uint8Array> =>
  new Map(TABLES.map((def) => [`data/${def.name}.csv`, toCsvBytes(def as unknown as TableDef<Record<string, Column>>, t[def.name as keyof ReleaseTables] as ReadonlyArray<Record<string, unknown>>)]))

/** The release's content hash without building its other files: the CSVs and texts are all it reads. */
export const releaseContentHash = (csvs: ReadonlyMap<string, Uint8Array>, texts: ReadonlyMap<string, string>, rejected: ReleaseMeta["rejected"]): string =>
  contentHash(new Map([...csvs, ...[...texts].map(([id, text]) => [textPathOf(id), enc(text)] as const)]), rejected)

/** Build every file of a release (`csvs`: the tables' CSV files when already built, see tableCsvs). */
export const releaseFiles = (t: ReleaseTables, meta: ReleaseMeta, csvs: ReadonlyMap<string, Uint8Array> = tableCsvs(t), timings: Timings = noTimings): Map<string, Uint8Array> => {
  const files = new Map<string, Uint8Array>()
  const arrowMeta = new Map([
    ["dataset", DATASET_NAME],
    ["dataset_version", meta.version],
    ["schema_version", SCHEMA_VERSION],
    ["pipeline_version", PIPELINE_VERSION]
  ])
  const tableInfo: Record<string, unknown> = {}
  for (const def of TABLES) {
    const table = def as unknown as TableDef<Record<string, Column>>
    const rows = t[def.name as keyof ReleaseTables] as ReadonlyArray<Record<string, unknown>>
    files.set(`data/${def.name}.csv`, csvs.get(`data/${def.name}.csv`)!)
    const arrow = timings.time("publish: arrow", () => toArrow(table, rows, arrowMeta))
    files.set(`data/${def.name}.arrow`, arrow)
    files.set(`data/${def.name}.parquet`, timings.time("publish: parquet", () => arrowToParquet(arrow)))
    tableInfo[def.name] = {
      csv: `data/${def.name}.csv`,
      arrow: `data/${def.name}.arrow`,
      parquet: `data/${def.name}.parquet`,
      schema: `schemas/${def.name}.schema.json`,
      rows: rows.length,
      primary_key: def.primaryKey,
      columns: Object.entries(table.columns).map(([name, c]) => ({ name, type: c.kind, nullable: c.nullable, description: c.description }))
    }
  }
  for (const [id, text] of [...meta.texts].sort(([a], [b]) => compareStrings(a, b))) files.set(textPathOf(id), enc(text))
  for (const [name, doc] of Object.entries(jsonSchemas())) files.set(`schemas/${name}`, enc(stableStringify(doc)))
  files.set("context.jsonld", enc(stableStringify(CONTEXT)))
  files.set("release.jsonld", timings.time("publish: json-ld", () => stableBytes(toJsonLd(t, { version: meta.version, contextFile: "context.jsonld" }))))
  for (const [p, b] of meta.extra ?? []) files.set(p, b)
  const t0 = performance.now()
  files.set("datapackage.json", enc(stableStringify(dataPackage(files, meta))))
  files.set("croissant.jsonld", enc(stableStringify(croissant(files, meta))))
  const content = contentHash(files, meta.rejected)
  files.set("README.md", enc(renderCard(t, { ...meta, contentSha256: content })))

  const listed = [...files.keys()].sort(compareStrings)
  const manifest = {
    dataset: DATASET_NAME,
    version: meta.version,
    previous_version: meta.previousVersion,
    schema_version: SCHEMA_VERSION,
    pipeline_version: PIPELINE_VERSION,
    lexicon_hash: meta.lexiconHash,
    content_sha256: content,
    created: meta.created,
    files: listed.map((p) => {
      const b = files.get(p)!
      const tbl = /^data\/(.+)\.(csv|arrow|parquet)$/.exec(p)
      const rows = tbl ? (t[tbl[1] as keyof ReleaseTables] as ReadonlyArray<unknown>).length : undefined
      return { path: p, sha256: sha256(b), bytes: b.length, media_type: MEDIA[p.split(".").pop()!] ?? "application/octet-stream", ...(rows !== undefined ? { rows } : {}) }
    }),
    tables: tableInfo,
    sources: t.sources.map((s) => ({ source_id: s.source_id, file_name: s.file_name, raw_sha256: s.raw_sha256, text_sha256: s.text_sha256 })),
    rejected: meta.rejected
  }
  files.set("manifest.json", enc(stableStringify(manifest)))
  const sums = [...files.keys()]
    .sort(compareStrings)
    .map((p) => `${sha256(files.get(p)!)}  ${p}`)
    .join("\n")
  files.set("SHA256SUMS", enc(sums + "\n"))
  timings.add("publish: metadata and hashes", performance.now() - t0)
  return files
}
