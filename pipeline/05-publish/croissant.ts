/**
 * croissant.jsonld: an MLCommons Croissant 1.1 / schema.org Dataset description of the release
 * (name, description, licence, version, creator, citation, distribution with SHA-256, one
 * RecordSet per table read from its CSV; the Arrow files are linked with sameAs). The @context
 * is inline, so the file expands offline.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { DATASET_NAME } from "../../schemas/version.js"
import type { FileInfo } from "./sink.js"

const DATA_TYPE: Record<Column["kind"], string> = {
  id: "sc:Text",
  text: "sc:Text",
  category: "sc:Text",
  int: "sc:Integer",
  float: "sc:Float",
  bool: "sc:Boolean",
  date: "sc:Date",
  list: "sc:Text"
}

/** The Croissant context (inline; from the Croissant 1.1 specification). */
const CONTEXT = {
  "@language": "en",
  "@vocab": "https://schema.org/",
  sc: "https://schema.org/",
  cr: "http://mlcommons.org/croissant/",
  rai: "http://mlcommons.org/croissant/RAI/",
  dct: "http://purl.org/dc/terms/",
  prov: "http://www.w3.org/ns/prov#",
  citeAs: "cr:citeAs",
  column: "cr:column",
  conformsTo: "dct:conformsTo",
  data: { "@id": "cr:data", "@type": "@json" },
  dataType: { "@id": "cr:dataType", "@type": "@vocab" },
  examples: { "@id": "cr:examples", "@type": "@json" },
  extract: "cr:extract",
  field: "cr:field",
  fileObject: "cr:fileObject",
  fileProperty: "cr:fileProperty",
  format: "cr:format",
  includes: "cr:includes",
  isLiveDataset: "cr:isLiveDataset",
  jsonPath: "cr:jsonPath",
  key: "cr:key",
  md5: "cr:md5",
  parentField: "cr:parentField",
  path: "cr:path",
  recordSet: "cr:recordSet",
  references: "cr:references",
  regex: "cr:regex",
  repeated: "cr:repeated",
  replace: "cr:replace",
  separator: "cr:separator",
  source: "cr:source",
  subField: "cr:subField",
  transform: "cr:transform"
}

/** The croissant.jsonld document. */
export const croissant = (
  files: ReadonlyMap<string, FileInfo>,
  meta: { readonly version: string; readonly created: string }
) => {
  const fo = (path: string, format: string) => ({
    "@type": "cr:FileObject",
    "@id": path,
    name: path,
    contentUrl: path,
    encodingFormat: format,
    contentSize: `${files.get(path)!.bytes} B`,
    sha256: files.get(path)!.sha256
  })
  return {
    "@context": CONTEXT,
    "@type": "sc:Dataset",
    conformsTo: "http://mlcommons.org/croissant/1.1",
    name: DATASET_NAME,
    description:
      "Entity, event and relation tables on US–Central Asia relations extracted from news articles; every row has " +
      "evidence (source, SHA-256, code-point span, quote, rule, pipeline version).",
    version: meta.version,
    datePublished: meta.created,
    license: "https://creativecommons.org/licenses/by/4.0/",
    creator: {
      "@type": "sc:Organization",
      name: "central-asia-relations dataset maintainers"
    },
    citeAs: `${DATASET_NAME}, version ${meta.version} (${meta.created.slice(0, 10)}).`,
    keywords: ["Central Asia", "United States", "C5+1", "event data", "provenance"],
    isLiveDataset: false,
    distribution: TABLES.flatMap((d) => [
      fo(`data/${d.name}.csv`, "text/csv"),
      {
        ...fo(`data/${d.name}.arrow`, "application/vnd.apache.arrow.file"),
        sameAs: `data/${d.name}.csv`
      },
      {
        ...fo(`data/${d.name}.parquet`, "application/x-parquet"),
        sameAs: `data/${d.name}.csv`
      }
    ]),
    recordSet: TABLES.map((d) => {
      const def = d as unknown as TableDef<Record<string, Column>>
      return {
        "@type": "cr:RecordSet",
        "@id": d.name,
        name: d.name,
        description: d.description,
        key: { "@id": `${d.name}/${def.primaryKey}` },
        field: Object.entries(def.columns).map(([name, c]) => ({
          "@type": "cr:Field",
          "@id": `${d.name}/${name}`,
          name,
          description: c.description,
          dataType: DATA_TYPE[c.kind],
          source: {
            fileObject: { "@id": `data/${d.name}.csv` },
            extract: { column: name }
          },
          ...(c.references
            ? {
                references: {
                  field: {
                    "@id": `${c.references}/${TABLES.find((t) => t.name === c.references)!.primaryKey}`
                  }
                }
              }
            : {})
        }))
      }
    })
  }
}
