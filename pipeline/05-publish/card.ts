/** The release's dataset card (README.md): coverage, sources, build, quality, limits, citation. */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import type { ReleaseMeta } from "./files.js"

const count = <T>(rows: ReadonlyArray<T>, key: (r: T) => string): string =>
  [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>())]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")

/** What a release says of its quotes-only sources (text_policy quotes); nothing when every text is published. */
const quotesNote = (sources: ReadonlyArray<{ readonly text_policy: string }>): string => {
  const quotes = sources.filter((s) => s.text_policy === "quotes").length
  return quotes === 0
    ? ""
    : `\n\n${quotes} of ${sources.length} sources have \`text_policy\` quotes (their licence does not allow publishing the
full text): their \`text_path\` is empty, and the release holds their \`text_sha256\`, the offsets and the
evidence quotes; \`validate --texts DIR\` checks their hashes and spans against the original articles.`
}

/** Render README.md for a release. */
export const renderCard = (
  t: ReleaseTables,
  meta: ReleaseMeta & {
    readonly contentSha256: string
    readonly quality?: string
  }
): string => `# ${DATASET_NAME} ${meta.version}

Open dataset of US–Central Asia relations (summits, visits, calls, agreements, critical-minerals
deals, accessions, sanctions and visa measures, and the people, states, organisations and
initiatives involved), extracted from news articles by a reproducible rule-based pipeline.
Every row of every table carries provenance: the source, its SHA-256, the exact span in
Unicode code points and the quote, the rule that produced it and the pipeline version.

- Dataset version: ${meta.version}${meta.previousVersion ? ` (previous: ${meta.previousVersion})` : ""}
- Schema version: ${SCHEMA_VERSION} · pipeline version: ${PIPELINE_VERSION} (code SHA-256 \`${meta.codeSha256.slice(0, 12)}\`, in manifest.json)
- Release date: ${meta.created}
- Content hash: \`${meta.contentSha256}\`

## Contents

| table | rows |
| --- | --- |
${(["sources", "entities", "events", "event_participants", "relations", "evidence"] as const).map((n) => `| ${n} | ${t[n].length} |`).join("\n")}

- Entities by type: ${count(t.entities, (e) => e.entity_type) || "none"}
- Events by type: ${count(t.events, (e) => e.event_type) || "none"}
- Events by modality: ${count(t.events, (e) => e.modality) || "none"}
- Relations by predicate: ${count(t.relations, (r) => r.predicate) || "none"}

Each table is published as CSV (\`data/<table>.csv\`, RFC 4180, UTF-8) and as an Arrow IPC file
(\`data/<table>.arrow\`, Feather v2, uncompressed, declared types). \`release.jsonld\` holds the same
facts as JSON-LD (schema.org, PROV-O, W3C Web Annotation) with its context in \`context.jsonld\`.
\`schemas/\` has a JSON Schema per table; \`manifest.json\` lists every file with its SHA-256, size
and row count; \`SHA256SUMS\` can be checked with \`sha256sum -c SHA256SUMS\`.

## Sources

| source_id | file | publisher | published | basis |
| --- | --- | --- | --- | --- |
${t.sources.map((s) => `| ${s.source_id} | ${s.file_name} | ${s.publisher ?? "unknown"} | ${s.published ?? "unknown"} (${s.published_precision}) | ${s.published_basis} |`).join("\n")}
${meta.rejected.length ? `\nRejected sources (not in this release):\n\n${meta.rejected.map((r) => `- \`${r.file}\`: ${r.code} — ${r.message}`).join("\n")}\n` : ""}
The text every offset refers to is published in \`texts/<source_id>.txt\` (UTF-8, NFC, LF line
endings); \`sources.raw_sha256\` is the hash of the file as received.${quotesNote(t.sources)}

## Knowledge sources

The extraction reads these lexicons and data packages (\`manifest.json\` lists them with their hashes):

| lexicon | kind | version | source | licence |
| --- | --- | --- | --- | --- |
${(meta.lexicons ?? []).map((l) => `| \`${l.file}\` | ${l.kind} | ${l.version} | ${l.source.replace(/\|/g, "/")} | ${l.licence} |`).join("\n")}

## Quality

${meta.quality ?? "No gold annotations were available for this build; see the repository's eval command."}

## Known limits

- Extraction is rule-based (lexicons and patterns); confidence is lower for names found by
  patterns (\`detection = pattern\`) than for gazetteer names.
- Dates resolved from relative expressions depend on the publication date, which is sometimes
  inferred from content (\`sources.published_basis\`).
- Free-text columns (\`quote\`, \`name\`, \`title\`, \`summary\`) come from the web: import CSVs
  into spreadsheets as text; values are never altered to defuse formulas.
- Named people appear as they are reported in public news; the dataset records what was
  reported, not verified facts.

## How to cite

${DATASET_NAME}, version ${meta.version} (${meta.created.slice(0, 10)}). Content hash ${meta.contentSha256.slice(0, 16)}.
`
