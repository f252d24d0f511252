/**
 * The explorer's data, generated from a release's tables at build time, in batches: the entity, event and source
 * records and their search labels one shard at a time (shards cut by the ids' first hex digits), then the search
 * shards one at a time, then the index. A batch's files are handed on and dropped before the next is made, so a build
 * holds the lookups and the search postings, never every record. Pure: tables in, files out, in a fixed order (the same
 * tables give the same bytes). Texts are not copied: the page reads the release's own texts/ files.
 */
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { compareStrings } from "../shared/compare.js"
import { type ExplorerIndex, MAX_ENTITY_EVENTS, type ReleaseInfo, shardOf, shardWidth } from "./format.js"
import { type Lookups, lookupsOf } from "./lookups.js"
import { entityRecord, eventRecord, reportReader, searchLabel, sourceRecord, spanReader } from "./records.js"
import { makeShard, type Postings, postingsOf, shardKeys } from "./searchIndex.js"

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v))

/** Some of the explorer's files (paths relative to explorer/), and how far the generation is ("events 12%"). */
export interface Batch {
  readonly files: ReadonlyArray<readonly [string, Uint8Array]>
  readonly done: string
}

type Kind = "entities" | "events" | "sources"

/** Rows per batch of a kind's shards: a batch is handed on once it holds about this many records. */
const BATCH_ROWS = 2_000

/** The shards of `ids` (sorted, so a shard's ids follow each other), with their record files and label files. */
function* recordBatches(
  kind: Kind,
  ids: ReadonlyArray<string>,
  width: number,
  l: Lookups,
  record: (id: string) => unknown
): Generator<Batch> {
  const sorted = [...ids].sort(compareStrings)
  let files: Array<readonly [string, Uint8Array]> = []
  let rows = 0
  for (let i = 0; i < sorted.length; ) {
    const key = shardOf(sorted[i]!, width)
    const records: Record<string, unknown> = {}
    const labels: Record<string, string> = {}
    for (; i < sorted.length && shardOf(sorted[i]!, width) === key; i++, rows++) {
      records[sorted[i]!] = record(sorted[i]!)
      labels[sorted[i]!] = searchLabel(l, sorted[i]!)
    }
    files.push([`data/${kind}/${key}.json`, enc(records)], [`data/labels/${kind}/${key}.json`, enc(labels)])
    if (rows >= BATCH_ROWS || i === sorted.length) {
      yield { files, done: `${kind} ${Math.floor((100 * i) / sorted.length)}%` }
      files = []
      rows = 0
    }
  }
}

/** The search shards, one batch each (the postings, made first, are given up shard by shard). */
function* searchBatches(p: Postings): Generator<Batch, ReadonlyArray<string>> {
  const keys = shardKeys(p)
  for (const [i, [file, words]] of keys.entries())
    yield { files: [[`data/search/${file}.json`, enc(makeShard(p, words))]], done: `search ${i + 1}/${keys.length}` }
  return keys.map(([file]) => file)
}

/**
 * The shard widths of each kind, from its rows and an estimate of its records' bytes (measured on the bench release:
 * about 140 bytes per event an entity lists, 300 per event plus 75 per report, 300 per source plus 60 per span).
 */
const shardWidths = (t: ReleaseTables) => {
  const events = new Map<string, number>()
  for (const p of t.event_participants) events.set(p.entity_id, (events.get(p.entity_id) ?? 0) + 1)
  let listed = 0
  for (const n of events.values()) listed += Math.min(MAX_ENTITY_EVENTS, n)
  return {
    entities: shardWidth(t.entities.length, 140 * listed),
    events: shardWidth(t.events.length, 300 * t.events.length + 75 * t.evidence.length),
    sources: shardWidth(t.sources.length, 300 * t.sources.length + 60 * t.evidence.length)
  }
}

/** Every data file of the explorer (paths relative to explorer/), in batches. */
export function* dataBatches(t: ReleaseTables, release: ReleaseInfo): Generator<Batch> {
  const l = lookupsOf(t)
  yield { files: [], done: "lookups" }
  const widths = shardWidths(t)
  const ids = <R>(rows: ReadonlyArray<R>, id: (r: R) => string) => rows.map(id)
  yield* recordBatches(
    "entities",
    ids(t.entities, (e) => e.entity_id),
    widths.entities,
    l,
    (id) => entityRecord(t, l, id)
  )
  const report = reportReader(t)
  yield* recordBatches(
    "events",
    ids(t.events, (e) => e.event_id),
    widths.events,
    l,
    (id) => eventRecord(t, l, report, id)
  )
  const span = spanReader(t, l)
  yield* recordBatches(
    "sources",
    ids(t.sources, (s) => s.source_id),
    widths.sources,
    l,
    (id) => sourceRecord(l, span, id)
  )
  const postings = yield* postingsOf(t, l.pageOfEvidence)
  const search = yield* searchBatches(postings)
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
    searchShards: search.length
  }
  yield {
    files: [
      ["data/search-keys.json", enc(search)],
      ["data/index.json", enc(index)]
    ],
    done: "index"
  }
}
