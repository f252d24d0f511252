/** Contract of a release's manifest.json, the entry point of every release. */
import { Schema } from "effect"

export const ManifestFile = Schema.Struct({
  path: Schema.String,
  sha256: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)),
  bytes: Schema.Int,
  media_type: Schema.String,
  rows: Schema.optional(Schema.Int)
})

export const ManifestColumn = Schema.Struct({
  name: Schema.String,
  type: Schema.String,
  nullable: Schema.Boolean,
  description: Schema.String
})

export const ManifestTable = Schema.Struct({
  csv: Schema.String,
  arrow: Schema.String,
  parquet: Schema.String,
  schema: Schema.String,
  rows: Schema.Int,
  primary_key: Schema.String,
  columns: Schema.Array(ManifestColumn)
})

export const ManifestSourceEntry = Schema.Struct({
  source_id: Schema.String,
  file_name: Schema.String,
  raw_sha256: Schema.String,
  text_sha256: Schema.String
})

export const RejectedEntry = Schema.Struct({
  file: Schema.String,
  code: Schema.String,
  message: Schema.String
})

/** A lexicon (or data package) the extraction read: its file, header and hash. */
export const LexiconEntry = Schema.Struct({
  file: Schema.String,
  name: Schema.String,
  version: Schema.String,
  kind: Schema.String,
  source: Schema.String,
  licence: Schema.String,
  sha256: Schema.NullOr(Schema.String)
})

/** manifest.json */
export class ReleaseManifest extends Schema.Class<ReleaseManifest>("ReleaseManifest")({
  dataset: Schema.String,
  version: Schema.String.pipe(Schema.pattern(/^\d+\.\d+\.\d+$/)),
  previous_version: Schema.NullOr(Schema.String),
  schema_version: Schema.String,
  pipeline_version: Schema.String,
  /** SHA-256 of the code and lexicons that built the release (pipeline/shared/codeHash.ts); absent before 2.0.1. */
  code_sha256: Schema.optional(Schema.String),
  lexicon_hash: Schema.String,
  /** The lexicons and data packages behind the extraction, with their sources and licences. */
  lexicons: Schema.optional(Schema.Array(LexiconEntry)),
  /** SHA-256 over the data files (tables, texts, rejected list): equal content ⇔ equal hash. */
  content_sha256: Schema.String,
  created: Schema.String,
  files: Schema.Array(ManifestFile),
  tables: Schema.Record({ key: Schema.String, value: ManifestTable }),
  sources: Schema.Array(ManifestSourceEntry),
  rejected: Schema.Array(RejectedEntry)
}) {
  static readonly decode = Schema.decodeUnknown(this)
}
