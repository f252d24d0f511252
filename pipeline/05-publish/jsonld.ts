/**
 * JSON-LD for the whole release (release.jsonld, then release-2.jsonld... past 64 MiB): sources, entities, events,
 * participations and relations as schema.org / PROV-O nodes with absolute IRIs, dates typed by their precision, and
 * every evidence row as a W3C Web Annotation (TextPositionSelector and TextQuoteSelector on its source). The context
 * is inline (jsonldContext.ts), so no reader fetches anything; docs/linked-data.md says what each node holds.
 */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { DATASET_NAME } from "../../schemas/version.js"
import { joinBytes } from "../shared/stableJson.js"
import { CONTEXT, decimal, iri, motivation, typedDate } from "./jsonldContext.js"

export { CONTEXT } from "./jsonldContext.js"

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

/** One evidence row's annotation, as an object (`objects`) or as JSON text (`json`): the same keys in the same order. */
const annotationOf = <A>(evidence: Evidence, format: (v: unknown) => A) => {
  const col = <B>(name: EvidenceColumn, f: (v: unknown) => B) => evidence.cellFormatter(name, f)
  const raw = (name: EvidenceColumn) => col(name, (v) => v)
  const [reportedDate, reportedPrecision, reportedModality] = [
    raw("reported_date"),
    raw("reported_precision"),
    col("reported_modality", (v) => (v === null ? undefined : format(v)))
  ]
  const evidenceId = raw("evidence_id")
  return {
    confidence: col("confidence", (v) => format(decimal(v as number))),
    conflict: raw("conflict") as (k: number) => boolean,
    id: col("evidence_id", (v) => format(iri(v as string))),
    identifier: col("evidence_id", format),
    method: col("method", format),
    motivatedBy: col("row_table", (v) => format(motivation(v as string))),
    pipelineVersion: col("pipeline_version", format),
    reportedDate: (k: number): A | undefined => {
      const d = reportedDate(k) as string | null
      return d === null ? undefined : format(typedDate(d, reportedPrecision(k) as string, evidenceId(k) as string))
    },
    reportedModality,
    end: col("char_end", format),
    start: col("char_start", format),
    exact: col("quote", format),
    hasSource: col("source_id", (v) => format(iri(v as string)))
  }
}

/** A node's evidence as W3C Web Annotations (objects), each targeting a span of its source. */
const annotationObjects = (evidence: Evidence): ((positions: ReadonlyArray<number>) => unknown) => {
  const a = annotationOf(evidence, (v) => v)
  return (positions) =>
    positions.map((k) => ({
      type: "oa:Annotation",
      id: a.id(k),
      confidence: a.confidence(k),
      ...(a.conflict(k) ? { conflict: true } : {}),
      hasTarget: {
        type: "oa:SpecificResource",
        hasSelector: [
          { type: "TextPositionSelector", end: a.end(k), start: a.start(k) },
          { type: "TextQuoteSelector", exact: a.exact(k) }
        ],
        hasSource: a.hasSource(k)
      },
      identifier: a.identifier(k),
      method: a.method(k),
      motivatedBy: a.motivatedBy(k),
      pipelineVersion: a.pipelineVersion(k),
      reportedDate: a.reportedDate(k),
      reportedModality: a.reportedModality(k)
    }))
}

/** The JSON text of annotationObjects' list (tests/05-publish/jsonld.test.ts holds the two equal). */
const annotationJson = (evidence: Evidence): ((positions: ReadonlyArray<number>) => RawJson) => {
  const a = annotationOf(evidence, (v) => JSON.stringify(v))
  return (positions) => {
    let out = "["
    for (const k of positions) {
      if (out.length > 1) out += ","
      const date = a.reportedDate(k)
      const modality = a.reportedModality(k)
      out += `{"type":"oa:Annotation","id":${a.id(k)},"confidence":${a.confidence(k)},${a.conflict(k) ? `"conflict":true,` : ""}"hasTarget":{"type":"oa:SpecificResource","hasSelector":[{"type":"TextPositionSelector","end":${a.end(k)},"start":${a.start(k)}},{"type":"TextQuoteSelector","exact":${a.exact(k)}}],"hasSource":${a.hasSource(k)}},"identifier":${a.identifier(k)},"method":${a.method(k)},"motivatedBy":${a.motivatedBy(k)},"pipelineVersion":${a.pipelineVersion(k)}${date === undefined ? "" : `,"reportedDate":${date}`}${modality === undefined ? "" : `,"reportedModality":${modality}`}}`
    }
    return new RawJson(out + "]")
  }
}

/** What every node of a row with evidence shares: its annotations and the sources they quote. */
const provenance = (t: Tables, form: "objects" | "json") => {
  const positions = t.evidence.byRowId()
  const annotate = form === "objects" ? annotationObjects(t.evidence) : annotationJson(t.evidence)
  const sourceOf = t.evidence.cellFormatter("source_id", (v) => iri(v as string))
  return {
    evidence: (rowId: string) => annotate(positions.get(rowId) ?? []),
    derived: (rowId: string) => [...new Set((positions.get(rowId) ?? []).map(sourceOf))]
  }
}

type Provenance = ReturnType<typeof provenance>

/** A source: a news article (its text is texts/<source_id>.txt), dated at its precision. */
const sourceNode = (s: Tables["sources"][number]) => ({
  type: ["schema:NewsArticle", "prov:Entity"],
  id: iri(s.source_id),
  ...(s.published ? { datePublished: typedDate(s.published, s.published_precision, s.source_id) } : {}),
  identifier: s.source_id,
  name: s.title ?? s.file_name,
  sha256: s.text_sha256,
  ...(s.url ? { url: s.url } : {})
})

/** An entity, with the sources and spans that mention it. */
const entityNode = (e: Tables["entities"][number], p: Provenance) => ({
  type: [SCHEMA_TYPE[e.entity_type], "prov:Entity"],
  id: iri(e.entity_id),
  alternateName: e.aliases.filter((a) => a !== e.name),
  entityType: e.entity_type,
  evidence: p.evidence(e.entity_id),
  identifier: e.entity_id,
  ...(e.iso_alpha2 ? { isoAlpha2: e.iso_alpha2 } : {}),
  ...(e.iso_alpha3 ? { isoAlpha3: e.iso_alpha3 } : {}),
  name: e.name,
  ...(e.wikidata_qid ? { sameAs: `http://www.wikidata.org/entity/${e.wikidata_qid}` } : {}),
  wasDerivedFrom: p.derived(e.entity_id)
})

/** An event: its date (and the end of an interval) typed by precision, its participants by role. */
const eventNode = (e: Tables["events"][number], p: Provenance, roles: (role: string) => Array<string>) => ({
  type: ["schema:Event", "prov:Entity"],
  id: iri(e.event_id),
  actor: roles("actor"),
  cameoCode: e.cameo_code,
  confidence: decimal(e.confidence),
  dateConflict: e.date_conflict,
  datePrecision: e.date_precision,
  description: e.summary,
  ...(e.date_end ? { endDate: typedDate(e.date_end, e.date_precision, e.event_id) } : {}),
  eventType: e.event_type,
  evidence: p.evidence(e.event_id),
  identifier: e.event_id,
  ...(e.location_id ? { location: iri(e.location_id) } : {}),
  modality: e.modality,
  participant: roles("participant"),
  ploverType: e.plover_type,
  ...(e.date ? { startDate: typedDate(e.date, e.date_precision, e.event_id) } : {}),
  target: roles("target"),
  wasDerivedFrom: p.derived(e.event_id)
})

/** A participation (a row of event_participants): who took part in which event, in which role, and where it says so. */
const participationNode = (r: Tables["event_participants"][number], p: Provenance) => ({
  type: ["car:Participation", "prov:Entity"],
  id: iri(r.participant_id),
  entity: iri(r.entity_id),
  event: iri(r.event_id),
  evidence: p.evidence(r.participant_id),
  identifier: r.participant_id,
  role: r.role,
  wasDerivedFrom: p.derived(r.participant_id)
})

/** A relation between two entities. */
const relationNode = (r: Tables["relations"][number], p: Provenance) => ({
  type: ["car:Relation", "prov:Entity"],
  id: iri(r.relation_id),
  confidence: decimal(r.confidence),
  evidence: p.evidence(r.relation_id),
  identifier: r.relation_id,
  object: iri(r.object_id),
  predicate: r.predicate,
  ...(r.role_title ? { roleTitle: r.role_title } : {}),
  subject: iri(r.subject_id),
  wasDerivedFrom: p.derived(r.relation_id)
})

/** The node describing the release itself (a blank node: the dataset's name and version). */
const datasetNode = (version: string) => ({ type: "schema:Dataset", name: DATASET_NAME, version })

/**
 * The graph's nodes, one at a time: the dataset, then sources, entities, events, participations and relations, each
 * row with its evidence. Keys are written `type`, `id`, then the rest sorted (the order of the literals): the
 * streaming form of JSON-LD, which lets a streaming reader emit a node's triples without holding the node. With `json`, a node's evidence
 * is the JSON text of its annotations (for emitJsonLd).
 */
export function* graphNodes(
  t: Tables,
  version: string,
  form: "objects" | "json" = "objects"
): Generator<Record<string, unknown>> {
  const p = provenance(t, form)
  const partsOf = groupBy(t.event_participants, (r) => r.event_id)
  yield datasetNode(version)
  for (const s of t.sources) yield sourceNode(s)
  for (const e of t.entities) yield entityNode(e, p)
  for (const e of t.events) {
    const parts = partsOf.get(e.event_id) ?? []
    yield eventNode(e, p, (role) => parts.filter((r) => r.role === role).map((r) => iri(r.entity_id)))
  }
  for (const r of t.event_participants) yield participationNode(r, p)
  for (const r of t.relations) yield relationNode(r, p)
}

/** Build the release graph (all rows with their evidence) as one value. */
export const toJsonLd = (t: Tables, meta: { readonly version: string }): unknown => ({
  "@context": CONTEXT["@context"],
  graph: [...graphNodes(t, meta.version)]
})

/** The JSON text of each graph node, in order. */
function* nodeTexts(t: Tables, version: string): Generator<string, void> {
  for (const node of graphNodes(t, version, "json")) yield nodeJson(node)
}

/**
 * The most bytes of UTF-8 in one part of the release's JSON-LD: 64 MiB. A JavaScript string holds at most 2^29 - 24
 * UTF-16 units (V8), so one document of a 10,000-article release (1.3 GB) cannot be read by `JSON.parse`; a part of
 * 64 MiB is parsed in 1-4 s and expanded by jsonld.js offline in 4-16 s (docs/linked-data.md#parts).
 */
export const JSONLD_PART_BYTES = 64 * 2 ** 20

/** The path of part `n` (from 1) of the release's JSON-LD: release.jsonld, then release-2.jsonld, release-3.jsonld... */
export const jsonLdPartPath = (n: number): string => (n === 1 ? "release.jsonld" : `release-${n}.jsonld`)

/**
 * release.jsonld: the document of toJsonLd, written node by node, one graph node per line
 * (compact JSON; a release diff shows whole changed nodes). Never one string of the whole graph.
 */
export const jsonLdBytes = (t: Tables, meta: { readonly version: string }): Uint8Array =>
  joinBytes((push) => emitJsonLd(t, meta, push))

/** Push the text of release.jsonld as one document, whatever its size (see jsonLdBytes) piece by piece. */
export const emitJsonLd = (t: Tables, meta: { readonly version: string }, push: (s: string) => void): void => {
  emitJsonLdParts(t, meta, (_path, emit) => emit(push), Number.POSITIVE_INFINITY)
}

/**
 * Write the release's JSON-LD as parts of at most `cap` bytes (JSONLD_PART_BYTES in a build): the graph's nodes, in
 * their order, go into release.jsonld until the next one would take it past the cap, then into release-2.jsonld, and
 * so on. Each part is a whole document with the same inline context and one node per line, so the parts' triples
 * together are the single document's; the dataset node is the first part's first. A node larger than the cap is a
 * part alone. Under the cap there is one part, byte for byte the single document. Returns the number of parts.
 */
export const emitJsonLdParts = (
  t: Tables,
  meta: { readonly version: string },
  stream: (path: string, emit: (push: (s: string) => void) => void) => void,
  cap: number = JSONLD_PART_BYTES
): number => {
  const head = `{\n  "@context": ${JSON.stringify(CONTEXT["@context"])},\n  "graph": [`
  const tail = "\n  ]\n}\n"
  const frame = Buffer.byteLength(head) + Buffer.byteLength(tail)
  const texts = nodeTexts(t, meta.version)
  let next = texts.next()
  let parts = 0
  do {
    stream(jsonLdPartPath(++parts), (push) => {
      push(head)
      let bytes = frame
      for (let first = true; !next.done; first = false, next = texts.next()) {
        // the separator before a node: 5 bytes before the first, 6 before the others
        const size = Buffer.byteLength(next.value) + (first ? 5 : 6)
        if (!first && bytes + size > cap) break
        push(first ? "\n    " : ",\n    ")
        push(next.value)
        bytes += size
      }
      push(tail)
    })
  } while (!next.done)
  return parts
}
