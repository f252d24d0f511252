/**
 * The JSON-LD context of release.jsonld (inline in the document, and shipped alone as context.jsonld) and the
 * literal forms every RDF reader reads the same: absolute IRIs for row ids, dates typed by their precision, decimals as
 * text. No `@base`: JSON-LD 1.1 ignores it in a remote context, so readers disagreed on relative ids.
 */

import { ID_BASE, VOCAB_BASE } from "../../schemas/version.js"

/** The context (the value of the document's `@context`; context.jsonld holds it under `@context`). */
export const CONTEXT = {
  "@context": {
    "@version": 1.1,
    schema: "https://schema.org/",
    prov: "http://www.w3.org/ns/prov#",
    oa: "http://www.w3.org/ns/oa#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    car: VOCAB_BASE,
    id: "@id",
    type: "@type",
    graph: "@graph",
    name: "schema:name",
    version: "schema:version",
    alternateName: "schema:alternateName",
    description: "schema:description",
    identifier: "schema:identifier",
    url: { "@id": "schema:url", "@type": "@id" },
    datePublished: "schema:datePublished",
    sameAs: { "@id": "schema:sameAs", "@type": "@id" },
    isoAlpha2: "car:isoAlpha2",
    isoAlpha3: "car:isoAlpha3",
    entityType: "car:entityType",
    eventType: "car:eventType",
    cameoCode: "car:cameoCode",
    ploverType: "car:ploverType",
    modality: "car:modality",
    datePrecision: "car:datePrecision",
    dateConflict: { "@id": "car:dateConflict", "@type": "xsd:boolean" },
    startDate: "schema:startDate",
    endDate: "schema:endDate",
    location: { "@id": "schema:location", "@type": "@id" },
    actor: { "@id": "car:actor", "@type": "@id" },
    target: { "@id": "car:target", "@type": "@id" },
    participant: { "@id": "car:participant", "@type": "@id" },
    event: { "@id": "car:event", "@type": "@id" },
    entity: { "@id": "car:entity", "@type": "@id" },
    role: "car:role",
    predicate: "car:predicate",
    subject: { "@id": "car:subject", "@type": "@id" },
    object: { "@id": "car:object", "@type": "@id" },
    roleTitle: "car:roleTitle",
    confidence: { "@id": "car:confidence", "@type": "xsd:decimal" },
    sha256: "car:sha256",
    wasDerivedFrom: { "@id": "prov:wasDerivedFrom", "@type": "@id" },
    evidence: { "@reverse": "oa:hasBody" },
    motivatedBy: { "@id": "oa:motivatedBy", "@type": "@vocab" },
    hasTarget: "oa:hasTarget",
    hasSource: { "@id": "oa:hasSource", "@type": "@id" },
    hasSelector: "oa:hasSelector",
    TextPositionSelector: "oa:TextPositionSelector",
    TextQuoteSelector: "oa:TextQuoteSelector",
    start: { "@id": "oa:start", "@type": "xsd:nonNegativeInteger" },
    end: { "@id": "oa:end", "@type": "xsd:nonNegativeInteger" },
    exact: "oa:exact",
    method: "car:method",
    pipelineVersion: "car:pipelineVersion",
    reportedDate: "car:reportedDate",
    reportedModality: "car:reportedModality",
    conflict: { "@id": "car:conflict", "@type": "xsd:boolean" }
  }
} as const

/** The absolute IRI of a row id (the IRI ends with the table's id, so the short id is its last path segment). */
export const iri = (id: string): string => ID_BASE + id

/** XML Schema datatype and lexical form of a date at each precision (an unknown precision has no date). */
const DATE_TYPES: Record<string, readonly [string, RegExp]> = {
  year: ["xsd:gYear", /^\d{4}$/],
  month: ["xsd:gYearMonth", /^\d{4}-\d{2}$/],
  day: ["xsd:date", /^\d{4}-\d{2}-\d{2}$/]
}

/** A JSON-LD value object. */
export interface TypedValue {
  readonly "@type": string
  readonly "@value": string
}

/**
 * A date of the tables as a value typed by its precision: year → xsd:gYear, month → xsd:gYearMonth, day → xsd:date.
 * A value whose form is not that of its precision is a bug upstream (a year typed as a day would claim a day): thrown.
 */
export const typedDate = (value: string, precision: string | null, row: string): TypedValue => {
  const spec = DATE_TYPES[precision ?? ""]
  if (spec?.[1].test(value)) return { "@type": spec[0], "@value": value }
  throw new Error(`JSON-LD: ${row} has the date ${JSON.stringify(value)} with precision ${precision}`)
}

/** A confidence as xsd:decimal text (JSON numbers become xsd:double, written differently by each RDF reader). */
export const decimal = (n: number): string => {
  const s = String(n)
  return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, "").replace(/\.$/, ".0") : s
}

/** Why an evidence row annotates its row: a mention identifies an entity; a span states an event or relation. */
export const motivation = (rowTable: string): string => (rowTable === "entities" ? "oa:identifying" : "oa:describing")
