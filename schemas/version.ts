/**
 * Versions recorded in every release. SCHEMA_VERSION is bumped whenever a column of any
 * table is added, removed, renamed or retyped; PIPELINE_VERSION follows package.json.
 */
import { createRequire } from "node:module"

/** Version of the table contracts (columns and types). */
export const SCHEMA_VERSION = "2.0.0"

/**
 * Version of the pipeline: package.json's `version`, recorded on every evidence row, in the Arrow/Parquet metadata and
 * in the manifest (beside `code_sha256`, the hash of the exact code). Bump it when a change of the code changes what a
 * build writes (docs/releasing.md).
 */
export const PIPELINE_VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string })
  .version

/** Stable name of the dataset (never changes between releases). */
export const DATASET_NAME = "central-asia-relations"

/** Base IRI under which row ids are minted in JSON-LD. */
export const ID_BASE = "https://w3id.org/central-asia-relations/id/"

/** IRI of the vocabulary used for terms not covered by schema.org / PROV-O. */
export const VOCAB_BASE = "https://w3id.org/central-asia-relations/ns#"
