/**
 * Stage 04 — resolve: per-article extractions → release tables. Entities join by canonical
 * key, events by blocking keys (mergeEvents.ts), relations by (predicate, subject, object,
 * role). Every row gets its evidence rows. Pure; never reads files.
 */
import type { ArticleExtraction } from "../../schemas/Extraction.js"
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
import { cameoCodeOf } from "../../schemas/Tables.js"
import type { Role, TextPolicy } from "../../schemas/vocab.js"
import { textPolicyOf } from "../01-ingest/sourceMeta.js"
import type { NormalisedSource } from "../02-normalise/Normalise.js"
import { codePointLength } from "../shared/codepoints.js"
import { compareStrings, sortBy } from "../shared/compare.js"
import { foldName } from "../text/names.js"
import {
  BLOCK_CAP,
  type BlockCut,
  blockKey,
  clusterBlock,
  clusterConflict,
  cutBlocks,
  type EventBlock,
  isClustering,
  mergeClusters
} from "./blocks.js"
import { type EvidenceSource, evidenceBuilder, type Reported } from "./evidenceTable.js"
import { clusterDate, clusterModality, type Report } from "./mergeEvents.js"
import { type Range, type ReportStore, reportStore, type StoredMention, type StoredSpan } from "./reportStore.js"

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

/**
 * Where each report of the previous release's events stood: "source_id|char_start|char_end|event_type|trigger" →
 * event_id.
 */
export type PreviousEventIds = ReadonlyMap<string, string>

/**
 * Key of an event report's span for id carry-over. Joined, not a template: a template's string is a tree of its pieces
 * (about 330 bytes a key where the flat string takes 120), and a build holds one key for each event report of the
 * previous release (280,000 at 10,000 articles).
 */
export const reportKey = (sourceId: string, start: number, end: number, type: string, trigger: string): string =>
  [sourceId, start, end, type, trigger].join("|")

/** What a release publishes of a source's text (01-ingest/sourceMeta.ts textPolicyOf, with the build's default). */
export type TextPolicyOf = (source: NormalisedSource) => TextPolicy

/** The text policy of a build whose `--texts` is `fallback`. */
export const textPolicies =
  (fallback: TextPolicy): TextPolicyOf =>
  (source) =>
    textPolicyOf(source.meta, fallback)

/**
 * Build the release tables from every article (order of `inputs` does not matter). Events keep
 * the id they had in the previous release when any of their reports was a report of that event.
 */
export const resolve = (
  inputs: ReadonlyArray<ResolveInput>,
  textPath: (sourceId: string) => string,
  previous: PreviousEventIds = new Map(),
  firstRelease: ReadonlyMap<string, number> = new Map(),
  policy: TextPolicyOf = textPolicies("full")
): ReleaseTables => {
  const r = makeResolver(textPath, previous, firstRelease, policy)
  for (const i of inputs) r.add(i)
  return r.finish()
}

/** What a source's evidence rows need of it. */
type SourceRef = EvidenceSource

/** Adds the evidence row of one span of a row (its id derived from the row, source, span and method). */
type AddEvidence = (
  rowId: string,
  table: EvidenceRow["row_table"],
  src: SourceRef,
  s: StoredSpan,
  method: string,
  confidence: number,
  reported?: Reported
) => void

/** An entity as its mentions so far make it. */
interface EntityAcc {
  key: string
  info: ArticleExtraction["entities"][number]
  aliases: Set<string>
  sources: Set<string>
  mentions: number
  confidence: number
}

/**
 * Per article: what finish() still needs (its place in the order of articles, the rows of its events and relations in
 * the report store).
 */
interface KeptArticle {
  readonly src: SourceRef
  readonly published: string | null
  readonly events: Range
  readonly relations: Range
}

/** An event report with its row in the report store. */
type StoredReport = Report & { readonly mention: StoredMention }

/** What making the event and relation rows reads and adds to: the entities, their ids, the evidence, the reports. */
interface Resolution {
  readonly ents: ReadonlyMap<string, EntityAcc>
  readonly entityIdOf: (key: string) => string
  readonly addEvidence: AddEvidence
  readonly store: ReportStore
}

/** How resolution runs: the most reports an event block holds (default BLOCK_CAP, blocks.ts; another only in tests). */
export interface ResolverOptions {
  readonly blockReports?: number
}

/**
 * resolve() one article at a time: `add` folds an article's source row and entity mentions in at
 * once and keeps only its event reports and relations (which need every article's entities, and
 * events the order of all articles), compactly in a report store (reportStore.ts), so an article's
 * extraction is not held after it; `blocks` cuts the event reports into blocks (blocks.ts) that may be
 * clustered anywhere; `finish` clusters the blocks not given, makes the tables and lets the store go.
 * The tables do not depend on the order of `add`, nor on where the blocks were clustered.
 */
export const makeResolver = (
  textPath: (sourceId: string) => string,
  previous: PreviousEventIds = new Map(),
  firstRelease: ReadonlyMap<string, number> = new Map(),
  policy: TextPolicyOf = textPolicies("full"),
  options: ResolverOptions = {}
) => {
  const evidence = evidenceBuilder()
  const entityIdOf = entityIds()
  const addEvidence: AddEvidence = (rowId, table, src, s, method, confidence, reported) =>
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
  const ents = new Map<string, EntityAcc>()
  const sources: Array<SourceRow> = []
  const kept: Array<KeptArticle> = []
  let store: ReportStore | null = reportStore()
  let cut: EventCut | null = null
  const cutNow = (): EventCut => (cut ??= cutEvents(kept, firstRelease, store!, options.blockReports ?? BLOCK_CAP))

  const add = ({ source, extraction }: ResolveInput): void => {
    const textPolicy = policy(source)
    sources.push(sourceRowOf(source, textPolicy === "full" ? textPath(source.sourceId) : null, textPolicy))
    const src: SourceRef = {
      sourceId: source.sourceId,
      textSha256: source.textSha256,
      text: source.text
    }
    const infos = new Map(extraction.entities.map((e) => [e.key, e]))
    for (const m of extraction.mentions) {
      addMention(ents, infos.get(m.key)!, m, src.sourceId)
      addEvidence(entityIdOf(m.key), "entities", src, m.span, m.method, m.confidence)
    }
    const rows = store!.addArticle(src, extraction.events, extraction.relations)
    kept.push({ src, published: source.published.value, ...rows })
  }

  /** After the last `add`: the event reports cut into blocks. */
  const blocks = (): ReadonlyArray<EventBlock> => cutNow().blocks

  /** `clustered[i]`: clusterBlock(blocks()[i]) computed anywhere; omitted, computed here. */
  const finish = (clustered?: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>): ReleaseTables => {
    const byBlock = cutNow()
    const clusters = eventClusters(byBlock, clustered ?? byBlock.blocks.map(clusterBlock))
    const resolution: Resolution = { ents, entityIdOf, addEvidence, store: store! }
    // events before relations: the evidence of an id added twice is kept as first added
    const { events, participants } = eventRowsOf(byBlock.docs, clusters, previous, resolution)
    const relations = relationRowsOf(byBlock.docs, resolution)
    // the reports are in the rows now: let them go before the tables are checked and published
    store = null
    cut = null
    kept.length = 0
    return {
      sources: sortBy(sources, (r) => r.source_id),
      entities: sortBy(entityRowsOf(ents, entityIdOf), (r) => r.entity_id),
      events: sortBy(events, (r) => r.event_id),
      event_participants: sortBy(participants, (r) => r.participant_id),
      relations: sortBy(relations, (r) => r.relation_id),
      evidence: evidence.finish()
    }
  }
  /** How the blocks were cut: the cap, components split by year and parts cut into runs over it. */
  const blockCounts = (): Omit<BlockCut, "members"> & { readonly cap: number } => {
    const { splitByYear, cutIntoRuns } = cutNow()
    return { cap: options.blockReports ?? BLOCK_CAP, splitByYear, cutIntoRuns }
  }
  return { add, blocks, blockCounts, finish }
}

/** The event reports in release order (`docs`, `reports`) cut into blocks (blocks.ts). */
interface EventCut extends BlockCut {
  readonly docs: ReadonlyArray<KeptArticle>
  readonly reports: ReadonlyArray<StoredReport>
  readonly blocks: ReadonlyArray<EventBlock>
}

/**
 * The articles' event reports in release order, cut into blocks of at most `cap` reports (over it, by the year of the
 * report's date, else of its article's publication).
 */
const cutEvents = (
  kept: Array<KeptArticle>,
  firstRelease: ReadonlyMap<string, number>,
  store: ReportStore,
  cap: number
): EventCut => {
  const docs = inReleaseOrder(kept, firstRelease)
  const reports: Array<StoredReport> = []
  docs.forEach(({ src, events }, order) => {
    for (let row = events.from; row < events.to; row++)
      reports.push({ sourceId: src.sourceId, order, mention: store.mention(row) })
  })
  const yearOf = (i: number) => {
    const r = reports[i]!
    return (r.mention.date.value ?? docs[r.order]!.published)?.slice(0, 4) ?? ""
  }
  const c = cutBlocks(reports, cap, yearOf)
  const blocks = c.members.map((m): EventBlock => {
    const rs = m.map((i) => reports[i]!)
    return { key: blockKey(rs), reports: rs }
  })
  return { ...c, docs, reports, blocks }
}

/** A cluster of event reports as its rows read it. */
interface EventCluster {
  readonly reports: ReadonlyArray<StoredReport>
  readonly type: StoredMention["type"]
  readonly conflict: boolean
}

/** The clusters of every block (`clustered[i]` of block i), in the order clusterEvents gives over all reports. */
const eventClusters = (
  cut: EventCut,
  clustered: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>
): Array<EventCluster> => {
  if (clustered.length !== cut.blocks.length)
    throw new Error(`${clustered.length} blocks clustered for ${cut.blocks.length} blocks (a pipeline bug)`)
  cut.blocks.forEach((b, i) => {
    if (!isClustering(b.reports.length, clustered[i]))
      throw new Error(`block ${i} (${b.key}): not a clustering of its ${b.reports.length} reports (a pipeline bug)`)
  })
  return mergeClusters(cut.members, clustered).map((c) => {
    const reports = c.map((i) => cut.reports[i]!)
    return { reports, type: reports[0]!.mention.type, conflict: clusterConflict(reports.map((r) => r.mention)) }
  })
}

/** The sources row of an article. */
const sourceRowOf = (s: NormalisedSource, textPath: string | null, textPolicy: TextPolicy): SourceRow => ({
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
  text_path: textPath,
  text_policy: textPolicy,
  char_count: codePointLength(s.text),
  boilerplate: s.boilerplate.map((b) => b.text),
  boilerplate_kinds: s.boilerplate.map((b) => b.kind)
})

/** Folds one entity mention into its entity. */
const addMention = (
  ents: Map<string, EntityAcc>,
  info: ArticleExtraction["entities"][number],
  m: ArticleExtraction["mentions"][number],
  sourceId: string
): void => {
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
  acc.sources.add(sourceId)
  acc.mentions++
  acc.confidence = Math.max(acc.confidence, m.confidence)
  ents.set(m.key, acc)
}

/**
 * The articles in a stable order: by the release they first appeared in (so earlier releases' events
 * keep their reports, new reports only join or found events, and rebuilding changes nothing), then by
 * publication date, then by source id.
 */
const inReleaseOrder = (
  kept: Array<KeptArticle>,
  firstRelease: ReadonlyMap<string, number>
): ReadonlyArray<KeptArticle> => {
  const rank = (id: string) => firstRelease.get(id) ?? Number.MAX_SAFE_INTEGER
  return kept.sort(
    (a, b) =>
      rank(a.src.sourceId) - rank(b.src.sourceId) ||
      compareStrings(a.published ?? "9999", b.published ?? "9999") ||
      compareStrings(a.src.sourceId, b.src.sourceId)
  )
}

/** The entities rows. */
const entityRowsOf = (ents: ReadonlyMap<string, EntityAcc>, entityIdOf: (key: string) => string): Array<EntityRow> =>
  [...ents.values()].map((a) => ({
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

/** The events and event_participants rows of the clusters, with their evidence. */
const eventRowsOf = (
  docs: ReadonlyArray<KeptArticle>,
  clusters: ReadonlyArray<EventCluster>,
  previous: PreviousEventIds,
  resolution: Resolution
): { events: Array<EventRow>; participants: Array<ParticipantRow> } => {
  const bySource = new Map(docs.map((d) => [d.src.sourceId, d.src]))
  const eventIds = assignEventIds(clusters, previous, resolution.store)
  const events: Array<EventRow> = []
  const participants = new Map<string, ParticipantRow>()
  for (const [ci, c] of clusters.entries()) {
    const event: ClusterEvent = { cluster: c, eventId: eventIds[ci]!, date: clusterDate(c), roles: clusterRoles(c) }
    events.push(eventRowOf(event, resolution))
    for (const r of c.reports) addReport(r, event, bySource.get(r.sourceId)!, participants, resolution)
  }
  return { events, participants: [...participants.values()] }
}

/** A cluster with what its rows share: its id, date and each participant's role. */
interface ClusterEvent {
  readonly cluster: EventCluster
  readonly eventId: string
  readonly date: ReturnType<typeof clusterDate>
  readonly roles: ReadonlyMap<string, Role>
}

/** Each participant's role in a cluster: the first of actor, target, participant any report gives it. */
const clusterRoles = (c: EventCluster): Map<string, Role> => {
  const roles = new Map<string, Role>()
  for (const r of c.reports)
    for (const p of r.mention.participants) {
      const prev = roles.get(p.key)
      if (!prev || ROLE_RANK.indexOf(p.role) < ROLE_RANK.indexOf(prev)) roles.set(p.key, p.role)
    }
  return roles
}

/** The events row of a cluster (type, trigger and codes from its founding report). */
const eventRowOf = (
  { cluster: c, eventId, date, roles }: ClusterEvent,
  { ents, entityIdOf, store }: Resolution
): EventRow => {
  const location = c.reports.map((r) => r.mention.location).find((l) => l !== null) ?? null
  const names = (role: Role) =>
    [...roles]
      .filter(([, r]) => r === role)
      .map(([k]) => ents.get(k)?.info.name ?? k)
      .sort(compareStrings)
  const founding = c.reports[0]!.mention
  const actorNames = names("actor")
  const targetNames = names("target")
  return {
    event_id: eventId,
    event_type: c.type,
    cameo_code: cameoCodeOf(store.cameo(founding.row)),
    plover_type: store.plover(founding.row),
    summary: `${c.type} (${founding.trigger})${actorNames.length ? `: ${actorNames.join(", ")}` : ""}${targetNames.length ? ` → ${targetNames.join(", ")}` : ""}`,
    trigger: founding.trigger,
    date: date.value,
    date_start: firstDay(date.value),
    date_end: date.end ?? null,
    date_precision: date.precision,
    modality: clusterModality(c),
    location_id: location !== null && ents.has(location) ? entityIdOf(location) : null,
    source_count: new Set(c.reports.map((r) => r.sourceId)).size,
    evidence_count: c.reports.reduce((n, r) => n + store.spanCount(r.mention.row), 0),
    date_conflict: c.conflict,
    confidence: round(c.reports.reduce((x, r) => Math.max(x, store.confidence(r.mention.row)), -Infinity))
  }
}

/** One report of an event: its spans' evidence, and its participants' rows and evidence. */
const addReport = (
  r: StoredReport,
  { cluster: c, eventId, date, roles }: ClusterEvent,
  src: SourceRef,
  participants: Map<string, ParticipantRow>,
  { ents, entityIdOf, addEvidence, store }: Resolution
): void => {
  const row = r.mention.row
  const confidence = store.confidence(row)
  // the report's own date conflicts when the cluster's dates conflict and its date disagrees with the event's
  const conflict =
    c.conflict &&
    r.mention.date.value !== null &&
    date.value !== null &&
    !(date.value.startsWith(r.mention.date.value) || r.mention.date.value.startsWith(date.value))
  const method = store.method(row)
  for (const s of store.spans(row))
    addEvidence(eventId, "events", src, s, method, confidence, {
      reported_date: r.mention.date.value,
      reported_precision: r.mention.date.precision,
      reported_modality: r.mention.modality,
      conflict
    })
  for (const [k, p] of r.mention.participants.entries()) {
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
    addEvidence(pid, "event_participants", src, store.participantSpan(row, k), "event.participant.v1", confidence)
  }
}

/** The relations rows (one per predicate, subject, object and folded role), with their evidence. */
const relationRowsOf = (
  docs: ReadonlyArray<KeptArticle>,
  { ents, entityIdOf, addEvidence, store }: Resolution
): Array<RelationRow> => {
  const rels = new Map<string, RelationRow & { sources: Set<string> }>()
  for (const { src: source, relations: found } of docs) {
    for (let i = found.from; i < found.to; i++) {
      const r = store.relation(i)
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
  return [...rels.values()].map(({ sources: _s, ...row }) => row)
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/**
 * Event ids: a cluster holding reports of a previous event keeps that event's id (the previous
 * event with most shared reports wins; a tie goes to the smaller id; an id is given once);
 * otherwise the id is minted from the founding report (source id, span start, type), salted when
 * that id is already given (the split-off part of a previous event founded by its founding report).
 */
const assignEventIds = (
  clusters: ReadonlyArray<EventCluster>,
  previous: PreviousEventIds,
  store: ReportStore
): Array<string> => {
  const claims = clusters.map((c) => {
    // a first release (or eval): no previous event to claim, no report key to make
    if (previous.size === 0) return []
    const votes = new Map<string, number>()
    // keyed with the event's trigger too: one clause can report two events of one type ("the war ... and the crisis
    // ...")
    const trigger = c.reports[0]!.mention.trigger
    for (const r of c.reports)
      for (const s of store.spans(r.mention.row)) {
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
    const start = store.spans(founder.mention.row)[0]!.start
    let id = keep ? keep[0] : deriveId("evt", founder.sourceId, start, founder.mention.type)
    // the part split off a previous event may be founded by that event's founding report: never give an id twice
    // (clusters without claims come last, so a free previous id minted again is a genuine match)
    for (let salt = 1; !keep && taken.has(id); salt++)
      id = deriveId("evt", founder.sourceId, start, founder.mention.type, "split", salt)
    taken.add(id)
    ids[i] = id
  }
  return ids
}
