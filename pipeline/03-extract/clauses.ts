/**
 * Clause-level reading for event triggers: the clause around a token (split at semicolons,
 * colons, spaced dashes and comma-led subordinate openers), quotations, and the modality that
 * cue words inside the clause give a trigger. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { Modality } from "../../schemas/vocab.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

const CLAUSE_OPENERS = new Set(["which", "who", "while", "with", "but", "as", "after", "before", "when", "where", "although", "though", "whereas", "since", "because", "whose"])

/** Openers of a non-finite clause without a comma before them: "before attending", "after meeting". */
const GERUND_OPENERS = new Set(["before", "after", "while", "since", "when"])
const gerundClause = (doc: Doc, k: number): boolean => GERUND_OPENERS.has(doc.tokens[k]?.norm ?? "") && /^[a-z]{3,}ing$/.test(doc.tokens[k + 1]?.norm ?? "")

/** A dash with a space beside it separates clauses; one between two words ("Russia–Central Asia") joins them. */
const spaced = (doc: Doc, t: { readonly start: number; readonly end: number }): boolean => /\s/.test(doc.text[t.start - 1] ?? " ") || /\s/.test(doc.text[t.end] ?? " ")

/** Token range [a, b) of the clause around token i. */
export const clauseOf = (doc: Doc, i: number): [number, number] => {
  const s = doc.sentences[doc.sentenceOf[i]!]!
  const { tokens } = doc
  let a = i
  while (a > s.tokStart) {
    const t = tokens[a - 1]!
    if (t.text === ";" || t.text === ":" || ((t.text === "—" || t.text === "–") && spaced(doc, t))) break
    if (t.text === "," && CLAUSE_OPENERS.has(tokens[a]?.norm ?? "")) break
    if ((CLAUSE_OPENERS.has(t.norm) && a - 1 > s.tokStart && tokens[a - 2]?.text === ",") || (gerundClause(doc, a - 1) && a - 1 > s.tokStart)) {
      a--
      break
    }
    a--
  }
  let b = i + 1
  while (b < s.tokEnd) {
    const t = tokens[b]!
    if (t.text === ";" || (t.text === "—" && spaced(doc, t))) break
    if ((t.norm === "as" && tokens[b + 1]?.norm === "part") || t.norm === "amid") break
    if ((t.text === "," && CLAUSE_OPENERS.has(tokens[b + 1]?.norm ?? "")) || gerundClause(doc, b)) break
    b++
  }
  return [a, b]
}

/** The modality the cues of the clause [a, b) give the trigger at tokens [i, j); "asserted" when none fits. */
export const modalityOf = (doc: Doc, a: number, i: number, j: number, b: number): Modality => {
  const { tokens, lex } = doc
  let best: { modality: Modality; priority: number } | null = null
  for (const c of lex.modality) {
    const lo = c.entry.position === "after" ? i : Math.max(a, i - c.entry.window)
    const hi = c.entry.position === "before" ? j : Math.min(b, j + c.entry.window)
    if (hi <= lo) continue
    const from = tokens[lo]!.start
    const text = doc.text.slice(from, tokens[hi - 1]!.end)
    // a cue that is the trigger word itself ("predicted", "forecast") reports, it does not qualify
    const own = (m: RegExpMatchArray) => from + m.index! >= tokens[i]!.start && from + m.index! + m[0].length <= tokens[j - 1]!.end
    const found = c.re.exec(text)
    if (found === null || (own(found) && ![...text.matchAll(new RegExp(c.re.source, "gi"))].some((m) => !own(m)))) continue
    if (best === null || c.entry.priority > best.priority) best = { modality: c.entry.modality, priority: c.entry.priority }
  }
  return best?.modality ?? "asserted"
}

/** UTF-16 ranges [open, close] of quotations: curly quotes paired, straight double quotes toggling; an unclosed quote runs to the paragraph's end. */
export const quotedRanges = (text: string): Array<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  let open = -1
  for (let k = 0; k < text.length; k++) {
    const c = text[k]
    if (c === "\n" && text[k + 1] === "\n" && open >= 0) {
      out.push([open, k])
      open = -1
    } else if (c === "“" || (c === '"' && open < 0)) open = k
    else if ((c === "”" || c === '"') && open >= 0) {
      out.push([open, k])
      open = -1
    }
  }
  if (open >= 0) out.push([open, text.length])
  return out
}

/** A test for "this offset lies inside a quotation" over the text's quoted ranges. */
export const quoteTest = (text: string): ((offset: number) => boolean) => {
  const quoted = quotedRanges(text)
  return (offset) => {
    // ranges are sorted and disjoint: the last one opening before the offset decides
    let lo = 0
    let hi = quoted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (quoted[mid]![0] < offset) lo = mid + 1
      else hi = mid
    }
    const r = quoted[lo - 1]
    return r !== undefined && offset < r[1]
  }
}

/** The index of the first token starting at or after a UTF-16 offset. */
export const tokenIndexAt = (doc: Doc, offset: number): number => {
  let lo = 0
  let hi = doc.tokens.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (doc.tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Words that open a noun phrase: articles, demonstratives, possessive pronouns, quantifiers. */
const PHRASE_OPENERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "another", "both", "all", "each", "every", "several", "many", "some", "any", "no"])
/** Words that end a noun phrase to the left. */
const PHRASE_ENDS = new Set(["to", "of", "in", "on", "at", "by", "for", "from", "with", "as", "and", "or", "into", "over", "than", "after", "before", "during", "that", "which", "who"])

/**
 * The first token of a noun's phrase ending at token i, not before a: its opener ("the", "their"),
 * possessor ("Trump's"), numbers and names before it ("the Nov. 6 summit", "a $4.2 billion deal").
 * Lowercase words (adjectives) count only when an opener, a number or a possessive closes them on the left.
 */
const nounPhraseStart = (doc: Doc, at: ReadonlyArray<Mention | undefined>, a: number, i: number): number => {
  const { tokens } = doc
  let best = i
  let loose = 0
  for (let k = i - 1; k >= Math.max(a, i - 8); k--) {
    const t = tokens[k]!
    const m = at[k]
    if (PHRASE_OPENERS.has(t.norm)) return k
    if (t.norm === "'s" || t.kind === "num" || /^[$€£%]$/.test(t.text)) {
      best = k
      loose = 0
      continue
    }
    if (m !== undefined || t.cap) {
      if (loose > 0) break
      best = m !== undefined ? m.tokStart : k
      k = best
      continue
    }
    // (the dot of an abbreviated month: "the Nov. 6 summit")
    if (t.text === "." && tokens[k - 1]?.cap === true && tokens[k - 1]!.text.length <= 4) continue
    if (t.kind === "word" && !PHRASE_ENDS.has(t.norm) && doc.lex.triggers.longest(tokens, k) === null && ++loose <= 3) continue
    break
  }
  return best
}

/**
 * The first token of an event's evidence in its clause [a, …) with the trigger at i: a statement told
 * before its verb ("..., Rahmon said", `inverted`) keeps its clause; a verb starts at the first name of
 * the clause before it (its subject); a noun at the start of its phrase, or at its clause's subject when
 * its parties come from the clause (not `local`). The evidence ends with the clause.
 */
export const eventStart = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  trigger: TriggerEntry,
  participants: ReadonlyArray<{ readonly mention: Mention }>,
  a: number,
  i: number,
  inverted: boolean,
  local: boolean
): number => {
  if (inverted) return a
  const phrase = trigger.pos === "noun" ? nounPhraseStart(doc, at, a, i) : i
  let first = phrase
  for (const p of participants) if (p.mention.tokStart >= a && p.mention.tokStart < first) first = p.mention.tokStart
  if (trigger.pos === "verb" || first === phrase) return first
  // a noun with arguments of its own is told by its phrase; one whose clause names its parties, from its subject
  // when no other trigger stands between ("Tokayev is on an official visit", not "Tokayev signed an agreement")
  if (local) return phrase
  for (let k = first; k < phrase; k++) if (at[k] === undefined && doc.lex.triggers.longest(doc.tokens, k) !== null) return phrase
  return first
}
