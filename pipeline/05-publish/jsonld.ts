/**
 * JSON-LD for the whole release: entities, events and relations as schema.org / PROV-O
 * nodes, each with W3C Web Annotation selectors for its evidence. The @context is a file
 * shipped in the release (context.jsonld) and is never fetched from the network.
 */
import { ID_BASE, VOCAB_BASE } from "../../schemas/version.js"
import type { ReleaseTables } from "../04-resolve/tables.js"
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

/**
 * The graph's nodes, one at a time: sources, entities, events, relations, each with its
 * evidence as W3C Web Annotations. Keys are written in sorted order (the order of the literals).
 */
export function* graphNodes(t: Tables): Generator<Record<string, unknown>> {
  const positions = t.evidence.byRowId()
  const evidenceOf = (rowId: string) => (positions.get(rowId) ?? []).map((k) => t.evidence.at(k)!)
  const ev = (rowId: string) =>
    evidenceOf(rowId).map((e) => ({
      confidence: e.confidence,
      hasSelector: [
        { end: e.char_end, start: e.char_start, type: "TextPositionSelector" },
        { exact: e.quote, type: "TextQuoteSelector" }
      ],
      hasSource: e.source_id,
      id: e.evidence_id,
      method: e.method,
      pipelineVersion: e.pipeline_version,
      type: "oa:Annotation"
    }))
  const derived = (rowId: string) => [...new Set((positions.get(rowId) ?? []).map((k) => t.evidence.at(k)!.source_id))]
  const partsOf = groupBy(t.event_participants, (p) => p.event_id)
  const withRole = (eventId: string, role: string) => (partsOf.get(eventId) ?? []).filter((p) => p.role === role).map((p) => p.entity_id)
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
export const jsonLdBytes = (t: Tables, meta: { readonly version: string; readonly contextFile: string }): Uint8Array => joinBytes((push) => emitJsonLd(t, meta, push))

/** Push the text of release.jsonld (see jsonLdBytes) piece by piece. */
export const emitJsonLd = (t: Tables, meta: { readonly version: string; readonly contextFile: string }, push: (s: string) => void): void => {
  push(`{\n  "@context": ${JSON.stringify(meta.contextFile)},\n  "car:datasetVersion": ${JSON.stringify(meta.version)},\n  "graph": [`)
  let first = true
  for (const node of graphNodes(t)) {
    push(first ? "\n    " : ",\n    ")
    push(JSON.stringify(node))
    first = false
  }
  push(first ? "]\n}\n" : "\n  ]\n}\n")
}
