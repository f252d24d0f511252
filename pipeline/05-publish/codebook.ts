/**
 * The release's codebook (codebook.json; CODEBOOK.md renders the same, codebookMarkdown.ts): every table and column
 * with its type, nullability and meaning from schemas/Tables.ts, every category value with its meaning
 * (schemas/meanings.ts), the CAMEO codes, and every rule id of the `method` column from the rule registry, with the
 * counts of this release beside them. Pure: the same schemas, registry and tables give the same bytes.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import {
  CAMEO_NAMES,
  DATE_BASIS_MEANINGS,
  DATE_PRECISION_MEANINGS,
  DETECTION_MEANINGS,
  ENTITY_TYPE_MEANINGS,
  EVENT_TYPE_MEANINGS,
  EVIDENCE_TABLE_MEANINGS,
  METADATA_ORIGIN_MEANINGS,
  MODALITY_MEANINGS,
  PLOVER_MEANINGS,
  PREDICATE_MEANINGS,
  ROLE_MEANINGS,
  TEXT_POLICY_MEANINGS
} from "../../schemas/meanings.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import type { RuleEntry } from "../../schemas/RuleRegistry.js"
import { TABLES } from "../../schemas/Tables.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import { compareStrings } from "../shared/compare.js"
import type { RuleRegistry } from "./ruleRegistry.js"

/** Arrow type of each column kind (CSV writes the same values as text; Parquet keeps the Arrow types). */
export const ARROW_TYPE: Record<Column["kind"], string> = {
  id: "utf8",
  text: "utf8",
  category: "dictionary<utf8>",
  int: "int32",
  float: "float64",
  bool: "bool",
  date: "date32",
  list: "list<utf8>"
}

/** The closed vocabularies, by the name the codebook gives them, with each value's meaning. */
export const VOCABULARIES: ReadonlyArray<{
  readonly name: string
  readonly meanings: Readonly<Record<string, string>>
}> = [
  { name: "entity_type", meanings: ENTITY_TYPE_MEANINGS },
  { name: "event_type", meanings: EVENT_TYPE_MEANINGS },
  { name: "plover_type", meanings: PLOVER_MEANINGS },
  { name: "modality", meanings: MODALITY_MEANINGS },
  { name: "date_precision", meanings: DATE_PRECISION_MEANINGS },
  { name: "role", meanings: ROLE_MEANINGS },
  { name: "predicate", meanings: PREDICATE_MEANINGS },
  { name: "published_basis", meanings: DATE_BASIS_MEANINGS },
  { name: "metadata_origin", meanings: METADATA_ORIGIN_MEANINGS },
  { name: "row_table", meanings: EVIDENCE_TABLE_MEANINGS },
  { name: "detection", meanings: DETECTION_MEANINGS },
  { name: "text_policy", meanings: TEXT_POLICY_MEANINGS }
]

/** Text columns whose values are explained by a section of the codebook rather than a closed vocabulary. */
export const CODE_COLUMNS: Readonly<Record<string, "cameo_codes" | "rules">> = {
  cameo_code: "cameo_codes",
  method: "rules"
}

/** The vocabulary a category column takes its values from (same values, same order); throws when none fits. */
export const vocabularyOf = (table: string, column: string, values: ReadonlyArray<string>): string => {
  const hit = VOCABULARIES.find(
    (v) => Object.keys(v.meanings).length === values.length && values.every((x, k) => Object.keys(v.meanings)[k] === x)
  )
  if (!hit) throw new Error(`codebook: ${table}.${column} has categories no vocabulary of schemas/meanings.ts lists`)
  return hit.name
}

const counted = (values: Iterable<string>): Map<string, number> => {
  const n = new Map<string, number>()
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1)
  return n
}

/** One table's columns as the codebook lists them. */
const tableEntry = (def: TableDef<Record<string, Column>>) => ({
  name: def.name,
  description: def.description,
  primary_key: def.primaryKey,
  files: [`data/${def.name}.csv`, `data/${def.name}.arrow`, `data/${def.name}.parquet`],
  columns: Object.entries(def.columns).map(([name, c]) => ({
    name,
    type: ARROW_TYPE[c.kind],
    nullable: c.nullable,
    description: c.description,
    ...(c.references ? { references: c.references } : {}),
    ...(c.values ? { categories: vocabularyOf(def.name, name, c.values) } : {}),
    ...(CODE_COLUMNS[name] ? { codes: CODE_COLUMNS[name] } : {})
  }))
})

/** The CAMEO codes the trigger lexicons assign, with the event types and PLOVER categories they carry here. */
const cameoEntries = (t: ReleaseTables) => {
  const uses = counted(t.events.map((e) => `${e.cameo_code}\t${e.event_type}\t${e.plover_type}`))
  const codes = [...new Set([...Object.keys(CAMEO_NAMES), ...t.events.map((e) => e.cameo_code)])].sort(compareStrings)
  return codes.map((code) => ({
    code,
    name: CAMEO_NAMES[code] ?? null,
    in_release: [...uses]
      .filter(([k]) => k.split("\t")[0] === code)
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([k, events]) => ({ event_type: k.split("\t")[1]!, plover_type: k.split("\t")[2]!, events }))
  }))
}

/** A rule of the registry with the number of evidence rows it has in this release. */
const ruleEntry = (r: RuleEntry, rows: ReadonlyMap<string, number>) => ({
  id: r.id,
  table: r.table,
  description: r.description,
  example: r.example,
  yields: r.yields,
  evidence_rows: rows.get(r.id) ?? 0
})

/** The codebook of a release with these tables (codebook.json). */
export const codebook = (t: ReleaseTables, registry: RuleRegistry) => {
  const rows = counted(t.evidence.column("method") as Array<string>)
  const unlisted = [...rows.keys()].filter((m) => !registry.rules.some((r) => r.id === m)).sort(compareStrings)
  if (unlisted.length > 0) throw new Error(`codebook: methods missing from ${registry.file}: ${unlisted.join(", ")}`)
  return {
    dataset: DATASET_NAME,
    schema_version: SCHEMA_VERSION,
    pipeline_version: PIPELINE_VERSION,
    generated_from: ["schemas/Tables.ts", "schemas/vocab.ts", "schemas/meanings.ts", registry.file],
    tables: TABLES.map((d) => tableEntry(d as unknown as TableDef<Record<string, Column>>)),
    categories: Object.fromEntries(
      VOCABULARIES.map((v) => [v.name, Object.entries(v.meanings).map(([value, meaning]) => ({ value, meaning }))])
    ),
    cameo_codes: cameoEntries(t),
    rule_registry: {
      file: registry.file,
      version: registry.header.version,
      licence: registry.header.licence,
      known_problems: registry.header.known_problems
    },
    rules: registry.rules.map((r) => ruleEntry(r, rows))
  }
}

/** The codebook document. */
export type Codebook = ReturnType<typeof codebook>
