/**
 * Clause-level reading for event triggers: the clause around a token (split at semicolons,
 * colons, spaced dashes and comma-led subordinate openers), quotations, and the modality that
 * cue words inside the clause give a trigger. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { Modality } from "../../schemas/vocab.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

const CLAUSE_OPENERS = new Set([
  "which",
  "who",
  "while",
  "with",
  "but",
  "as",
  "after",
  "before",
  "when",
  "where",
  "although",
  "though",
  "whereas",
  "since",
  "because",
  "whose"
])

/** Openers of a non-finite clause without a comma before them: "before attending", "after meeting". */
const GERUND_OPENERS = new Set(["before", "after", "while", "since", "when"])
const gerundClause = (doc: Doc, k: number): boolean =>
  GERUND_OPENERS.has(doc.tokens[k]?.norm ?? "") && /^[a-z]{3,}ing$/.test(doc.tokens[k + 1]?.norm ?? "")

/** A dash with a space beside it separates clauses; one between two words ("Russia–Central Asia") joins them. */
const spaced = (doc: Doc, t: { readonly start: number; readonly end: number }): boolean =>
  /\s/.test(doc.text[t.start - 1] ?? " ") || /\s/.test(doc.text[t.end] ?? " ")

export type TriggerHit = {
  readonly length: number
  readonly values: ReadonlyArray<TriggerEntry>
} | null
/** Per document: the longest trigger phrase starting at each token, looked up once (undefined: not yet). */
const hitCache = new WeakMap<Doc, Array<TriggerHit | undefined>>()
let lastDoc: Doc | null = null
let lastHits: Array<TriggerHit | undefined> | undefined

/** The longest trigger phrase starting at token k (cached per document: the clause, span and role rules ask often). */
export const triggerAt = (doc: Doc, k: number): TriggerHit => {
  // (the document asked about last is kept at hand: the passes ask about one document at a time)
  let cache = doc === lastDoc ? lastHits : hitCache.get(doc)
  if (cache === undefined) {
    cache = new Array<TriggerHit | undefined>(doc.tokens.length)
    hitCache.set(doc, cache)
  }
  lastDoc = doc
  lastHits = cache
  if (k < 0 || k >= doc.tokens.length) return null
  let hit = cache[k]
  if (hit === undefined) {
    hit = doc.lex.triggers.longest(doc.tokens, k)
    cache[k] = hit
  }
  return hit
}

/**
 * Reporting verbs that take a clause without "that" ("said Kazakhstan would ..."); others take an object ("described X
 * as", "praised X").
 */
const BARE_COMPLEMENT = new Set(["say", "argue", "insist", "contend", "predict", "suggest"])

/**
 * Per document and token: 0 not known yet, 1 no reporting word ends here, 2 one does, 3 one that takes a bare clause
 * does.
 */
const reportCache = new WeakMap<Doc, Uint8Array>()

/**
 * Does a reporting verb or noun ("said", "warned", "the announcement") end at token k (`bare`: one that takes a clause
 * without "that")?
 */
const reports = (doc: Doc, k: number, bare = false): boolean => {
  let cache = reportCache.get(doc)
  if (cache === undefined) {
    cache = new Uint8Array(doc.tokens.length)
    reportCache.set(doc, cache)
  }
  if (cache[k] === 0) {
    cache[k] = 1
    for (let s = k; s >= Math.max(0, k - 2); s--) {
      const hit = triggerAt(doc, s)
      if (hit === null || s + hit.length - 1 !== k) continue
      const statement = hit.values.filter((v) => v.event_type === "statement")
      if (statement.length > 0) cache[k] = statement.some((v) => BARE_COMPLEMENT.has(v.lemma)) ? 3 : 2
      break
    }
  }
  return bare ? cache[k] === 3 : cache[k]! >= 2
}

/**
 * Does a reported-speech complement open at token k (before or at the trigger i): "that" after a reporting word (over a
 * short adjunct: "said on Monday that"), or the word right after a reporting verb ("said Kazakhstan would")?
 */
export const complementOpens = (doc: Doc, k: number, i: number): boolean => {
  const t = doc.tokens[k - 1]
  if (t === undefined) return false
  // "According to X, ...": what follows the attribution's comma was said
  if (t.text === ",") {
    for (let r = k - 2; r >= Math.max(0, k - 14) && doc.tokens[r]!.text !== ","; r--)
      if (triggerAt(doc, r)?.values.some((v) => v.attribution === true)) return true
    return false
  }
  if (t.norm === "that") {
    for (let r = k - 2; r >= Math.max(0, k - 6); r--) {
      if (reports(doc, r)) return true
      if (doc.tokens[r]!.kind === "punct") return false
    }
    return false
  }
  return (
    k - 1 !== i &&
    k <= i &&
    reports(doc, k - 1, true) &&
    doc.tokens[k]?.kind === "word" &&
    !/^(?:by|to|on|in|at|of|for|with|that)$/.test(doc.tokens[k]!.norm)
  )
}

/**
 * Token range [a, b) of the clause around token i. A reported-speech complement is a clause of its own
 * ("Tokayev said that Kazakhstan would build a dam": "Kazakhstan would build a dam"); the reporting
 * verb's clause runs over it. With `complements` false the complement is read within its report.
 */
export const clauseOf = (doc: Doc, i: number, complements = true): [number, number] => {
  const s = doc.sentences[doc.sentenceOf[i]!]!
  const { tokens } = doc
  let a = i
  while (a > s.tokStart) {
    const t = tokens[a - 1]!
    if (t.text === ";" || t.text === ":" || ((t.text === "—" || t.text === "–") && spaced(doc, t))) break
    if (complements && a < i && complementOpens(doc, a, i)) break
    if (t.text === "," && CLAUSE_OPENERS.has(tokens[a]?.norm ?? "")) break
    if (
      (CLAUSE_OPENERS.has(t.norm) && a - 1 > s.tokStart && tokens[a - 2]?.text === ",") ||
      (gerundClause(doc, a - 1) && a - 1 > s.tokStart)
    ) {
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

/**
 * The modality the cues of the clause [a, b) give the trigger at tokens [i, j); "asserted" when none fits.
 * A conditional "would" in a reported-speech complement is the future of a report ("said he would
 * visit"): planned.
 */
export const modalityOf = (doc: Doc, a: number, i: number, j: number, b: number): Modality => {
  const { tokens, lex } = doc
  let best: { modality: Modality; priority: number; cue: string } | null = null
  const ownStart = tokens[i]!.start
  const ownEnd = tokens[j - 1]!.end
  // cues with the same window share one slice of the text
  let sliceLo = -1
  let sliceHi = -1
  let text = ""
  for (const c of lex.modality) {
    const lo = c.entry.position === "after" ? i : Math.max(a, i - c.entry.window)
    const hi = c.entry.position === "before" ? j : Math.min(b, j + c.entry.window)
    if (hi <= lo) continue
    const from = tokens[lo]!.start
    if (lo !== sliceLo || hi !== sliceHi) {
      text = doc.text.slice(from, tokens[hi - 1]!.end)
      sliceLo = lo
      sliceHi = hi
    }
    const found = c.re.exec(text)
    if (found === null || (ownCue(found, from, ownStart, ownEnd) && !otherCue(text, c.re, from, ownStart, ownEnd)))
      continue
    if (best === null || c.entry.priority > best.priority)
      best = {
        modality: c.entry.modality,
        priority: c.entry.priority,
        cue: found[0].toLowerCase()
      }
  }
  if (best?.modality === "hypothetical" && best.cue === "would" && a > 0 && complementOpens(doc, a, i)) return "planned"
  return best?.modality ?? "asserted"
}

// a cue that is the trigger word itself ("predicted", "forecast") reports, it does not qualify
const ownCue = (m: RegExpMatchArray, from: number, ownStart: number, ownEnd: number): boolean =>
  from + m.index! >= ownStart && from + m.index! + m[0].length <= ownEnd

/** Does the cue occur in the text elsewhere than on the trigger itself? */
const otherCue = (text: string, re: RegExp, from: number, ownStart: number, ownEnd: number): boolean => {
  for (const m of text.matchAll(new RegExp(re.source, "gi"))) if (!ownCue(m, from, ownStart, ownEnd)) return true
  return false
}

/**
 * UTF-16 ranges [open, close] of quotations: curly quotes paired, straight double quotes toggling; an unclosed quote
 * runs to the paragraph's end.
 */
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
const PHRASE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "its",
  "their",
  "his",
  "her",
  "our",
  "my",
  "your",
  "another",
  "both",
  "all",
  "each",
  "every",
  "several",
  "many",
  "some",
  "any",
  "no"
])
/** Words that end a noun phrase to the left. */
const PHRASE_ENDS = new Set([
  "to",
  "of",
  "in",
  "on",
  "at",
  "by",
  "for",
  "from",
  "with",
  "as",
  "and",
  "or",
  "into",
  "over",
  "than",
  "after",
  "before",
  "during",
  "that",
  "which",
  "who"
])

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
    if (t.kind === "word" && !PHRASE_ENDS.has(t.norm) && triggerAt(doc, k) === null && ++loose <= 3) continue
    break
  }
  return best
}

/**
 * The first token of an event's evidence in its clause [a, …) with the trigger at i: a statement told
 * before its verb ("..., Rahmon said", `inverted`) keeps its clause; a verb starts at the first name of
 * the clause before it (its subject); a noun at the start of its phrase, or at its clause's subject when
 * its actors come from the clause (not `local`: the noun's own phrase names them). The evidence ends with the clause.
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
  const phrase = trigger.pos === "noun" ? nounPhraseStart(doc, at, a, i) : i
  let first = phrase
  for (const p of participants) if (p.mention.tokStart >= a && p.mention.tokStart < first) first = p.mention.tokStart
  // an attribution after what was said ('"...," Rahmon said', "..., said X", "..., the commission said") states a
  // quotation with it; reported words that are not quoted are events of their own, so it starts at its subject or verb
  const attributed =
    inverted ||
    (trigger.event_type === "statement" &&
      trigger.pos === "verb" &&
      first < i &&
      /^[,"”’']$/.test(doc.tokens[first - 1]?.text ?? ""))
  if (attributed) {
    let k = i - 1
    while (k > a && i - k <= 6 && doc.tokens[k]!.kind === "word") k--
    const closing = (t: number) => /^["”’']$/.test(doc.tokens[t]?.text ?? "")
    return closing(k) || (doc.tokens[k]?.text === "," && closing(k - 1)) ? a : k + 1
  }
  if (first === phrase) return first
  // a noun with arguments of its own is told by its phrase; one whose clause names its parties, from its subject
  // when no other trigger stands between ("Tokayev is on an official visit", not "Tokayev signed an agreement")
  if (trigger.pos === "noun" && local) return phrase
  // a verb after another predicate of its subject starts at itself, over "to" and auxiliaries before it
  // ("expressed readiness to host talks", "signed a treaty and agreed to reopen flights")
  // (a verb of taking part is no predicate of its own: "Japarov attended the summit")
  for (let k = first; k < phrase; k++)
    if (at[k] === undefined && triggerAt(doc, k)?.values.some((v) => v.participates !== true) === true) {
      let v = phrase
      while (trigger.pos === "verb" && v > k + 1 && AUXILIARY.has(doc.tokens[v - 1]!.norm)) v--
      return v
    }
  return first
}

/** Words that go with the verb after them: infinitive marker, modals, auxiliaries, negation. */
const AUXILIARY = new Set([
  "to",
  "will",
  "would",
  "can",
  "could",
  "may",
  "might",
  "shall",
  "should",
  "must",
  "has",
  "have",
  "had",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "not",
  "also",
  "then",
  "jointly"
])
