/**
 * JSON-LD for the whole release: entities, events and relations as schema.org / PROV-O
 * nodes, each with W3C Web Annotation selectors for its evidence. The @context is a file
 * shipped in the release (context.jsonld) and is never fetched from the network.
 */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { ID_BASE, VOCAB_BASE } from "../../schemas/version.js"
import { joinBytes } from "../shared/stableJson.js"

/** The local JSON-LD context (shipped as context.jsonld). */
export const CONTEXT = {
  "@context": {
    "@version": 1.1,
    "@base": ID_BASE,
    schema: "https://schema.org/",
    prov: "http://www.w3.org/ns/prov#",
    oa: "http://www.w3.org/ns/oa#",
    xsd: "http://www.w3.org/2001/XMLSchema#",
    dcterms: "http://purl.org/dc/terms/",
    car: VOCAB_BASE,
    id: "@id",
    type: "@type",
    name: "schema:name",
    alternateName: "schema:alternateName",
    description: "schema:description",
    identifier: "schema:identifier",
    url: { "@id": "schema:url", "@type": "@id" },
    datePublished: "schema:datePublished",
    sameAs: { "@id": "schema:sameAs", "@type": "@id" },
    entityType: "car:entityType",
    eventType: "car:eventType",
    cameoCode: "car:cameoCode",
    ploverType: "car:ploverType",
    modality: "car:modality",
    date: "car:date",
    datePrecision: "car:datePrecision",
    dateConflict: { "@id": "car:dateConflict", "@type": "xsd:boolean" },
    startDate: { "@id": "schema:startDate", "@type": "xsd:date" },
    endDate: "schema:endDate",
    location: { "@id": "schema:location", "@type": "@id" },
    actor: { "@id": "car:actor", "@type": "@id" },
    target: { "@id": "car:target", "@type": "@id" },
    participant: { "@id": "car:participant", "@type": "@id" },
    predicate: "car:predicate",
    subject: { "@id": "car:subject", "@type": "@id" },
    object: { "@id": "car:object", "@type": "@id" },
    roleTitle: "car:roleTitle",
    confidence: { "@id": "car:confidence", "@type": "xsd:decimal" },
    sha256: "car:sha256",
    wasDerivedFrom: { "@id": "prov:wasDerivedFrom", "@type": "@id" },
    evidence: "car:evidence",
    hasSource: { "@id": "oa:hasSource", "@type": "@id" },
    hasSelector: "oa:hasSelector",
    TextPositionSelector: "oa:TextPositionSelector",
    TextQuoteSelector: "oa:TextQuoteSelector",
    start: { "@id": "oa:start", "@type": "xsd:nonNegativeInteger" },
    end: { "@id": "oa:end", "@type": "xsd:nonNegativeInteger" },
    exact: "oa:exact",
    method: "car:method",
    pipelineVersion: "car:pipelineVersion",
    graph: "@graph"
  }
}

type Tables = Pick<ReleaseTables, "sources" | "entities" | "events" | "event_participants" | "relations" | "evidence">

/** Rows grouped by a key, in table order (appended in place: linear for an entity mentioned everywhere). */
const groupBy = <T>(rows: ReadonlyArray<T>, key: (r: T) => string): Map<string, Array<T>> => {
  const out = new Map<string, Array<T>>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

const SCHEMA_TYPE: Record<string, string> = {
  person: "schema:Person",
  country: "schema:Country",
  organization: "schema:Organization",
  location: "schema:Place",
  initiative: "schema:CreativeWork",
  legislation: "schema:Legislation",
  commodity: "schema:Product",
  named_event: "schema:Event"
}

/** JSON text put into a node as it is (a node's evidence, made from the evidence columns without objects). */
class RawJson {
  constructor(readonly json: string) {}
}

/** JSON.stringify of a node whose values may be RawJson. */
const nodeJson = (node: Record<string, unknown>): string => {
  let out = "{"
  for (const k in node) {
    const v = node[k]
    if (v === undefined) continue
    out += (out.length > 1 ? "," : "") + JSON.stringify(k) + ":" + (v instanceof RawJson ? v.json : JSON.stringify(v))
  }
  return out + "}"
}

type Evidence = Tables["evidence"]
type EvidenceColumn = Parameters<Evidence["cellFormatter"]>[0]

/** Row k's value of one evidence column as `format` gives it, from the columns. */
const cells = <A>(evidence: Evidence, name: EvidenceColumn, format: (v: unknown) => A): ((k: number) => A) =>
  evidence.cellFormatter(name, format)

/** The evidence columns an annotation reads, in the order of its values below. */
const ANNOTATION_COLUMNS = [
  "confidence",
  "char_end",
  "char_start",
  "quote",
  "source_id",
  "evidence_id",
  "method",
  "pipeline_version"
] as const

/**
 * A node's evidence as W3C Web Annotations: objects, or (`json`) the JSON text of their list
 * (tests/05-publish/jsonld.test.ts holds the two equal).
 */
const annotations = (evidence: Evidence, form: "objects" | "json"): ((positions: ReadonlyArray<number>) => unknown) => {
  if (form === "objects") {
    const [confidence, end, start, exact, source, id, method, version] = ANNOTATION_COLUMNS.map((c) =>
      cells(evidence, c, (v) => v)
    )
    return (positions) =>
      positions.map((k) => ({
        confidence: confidence!(k),
        hasSelector: [
          { end: end!(k), start: start!(k), type: "TextPositionSelector" },
          { exact: exact!(k), type: "TextQuoteSelector" }
        ],
        hasSource: source!(k),
        id: id!(k),
        method: method!(k),
        pipelineVersion: version!(k),
        type: "oa:Annotation"
      }))
  }
  // the same keys in the same order as the objects above, each value as JSON.stringify writes it
  const [confidence, end, start, exact, source, id, method, version] = ANNOTATION_COLUMNS.map((c) =>
    cells(evidence, c, (v) => JSON.stringify(v))
  )
  return (positions) => {
    let out = "["
    for (const k of positions) {
      if (out.length > 1) out += ","
      out += `{"confidence":${confidence!(k)},"hasSelector":[{"end":${end!(k)},"start":${start!(k)},"type":"TextPositionSelector"},{"exact":${exact!(k)},"type":"TextQuoteSelector"}],"hasSource":${source!(k)},"id":${id!(k)},"method":${method!(k)},"pipelineVersion":${version!(k)},"type":"oa:Annotation"}`
    }
    return new RawJson(out + "]")
  }
}

/**
 * The graph's nodes, one at a time: sources, entities, events, relations, each with its
 * evidence as W3C Web Annotations. Keys are written in sorted order (the order of the literals).
 * With `json`, a node's evidence is the JSON text of its annotations (for emitJsonLd).
 */
export function* graphNodes(t: Tables, form: "objects" | "json" = "objects"): Generator<Record<string, unknown>> {
  const positions = t.evidence.byRowId()
  const annotate = annotations(t.evidence, form)
  const ev = (rowId: string) => annotate(positions.get(rowId) ?? [])
  const sourceOf = cells(t.evidence, "source_id", (v) => v as string)
  const derived = (rowId: string) => [...new Set((positions.get(rowId) ?? []).map(sourceOf))]
  const partsOf = groupBy(t.event_participants, (p) => p.event_id)
  const withRole = (eventId: string, role: string) =>
    (partsOf.get(eventId) ?? []).filter((p) => p.role === role).map((p) => p.entity_id)
  for (const s of t.sources)
    yield {
      ...(s.published ? { datePublished: s.published } : {}),
      id: s.source_id,
      name: s.title ?? s.file_name,
      sha256: s.text_sha256,
      type: ["schema:NewsArticle", "prov:Entity"],
      ...(s.url ? { url: s.url } : {})
    }
  for (const e of t.entities)
    yield {
      alternateName: e.aliases.filter((a) => a !== e.name),
      entityType: e.entity_type,
      evidence: ev(e.entity_id),
      id: e.entity_id,
      ...(e.iso_alpha3 ? { identifier: e.iso_alpha3 } : {}),
      name: e.name,
      ...(e.wikidata_qid ? { sameAs: `http://www.wikidata.org/entity/${e.wikidata_qid}` } : {}),
      type: [SCHEMA_TYPE[e.entity_type], "prov:Entity"],
      wasDerivedFrom: derived(e.entity_id)
    }
  for (const e of t.events)
    yield {
      actor: withRole(e.event_id, "actor"),
      cameoCode: e.cameo_code,
      confidence: e.confidence,
      ...(e.date ? { date: e.date } : {}),
      dateConflict: e.date_conflict,
      datePrecision: e.date_precision,
      description: e.summary,
      ...(e.date_end ? { endDate: e.date_end } : {}),
      eventType: e.event_type,
      evidence: ev(e.event_id),
      id: e.event_id,
      ...(e.location_id ? { location: e.location_id } : {}),
      modality: e.modality,
      participant: withRole(e.event_id, "participant"),
      ploverType: e.plover_type,
      ...(e.date ? { startDate: e.date_start } : {}),
      target: withRole(e.event_id, "target"),
      type: ["schema:Event", "prov:Entity"],
      wasDerivedFrom: derived(e.event_id)
    }
  for (const r of t.relations)
    yield {
      confidence: r.confidence,
      evidence: ev(r.relation_id),
      id: r.relation_id,
      object: r.object_id,
      predicate: r.predicate,
      ...(r.role_title ? { roleTitle: r.role_title } : {}),
      subject: r.subject_id,
      type: ["car:Relation", "prov:Entity"],
      wasDerivedFrom: derived(r.relation_id)
    }
}

/** Build the release graph (all entities, events and relations with their evidence) as one value. */
export const toJsonLd = (t: Tables, meta: { readonly version: string; readonly contextFile: string }): unknown => ({
  "@context": meta.contextFile,
  "car:datasetVersion": meta.version,
  graph: [...graphNodes(t)]
})

/**
 * release.jsonld: the document of toJsonLd, written node by node, one graph node per line
 * (compact JSON; a release diff shows whole changed nodes). Never one string of the whole graph.
 */
export const jsonLdBytes = (t: Tables, meta: { readonly version: string; readonly contextFile: string }): Uint8Array =>
  joinBytes((push) => emitJsonLd(t, meta, push))

/** Push the text of release.jsonld (see jsonLdBytes) piece by piece. */
export const emitJsonLd = (
  t: Tables,
  meta: { readonly version: string; readonly contextFile: string },
  push: (s: string) => void
): void => {
  push(
    `{\n  "@context": ${JSON.stringify(meta.contextFile)},\n  "car:datasetVersion": ${JSON.stringify(meta.version)},\n  "graph": [`
  )
  let first = true
  for (const node of graphNodes(t, "json")) {
    push(first ? "\n    " : ",\n    ")
    push(nodeJson(node))
    first = false
  }
  push(first ? "]\n}\n" : "\n  ]\n}\n")
}
