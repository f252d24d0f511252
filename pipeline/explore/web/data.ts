/// <reference lib="dom" />
/**
 * The explorer's reads: its own data files (data/…) and the release's files (../…), each fetched once. Only relative
 * URLs: every request goes to the host the page came from.
 */
import type { EntityRecord, EventRecord, ExplorerIndex, SearchShard, SourceRecord } from "../format.js"
import { kindOf, shardMayHold, shardOf } from "../format.js"

const cache = new Map<string, Promise<unknown>>()

const get = <T>(url: string, read: (r: Response) => Promise<T>): Promise<T> => {
  let p = cache.get(url) as Promise<T> | undefined
  if (p === undefined) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`)
      return read(r)
    })
    cache.set(url, p)
  }
  return p
}

/** A JSON file. */
export const json = <T>(url: string): Promise<T> => get(url, (r) => r.json() as Promise<T>)

/** A text file (UTF-8). */
export const text = (url: string): Promise<string> => get(url, (r) => r.text())

/** A file of the release itself (outside explorer/). */
export const releaseUrl = (path: string): string => `../${path}`

/** explorer/data/index.json. */
export const index = (): Promise<ExplorerIndex> => json<ExplorerIndex>("data/index.json")

const record =
  <T>(kind: "entities" | "events" | "sources") =>
  async (id: string): Promise<T | null> => {
    const width = (await index()).shards[kind]
    const shard = await json<Record<string, T>>(`data/${kind}/${shardOf(id, width)}.json`)
    return Object.hasOwn(shard, id) ? shard[id]! : null
  }

/** An entity's record, or null. */
export const entity = record<EntityRecord>("entities")
/** An event's record, or null. */
export const event = record<EventRecord>("events")
/** A source's record, or null. */
export const source = record<SourceRecord>("sources")

/**
 * The search shards that may hold words starting with `word`: one, unless the word is shorter than the keys of the
 * shards cut finest (then every shard under it); none when the release has no such word (nothing is fetched then).
 */
export const searchShards = async (word: string): Promise<ReadonlyArray<SearchShard>> => {
  const keys = await json<ReadonlyArray<string>>("data/search-keys.json")
  return Promise.all(
    keys.filter((file) => shardMayHold(file, word)).map((file) => json<SearchShard>(`data/search/${file}.json`))
  )
}

/** The label of a page (search results show it). */
export const label = async (id: string): Promise<string> => {
  const kind = kindOf(id)
  const file = await json<Record<string, string>>(
    `data/labels/${kind}/${shardOf(id, (await index()).shards[kind])}.json`
  )
  return file[id] ?? id
}
