/**
 * Name rules shared by the lexicon generators: which names may match on their own (not an
 * ordinary English word, a given name or the name of something else) and the Latin spellings
 * news use for names written in the Turkic Latin alphabets (Uzbek, Turkmen, Azerbaijani, Tajik).
 */
import type { Synset } from "./sources.js"

/** Matching key of a name: lower case, unified apostrophes and spaces. */
export const nameKey = (s: string): string =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’‘`ʻʼ]/g, "'")
    .replace(/[–—‑]/g, "-")
    .replace(/\s+/g, " ")
    .trim()

/** A URL- and id-safe slug. */
export const slug = (s: string): string =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

/** Letters the decomposition does not reduce to ASCII, and the Turkic letters news spell with two. */
const LETTERS: ReadonlyArray<[RegExp, string]> = [
  [/ş/g, "sh"],
  [/Ş/g, "Sh"],
  [/ç/g, "ch"],
  [/Ç/g, "Ch"],
  [/ž/g, "zh"],
  [/Ž/g, "Zh"],
  [/ə/g, "a"],
  [/Ə/g, "A"],
  [/ı/g, "i"],
  [/İ/g, "I"],
  [/ğ/g, "g"],
  [/Ğ/g, "G"],
  [/ň/g, "n"],
  [/ý/g, "y"],
  [/Ý/g, "Y"],
  [/đ/g, "d"],
  [/ø/g, "o"],
  [/ł/g, "l"]
]

/** ASCII spelling of a name: Turkic letters spelt out, diacritics and letter apostrophes dropped. */
export const fold = (s: string): string => {
  let t = s
  for (const [re, to] of LETTERS) t = t.replace(re, to)
  return t
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/(\p{L})['’‘`ʻʼ](?=\p{L})/gu, "$1")
    .replace(/['’‘`ʻʼ]$/u, "")
}

/**
 * Spellings of a place name as English news write it: the ASCII folding, and for names in a
 * Turkic Latin alphabet the Russian-based transliteration (Uzbek x → kh, q → k, o‘ → u, o → a;
 * Turkmen final y → i; Azerbaijani x → kh): "Jizzax" → "Jizzakh", "Andijon" → "Andijan",
 * "Türkmenbaşy" → "Turkmenbashi", "Naxçıvan" → "Nakhchivan".
 */
export const spellings = (name: string, cc: string): Array<string> => {
  // Uzbek "X Shahri" ("X city") is written "X"
  const base = cc === "UZ" ? name.replace(/ (Shahri|Shahar|Shaharchasi)$/, "") : name
  if (base !== name) return [...new Set([name, fold(name), ...spellings(base, cc)])]
  const out = new Set<string>([name, fold(name)])
  const kq = (s: string) => s.replace(/x/g, "kh").replace(/X/g, "Kh").replace(/q/g, "k").replace(/Q/g, "K")
  if (cc === "UZ") {
    const ru = kq(
      name.replace(/([oO])[‘’ʻ'`]/g, (_m, o: string) => (o === "O" ? "U" : "u")).replace(/([gG])[‘’ʻ'`]/g, "$1")
    )
    out.add(fold(kq(name)))
    out.add(fold(ru.replace(/o/g, "a").replace(/^O/, "A").replace(/iy\b/g, "i")))
  }
  if (cc === "TJ") out.add(fold(kq(name)))
  if (cc === "AZ") out.add(fold(name.replace(/x/g, "kh").replace(/X/g, "Kh")))
  if (cc === "TM") out.add(fold(name).replace(/y\b/g, "i"))
  return [...out].filter((s) => s.trim() !== "")
}

/**
 * What WordNet says about words: lemmas written in lower case, and the lexicographer files of capitalised noun lemmas.
 */
export interface WordIndex {
  readonly lower: ReadonlySet<string>
  readonly capitalSenses: ReadonlyMap<string, ReadonlySet<number>>
}

/** Index WordNet's lemmas of every part of speech. */
export const indexWords = (
  nouns: ReadonlyMap<string, Synset>,
  others: ReadonlyArray<ReadonlyMap<string, Synset>>
): WordIndex => {
  const lower = new Set<string>()
  const capitalSenses = new Map<string, Set<number>>()
  for (const syns of [nouns, ...others])
    for (const s of syns.values())
      for (const l of s.lemmas) {
        if (l === l.toLowerCase()) lower.add(l)
        else if (syns === nouns) {
          const k = nameKey(l)
          const set = capitalSenses.get(k) ?? new Set<number>()
          set.add(s.lexFile)
          capitalSenses.set(k, set)
        }
      }
  return { lower, capitalSenses }
}

/** WordNet lexicographer files of places and natural objects (noun.location, noun.object). */
const PLACE_FILES = new Set([15, 17])

/**
 * May this place name match on its own? Not an ordinary English word ("Reading", "Split"), a
 * given name ("Mary", nor "Amir Timur" led by one), a word the name rules never take alone ("Of"), nor a name WordNet
 * also
 * gives a person or thing ("Kant", "Lincoln"); at least two letters, capitalised.
 */
export const usableName = (name: string, words: WordIndex, blocked: ReadonlySet<string>): boolean => {
  if (!/^\p{Lu}/u.test(name) || name.replace(/[^\p{L}]/gu, "").length < 3) return false
  const k = nameKey(name)
  const first = nameKey(name.split(/[\s-]/)[0]!)
  if (words.lower.has(k) || blocked.has(k) || blocked.has(first) || blocked.has(nameKey(fold(name)))) return false
  if (words.lower.has(nameKey(fold(name)))) return false
  const senses = words.capitalSenses.get(k)
  return !senses || [...senses].every((f) => PLACE_FILES.has(f))
}
