/**
 * Versions recorded in every release. SCHEMA_VERSION is bumped whenever a column of any
 * table is added, removed, renamed or retyped; PIPELINE_VERSION follows package.json.
 */

/** Version of the table contracts (columns and types). */
export const SCHEMA_VERSION = "1.1.0"

/** Version of the extraction pipeline; recorded on every evidence row. Must equal package.json's version. */
export const PIPELINE_VERSION = "0.1.0"

/** Stable name of the dataset (never changes between releases). */
export const DATASET_NAME = "central-asia-relations"

/** Base IRI under which row ids are minted in JSON-LD. */
export const ID_BASE = "https://w3id.org/central-asia-relations/id/"

/** IRI of the vocabulary used for terms not covered by schema.org / PROV-O. */
export const VOCAB_BASE = "https://w3id.org/central-asia-relations/ns#"
