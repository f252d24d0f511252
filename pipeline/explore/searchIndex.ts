/**
 * The explorer's search index: for each token of an entity's names, an event's summary, a source's title and every
 * evidence quote, the pages it finds. Shards are cut by the tokens' first characters, one more character wherever a
 * shard would pass SEARCH_SHARD_BYTES, so a query loads a small file per word whatever the size of the release. A
 * token found in more than COMMON_PAGES events or sources keeps only its entities and is listed as common (a query does
 * not filter events by it): its list would cost more than it tells. Postings hold page numbers, not ids; shards are
 * made one at a time, in key order, and a shard's postings are dropped once it is made.
 */
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { compareStrings } from "../shared/compare.js"
import { COMMON_PAGES, keyUnits, SEARCH_SHARD_BYTES, type SearchShard, searchFile, tokens } from "./format.js"

/** The pages of one token in one field (page numbers); `pages` null once it is common (then only entities are kept). */
interface Posting {
  pages: Set<number> | null
  readonly entities: Set<number>
}

type Field = Map<string, Posting>

/** Quotes up to this many characters (names, mostly) have their tokens remembered. */
const SHORT_QUOTE = 40

/** The postings of a release: page ids by number, and the tokens of names and of quotes. */
export interface Postings {
  readonly pages: ReadonlyArray<string>
  readonly terms: Field
  readonly quotes: Field
}

const post = (into: Field, words: ReadonlyArray<string>, page: number, entity: boolean) => {
  for (const t of words) {
    let p = into.get(t)
    if (p === undefined) {
      p = { pages: new Set(), entities: new Set() }
      into.set(t, p)
    }
    if (entity) p.entities.add(page)
    else if (p.pages !== null) {
      p.pages.add(page)
      if (p.pages.size > COMMON_PAGES) p.pages = null
    }
  }
}

/** Evidence rows read between two reports of progress. */
const QUOTES_PER_STEP = 100_000

/**
 * Every token of the tables, with its pages; `pageOfEvidence(k)` is the page evidence row k is shown on. Yields a
 * progress report (no files) every QUOTES_PER_STEP quotes.
 */
export function* postingsOf(
  t: ReleaseTables,
  pageOfEvidence: (k: number) => string
): Generator<{ readonly files: readonly []; readonly done: string }, Postings> {
  const pages = [
    ...t.entities.map((e) => e.entity_id),
    ...t.events.map((e) => e.event_id),
    ...t.sources.map((s) => s.source_id)
  ].sort(compareStrings)
  const number = new Map(pages.map((id, i) => [id, i]))
  const terms: Field = new Map()
  const quotes: Field = new Map()
  for (const e of t.entities)
    for (const name of [e.name, ...e.aliases]) post(terms, tokens(name), number.get(e.entity_id)!, true)
  for (const e of t.events) post(terms, tokens(e.summary), number.get(e.event_id)!, false)
  for (const s of t.sources)
    post(terms, tokens(`${s.title ?? ""} ${s.publisher ?? ""} ${s.file_name}`), number.get(s.source_id)!, false)
  // a short quote (a name, repeated down the column) is tokenised once
  const short = new Map<string, ReadonlyArray<string>>()
  const tokensOf = (q: string) => {
    if (q.length > SHORT_QUOTE) return tokens(q)
    let words = short.get(q)
    if (words === undefined) short.set(q, (words = tokens(q)))
    return words
  }
  const quote = t.evidence.cellFormatter("quote", (v) => v as string)
  for (let k = 0; k < t.evidence.length; k++) {
    const page = pageOfEvidence(k)
    post(quotes, tokensOf(quote(k)), number.get(page)!, page.startsWith("ent_"))
    if ((k + 1) % QUOTES_PER_STEP === 0)
      yield { files: [], done: `search: quotes ${Math.floor((100 * (k + 1)) / t.evidence.length)}%` }
  }
  return { pages, terms, quotes }
}

/** A token's estimated share of its shard's bytes: the token, and per page its position and (at most) its id. */
const tokenBytes = (p: Postings, token: string): number => {
  let pages = 0
  for (const f of [p.terms, p.quotes]) {
    const posting = f.get(token)
    if (posting !== undefined) pages += posting.entities.size + (posting.pages?.size ?? 0)
  }
  return token.length + 8 + pages * 26
}

/**
 * The shards' keys: the tokens (sorted) cut by their first character, and each part over `limit` bytes cut again
 * by the next one. A token that ends where its part is cut gets a shard of its own, keyed by its units and "-".
 */
export const shardKeys = (p: Postings, limit = SEARCH_SHARD_BYTES): Array<readonly [string, ReadonlyArray<string>]> => {
  const out: Array<readonly [string, ReadonlyArray<string>]> = []
  const cut = (words: ReadonlyArray<string>, depth: number, units: ReadonlyArray<string>) => {
    let bytes = 0
    for (const w of words) bytes += tokenBytes(p, w)
    if (bytes <= limit || depth >= 12) {
      out.push([searchFile(units), words])
      return
    }
    const parts = new Map<string, Array<string>>()
    for (const w of words) {
      const u = [...w].length > depth ? keyUnits(w, depth + 1)[depth]! : "-"
      const part = parts.get(u) ?? []
      part.push(w)
      parts.set(u, part)
    }
    for (const [u, part] of parts) cut(part, depth + 1, [...units, u])
  }
  cut([...new Set([...p.terms.keys(), ...p.quotes.keys()])].sort(compareStrings), 0, [])
  return out.sort(([a], [b]) => compareStrings(a, b))
}

/** The shard of `words`, its documents in id order; the words' postings are dropped from `p`. */
export const makeShard = (p: Postings, words: ReadonlyArray<string>): SearchShard => {
  const docs = new Map<number, number>()
  const lists: Array<readonly [string, "terms" | "quotes", Array<number>]> = []
  const common: Array<string> = []
  for (const token of words) {
    let isCommon = false
    for (const name of ["terms", "quotes"] as const) {
      const posting = p[name].get(token)
      if (posting === undefined) continue
      p[name].delete(token)
      if (posting.pages === null) isCommon = true
      const list = [...posting.entities, ...(posting.pages ?? [])]
      for (const d of list) docs.set(d, 0)
      if (list.length > 0) lists.push([token, name, list])
    }
    if (isCommon) common.push(token)
  }
  // page numbers follow id order, so sorting the numbers sorts the ids
  const order = [...docs.keys()].sort((a, b) => a - b)
  for (const [i, d] of order.entries()) docs.set(d, i)
  const terms: Record<string, Array<number>> = {}
  const quotes: Record<string, Array<number>> = {}
  for (const [token, name, list] of lists)
    (name === "terms" ? terms : quotes)[token] = list.map((d) => docs.get(d)!).sort((a, b) => a - b)
  return { docs: order.map((d) => p.pages[d]!), terms, quotes, common }
}
