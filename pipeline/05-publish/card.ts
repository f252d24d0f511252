/**
 * The release's data card (README.md): Hugging Face front matter (licence, one config per table's Parquet file), what
 * the dataset is, its files and how to load them (relative paths), sources, the quality card, limits, licences and
 * citation. Every path it names is a file of the release.
 */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import { bibtex, DATA_LICENCE, REPOSITORY_URL, TITLE } from "./citation.js"
import type { ReleaseMeta } from "./files.js"
import { JSONLD_PART_BYTES, jsonLdPartPath } from "./jsonld.js"
import { describeReleaseDate } from "./releaseDate.js"

const count = <T>(rows: ReadonlyArray<T>, key: (r: T) => string): string =>
  [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>())]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")

/** The table the Hugging Face viewer opens first. */
const DEFAULT_CONFIG = "events"

/** Hugging Face dataset-card front matter: licence, name, language, tags, one config per table (its Parquet file). */
export const frontMatter = (version: string): string => `---
license: ${DATA_LICENCE.hf}
pretty_name: ${JSON.stringify(`${TITLE} (${DATASET_NAME} ${version})`)}
language:
  - en
tags:
  - event-data
  - knowledge-graph
  - provenance
  - central-asia
  - cameo
  - plover
configs:
${TABLES.map(
  (d) =>
    `  - config_name: ${d.name}\n    data_files: data/${d.name}.parquet${d.name === DEFAULT_CONFIG ? "\n    default: true" : ""}`
).join("\n")}
---`

/** Loading snippets, with paths relative to the release folder. */
const LOADING = `\`\`\`python
import polars as pl                        # or: import pandas as pd; pd.read_parquet(...)
events = pl.read_parquet("data/events.parquet")
parts = pl.read_parquet("data/event_participants.parquet")
ents = pl.read_parquet("data/entities.parquet")
who = events.join(parts, on="event_id").join(ents.select("entity_id", "name"), on="entity_id")
\`\`\`

\`\`\`sql
-- duckdb, from this folder
SELECT event_type, count(*) FROM 'data/events.parquet' GROUP BY ALL ORDER BY 2 DESC;
\`\`\`

[LOADING.md](LOADING.md) has typed snippets for polars, pandas, duckdb, R (readr, arrow) and arrow for every table,
CSV included (read \`cameo_code\` and the ids as text). From the Hugging Face hub, each table is a configuration:
\`datasets.load_dataset(<repo>, "events")\`.`

const FORMATS = `Each table is published three times with the same values:

- \`data/<table>.parquet\`: Apache Parquet (ZSTD), typed; what the front matter's configurations load;
- \`data/<table>.arrow\`: Arrow IPC file (Feather v2), uncompressed, the same declared types;
- \`data/<table>.csv\`: RFC 4180, UTF-8, CRLF; nulls are empty fields, lists are JSON arrays.

[CODEBOOK.md](CODEBOOK.md) (and \`codebook.json\`) describes every table, column, type and category value (event
types with their CAMEO and PLOVER codes, modality, date precision, entity types, predicates, roles) and every rule id
of the \`method\` column with an example. \`release.jsonld\` holds the same facts as RDF in JSON-LD (schema.org, PROV-O, a W3C
Web Annotation per evidence row; absolute IRIs, dates typed by precision, inline context, also in
\`context.jsonld\`), readable offline by any JSON-LD reader; \`datapackage.json\` (Frictionless) and \`croissant.jsonld\`
(MLCommons Croissant) describe the files; \`schemas/\` has a JSON Schema per table; \`manifest.json\` lists every file
with its SHA-256, size and row count, and \`sha256sum -c SHA256SUMS\` checks them all.`

const LIMITS = `- Extraction is rule-based (lexicons and patterns); confidence is lower for names found by
  patterns (\`detection = pattern\`) than for gazetteer names.
- Dates resolved from relative expressions depend on the publication date, which is sometimes
  inferred from content (\`sources.published_basis\`).
- Free-text columns (\`quote\`, \`name\`, \`title\`, \`summary\`) come from the web: import CSVs
  into spreadsheets as text; values are never altered to defuse formulas.
- Named people appear as they are reported in public news; the dataset records what was
  reported, not verified facts.`

const LICENCES = `- Tables, annotations and metadata: [${DATA_LICENCE.spdx}](${DATA_LICENCE.url}). Attribute the dataset as cited below.
- \`texts/\`: the article texts remain their publishers' (each source's rights are in \`sources.licence\`); they are
  included only so that every quoted span can be checked, and are not licensed under ${DATA_LICENCE.spdx}.
- The pipeline that built the release: MIT (the \`LICENSE\` of its repository, ${REPOSITORY_URL}).`

/** The contents section: rows per table and the main breakdowns. */
const contents = (t: ReleaseTables): string => `| table | rows |
| --- | --- |
${TABLES.map((d) => `| ${d.name} | ${t[d.name as keyof ReleaseTables].length} |`).join("\n")}

- Entities by type: ${count(t.entities, (e) => e.entity_type) || "none"}
- Events by type: ${count(t.events, (e) => e.event_type) || "none"}
- Events by modality: ${count(t.events, (e) => e.modality) || "none"}
- Relations by predicate: ${count(t.relations, (r) => r.predicate) || "none"}`

/** The sources section: one row per source, then the rejected ones. */
const sources = (t: ReleaseTables, meta: ReleaseMeta): string => `| source_id | file | publisher | published | basis |
| --- | --- | --- | --- | --- |
${t.sources.map((s) => `| ${s.source_id} | ${s.file_name} | ${s.publisher ?? "unknown"} | ${s.published ?? "unknown"} (${s.published_precision}) | ${s.published_basis} |`).join("\n")}
${meta.rejected.length ? `\nRejected sources (not in this release):\n\n${meta.rejected.map((r) => `- \`${r.file}\`: ${r.code} — ${r.message}`).join("\n")}\n` : ""}
The text every offset refers to is published in \`texts/<source_id>.txt\` (UTF-8, NFC, LF line
endings); \`sources.raw_sha256\` is the hash of the file as received.${quotesNote(t.sources)}`

/** The knowledge-sources section: the lexicons and data packages the extraction read. */
const lexicons = (meta: ReleaseMeta): string => `| lexicon | kind | version | source | licence |
| --- | --- | --- | --- | --- |
${(meta.lexicons ?? []).map((l) => `| \`${l.file}\` | ${l.kind} | ${l.version} | ${l.source.replace(/\|/g, "/")} | ${l.licence} |`).join("\n")}`

/** What a release says of its quotes-only sources (text_policy quotes); nothing when every text is published. */
const quotesNote = (sources: ReadonlyArray<{ readonly text_policy: string }>): string => {
  const quotes = sources.filter((s) => s.text_policy === "quotes").length
  return quotes === 0
    ? ""
    : `\n\n${quotes} of ${sources.length} sources have \`text_policy\` quotes (their licence does not allow publishing the
full text): their \`text_path\` is empty, and the release holds their \`text_sha256\`, the offsets and the
evidence quotes; \`validate --texts DIR\` checks their hashes and spans against the original articles.`
}

/** A release whose JSON-LD is more than one part says how it is split (one part adds nothing: the card is as before). */
const jsonLdParts = (n: number): string => {
  if (n === 1) return ""
  const names = Array.from({ length: n }, (_, k) => `\`${jsonLdPartPath(k + 1)}\``)
  const listed = n <= 3 ? names.join(", ") : `${names[0]}, ${names[1]} … ${names[n - 1]}`
  return `\n\nThis release's graph is too large for one document: it is in ${n} parts (${listed}), each a whole JSON-LD
document of at most ${JSONLD_PART_BYTES / 2 ** 20} MiB (a larger node is a part alone) with the same inline context, one node per line;
together their triples are the graph, and the first holds the dataset node.`
}

/** Render README.md for a release. */
export const renderCard = (
  t: ReleaseTables,
  meta: ReleaseMeta & {
    readonly contentSha256: string
    readonly quality?: string
    /** How many parts the release's JSON-LD is written in (jsonld.ts JSONLD_PART_BYTES); 1 when absent. */
    readonly jsonLdParts?: number
  }
): string => `${frontMatter(meta.version)}

# ${DATASET_NAME} ${meta.version}

Open dataset of US–Central Asia relations (summits, visits, calls, agreements, critical-minerals
deals, accessions, sanctions and visa measures, and the people, states, organisations and
initiatives involved), extracted from news articles by a reproducible rule-based pipeline.
Every row of every table carries provenance: the source, its SHA-256, the exact span in
Unicode code points and the quote, the rule that produced it and the pipeline version.

- Dataset version: ${meta.version}${meta.previousVersion ? ` (previous: ${meta.previousVersion})` : ""}
- Schema version: ${SCHEMA_VERSION} · pipeline version: ${PIPELINE_VERSION} (code SHA-256 \`${meta.codeSha256.slice(0, 12)}\`, in manifest.json)
- Release date: ${describeReleaseDate(meta.created, t.sources)}
- Content hash: \`${meta.contentSha256}\`
- Repository: ${REPOSITORY_URL}

## Contents

${contents(t)}

## Files and formats

${FORMATS}${jsonLdParts(meta.jsonLdParts ?? 1)}

## Loading

${LOADING}

## Sources

${sources(t, meta)}

## Knowledge sources

The extraction reads these lexicons and data packages (\`manifest.json\` lists them with their hashes):

${lexicons(meta)}

## Quality

${meta.quality ?? "No gold annotations were available for this build; see the repository's eval command."}

## Known limits

${LIMITS}

## Licences

${LICENCES}

## How to cite

${DATASET_NAME}, version ${meta.version} (${meta.created.slice(0, 10)}). ${TITLE}. ${REPOSITORY_URL}. Content hash ${meta.contentSha256.slice(0, 16)}.

\`\`\`bibtex
${bibtex({ version: meta.version, date: meta.created.slice(0, 10), contentSha256: meta.contentSha256 })}
\`\`\`

DOI: none assigned yet; the \`doi\` field above is left empty until the release is deposited (e.g. on Zenodo).
`
