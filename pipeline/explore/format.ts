/**
 * The explorer's data files (explorer/data/ in a release): their shapes, and the pure helpers that both the generator
 * (dataFiles.ts, at build time) and the page (web/, in the browser) use: name folding, search tokens, shard keys.
 */

/** Rows per shard the generator aims at: a page loads one shard of each kind it shows. */
export const SHARD_ROWS = 400

/** Bytes per shard the generator aims at (estimated before the records are made). */
export const SHARD_BYTES = 200_000

/**
 * Hex digits of an id's hash that name its shard, for a table of `rows` rows whose records take about `bytes` bytes
 * (0: one shard, "all"): enough that a shard holds at most SHARD_ROWS rows and SHARD_BYTES bytes, at most 4.
 */
export const shardWidth = (rows: number, bytes = 0): number => {
  let width = 0
  while ((rows / 16 ** width > SHARD_ROWS || bytes / 16 ** width > SHARD_BYTES) && width < 4) width++
  return width
}

/** The shard an id falls in: the first `width` hex digits after its prefix (`ent_`, `evt_`, `src_`). */
export const shardOf = (id: string, width: number): string => (width === 0 ? "all" : id.slice(4, 4 + width))

/** Words the search skips. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split(" ")
)

/** Lower case, compatibility-decomposed, without combining marks: "Tokayev" and "TOKAYEV" fold alike. */
export const fold = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()

/** The distinct search tokens of a text: folded words of two or more characters, without stopwords. */
export const tokens = (s: string): Array<string> => [
  ...new Set(
    fold(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => [...t].length >= 2 && !STOPWORDS.has(t))
  )
]

/** Estimated bytes a search shard may hold before it is cut by one more character of its words (searchIndex.ts). */
export const SEARCH_SHARD_BYTES = 160_000

/** One character of a search key as a file name: an ASCII letter or digit as it is, any other as `_<hex>_`. */
const unit = (c: string): string => (/^[a-z0-9]$/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)

/** The first `n` characters of a token as key units (fewer when the token is shorter). */
export const keyUnits = (token: string, n: number): Array<string> => [...token].slice(0, n).map(unit)

/** A search shard's file name from its key units ("all" for the one shard of a small index). */
export const searchFile = (units: ReadonlyArray<string>): string => (units.length === 0 ? "all" : units.join(""))

/** The units of a search shard's file name; a trailing "-" (a shard of exactly one short word) is its own unit. */
export const parseSearchFile = (file: string): Array<string> =>
  file === "all" ? [] : (file.match(/_[0-9a-f]+_|[a-z0-9]|-/g) ?? [])

/**
 * Whether the shard named `file` may hold words starting with `word`: its key is a start of the word (the shard holds
 * every word that begins so), or the word is a start of its key (a shard cut finer than the query's word). A key ending
 * in "-" holds only the word it spells.
 */
export const shardMayHold = (file: string, word: string): boolean => {
  const key = parseSearchFile(file)
  const exact = key.at(-1) === "-"
  const path = exact ? key.slice(0, -1) : key
  const w = keyUnits(word, Number.MAX_SAFE_INTEGER)
  const startsWith = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
    b.length <= a.length && b.every((u, i) => a[i] === u)
  return (!exact && startsWith(w, path)) || startsWith(path, w)
}

/** What the explorer says of its release beyond the tables (known when the explorer is made). */
export interface ReleaseInfo {
  readonly version: string
  readonly created: string
  readonly previousVersion: string | null
  /** Whether the release has quality.json. */
  readonly quality: boolean
  /** Size of CHANGELOG.md in bytes (a large one is loaded only when asked for). */
  readonly changelogBytes: number
}

/** explorer/data/index.json: what every page needs first. */
export interface ExplorerIndex {
  readonly release: ReleaseInfo
  readonly counts: Readonly<Record<string, number>>
  /** Shard widths (hex digits) of each kind of record. */
  readonly shards: { readonly entities: number; readonly events: number; readonly sources: number }
  /** Search shards (data/search/<file>.json), listed in data/search-keys.json (file names, see searchFile). */
  readonly searchShards: number
}

/** Events and sources a token may find before it counts as common (searchIndex.ts). */
export const COMMON_PAGES = 1_000

/**
 * A search shard: page ids and, per token, the pages' positions in `docs`: `terms` from names, aliases, summaries and
 * titles, `quotes` from the quotes of evidence rows; `common`: tokens that list only their entities (they find more
 * than COMMON_PAGES events or sources). Labels are in the label files (`labels/<kind>/<shard>.json`).
 */
export interface SearchShard {
  readonly docs: ReadonlyArray<string>
  readonly terms: Readonly<Record<string, ReadonlyArray<number>>>
  readonly quotes: Readonly<Record<string, ReadonlyArray<number>>>
  readonly common: ReadonlyArray<string>
}

/** The kind of a page id, as its folder names it. */
export const kindOf = (id: string): "entities" | "events" | "sources" =>
  id.startsWith("ent_") ? "entities" : id.startsWith("evt_") ? "events" : "sources"

/** Events an entity page lists at most: those with the most sources, then the latest. */
export const MAX_ENTITY_EVENTS = 1_000

/** An event as an entity page lists it: id, role, type, date, date_end, precision, modality, summary. */
export type EventRef = readonly [string, string, string, string | null, string | null, string, string, string]

/** A relation as an entity page lists it: id, predicate, direction, other entity's id and name, title, sources. */
export type RelationRef = readonly [string, string, "out" | "in", string, string, string | null, number]

/** explorer/data/entities/<shard>.json holds these, by id. */
export interface EntityRecord {
  readonly id: string
  readonly type: string
  readonly name: string
  readonly aliases: ReadonlyArray<string>
  readonly iso2: string | null
  readonly iso3: string | null
  readonly qid: string | null
  readonly detection: string
  readonly confidence: number
  readonly sources: number
  readonly mentions: number
  /** Events the entity takes part in; `events` lists at most MAX_ENTITY_EVENTS of them. */
  readonly eventCount: number
  readonly events: ReadonlyArray<EventRef>
  readonly relations: ReadonlyArray<RelationRef>
}

/**
 * One report of an event: evidence id, source id, char_start, char_end (code points), method, reported date, precision
 * and modality, conflict. No quote: the page cuts it from the source text at the offsets.
 */
export type Report = readonly [
  string,
  string,
  number,
  number,
  string,
  string | null,
  string | null,
  string | null,
  boolean
]

/** A source as other pages name it: title (or file name), publisher, published. */
export type SourceLabel = readonly [string, string | null, string | null]

/** explorer/data/events/<shard>.json holds these, by id. */
export interface EventRecord {
  readonly id: string
  readonly type: string
  readonly cameo: string
  readonly plover: string
  readonly summary: string
  readonly trigger: string
  readonly date: string | null
  readonly dateEnd: string | null
  readonly precision: string
  readonly modality: string
  readonly location: readonly [string, string] | null
  readonly sources: number
  readonly conflict: boolean
  readonly confidence: number
  /** Participants: entity id, name, type, role. */
  readonly participants: ReadonlyArray<readonly [string, string, string, string]>
  readonly reports: ReadonlyArray<Report>
  readonly sourceLabels: Readonly<Record<string, SourceLabel>>
}

/**
 * An extracted span of a source: evidence id, start, end (code points), and positions in its source record's `tables`,
 * `pages` and `methods` (each value written once a source).
 */
export type Span = readonly [string, number, number, number, number, number]

/** explorer/data/sources/<shard>.json holds these, by id. */
export interface SourceRecord {
  readonly id: string
  readonly fileName: string
  readonly title: string | null
  readonly publisher: string | null
  readonly url: string | null
  readonly published: string | null
  readonly precision: string
  /** Null for a quotes-only source (text_policy quotes): its text is not published. */
  readonly textPath: string | null
  readonly chars: number
  readonly spans: ReadonlyArray<Span>
  /** The tables of the spans' rows. */
  readonly tables: ReadonlyArray<string>
  /** The pages the spans link to (an entity or event), with their labels (a name, a summary). */
  readonly pages: ReadonlyArray<readonly [string, string]>
  /** The rules that made the spans' rows. */
  readonly methods: ReadonlyArray<string>
}
