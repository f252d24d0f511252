/**
 * Stage 04 — resolve: per-article extractions → release tables. Entities join by canonical
 * key, events by blocking keys (mergeEvents.ts), relations by (predicate, subject, object,
 * role). Every row gets its evidence rows. Pure; never reads files.
 */
import type { ArticleExtraction, Span } from "../../schemas/Extraction.js"
import { deriveId } from "../../schemas/ids.js"
import type {
  EntityRow,
  EventRow,
  EvidenceRow,
  ParticipantRow,
  RelationRow,
  ReleaseTables,
  SourceRow
} from "../../schemas/ReleaseTables.js"
import type { Role } from "../../schemas/vocab.js"
import type { NormalisedSource } from "../02-normalise/Normalise.js"
import { codePointLength } from "../shared/codepoints.js"
import { compareStrings, sortBy } from "../shared/compare.js"
import { foldName } from "../text/names.js"
import { type EvidenceSource, evidenceBuilder, type Reported } from "./evidenceTable.js"
import { clusterDate, clusterEvents, clusterModality, type Report } from "./mergeEvents.js"

/** One article with its extraction. */
export interface ResolveInput {
  readonly source: NormalisedSource
  readonly extraction: ArticleExtraction
}

/** Entity id from a canonical key: gazetteer id, or pattern type + folded name. */
export const entityIdOf = (key: string): string => deriveId("ent", key)

/** entityIdOf with its results kept for one resolution (one key is mentioned many times). */
const entityIds = (): ((key: string) => string) => {
  const ids = new Map<string, string>()
  return (key) => {
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = entityIdOf(key)))
    return id
  }
}

const firstDay = (d: string | null): string | null =>
  d === null ? null : d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d

const ROLE_RANK: ReadonlyArray<Role> = ["actor", "target", "participant"]

/** Where each report of the previous release's events stood: "source_id|char_start|char_end|event_type|trigger" → event_id. */
export type PreviousEventIds = ReadonlyMap<string, string>

/** Key of an event report's span for id carry-over. */
export const reportKey = (sourceId: string, start: number, end: number, type: string, trigger: string): string =>
  `${sourceId}|${start}|${end}|${type}|${trigger}`

/**
 * Build the release tables from every article (order of `inputs` does not matter). Events keep
 * the id they had in the previous release when any of their reports was a report of that event.
 */
export const resolve = (
  inputs: ReadonlyArray<ResolveInput>,
  textPath: (sourceId: string) => string,
  previous: PreviousEventIds = new Map(),
  firstRelease: ReadonlyMap<string, number> = new Map()
): ReleaseTables => {
  const r = makeResolver(textPath, previous, firstRelease)
  for (const i of inputs) r.add(i)
  return r.finish()
}

/** What a source's evidence rows need of it. */
type SourceRef = EvidenceSource

/**
 * resolve() one article at a time: `add` folds an article's source row and entity mentions in at
 * once and keeps only its event reports and relations (which need every article's entities, and
 * events the order of all articles), so an article's extraction is not held until the end;
 * `finish` clusters the events and makes the tables. The tables do not depend on the order of `add`.
 */
export const makeResolver = (
  textPath: (sourceId: string) => string,
  previous: PreviousEventIds = new Map(),
  firstRelease: ReadonlyMap<string, number> = new Map()
) => {
  const evidence = evidenceBuilder()
  const entityIdOf = entityIds()
  const addEvidence = (
    rowId: string,
    table: EvidenceRow["row_table"],
    src: SourceRef,
    s: Span,
    method: string,
    confidence: number,
    reported?: Reported
  ) =>
    evidence.add(
      deriveId("evd", rowId, src.sourceId, s.start, s.end, method),
      rowId,
      table,
      src,
      s,
      method,
      round(confidence),
      reported
    )
  type Acc = {
    key: string
    info: ArticleExtraction["entities"][number]
    aliases: Set<string>
    sources: Set<string>
    mentions: number
    confidence: number
  }
  const ents = new Map<string, Acc>()
  const sources: Array<SourceRow> = []
  /** Per article: what finish() still needs (its place in the order of articles, its events and relations). */
  const kept: Array<{
    readonly src: SourceRef
    readonly published: string | null
    readonly events: ArticleExtraction["events"]
    readonly relations: ArticleExtraction["relations"]
  }> = []

  const add = ({ source: s, extraction }: ResolveInput): void => {
    sources.push({
      source_id: s.sourceId,
      file_name: s.file,
      title: s.title,
      publisher: s.meta.publisher,
      url: s.meta.url,
      published: s.published.value,
      published_date: firstDay(s.published.value),
      published_precision: s.published.precision,
      published_basis: s.published.basis,
      published_note: s.published.note,
      language: s.meta.language,
      licence: s.meta.licence,
      metadata_origin: s.meta.origin,
      raw_sha256: s.rawSha256,
      text_sha256: s.textSha256,
      text_path: textPath(s.sourceId),
      char_count: codePointLength(s.text),
      boilerplate: s.boilerplate.map((b) => b.text),
      boilerplate_kinds: s.boilerplate.map((b) => b.kind)
    })
    const src: SourceRef = {
      sourceId: s.sourceId,
      textSha256: s.textSha256,
      text: s.text
    }
    const infos = new Map(extraction.entities.map((e) => [e.key, e]))
    for (const m of extraction.mentions) {
      const info = infos.get(m.key)!
      const acc = ents.get(m.key) ?? {
        key: m.key,
        info,
        aliases: new Set<string>(),
        sources: new Set<string>(),
        mentions: 0,
        confidence: 0
      }
      // the longest name wins, ties to the smallest string: independent of the order of articles
      if (
        info.detection === "pattern" &&
        (info.name.length > acc.info.name.length ||
          (info.name.length === acc.info.name.length && info.name < acc.info.name))
      )
        acc.info = info
      acc.aliases.add(m.span.quote)
      acc.sources.add(src.sourceId)
      acc.mentions++
      acc.confidence = Math.max(acc.confidence, m.confidence)
      ents.set(m.key, acc)
      addEvidence(entityIdOf(m.key), "entities", src, m.span, m.method, m.confidence)
    }
    kept.push({
      src,
      published: s.published.value,
      events: extraction.events,
      relations: extraction.relations
    })
  }

  const finish = (): ReleaseTables => {
    // a stable order: sources by the release they first appeared in (so earlier releases' events keep
    // their reports, new reports only join or found events, and rebuilding changes nothing), then by
    // publication date, then by source id
    const rank = (id: string) => firstRelease.get(id) ?? Number.MAX_SAFE_INTEGER
    const docs = kept.sort(
      (a, b) =>
        rank(a.src.sourceId) - rank(b.src.sourceId) ||
        compareStrings(a.published ?? "9999", b.published ?? "9999") ||
        compareStrings(a.src.sourceId, b.src.sourceId)
    )
    return tablesOf(docs)
  }

  const tablesOf = (docs: typeof kept): ReleaseTables => {
    const entities: Array<EntityRow> = [...ents.values()].map((a) => ({
      entity_id: entityIdOf(a.key),
      entity_type: a.info.type,
      name: a.info.name,
      aliases: [...new Set([a.info.name, ...a.aliases])].sort(compareStrings),
      iso_alpha2: a.info.iso2,
      iso_alpha3: a.info.iso3,
      wikidata_qid: a.info.wikidata,
      gazetteer_key: a.info.gazetteerKey,
      detection: a.info.detection,
      confidence: round(a.confidence),
      source_count: a.sources.size,
      mention_count: a.mentions
    }))

    // -- events
    const bySource = new Map(docs.map((d) => [d.src.sourceId, d.src]))
    const reports: Array<Report> = []
    docs.forEach(({ src, events }, order) => {
      for (const mention of events) reports.push({ sourceId: src.sourceId, order, mention })
    })
    const clusters = clusterEvents(reports)
    const eventIds = assignEventIds(clusters, previous)
    const events: Array<EventRow> = []
    const participants = new Map<string, ParticipantRow>()
    for (const [ci, c] of clusters.entries()) {
      const founder = c.reports[0]!
      const eventId = eventIds[ci]!
      const date = clusterDate(c)
      const roles = new Map<string, Role>()
      for (const r of c.reports)
        for (const p of r.mention.participants) {
          const prev = roles.get(p.key)
          if (!prev || ROLE_RANK.indexOf(p.role) < ROLE_RANK.indexOf(prev)) roles.set(p.key, p.role)
        }
      const location = c.reports.map((r) => r.mention.location).find((l) => l !== null) ?? null
      const names = (role: Role) =>
        [...roles]
          .filter(([, r]) => r === role)
          .map(([k]) => ents.get(k)?.info.name ?? k)
          .sort(compareStrings)
      const m0 = founder.mention
      const actorNames = names("actor")
      const targetNames = names("target")
      events.push({
        event_id: eventId,
        event_type: c.type,
        cameo_code: m0.cameo,
        plover_type: m0.plover,
        summary: `${c.type} (${m0.trigger})${actorNames.length ? `: ${actorNames.join(", ")}` : ""}${targetNames.length ? ` → ${targetNames.join(", ")}` : ""}`,
        trigger: m0.trigger,
        date: date.value,
        date_start: firstDay(date.value),
        date_end: date.end ?? null,
        date_precision: date.precision,
        modality: clusterModality(c),
        location_id: location !== null && ents.has(location) ? entityIdOf(location) : null,
        source_count: new Set(c.reports.map((r) => r.sourceId)).size,
        evidence_count: c.reports.reduce((n, r) => n + r.mention.spans.length, 0),
        date_conflict: c.conflict,
        confidence: round(c.reports.reduce((x, r) => Math.max(x, r.mention.confidence), -Infinity))
      })
      for (const r of c.reports) {
        const src = bySource.get(r.sourceId)!
        const conflict =
          c.conflict &&
          r.mention.date.value !== null &&
          date.value !== null &&
          !(date.value.startsWith(r.mention.date.value) || r.mention.date.value.startsWith(date.value))
        for (const s of r.mention.spans)
          addEvidence(eventId, "events", src, s, r.mention.method, r.mention.confidence, {
            reported_date: r.mention.date.value,
            reported_precision: r.mention.date.precision,
            reported_modality: r.mention.modality,
            conflict
          })
        for (const p of r.mention.participants) {
          if (!ents.has(p.key)) continue
          const role = roles.get(p.key)!
          const entityId = entityIdOf(p.key)
          const pid = deriveId("par", eventId, entityId)
          participants.set(pid, {
            participant_id: pid,
            event_id: eventId,
            entity_id: entityId,
            role
          })
          addEvidence(pid, "event_participants", src, p.span, "event.participant.v1", r.mention.confidence)
        }
      }
    }

    // -- relations
    const rels = new Map<string, RelationRow & { sources: Set<string> }>()
    for (const { src: source, relations: found } of docs) {
      for (const r of found) {
        if (!ents.has(r.subject) || !ents.has(r.object)) continue
        const subjectId = entityIdOf(r.subject)
        const objectId = entityIdOf(r.object)
        const roleKey = r.role === null ? null : foldName(r.role)
        const id = deriveId("rel", r.predicate, subjectId, objectId, roleKey)
        const prev = rels.get(id)
        const row = prev ?? {
          relation_id: id,
          predicate: r.predicate,
          subject_id: subjectId,
          object_id: objectId,
          role_title: r.role,
          source_count: 0,
          confidence: 0,
          sources: new Set<string>()
        }
        row.sources.add(source.sourceId)
        row.source_count = row.sources.size
        // the role as written: the smallest surface form, independent of the order of articles
        if (r.role !== null && row.role_title !== null && r.role < row.role_title) row.role_title = r.role
        row.confidence = round(Math.max(row.confidence, r.confidence))
        rels.set(id, row)
        addEvidence(id, "relations", source, r.span, r.method, r.confidence)
      }
    }
    const relations: Array<RelationRow> = [...rels.values()].map(({ sources: _s, ...row }) => row)

    return {
      sources: sortBy(sources, (r) => r.source_id),
      entities: sortBy(entities, (r) => r.entity_id),
      events: sortBy(events, (r) => r.event_id),
      event_participants: sortBy([...participants.values()], (r) => r.participant_id),
      relations: sortBy(relations, (r) => r.relation_id),
      evidence: evidence.finish()
    }
  }
  return { add, finish }
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/**
 * Event ids: a cluster holding reports of a previous event keeps that event's id (the previous
 * event with most shared reports wins; a tie goes to the smaller id; an id is given once);
 * otherwise the id is minted from the founding report (source id, span start, type), salted when
 * that id is already given (the split-off part of a previous event founded by its founding report).
 */
const assignEventIds = (
  clusters: ReadonlyArray<ReturnType<typeof clusterEvents>[number]>,
  previous: PreviousEventIds
): Array<string> => {
  const claims = clusters.map((c) => {
    const votes = new Map<string, number>()
    // keyed with the event's trigger too: one clause can report two events of one type ("the war ... and the crisis ...")
    const trigger = c.reports[0]!.mention.trigger
    for (const r of c.reports)
      for (const s of r.mention.spans) {
        const old = previous.get(reportKey(r.sourceId, s.start, s.end, r.mention.type, trigger))
        if (old) votes.set(old, (votes.get(old) ?? 0) + 1)
      }
    return [...votes].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
  })
  const taken = new Set<string>()
  // strongest claims first, so a split event's id goes to the part with most of its reports
  const order = clusters.map((_, i) => i).sort((a, b) => (claims[b]![0]?.[1] ?? 0) - (claims[a]![0]?.[1] ?? 0) || a - b)
  const ids: Array<string> = new Array(clusters.length)
  for (const i of order) {
    const keep = claims[i]!.find(([id]) => !taken.has(id))
    const founder = clusters[i]!.reports[0]!
    let id = keep ? keep[0] : deriveId("evt", founder.sourceId, founder.mention.spans[0]!.start, founder.mention.type)
    // the part split off a previous event may be founded by that event's founding report: never give an id twice
    // (clusters without claims come last, so a free previous id minted again is a genuine match)
    for (let salt = 1; !keep && taken.has(id); salt++)
      id = deriveId("evt", founder.sourceId, founder.mention.spans[0]!.start, founder.mention.type, "split", salt)
    taken.add(id)
    ids[i] = id
  }
  return ids
}
