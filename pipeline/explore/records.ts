/**
 * One record of the explorer's data per entity, event and source (what its page shows), and the label search results
 * show for it. Each is made from the lookups (lookups.ts) for one id, so the generator holds one shard's records at a
 * time. Pure.
 */
import type { EvidenceRow, ReleaseTables, SourceRow } from "../../schemas/ReleaseTables.js"
import { compareStrings } from "../shared/compare.js"
import {
  type EntityRecord,
  type EventRecord,
  type EventRef,
  MAX_ENTITY_EVENTS,
  type RelationRef,
  type Report,
  type SourceLabel,
  type SourceRecord,
  type Span
} from "./format.js"
import type { Lookups } from "./lookups.js"

/** How other pages name a source. */
export const sourceLabel = (s: SourceRow): SourceLabel => [s.title ?? s.file_name, s.publisher, s.published]

const byDate = (a: EventRef, b: EventRef) => compareStrings(a[3] ?? "~", b[3] ?? "~") || compareStrings(a[0], b[0])

/** The record of entity `id`: its events (those with the most sources, then the latest, past MAX_ENTITY_EVENTS). */
export const entityRecord = (t: ReleaseTables, l: Lookups, id: string): EntityRecord => {
  const e = l.entity.get(id)!
  const sources: Array<number> = []
  const refs = l.participantsOfEntity(id).map((k): EventRef => {
    const p = t.event_participants[k]!
    const v = l.event.get(p.event_id)!
    sources.push(v.source_count)
    return [v.event_id, p.role, v.event_type, v.date, v.date_end, v.date_precision, v.modality, v.summary]
  })
  // (positions sorted, not the refs: each ref's sources are read once, not at every comparison)
  const kept =
    refs.length <= MAX_ENTITY_EVENTS
      ? refs
      : refs
          .map((_, i) => i)
          .sort(
            (a, b) =>
              sources[b]! - sources[a]! ||
              compareStrings(refs[b]![3] ?? "", refs[a]![3] ?? "") ||
              compareStrings(refs[a]![0], refs[b]![0])
          )
          .slice(0, MAX_ENTITY_EVENTS)
          .map((i) => refs[i]!)
  const relations = l.relationsOf(id).map(([k, dir]): RelationRef => {
    const r = t.relations[k]!
    const other = l.entity.get(dir === "out" ? r.object_id : r.subject_id)!
    return [r.relation_id, r.predicate, dir, other.entity_id, other.name, r.role_title, r.source_count]
  })
  return {
    id: e.entity_id,
    type: e.entity_type,
    name: e.name,
    aliases: e.aliases,
    iso2: e.iso_alpha2,
    iso3: e.iso_alpha3,
    qid: e.wikidata_qid,
    detection: e.detection,
    confidence: e.confidence,
    sources: e.source_count,
    mentions: e.mention_count,
    eventCount: refs.length,
    events: kept.sort(byDate),
    relations: relations.sort((a, b) => compareStrings(`${a[1]} ${a[4]}`, `${b[1]} ${b[4]}`))
  }
}

/** A reader of the reports of evidence rows (the evidence columns read without making rows or cutting quotes). */
export const reportReader = (t: ReleaseTables): ((k: number) => Report) => {
  const col = <A>(name: keyof EvidenceRow) => t.evidence.cellFormatter(name, (v) => v as A)
  const [id, source, start, end] = [
    col<string>("evidence_id"),
    col<string>("source_id"),
    col<number>("char_start"),
    col<number>("char_end")
  ]
  const [method, date, precision, modality] = [
    col<string>("method"),
    col<string | null>("reported_date"),
    col<string | null>("reported_precision"),
    col<string | null>("reported_modality")
  ]
  const conflict = col<boolean>("conflict")
  return (k) => [id(k), source(k), start(k), end(k), method(k), date(k), precision(k), modality(k), conflict(k)]
}

/** The record of event `id`: participants with roles, every report, and the labels of the reports' sources. */
export const eventRecord = (t: ReleaseTables, l: Lookups, report: (k: number) => Report, id: string): EventRecord => {
  const e = l.event.get(id)!
  const participants = l.participantsOfEvent(id).map((k) => {
    const p = t.event_participants[k]!
    const n = l.entity.get(p.entity_id)!
    return [n.entity_id, n.name, n.entity_type, p.role] as const
  })
  const reports = l
    .evidenceOf(id)
    .map((k) => report(k))
    .sort((a, b) => compareStrings(a[1], b[1]) || a[2] - b[2])
  const location = e.location_id === null ? null : l.entity.get(e.location_id)!
  return {
    id: e.event_id,
    type: e.event_type,
    cameo: e.cameo_code,
    plover: e.plover_type,
    summary: e.summary,
    trigger: e.trigger,
    date: e.date,
    dateEnd: e.date_end,
    precision: e.date_precision,
    modality: e.modality,
    location: location === null ? null : [location.entity_id, location.name],
    sources: e.source_count,
    conflict: e.date_conflict,
    confidence: e.confidence,
    participants,
    reports,
    sourceLabels: Object.fromEntries(
      [...new Set(reports.map((r) => r[1]))].sort(compareStrings).map((s) => [s, sourceLabel(l.source.get(s)!)])
    )
  }
}

/** A page's label on a source page: the entity's name, or the event's summary. */
const pageLabel = (page: string, l: Lookups): string => l.entity.get(page)?.name ?? l.event.get(page)?.summary ?? page

/** The distinct values, sorted, and a function numbering them. */
const numbered = (values: Iterable<string>) => {
  const list = [...new Set(values)].sort(compareStrings)
  const at = new Map(list.map((v, i) => [v, i]))
  return { list, at: (v: string) => at.get(v)! }
}

/** Readers of the evidence columns a span needs (a repeated value is formatted once), and of its page. */
export const spanReader = (t: ReleaseTables, l: Lookups) => {
  const col = <A>(name: keyof EvidenceRow) => t.evidence.cellFormatter(name, (v) => v as A)
  return {
    id: col<string>("evidence_id"),
    start: col<number>("char_start"),
    end: col<number>("char_end"),
    table: col<string>("row_table"),
    page: l.pageOfEvidence,
    method: col<string>("method")
  }
}

/** The record of source `id`: its spans in text order, their repeated values written once. */
export const sourceRecord = (l: Lookups, span: ReturnType<typeof spanReader>, id: string): SourceRecord => {
  const s = l.source.get(id)!
  const rows = l.evidenceOfSource(id)
  const [starts, ends] = [rows.map((k) => span.start(k)), rows.map((k) => span.end(k))]
  // by start, longest first, then by id (rows are in evidence_id order: the row order is the ids' order)
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]! || rows[a]! - rows[b]!)
  const [tables, pages, methods] = [span.table, span.page, span.method].map((read) =>
    numbered(rows.map((k) => read(k)))
  )
  return {
    id: s.source_id,
    fileName: s.file_name,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    published: s.published,
    precision: s.published_precision,
    textPath: s.text_path,
    chars: s.char_count,
    spans: order.map((i): Span => {
      const k = rows[i]!
      return [
        span.id(k),
        starts[i]!,
        ends[i]!,
        tables!.at(span.table(k)),
        pages!.at(span.page(k)),
        methods!.at(span.method(k))
      ]
    }),
    tables: tables!.list,
    pages: pages!.list.map((p) => [p, pageLabel(p, l)] as const),
    methods: methods!.list
  }
}

/** The label a search result shows for a page. */
export const searchLabel = (l: Lookups, id: string): string => {
  const e = l.entity.get(id)
  if (e !== undefined) return `${e.name} (${e.entity_type.replace("_", " ")})`
  const v = l.event.get(id)
  if (v !== undefined) return v.date === null ? v.summary : `${v.summary}, ${v.date}`
  const s = l.source.get(id)!
  return `${s.title ?? s.file_name}${s.publisher ? `, ${s.publisher}` : ""}`
}
