/**
 * A query against the search shards: every word of the query (folded, as the index was) must match the start of a
 * word of the page's names or summary, or of one of its quotes. A common word (in more than COMMON_PAGES events or
 * sources) filters entities only. Pages matched by name rank first, then entities, events, sources. Pure given a
 * shard loader; tested in Node.
 */
import { type SearchShard, tokens } from "../format.js"

/** A page found: its id, and whether every word matched its names or summary (not only quotes). */
export interface Hit {
  readonly id: string
  readonly byName: boolean
}

/** The pages found, best first, and the words that filtered entities only (common words). */
export interface Found {
  readonly hits: ReadonlyArray<Hit>
  readonly common: ReadonlyArray<string>
}

const KIND_ORDER: Record<string, number> = { ent: 0, evt: 1, src: 2 }

/** What one word finds in its shards: pages by name, pages by quote, and whether it is common. */
const wordMatches = (shards: ReadonlyArray<SearchShard>, word: string) => {
  const collect = (field: "terms" | "quotes") => {
    const out = new Set<string>()
    for (const shard of shards)
      for (const [token, docs] of Object.entries(shard[field]))
        if (token.startsWith(word)) for (const d of docs) out.add(shard.docs[d]!)
    return out
  }
  return {
    names: collect("terms"),
    quotes: collect("quotes"),
    common: shards.some((shard) => shard.common.some((t) => t.startsWith(word)))
  }
}

/** The pages matching every word of `query`, best first; `load` gives the shards that may hold a word. */
export const runQuery = async (
  query: string,
  load: (word: string) => Promise<ReadonlyArray<SearchShard>>
): Promise<Found> => {
  const words = tokens(query)
  const matches: Array<{ word: string } & ReturnType<typeof wordMatches>> = []
  for (const word of words) {
    const shards = await load(word)
    if (shards.length === 0) return { hits: [], common: [] }
    matches.push({ word, ...wordMatches(shards, word) })
  }
  if (matches.length === 0) return { hits: [], common: [] }
  const common = matches.filter((m) => m.common)
  const rare = matches.filter((m) => !m.common)
  // candidates: what the rare words all find, or (every word common) the entities the first one finds
  const first = rare[0] ?? matches[0]!
  const candidates = [...new Set([...first.names, ...first.quotes])].filter(
    (id) => rare.length > 0 || id.startsWith("ent_")
  )
  const passes = (id: string, m: (typeof matches)[number]) =>
    m.names.has(id) || m.quotes.has(id) || (m.common && !id.startsWith("ent_"))
  const hits = candidates
    .filter((id) => matches.every((m) => passes(id, m)))
    .map((id) => ({ id, byName: matches.every((m) => m.names.has(id) || (m.common && !id.startsWith("ent_"))) }))
    .sort(
      (a, b) =>
        Number(b.byName) - Number(a.byName) ||
        KIND_ORDER[a.id.slice(0, 3)]! - KIND_ORDER[b.id.slice(0, 3)]! ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
  return { hits, common: common.map((m) => m.word) }
}
