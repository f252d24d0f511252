/**
 * Every file of a release from the tables, handed to a sink one by one (sink.ts). manifest.json
 * and SHA256SUMS come last because they hash the others.
 */

import { type RecordBatch, Table } from "apache-arrow"
import type { Column, TableDef } from "../../schemas/Column.js"
import { jsonSchemas } from "../../schemas/jsonSchema.js"
import type { LexiconProvenance } from "../../schemas/Lexicon.js"
import type { ReleaseTables, Rows } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"
import { stableStringify } from "../shared/stableJson.js"
import { noTimings, type Timings } from "../shared/timings.js"
import { arrowBatches, arrowSchema, BATCH_ROWS, writeArrowFile } from "./arrow.js"
import { renderCard } from "./card.js"
import { croissant } from "./croissant.js"
import { emitCsv } from "./csv.js"
import { dataPackage } from "./datapackage.js"
import { CONTEXT, emitJsonLdParts } from "./jsonld.js"
import { arrowToParquet } from "./parquet.js"
import { type ParquetThread, startParquetThread } from "./parquetThread.js"
import type { FileInfo, FileSink } from "./sink.js"
import { loadingMarkdown } from "./snippets.js"

/** What the release records beyond its tables. */
export interface ReleaseMeta {
  readonly version: string
  readonly previousVersion: string | null
  readonly created: string
  readonly lexiconHash: string
  /** SHA-256 of the code and lexicons that built the release (shared/codeHash.ts). */
  readonly codeSha256: string
  /** Where the lexicons and data packages the extraction read come from (their headers). */
  readonly lexicons?: ReadonlyArray<LexiconProvenance>
  readonly rejected: ReadonlyArray<{
    readonly file: string
    readonly code: string
    readonly message: string
  }>
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
  md: "text/markdown",
  html: "text/html; charset=utf-8",
  js: "text/javascript",
  css: "text/css"
}
const enc = (s: string) => new TextEncoder().encode(s)

/** Path of a source's text inside the release. */
export const textPathOf = (sourceId: string): string => `texts/${sourceId}.txt`

/**
 * Hash of the content that decides whether two builds are the same release: the tables' CSVs, the texts and the
 * rejected sources.
 */
export const contentHash = (files: ReadonlyMap<string, FileInfo>, rejected: ReleaseMeta["rejected"]): string =>
  sha256(
    [...files.keys()]
      .filter((p) => (p.startsWith("data/") && p.endsWith(".csv")) || p.startsWith("texts/"))
      .sort(compareStrings)
      .map((p) => `${p} ${files.get(p)!.sha256}`)
      .join("\n") + `\n${stableStringify(rejected)}`
  )

/**
 * The files that do not depend on the version, first: every table's CSV (`data/<table>.csv`)
 * and every published text (a source under the quotes policy has none). The content hash reads
 * only these, so a build knows whether it has anything to publish before it writes the rest.
 */
export const writeContentFiles = (
  t: ReleaseTables,
  texts: ReadonlyMap<string, string>,
  sink: FileSink,
  timings: Timings = noTimings
): void => {
  for (const def of TABLES)
    timings.time("publish: csv", () =>
      sink.stream(`data/${def.name}.csv`, (push) =>
        emitCsv(
          def as unknown as TableDef<Record<string, Column>>,
          t[def.name as keyof ReleaseTables] as Rows<Record<string, unknown>>,
          push
        )
      )
    )
  // a source under the quotes policy (its row has no text_path) publishes its hash, offsets and quotes, not its text
  const published = new Set(t.sources.filter((s) => s.text_path !== null).map((s) => s.source_id))
  timings.time("publish: texts", () => {
    for (const [id, text] of [...texts].sort(([a], [b]) => compareStrings(a, b)))
      if (published.has(id)) sink.put(textPathOf(id), enc(text))
  })
}

/**
 * From this many rows (all tables), Parquet is made on a second thread (below, starting one costs more than it saves).
 */
export const PARQUET_THREAD_ROWS = 200_000

/** How publication bounds its memory (`build --memory`); it never changes a byte of the release. */
export interface PublishBudget {
  /** Rows per slice handed to the Parquet thread (parquetSliceRows); default the Arrow files' batches. */
  readonly parquetSliceRows?: number
  /**
   * Let each table but sources go once its Arrow file is written (the rows are replaced by a table of the same length
   * that cannot be read): for a caller that reads no more than row counts and sources after this.
   */
  readonly dropWritten?: boolean
}

/**
 * Rows per Parquet slice under a memory budget of `memoryMb`: the largest power of two up to 64 rows a MB, from 4,096
 * to the Arrow batch (an evidence row is about 220 bytes of Arrow: 500 MB gives slices of 16,384 rows, 3.6 MB).
 */
export const parquetSliceRows = (memoryMb: number): number =>
  Math.min(BATCH_ROWS, Math.max(4096, 2 ** Math.floor(Math.log2(Math.max(1, memoryMb * 64)))))

/**
 * Write the rest of a release after writeContentFiles: JSON-LD, then table by table Arrow and Parquet (dropping each
 * table after it when `budget` says so), schemas, metadata; manifest.json and SHA256SUMS last, because they hash the
 * others. The other files (`meta.extra`) are written first, so that their bytes are not held while the tables are.
 */
export const writeReleaseFiles = (
  t: ReleaseTables,
  meta: ReleaseMeta,
  sink: FileSink,
  timings: Timings = noTimings,
  parquetThreadRows = PARQUET_THREAD_ROWS,
  budget: PublishBudget = {}
): void => {
  for (const [p, b] of meta.extra ?? []) sink.put(p, b)
  for (const [name, doc] of Object.entries(jsonSchemas())) sink.put(`schemas/${name}`, enc(stableStringify(doc)))
  sink.put("context.jsonld", enc(stableStringify(CONTEXT)))
  const jsonLdParts = timings.time("publish: json-ld", () =>
    emitJsonLdParts(t, { version: meta.version }, (path, emit) => sink.write(path, emit))
  )
  timings.mark("json-ld")
  // what the metadata files read of the tables, before they go: the card's counts (the content hash reads only the
  // content files, all written before this)
  const content = contentHash(sink.files, meta.rejected)
  const card = timings.time("publish: card", () => renderCard(t, { ...meta, contentSha256: content, jsonLdParts }))
  // large releases make their Parquet on a second thread while this one writes Arrow
  const rowCount = TABLES.reduce((n, d) => n + (t[d.name as keyof ReleaseTables] as Rows<unknown>).length, 0)
  const thread = rowCount >= parquetThreadRows ? startParquetThread(budget.parquetSliceRows) : null
  let tableInfo: Record<string, unknown>
  try {
    tableInfo = writeTableFiles(t, meta.version, sink, thread, timings, budget.dropWritten === true)
    timings.mark("arrow")
    if (thread) for (const [p, b] of timings.time("publish: parquet (wait)", () => thread.finish())) sink.put(p, b)
  } finally {
    thread?.stop()
  }
  timings.time("publish: metadata and hashes", () => writeMetadataFiles(t, meta, sink, tableInfo, content, card))
}

/** A table that has been written and let go: its length, and a failure for any read of its rows. */
const droppedRows = (name: string, length: number) => {
  const gone = () => {
    throw new Error(`the ${name} table was let go once its files were written (PublishBudget.dropWritten)`)
  }
  return { length, at: gone, column: gone, [Symbol.iterator]: gone }
}

/** Every table's Arrow and Parquet files; what manifest.json records of each table, by name. */
const writeTableFiles = (
  t: ReleaseTables,
  version: string,
  sink: FileSink,
  thread: ParquetThread | null,
  timings: Timings,
  drop: boolean
): Record<string, unknown> => {
  const arrowMeta = new Map([
    ["dataset", DATASET_NAME],
    ["dataset_version", version],
    ["schema_version", SCHEMA_VERSION],
    ["pipeline_version", PIPELINE_VERSION]
  ])
  const tableInfo: Record<string, unknown> = {}
  for (const def of TABLES) {
    const table = def as unknown as TableDef<Record<string, Column>>
    const rows = t[def.name as keyof ReleaseTables] as Rows<Record<string, unknown>>
    // the Arrow file batch by batch; each batch, once written, goes to the Parquet thread (or is
    // kept for Parquet made in line, in a small release)
    const schema = arrowSchema(table, arrowMeta)
    const parquet = `data/${def.name}.parquet`
    const kept: Array<RecordBatch> = []
    timings.time("publish: arrow", () =>
      sink.write(`data/${def.name}.arrow`, (out) =>
        writeArrowFile(schema, arrowBatches(table, rows, schema), out, (b) =>
          thread ? thread.add(parquet, b) : kept.push(b)
        )
      )
    )
    if (thread) thread.end(parquet)
    else
      sink.put(
        parquet,
        timings.time("publish: parquet", () => arrowToParquet(new Table(schema, kept)))
      )
    tableInfo[def.name] = {
      csv: `data/${def.name}.csv`,
      arrow: `data/${def.name}.arrow`,
      parquet: `data/${def.name}.parquet`,
      schema: `schemas/${def.name}.schema.json`,
      rows: rows.length,
      primary_key: def.primaryKey,
      columns: Object.entries(table.columns).map(([name, c]) => ({
        name,
        type: c.kind,
        nullable: c.nullable,
        description: c.description
      }))
    }
    // the only reference left is the tables object's (the caller's Built): the rows die here
    if (drop && def.name !== "sources")
      (t as unknown as Record<string, unknown>)[def.name] = droppedRows(def.name, rows.length)
  }
  return tableInfo
}

/**
 * datapackage.json, croissant.jsonld, LOADING.md, README.md (`card`, rendered before the tables went), then manifest.json and SHA256SUMS, which hash every file before them.
 */
const writeMetadataFiles = (
  t: ReleaseTables,
  meta: ReleaseMeta,
  sink: FileSink,
  tableInfo: Record<string, unknown>,
  content: string,
  card: string
): void => {
  sink.put("datapackage.json", enc(stableStringify(dataPackage(sink.files, meta))))
  sink.put("croissant.jsonld", enc(stableStringify(croissant(sink.files, meta))))
  sink.put("LOADING.md", enc(loadingMarkdown(meta.version)))
  sink.put("README.md", enc(card))
  sink.put("manifest.json", enc(stableStringify(manifestOf(t, meta, sink.files, tableInfo, content))))
  const sums = [...sink.files.keys()]
    .sort(compareStrings)
    .map((p) => `${sink.files.get(p)!.sha256}  ${p}`)
    .join("\n")
  sink.put("SHA256SUMS", enc(sums + "\n"))
}

/** The release's manifest.json: every file written so far (hashed), the tables, the sources and the rejected. */
const manifestOf = (
  t: ReleaseTables,
  meta: ReleaseMeta,
  files: ReadonlyMap<string, FileInfo>,
  tableInfo: Record<string, unknown>,
  content: string
) => ({
  dataset: DATASET_NAME,
  version: meta.version,
  previous_version: meta.previousVersion,
  schema_version: SCHEMA_VERSION,
  pipeline_version: PIPELINE_VERSION,
  code_sha256: meta.codeSha256,
  lexicon_hash: meta.lexiconHash,
  lexicons: meta.lexicons ?? [],
  content_sha256: content,
  created: meta.created,
  files: [...files.keys()].sort(compareStrings).map((p) => {
    const f = files.get(p)!
    const tbl = /^data\/(.+)\.(csv|arrow|parquet)$/.exec(p)
    const rows = tbl ? (t[tbl[1] as keyof ReleaseTables] as ReadonlyArray<unknown>).length : undefined
    return {
      path: p,
      sha256: f.sha256,
      bytes: f.bytes,
      media_type: MEDIA[p.split(".").pop()!] ?? "application/octet-stream",
      ...(rows !== undefined ? { rows } : {})
    }
  }),
  tables: tableInfo,
  sources: t.sources.map((s) => ({
    source_id: s.source_id,
    file_name: s.file_name,
    raw_sha256: s.raw_sha256,
    text_sha256: s.text_sha256
  })),
  rejected: meta.rejected
})
