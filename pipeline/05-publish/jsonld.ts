/**
 * JSON-LD for the whole release (release.jsonld, then release-2.jsonld... past 64 MiB): sources, entities, events,
 * participations and relations as schema.org / PROV-O nodes with absolute IRIs, dates typed by their precision, and
 * every evidence row as a W3C Web Annotation (TextPositionSelector and TextQuoteSelector on its source). The context
 * is inline (jsonldContext.ts), so no reader fetches anything; docs/linked-data.md says what each node holds.
 */

import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { DATASET_NAME } from "../../schemas/version.js"
import { ByteWriter, jsonBytes } from "./jsonBytes.js"
import { CONTEXT, decimal, iri, typedDate } from "./jsonldContext.js"
import { annotationObjects, annotationWriter } from "./jsonldEvidence.js"

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

/** A node's value written by a function (a node's evidence, written from the evidence columns without objects). */
class Written {
  constructor(readonly write: (w: ByteWriter) => void) {}
}

/** `"key":` of each key, encoded once. */
const keyBytes = new Map<string, Buffer>()

/** JSON.stringify of a node whose values may be Written, into `w`. */
const writeNode = (w: ByteWriter, node: Record<string, unknown>): void => {
  w.byte(0x7b)
  let first = true
  for (const k in node) {
    const v = node[k]
    if (v === undefined) continue
    if (!first) w.byte(0x2c)
    first = false
    let key = keyBytes.get(k)
    if (key === undefined) keyBytes.set(k, (key = jsonBytes({ [k]: 0 }).subarray(1, -2)))
    w.bytes(key)
    if (v instanceof Written) v.write(w)
    else if (typeof v === "string") w.jsonString(v)
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
      w.byte(0x5b)
      for (let j = 0; j < v.length; j++) {
        if (j > 0) w.byte(0x2c)
        w.jsonString(v[j])
      }
      w.byte(0x5d)
    } else w.utf8(JSON.stringify(v))
  }
  w.byte(0x7d)
}

/** What every node of a row with evidence shares: its annotations and the sources they quote. */
const provenance = (t: Tables, form: "objects" | "json") => {
  const byRowId = t.evidence.byRowId()
  // a node asks for its row's evidence twice (evidence, wasDerivedFrom): the positions of the last row are kept
  let last: { rowId: string; positions: ReadonlyArray<number> } = { rowId: "", positions: [] }
  const positionsOf = (rowId: string): ReadonlyArray<number> => {
    if (last.rowId !== rowId) last = { rowId, positions: byRowId.get(rowId) ?? [] }
    return last.positions
  }
  const annotate =
    form === "objects"
      ? annotationObjects(t.evidence)
      : (() => {
          const write = annotationWriter(t.evidence)
          return (positions: ReadonlyArray<number>) => new Written((w) => write(w, positions))
        })()
  const sourceOf = t.evidence.cellFormatter("source_id", (v) => iri(v as string))
  return {
    evidence: (rowId: string) => annotate(positionsOf(rowId)),
    derived: (rowId: string) => [...new Set(positionsOf(rowId).map(sourceOf))]
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
 * is written as bytes (for emitJsonLdParts).
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
export const jsonLdBytes = (t: Tables, meta: { readonly version: string }): Uint8Array => {
  const chunks: Array<Buffer> = []
  emitJsonLdParts(t, meta, (_path, emit) => emit((chunk) => chunks.push(Buffer.from(chunk))), Number.POSITIVE_INFINITY)
  return Buffer.concat(chunks)
}

/** Bytes handed on a megabyte at a time (a larger piece on its own), through one reused buffer. */
const piecewise = (out: (chunk: Uint8Array) => void) => {
  const buffer = Buffer.allocUnsafe(PIECE)
  let used = 0
  const flush = () => {
    if (used > 0) out(buffer.subarray(0, used))
    used = 0
  }
  const put = (b: Uint8Array) => {
    if (used + b.length > PIECE) flush()
    if (b.length > PIECE) out(b)
    else {
      buffer.set(b, used)
      used += b.length
    }
  }
  return { put, flush }
}

const PIECE = 1 << 20

/**
 * Write the release's JSON-LD as parts of at most `cap` bytes (JSONLD_PART_BYTES in a build): the graph's nodes, in
 * their order, go into release.jsonld until the next one would take it past the cap, then into release-2.jsonld, and
 * so on. Each part is a whole document with the same inline context and one node per line, so the parts' triples
 * together are the single document's; the dataset node is the first part's first. A node larger than the cap is a
 * part alone. Under the cap there is one part, byte for byte the single document. Returns the number of parts. Each
 * node is written as UTF-8 into one reused buffer (its size is then known without measuring a string), and each part
 * is handed to `stream` as chunks that are valid until `out` returns.
 */
export const emitJsonLdParts = (
  t: Tables,
  meta: { readonly version: string },
  stream: (path: string, emit: (out: (chunk: Uint8Array) => void) => void) => void,
  cap: number = JSONLD_PART_BYTES
): number => {
  const head = Buffer.from(`{\n  "@context": ${JSON.stringify(CONTEXT["@context"])},\n  "graph": [`, "utf8")
  const tail = Buffer.from("\n  ]\n}\n", "utf8")
  // the separator before a node: 5 bytes before the first, 6 before the others
  const [before, between] = [Buffer.from("\n    "), Buffer.from(",\n    ")]
  const frame = head.length + tail.length
  const node = new ByteWriter()
  const nodes = graphNodes(t, meta.version, "json")
  let next = nodes.next()
  const write = () => {
    node.reset()
    if (!next.done) writeNode(node, next.value)
  }
  write()
  let parts = 0
  do {
    stream(jsonLdPartPath(++parts), (out) => {
      const part = piecewise(out)
      part.put(head)
      let bytes = frame
      for (let first = true; !next.done; first = false, next = nodes.next(), write()) {
        const size = node.pos + (first ? before.length : between.length)
        if (!first && bytes + size > cap) break
        part.put(first ? before : between)
        part.put(node.view())
        bytes += size
      }
      part.put(tail)
      part.flush()
    })
  } while (!next.done)
  return parts
}
