/**
 * The explorer's data, generated from a release's tables at build time: an index, search shards keyed by a token's
 * first characters, and entity, event and source records sharded by id. Pure: tables in, files out, in a fixed order
 * (the same tables give the same bytes). Texts are not copied: the page reads the release's own texts/ files.
 */
import type { EntityRow, EventRow, EvidenceRow, ReleaseTables, SourceRow } from "../../schemas/ReleaseTables.js"
import { compareStrings } from "../shared/compare.js"
import {
  type EntityRecord,
  type EventRecord,
  type EventRef,
  type ExplorerIndex,
  kindOf,
  MAX_ENTITY_EVENTS,
  type RelationRef,
  type ReleaseInfo,
  type Report,
  type SourceLabel,
  type SourceRecord,
  type Span,
  shardOf,
  shardWidth
} from "./format.js"
import { labelsOf, searchShards } from "./searchIndex.js"

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))

/** Records grouped into shard files `<dir>/<shard>.json`, each an object by id (ids in order). */
const sharded = <T extends { readonly id: string }>(dir: string, records: ReadonlyArray<T>, width: number) => {
  const shards = new Map<string, Record<string, T>>()
  for (const r of [...records].sort((a, b) => compareStrings(a.id, b.id))) {
    const key = shardOf(r.id, width)
    const shard = shards.get(key) ?? {}
    shard[r.id] = r
    shards.set(key, shard)
  }
  return [...shards].map(([key, shard]) => [`data/${dir}/${key}.json`, enc(shard)] as const)
}

/** What the records are made from: the tables, with lookups built once. */
export interface Lookups {
  readonly entity: ReadonlyMap<string, EntityRow>
  readonly event: ReadonlyMap<string, EventRow>
  readonly source: ReadonlyMap<string, SourceRow>
  /** The event of each participant row. */
  readonly participantEvent: ReadonlyMap<string, string>
  /** Evidence rows by the id of the row they support. */
  readonly evidenceOf: (rowId: string) => ReadonlyArray<EvidenceRow>
}

/** The lookups of a release's tables. */
export const lookupsOf = (t: ReleaseTables): Lookups => {
  const byRow = t.evidence.byRowId()
  return {
    entity: new Map(t.entities.map((e) => [e.entity_id, e])),
    event: new Map(t.events.map((e) => [e.event_id, e])),
    source: new Map(t.sources.map((s) => [s.source_id, s])),
    participantEvent: new Map(t.event_participants.map((p) => [p.participant_id, p.event_id])),
    evidenceOf: (rowId) => (byRow.get(rowId) ?? []).map((k) => t.evidence.at(k)!)
  }
}

/** The page a span links to: an entity or event page (participants open their event; relations, their subject). */
export const pageOf = (row: EvidenceRow, l: Lookups, subjectOf: ReadonlyMap<string, string>): string =>
  row.row_table === "event_participants"
    ? (l.participantEvent.get(row.row_id) ?? row.row_id)
    : row.row_table === "relations"
      ? (subjectOf.get(row.row_id) ?? row.row_id)
      : row.row_id

const entityRecords = (t: ReleaseTables, l: Lookups): Array<EntityRecord> => {
  const events = new Map<string, Array<EventRef>>()
  for (const p of t.event_participants) {
    const e = l.event.get(p.event_id)!
    const list = events.get(p.entity_id) ?? []
    list.push([e.event_id, p.role, e.event_type, e.date, e.date_end, e.date_precision, e.modality, e.summary])
    events.set(p.entity_id, list)
  }
  const relations = new Map<string, Array<RelationRef>>()
  const add = (id: string, ref: RelationRef) => relations.set(id, [...(relations.get(id) ?? []), ref])
  for (const r of t.relations) {
    const [s, o] = [l.entity.get(r.subject_id)!, l.entity.get(r.object_id)!]
    add(s.entity_id, [r.relation_id, r.predicate, "out", o.entity_id, o.name, r.role_title, r.source_count])
    add(o.entity_id, [r.relation_id, r.predicate, "in", s.entity_id, s.name, r.role_title, r.source_count])
  }
  const byDate = (a: EventRef, b: EventRef) => compareStrings(a[3] ?? "~", b[3] ?? "~") || compareStrings(a[0], b[0])
  // an entity in very many events lists those with the most sources (then the latest)
  const sources = (id: string) => l.event.get(id)!.source_count
  const kept = (refs: Array<EventRef>) =>
    refs.length <= MAX_ENTITY_EVENTS
      ? refs
      : refs
          .sort(
            (a, b) =>
              sources(b[0]) - sources(a[0]) || compareStrings(b[3] ?? "", a[3] ?? "") || compareStrings(a[0], b[0])
          )
          .slice(0, MAX_ENTITY_EVENTS)
  return t.entities.map((e) => ({
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
    eventCount: (events.get(e.entity_id) ?? []).length,
    events: kept(events.get(e.entity_id) ?? []).sort(byDate),
    relations: (relations.get(e.entity_id) ?? []).sort((a, b) => compareStrings(`${a[1]} ${a[4]}`, `${b[1]} ${b[4]}`))
  }))
}

/** How other pages name a source. */
export const sourceLabel = (s: SourceRow): SourceLabel => [s.title ?? s.file_name, s.publisher, s.published]

const eventRecords = (t: ReleaseTables, l: Lookups): Array<EventRecord> => {
  const participants = new Map<string, Array<readonly [string, string, string, string]>>()
  for (const p of t.event_participants) {
    const e = l.entity.get(p.entity_id)!
    participants.set(p.event_id, [
      ...(participants.get(p.event_id) ?? []),
      [e.entity_id, e.name, e.entity_type, p.role]
    ])
  }
  return t.events.map((e) => {
    const reports: Array<Report> = [...l.evidenceOf(e.event_id)]
      .sort((a, b) => compareStrings(a.source_id, b.source_id) || a.char_start - b.char_start)
      .map((r) => [
        r.evidence_id,
        r.source_id,
        r.char_start,
        r.char_end,
        r.method,
        r.reported_date,
        r.reported_precision,
        r.reported_modality,
        r.conflict
      ])
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
      participants: participants.get(e.event_id) ?? [],
      reports,
      sourceLabels: Object.fromEntries(
        [...new Set(reports.map((r) => r[1]))].sort(compareStrings).map((s) => [s, sourceLabel(l.source.get(s)!)])
      )
    }
  })
}

/** A page's label: the entity's name, or the event's summary. */
const labelOf = (page: string, l: Lookups): string => l.entity.get(page)?.name ?? l.event.get(page)?.summary ?? page

/** A span before its values are numbered: evidence id, start, end, table, page, method. */
type FullSpan = readonly [string, number, number, string, string, string]

/** The distinct values, sorted, and a function numbering them. */
const numbered = (values: Iterable<string>) => {
  const list = [...new Set(values)].sort(compareStrings)
  const at = new Map(list.map((v, i) => [v, i]))
  return { list, at: (v: string) => at.get(v)! }
}

const sourceRecords = (t: ReleaseTables, l: Lookups, subjectOf: ReadonlyMap<string, string>): Array<SourceRecord> => {
  const spans = new Map<string, Array<FullSpan>>()
  for (const row of t.evidence) {
    const list = spans.get(row.source_id) ?? []
    list.push([row.evidence_id, row.char_start, row.char_end, row.row_table, pageOf(row, l, subjectOf), row.method])
    spans.set(row.source_id, list)
  }
  const order = (a: FullSpan, b: FullSpan) => a[1] - b[1] || b[2] - a[2] || compareStrings(a[0], b[0])
  return t.sources.map((s) => {
    const own = (spans.get(s.source_id) ?? []).sort(order)
    const [tables, pages, methods] = [3, 4, 5].map((k) => numbered(own.map((sp) => sp[k] as string)))
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
      spans: own.map((sp): Span => [sp[0], sp[1], sp[2], tables!.at(sp[3]), pages!.at(sp[4]), methods!.at(sp[5])]),
      tables: tables!.list,
      pages: pages!.list.map((p) => [p, labelOf(p, l)] as const),
      methods: methods!.list
    }
  })
}

/** The labels search results show, in files `data/labels/<kind>/<shard>.json` cut like the records. */
const labelFiles = (t: ReleaseTables, widths: ExplorerIndex["shards"]): Array<readonly [string, Uint8Array]> => {
  const files = new Map<string, Record<string, string>>()
  for (const [id, label] of labelsOf(t).sort(([a], [b]) => compareStrings(a, b))) {
    const path = `data/labels/${kindOf(id)}/${shardOf(id, widths[kindOf(id)])}.json`
    const file = files.get(path) ?? {}
    file[id] = label
    files.set(path, file)
  }
  return [...files].map(([path, labels]) => [path, enc(labels)] as const)
}

/** Every data file of the explorer (paths relative to explorer/), in path order. */
export const dataFiles = (t: ReleaseTables, release: ReleaseInfo): Array<readonly [string, Uint8Array]> => {
  const l = lookupsOf(t)
  const subjectOf = new Map(t.relations.map((r) => [r.relation_id, r.subject_id]))
  const widths = {
    entities: shardWidth(t.entities.length),
    events: shardWidth(t.events.length),
    sources: shardWidth(t.sources.length)
  }
  const search = searchShards(t, l, subjectOf)
  const index: ExplorerIndex = {
    release,
    counts: {
      sources: t.sources.length,
      entities: t.entities.length,
      events: t.events.length,
      event_participants: t.event_participants.length,
      relations: t.relations.length,
      evidence: t.evidence.length
    },
    shards: widths,
    searchPrefix: search.prefix,
    search: [...search.shards.keys()]
  }
  const files: Array<readonly [string, Uint8Array]> = [
    ["data/index.json", enc(index)],
    ...sharded("entities", entityRecords(t, l), widths.entities),
    ...sharded("events", eventRecords(t, l), widths.events),
    ...sharded("sources", sourceRecords(t, l, subjectOf), widths.sources),
    ...[...search.shards].map(([key, shard]) => [`data/search/${key}.json`, enc(shard)] as const),
    ...labelFiles(t, widths)
  ]
  return files.sort(([a], [b]) => compareStrings(a, b))
}
