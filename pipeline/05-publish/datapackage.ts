/**
 * datapackage.json (Frictionless Data Package v2): every CSV, Arrow and text file as a resource
 * with its path, media type, size and SHA-256; tables with a Table Schema (field types, primary
 * key, foreign keys, categories) generated from the same column definitions as the data.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { DATASET_NAME, PIPELINE_VERSION, SCHEMA_VERSION } from "../../schemas/version.js"
import { compareStrings } from "../shared/compare.js"
import type { FileInfo } from "./sink.js"

const TYPE: Record<Column["kind"], string> = {
  id: "string",
  text: "string",
  category: "string",
  int: "integer",
  float: "number",
  bool: "boolean",
  date: "date",
  list: "array"
}

/** Table Schema of one table. */
export const tableSchema = (def: TableDef<Record<string, Column>>) => ({
  fields: Object.entries(def.columns).map(([name, c]) => ({
    name,
    type: TYPE[c.kind],
    description: c.description,
    ...(c.kind === "category" ? { categories: [...c.values!] } : {}),
    ...(c.kind === "list"
      ? {
          constraints: {
            jsonSchema: { type: "array", items: { type: "string" } }
          }
        }
      : {}),
    ...(c.nullable
      ? {}
      : {
          constraints: {
            ...(c.kind === "list" ? { jsonSchema: { type: "array", items: { type: "string" } } } : {}),
            required: true
          }
        })
  })),
  primaryKey: [def.primaryKey],
  foreignKeys: Object.entries(def.columns)
    .filter(([, c]) => c.references)
    .map(([name, c]) => ({
      fields: [name],
      reference: {
        resource: c.references!,
        fields: [TABLES.find((t) => t.name === c.references)!.primaryKey]
      }
    })),
  missingValues: [""]
})

/** The datapackage.json document for a release's files. */
export const dataPackage = (
  files: ReadonlyMap<string, FileInfo>,
  meta: { readonly version: string; readonly created: string }
) => {
  const res = (path: string, extra: Record<string, unknown>) => ({
    path,
    bytes: files.get(path)!.bytes,
    hash: `sha256:${files.get(path)!.sha256}`,
    ...extra
  })
  const tables = TABLES.flatMap((d) => {
    const def = d as unknown as TableDef<Record<string, Column>>
    const schema = tableSchema(def)
    return [
      res(`data/${d.name}.csv`, {
        name: d.name,
        type: "table",
        title: d.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: {
          header: true,
          delimiter: ",",
          lineTerminator: "\r\n",
          quoteChar: '"',
          doubleQuote: true
        },
        schema
      }),
      res(`data/${d.name}.arrow`, {
        name: `${d.name}-arrow`,
        type: "table",
        title: `${d.description} (Arrow IPC file)`,
        format: "arrow",
        mediatype: "application/vnd.apache.arrow.file",
        schema: { ...schema, foreignKeys: [] }
      }),
      res(`data/${d.name}.parquet`, {
        name: `${d.name}-parquet`,
        type: "table",
        title: `${d.description} (Parquet, ZSTD)`,
        format: "parquet",
        mediatype: "application/vnd.apache.parquet",
        schema: { ...schema, foreignKeys: [] }
      })
    ]
  })
  const texts = [...files.keys()]
    .filter((p) => p.startsWith("texts/"))
    .sort(compareStrings)
    .map((p) =>
      res(p, {
        name: `text-${p.slice(6, -4).replace(/_/g, "-")}`,
        format: "txt",
        mediatype: "text/plain",
        encoding: "utf-8"
      })
    )
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: DATASET_NAME,
    title: "US–Central Asia relations: entities, events and relations extracted from news, with provenance",
    description:
      "Versioned entity, event and relation tables extracted from news articles on US–Central Asia relations. Every" +
      " row has evidence rows giving the source, its SHA-256, the exact span in Unicode code points and the quote, " +
      "the rule and the pipeline version.",
    version: meta.version,
    created: meta.created,
    keywords: ["Central Asia", "United States", "C5+1", "event data", "provenance", "CAMEO", "PLOVER"],
    licenses: [
      {
        name: "CC-BY-4.0",
        path: "https://creativecommons.org/licenses/by/4.0/",
        title:
          "Creative Commons Attribution 4.0 (tables and annotations); source texts remain the publishers' and are " +
          "included for verification"
      }
    ],
    schema_version: SCHEMA_VERSION,
    pipeline_version: PIPELINE_VERSION,
    resources: [...tables, ...texts]
  }
}
