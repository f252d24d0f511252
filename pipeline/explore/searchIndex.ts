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
import { groupPositions } from "./lookups.js"
import { scanTokens } from "./scanTokens.js"

/**
 * The pages of one token in one field (page numbers, ascending, each once): its entities, and its other pages until
 * there are more than COMMON_PAGES of them (then null: only entities are kept).
 */
interface Posting {
  readonly entities: Array<number>
  pages: Array<number> | null
  /** The page posted last (pages are posted in ascending order, so a page already listed is this one). */
  last: number
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

/** Post `words` (which may repeat) to `page`, which is no lower than any page posted to `into` before. */
const post = (into: Field, words: ReadonlyArray<string>, page: number, entity: boolean) => {
  for (const t of words) {
    let p = into.get(t)
    if (p === undefined) into.set(t, (p = { entities: [], pages: [], last: -1 }))
    if (p.last === page) continue
    p.last = page
    if (entity) p.entities.push(page)
    else if (p.pages !== null) {
      p.pages.push(page)
      if (p.pages.length > COMMON_PAGES) p.pages = null
    }
  }
}

/** Evidence rows read between two reports of progress. */
const QUOTES_PER_STEP = 100_000

/**
 * Every token of the tables, with its pages; `pageOfEvidence(k)` is the page evidence row k is shown on. Names and
 * quotes are read page by page, in page order (so a posting lists each page once without a set of them). Yields a
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
  // the names of each page, in page order
  const names: Array<readonly [number, ReadonlyArray<string>, boolean]> = []
  for (const e of t.entities)
    for (const name of [e.name, ...e.aliases]) names.push([number.get(e.entity_id)!, tokens(name), true])
  for (const e of t.events) names.push([number.get(e.event_id)!, tokens(e.summary), false])
  for (const s of t.sources)
    names.push([number.get(s.source_id)!, tokens(`${s.title ?? ""} ${s.publisher ?? ""} ${s.file_name}`), false])
  for (const [page, words, entity] of names.sort((a, b) => a[0] - b[0])) post(terms, words, page, entity)
  // the quotes of each page, in page order (a row shown on no page is left out)
  const n = t.evidence.length
  const pageOfRow = new Int32Array(n)
  for (let k = 0; k < n; k++) pageOfRow[k] = number.get(pageOfEvidence(k)) ?? -1
  const byPage = groupPositions(n, pages.length, (k) => pageOfRow[k]!)
  const entityPage = pages.map((id) => id.startsWith("ent_"))
  // a short quote (a name, repeated down the column) is tokenised once
  const short = new Map<string, ReadonlyArray<string>>()
  const tokensOf = (q: string) => {
    if (q.length > SHORT_QUOTE) return scanTokens(q)
    let words = short.get(q)
    if (words === undefined) short.set(q, (words = scanTokens(q)))
    return words
  }
  const quote = t.evidence.cellFormatter("quote", (v) => v as string)
  let read = 0
  for (let page = 0; page < pages.length; page++)
    for (let j = byPage.starts[page]!; j < byPage.starts[page + 1]!; j++) {
      post(quotes, tokensOf(quote(byPage.positions[j]!)), page, entityPage[page]!)
      if (++read % QUOTES_PER_STEP === 0) yield { files: [], done: `search: quotes ${Math.floor((100 * read) / n)}%` }
    }
  return { pages, terms, quotes }
}

/** A token's estimated share of its shard's bytes: the token, and per page its position and (at most) its id. */
const tokenBytes = (p: Postings, token: string): number => {
  let pages = 0
  for (const f of [p.terms, p.quotes]) {
    const posting = f.get(token)
    if (posting !== undefined) pages += posting.entities.length + (posting.pages?.length ?? 0)
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
