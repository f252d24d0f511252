/**
 * Shared pieces of the entity rules: mention constructors, capitalised name runs, head-word
 * types and the small word sets the passes of entities.ts and its shape rules read. Pure.
 */
import type { EntityType } from "../../schemas/vocab.js"
import { foldName } from "../text/names.js"
import type { Token } from "../text/tokens.js"
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import type { GazEntity } from "./lexicon/Lexicons.js"

export const TYPE_PRIORITY: ReadonlyArray<EntityType> = [
  "country",
  "person",
  "organization",
  "initiative",
  "legislation",
  "named_event",
  "location",
  "commodity"
]

export const LOCATIVE = new Set([
  "in",
  "to",
  "at",
  "from",
  "into",
  "near",
  "outside",
  "across",
  "around",
  "visit",
  "visited",
  "visiting",
  "visits",
  "via",
  "toward",
  "towards",
  "arrived",
  "arriving",
  "landed",
  "land",
  "through"
])
/** Words stripped from the start of a capitalised run before typing it by its head word. */
export const FUNCTION_WORDS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "his",
  "her",
  "its",
  "their",
  "our",
  "in",
  "on",
  "at",
  "for",
  "with",
  "from",
  "by",
  "as",
  "but",
  "and",
  "or",
  "if",
  "while",
  "when",
  "since",
  "after",
  "before",
  "during",
  "despite",
  "however",
  "meanwhile",
  "according",
  "both",
  "all",
  "some",
  "many",
  "most",
  "several",
  "other",
  "another",
  "such",
  "unlike",
  "like",
  "amid",
  "among",
  "under",
  "over",
  "about",
  "to",
  "of"
])
export const CONNECTORS = new Set(["of", "for", "and", "the", "de", "on", "&"])

/** A mention of a gazetteer entity over tokens [i, j). */
export const gazMention = (
  doc: Doc,
  e: GazEntity,
  i: number,
  j: number,
  via: Mention["via"],
  method: string,
  confidence: number
): Mention => ({
  key: `gaz:${e.id}`,
  type: e.type,
  name: e.name,
  tokStart: i,
  tokEnd: j,
  start: doc.tokens[i]!.start,
  end: doc.tokens[j - 1]!.end,
  detection: "gazetteer",
  method,
  confidence,
  via,
  gaz: e
})

/** A mention of a name found by a pattern over tokens [i, j) (its name is the text unless given). */
export const patMention = (
  doc: Doc,
  type: EntityType,
  i: number,
  j: number,
  method: string,
  confidence: number,
  name?: string
): Mention => {
  const surface = name ?? doc.text.slice(doc.tokens[i]!.start, doc.tokens[j - 1]!.end)
  return {
    key: `pat:${type}:${foldName(surface)}`,
    type,
    name: surface,
    tokStart: i,
    tokEnd: j,
    start: doc.tokens[i]!.start,
    end: doc.tokens[j - 1]!.end,
    detection: "pattern",
    method,
    confidence,
    via: "name",
    gaz: null
  }
}

/** The entity a lexicon hit names: of several, the type that ranks first. */
export const pick = (doc: Doc, ids: ReadonlyArray<string>): GazEntity | null => {
  const es = ids.map((id) => doc.lex.entities.get(id)).filter((e): e is GazEntity => !!e)
  es.sort((a, b) => TYPE_PRIORITY.indexOf(a.type) - TYPE_PRIORITY.indexOf(b.type))
  return es[0] ?? null
}

/** A capitalised word that can be part of a name: not a compound adjective ("Soviet-era", "US-based"). */
export const isCapWord = (t: Token | undefined): boolean =>
  !!t && t.kind === "word" && t.cap && !(hasDash(t.text) && COMPOUND_ADJ.test(t.text))
const hasDash = (s: string): boolean => s.includes("-") || s.includes("–")
export const COMPOUND_ADJ = /[-–]\p{Ll}{2,}$/u
/** "Kyrgyzstan-based", "Russia-backed", "U.S.-led": the name before the dash is a place or state of its own. */
export const COMPOUND_PLACE =
  /^(.+?)[-–](based|headquartered|registered|listed|led|backed|owned|funded|sponsored|brokered|controlled|run)$/u

/** Extend a capitalised run from i (names may join with lower-case connectors: "Movement for Reform and Growth"). */
export const capRun = (doc: Doc, i: number, taken: Uint8Array, maxLen = 8): number => {
  let j = i
  let last = i
  while (j < doc.tokens.length && j - i < maxLen) {
    const t = doc.tokens[j]!
    if (taken[j] || (j > i && lineBreakBefore(doc, j))) break
    if (t.norm === "and" && headType(doc, doc.tokens[j - 1]?.norm ?? "") !== null) break
    if (isCapWord(t) || (t.kind === "num" && j > i && isCapWord(doc.tokens[j - 1]))) {
      last = j + 1
      j++
      continue
    }
    if (
      j > i &&
      (isJoin(doc, j) || (CONNECTORS.has(t.norm) && t.norm !== "the")) &&
      isCapWord(doc.tokens[j + 1]) &&
      !taken[j + 1]
    ) {
      j++
      continue
    }
    break
  }
  return last
}

/** Type implied by the last word of a capitalised name, if any. */
export function headType(doc: Doc, norm: string): EntityType | null {
  if (inList(doc, "org_suffix", norm)) return "organization"
  if (inList(doc, "initiative_suffix", norm)) return "initiative"
  if (inList(doc, "legislation_suffix", norm)) return "legislation"
  if (inList(doc, "named_event_suffix", norm)) return "named_event"
  if (inList(doc, "location_suffix", norm)) return "location"
  return null
}

export function headTypeLeading(doc: Doc, norm: string, len: number): EntityType | null {
  return len >= 3 && inList(doc, "org_head", norm) ? "organization" : null
}

/** A person name run: 1–4 capitalised words (hyphenated names are one token), not a known non-name. */
export function personRun(doc: Doc, i: number, taken: Uint8Array): number {
  const { tokens } = doc
  let j = i
  while (
    j < tokens.length &&
    j - i < 8 &&
    !taken[j] &&
    isCapWord(tokens[j]) &&
    !inList(doc, "non_name", tokens[j]!.norm) &&
    !(j > i && lineBreakBefore(doc, j))
  ) {
    if (headType(doc, tokens[j]!.norm) !== null) break
    if (doc.lex.titles.longest(tokens, j)) break
    j++
    // a hyphenated given name ("Kassym-Jomart") continues the run
    if (isJoin(doc, j) && isCapWord(tokens[j + 1]) && !taken[j + 1]) j++
    // an initial ("Antony J. Blinken", "S. Jaishankar") and a particle ("Abdulaziz bin Salman Al Saud") continue it
    else if (
      /^\p{Lu}$/u.test(tokens[j - 1]!.text) &&
      tokens[j]?.text === "." &&
      isCapWord(tokens[j + 1]) &&
      !taken[j + 1]
    )
      j++
    else if (NAME_PARTICLES.has(tokens[j]?.text ?? "") && isCapWord(tokens[j + 1]) && !taken[j + 1] && j - i >= 1) j++
  }
  // a run does not end on an initial
  while (j > i + 1 && (tokens[j - 1]!.text === "." || /^\p{Lu}$/u.test(tokens[j - 1]!.text))) j--
  return j
}

/** Lower-case particles inside personal names: "bin", "ibn", "al", "van der", "de". */
export const NAME_PARTICLES = new Set([
  "bin",
  "bint",
  "ibn",
  "al",
  "el",
  "de",
  "van",
  "von",
  "der",
  "da",
  "dos",
  "du",
  "la",
  "le",
  "ul",
  "ud"
])

/** A patronymic ("Miramonovich", "Mironovna", "Ahmad-ogly"): the middle of a three-part name. */
export const PATRONYMIC = /^\p{Lu}\p{Ll}+(ovich|evich|ovna|evna|ichna|uly|ulu|kyzy|qizi|ogly|oglu|o‘g‘li|ugli)$/u

/** Is there a line break between token k-1 and token k? */
export function lineBreakBefore(doc: Doc, k: number): boolean {
  const a = doc.tokens[k - 1]
  const b = doc.tokens[k]
  return !!a && !!b && doc.text.slice(a.end, b.start).includes("\n")
}

/** A dash token written without spaces between two words ("Kassym-Jomart"). */
export function isJoin(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]
  return (
    !!t &&
    (t.text === "-" || t.text === "–") &&
    doc.tokens[k - 1]?.end === t.start &&
    doc.tokens[k + 1]?.start === t.end
  )
}

/** Is there a title among the `window` tokens from k? */
export function titleWithin(doc: Doc, k: number, window: number): boolean {
  for (let x = k; x < Math.min(doc.tokens.length, k + window); x++)
    if (doc.lex.titles.longest(doc.tokens, x)) return true
  return false
}
