/**
 * JSON-LD for the whole release: entities, events and relations as schema.org / PROV-O
 * nodes, each with W3C Web Annotation selectors for its evidence. The @context is a file
 * shipped in the release (context.jsonld) and is never fetched from the network.
 */
import { ID_BASE, VOCAB_BASE } from "../../schemas/version.js"
import type { ReleaseTables } from "../04-resolve/tables.js"

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

/** Build the release graph (all entities, events and relations with their evidence). */
export const toJsonLd = (t: ReleaseTables, meta: { readonly version: string; readonly contextFile: string }): unknown => {
  const evidenceOf = new Map<string, Array<(typeof t.evidence)[number]>>()
  // appended in place (same order as copying on each row, linear instead of quadratic for an entity mentioned everywhere)
  for (const e of t.evidence) {
    const list = evidenceOf.get(e.row_id)
    if (list) list.push(e)
    else evidenceOf.set(e.row_id, [e])
  }
  const ev = (rowId: string) =>
    (evidenceOf.get(rowId) ?? []).map((e) => ({
      id: e.evidence_id,
      type: "oa:Annotation",
      hasSource: e.source_id,
      hasSelector: [
        { type: "TextPositionSelector", start: e.char_start, end: e.char_end },
        { type: "TextQuoteSelector", exact: e.quote }
      ],
      method: e.method,
      pipelineVersion: e.pipeline_version,
      confidence: e.confidence
    }))
  const derived = (rowId: string) => [...new Set((evidenceOf.get(rowId) ?? []).map((e) => e.source_id))]
  const partsOf = new Map<string, Array<(typeof t.event_participants)[number]>>()
  for (const p of t.event_participants) {
    const list = partsOf.get(p.event_id)
    if (list) list.push(p)
    else partsOf.set(p.event_id, [p])
  }
  const withRole = (eventId: string, role: string) => (partsOf.get(eventId) ?? []).filter((p) => p.role === role).map((p) => p.entity_id)
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
  const graph: Array<unknown> = [
    ...t.sources.map((s) => ({
      id: s.source_id,
      type: ["schema:NewsArticle", "prov:Entity"],
      name: s.title ?? s.file_name,
      ...(s.url ? { url: s.url } : {}),
      ...(s.published ? { datePublished: s.published } : {}),
      sha256: s.text_sha256
    })),
    ...t.entities.map((e) => ({
      id: e.entity_id,
      type: [SCHEMA_TYPE[e.entity_type], "prov:Entity"],
      entityType: e.entity_type,
      name: e.name,
      alternateName: e.aliases.filter((a) => a !== e.name),
      ...(e.wikidata_qid ? { sameAs: `http://www.wikidata.org/entity/${e.wikidata_qid}` } : {}),
      ...(e.iso_alpha3 ? { identifier: e.iso_alpha3 } : {}),
      wasDerivedFrom: derived(e.entity_id),
      evidence: ev(e.entity_id)
    })),
    ...t.events.map((e) => ({
      id: e.event_id,
      type: ["schema:Event", "prov:Entity"],
      eventType: e.event_type,
      cameoCode: e.cameo_code,
      ploverType: e.plover_type,
      description: e.summary,
      modality: e.modality,
      ...(e.date ? { date: e.date, startDate: e.date_start } : {}),
      datePrecision: e.date_precision,
      dateConflict: e.date_conflict,
      ...(e.location_id ? { location: e.location_id } : {}),
      actor: withRole(e.event_id, "actor"),
      target: withRole(e.event_id, "target"),
      participant: withRole(e.event_id, "participant"),
      confidence: e.confidence,
      wasDerivedFrom: derived(e.event_id),
      evidence: ev(e.event_id)
    })),
    ...t.relations.map((r) => ({
      id: r.relation_id,
      type: ["car:Relation", "prov:Entity"],
      predicate: r.predicate,
      subject: r.subject_id,
      object: r.object_id,
      ...(r.role_title ? { roleTitle: r.role_title } : {}),
      confidence: r.confidence,
      wasDerivedFrom: derived(r.relation_id),
      evidence: ev(r.relation_id)
    }))
  ]
  return { "@context": meta.contextFile, "car:datasetVersion": meta.version, graph }
}
