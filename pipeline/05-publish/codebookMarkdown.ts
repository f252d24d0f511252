/** CODEBOOK.md: the codebook (codebook.ts) as Markdown, section for section the same as codebook.json. */
import { EVIDENCE_TABLES } from "../../schemas/vocab.js"
import type { Codebook } from "./codebook.js"

/** A Markdown table cell: pipes escaped, line breaks shown as ⏎. */
const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\r?\n/g, " ⏎ ")

const CONVENTIONS = `- Every table is published three times with the same values: \`data/<table>.csv\` (RFC 4180, UTF-8, CRLF),
  \`data/<table>.arrow\` (Arrow IPC file) and \`data/<table>.parquet\`; the types below are the Arrow and Parquet types.
- The first column of each table is its primary key. Ids start with a type prefix (\`src_\`, \`ent_\`, \`evt_\`,
  \`par_\`, \`rel_\`, \`evd_\`) and 16 hexadecimal digits of a content hash; they never start with a digit.
- Null is an empty CSV field. Lists are JSON arrays in CSV and \`list<utf8>\` in Arrow and Parquet.
- Dates are ISO 8601 at their precision (\`YYYY\`, \`YYYY-MM\`, \`YYYY-MM-DD\`); the \`date32\` columns hold the first day.
- Offsets (\`char_start\`, \`char_end\`) count Unicode code points of \`texts/<source_id>.txt\`; the text between
  them is \`quote\`.
- Code-like columns (\`cameo_code\`, ids, hashes) are text: read them as strings (\`LOADING.md\` has typed snippets).`

const columnNotes = (c: Codebook["tables"][number]["columns"][number]): string =>
  [
    c.references ? `References \`${c.references}\`.` : "",
    "categories" in c && c.categories ? `Values: [\`${c.categories}\`](#${c.categories}).` : "",
    "codes" in c && c.codes === "cameo_codes" ? "Codes: [CAMEO codes](#cameo-codes)." : "",
    "codes" in c && c.codes === "rules" ? "Rule ids: [rules](#rules-the-method-column)." : ""
  ]
    .filter((s) => s !== "")
    .join(" ")

const tablesSection = (cb: Codebook): string =>
  cb.tables
    .map(
      (t) =>
        `### \`${t.name}\`\n\n${t.description} Primary key: \`${t.primary_key}\`. Files: ${t.files.map((f) => `\`${f}\``).join(", ")}.\n\n| column | type | nullable | description |\n| --- | --- | --- | --- |\n${t.columns
          .map(
            (c) =>
              `| \`${c.name}\` | \`${c.type}\` | ${c.nullable ? "yes" : "no"} | ${cell(`${c.description} ${columnNotes(c)}`.trim())} |`
          )
          .join("\n")}\n`
    )
    .join("\n")

const categoriesSection = (cb: Codebook): string => {
  const usedBy = (name: string) =>
    cb.tables.flatMap((t) =>
      t.columns.filter((c) => "categories" in c && c.categories === name).map((c) => `\`${t.name}.${c.name}\``)
    )
  return Object.entries(cb.categories)
    .map(
      ([name, values]) =>
        `### \`${name}\`\n\nUsed by ${usedBy(name).join(", ")}.\n\n| value | meaning |\n| --- | --- |\n${values.map((v) => `| \`${v.value}\` | ${cell(v.meaning)} |`).join("\n")}\n`
    )
    .join("\n")
}

const cameoSection = (cb: Codebook): string =>
  `The \`cameo_code\` of an event comes from its trigger's entry in the trigger lexicons, with the PLOVER category
(\`plover_type\`) the lexicon maps it to (after CAMEO2PLOVER-2021). Names are those of the CAMEO 1.1b3 codebook; the last
column counts this release's events by event type and PLOVER category.

| cameo_code | CAMEO name | events in this release (event_type, plover_type: count) |
| --- | --- | --- |
${cb.cameo_codes
  .map(
    (c) =>
      `| \`${c.code}\` | ${cell(c.name ?? "(not in the CAMEO list of this codebook)")} | ${c.in_release.map((u) => `${u.event_type}, ${u.plover_type}: ${u.events}`).join("; ") || "none"} |`
  )
  .join("\n")}
`

const yields = (y: Codebook["rules"][number]["yields"]): string =>
  "quote" in y
    ? `\`${y.quote}\` (${y.entity_type})`
    : "trigger" in y
      ? `${y.event_type} event, trigger \`${y.trigger}\``
      : "role" in y
        ? `${y.entity} as ${y.role}`
        : `${y.subject} ${y.predicate} ${y.object}`

const rulesSection = (cb: Codebook): string =>
  `Every evidence row names the rule that produced it in \`method\`: a versioned id (\`<family>.<name>.v<version>\`).
The registry is \`${cb.rule_registry.file}\` (version ${cb.rule_registry.version}, ${cb.rule_registry.licence}). Each
example sentence was written for its rule, not taken from an article, and the test suite checks that the rule yields
what is listed from it. The last column counts this release's evidence rows.

${EVIDENCE_TABLES.map(
  (table) =>
    `### Rules for \`${table}\`\n\n| method | what it matches | example | yields | rows |\n| --- | --- | --- | --- | ---: |\n${cb.rules
      .filter((r) => r.table === table)
      .map(
        (r) =>
          `| \`${r.id}\` | ${cell(r.description)} | ${cell(r.example)} | ${cell(yields(r.yields))} | ${r.evidence_rows} |`
      )
      .join("\n")}\n`
).join("\n")}
Known problems: ${cb.rule_registry.known_problems.join(" ")}
`

/** Render CODEBOOK.md. */
export const renderCodebook = (cb: Codebook): string => `# Codebook: ${cb.dataset}

Every table, column, category and rule id of this release, generated from the schemas (${cb.generated_from
  .map((f) => `\`${f}\``)
  .join(", ")}) at schema version ${cb.schema_version} and pipeline version ${cb.pipeline_version}. \`codebook.json\`
holds the same in JSON. Loading each table with its types: [LOADING.md](LOADING.md); the data card: [README.md](README.md).

## Conventions

${CONVENTIONS}

## Tables

${tablesSection(cb)}
## Categories

${categoriesSection(cb)}
## CAMEO codes

${cameoSection(cb)}
## Rules: the method column

${rulesSection(cb)}`
