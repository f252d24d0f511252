/**
 * The explorer's search index: for each token of an entity's names, an event's summary, a source's title and every
 * evidence quote, the pages it finds, in shards keyed by the token's first characters (a query loads one shard per
 * word). A token found in more than COMMON_PAGES events or sources keeps only its entities and is listed as common
 * (a query does not filter events by it): its list would cost more than it tells. Pure and ordered.
 */
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { compareStrings } from "../shared/compare.js"
import type { Lookups } from "./dataFiles.js"
import { COMMON_PAGES, type SearchShard, searchPrefix, searchShardOf, tokens } from "./format.js"

/** The pages of one token in one field; null once it is common (then only its entities are kept). */
interface Posting {
  pages: Set<string> | null
  readonly entities: Set<string>
}

type Field = Map<string, Posting>

const post = (into: Field, text: string, id: string) => {
  const entity = id.startsWith("ent_")
  for (const t of tokens(text)) {
    let p = into.get(t)
    if (p === undefined) {
      p = { pages: new Set(), entities: new Set() }
      into.set(t, p)
    }
    if (entity) p.entities.add(id)
    else if (p.pages !== null) {
      p.pages.add(id)
      if (p.pages.size > COMMON_PAGES) p.pages = null
    }
  }
}

/** Every search shard by key, keys in order, and the prefix length that keys them. */
export const searchShards = (
  t: ReleaseTables,
  l: Lookups,
  subjectOf: ReadonlyMap<string, string>
): { prefix: number; shards: Map<string, SearchShard> } => {
  const terms: Field = new Map()
  const quotes: Field = new Map()
  for (const e of t.entities) for (const name of [e.name, ...e.aliases]) post(terms, name, e.entity_id)
  for (const e of t.events) post(terms, e.summary, e.event_id)
  for (const s of t.sources) post(terms, `${s.title ?? ""} ${s.publisher ?? ""} ${s.file_name}`, s.source_id)
  const quote = t.evidence.cellFormatter("quote", (v) => v as string)
  const rowId = t.evidence.cellFormatter("row_id", (v) => v as string)
  const rowTable = t.evidence.cellFormatter("row_table", (v) => v as string)
  for (let k = 0; k < t.evidence.length; k++) {
    const [id, table] = [rowId(k), rowTable(k)]
    const page =
      table === "event_participants" ? l.participantEvent.get(id)! : table === "relations" ? subjectOf.get(id)! : id
    post(quotes, quote(k), page)
  }
  const keys = [...new Set([...terms.keys(), ...quotes.keys()])].sort(compareStrings)
  const prefix = searchPrefix(keys.length)
  const shards = new Map<string, Building>()
  for (const token of keys) {
    const key = searchShardOf(token, prefix)
    const shard: Building = shards.get(key) ?? { docs: [], pos: new Map(), terms: {}, quotes: {}, common: [] }
    shards.set(key, shard)
    let common = false
    for (const [name, field] of [
      ["terms", terms],
      ["quotes", quotes]
    ] as const) {
      const p = field.get(token)
      if (p === undefined) continue
      if (p.pages === null) common = true
      const ids = [...p.entities, ...(p.pages ?? [])].sort(compareStrings)
      if (ids.length > 0) shard[name][token] = ids.map((id) => docIndex(shard, id))
    }
    if (common) shard.common.push(token)
  }
  return { prefix, shards: new Map([...shards].sort(([a], [b]) => compareStrings(a, b)).map(([k, s]) => [k, done(s)])) }
}

/** A shard being built: its documents in order of first use, and their positions. */
interface Building {
  readonly docs: Array<string>
  readonly pos: Map<string, number>
  readonly terms: Record<string, Array<number>>
  readonly quotes: Record<string, Array<number>>
  readonly common: Array<string>
}

const docIndex = (shard: Building, id: string): number => {
  const at = shard.pos.get(id)
  if (at !== undefined) return at
  shard.pos.set(id, shard.docs.length)
  shard.docs.push(id)
  return shard.docs.length - 1
}

/** A built shard: documents in id order, positions renumbered to match. */
const done = (s: Building): SearchShard => {
  const order = s.docs.map((id, i) => [id, i] as const).sort(([a], [b]) => compareStrings(a, b))
  const renumber = new Map(order.map(([, old], i) => [old, i]))
  const remap = (m: Record<string, Array<number>>) =>
    Object.fromEntries(
      Object.entries(m).map(([tok, ids]) => [tok, ids.map((i) => renumber.get(i)!).sort((a, b) => a - b)])
    )
  return { docs: order.map(([id]) => id), terms: remap(s.terms), quotes: remap(s.quotes), common: s.common }
}

/** The label a search result shows for each page, by id. */
export const labelsOf = (t: ReleaseTables): Array<readonly [string, string]> => [
  ...t.entities.map((e) => [e.entity_id, `${e.name} (${e.entity_type.replace("_", " ")})`] as const),
  ...t.events.map((e) => [e.event_id, e.date === null ? e.summary : `${e.summary}, ${e.date}`] as const),
  ...t.sources.map((s) => [s.source_id, `${s.title ?? s.file_name}${s.publisher ? `, ${s.publisher}` : ""}`] as const)
]
