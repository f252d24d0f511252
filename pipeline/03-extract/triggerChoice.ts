/**
 * Which trigger entry a word stands for in its context, and small tests on the words around a trigger:
 * a verb's bare form only where a verb can stand, a verb's form after a determiner read as its noun
 * when it heads its phrase, determiners of event nouns, figures after a change of quantity, a gathering
 * after a verb of taking part. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import { triggerAt } from "./clauses.js"
import type { Doc } from "./doc.js"

/** Words before a noun that make a form after them a noun and an event noun a definite one. */
const DETERMINER = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "its",
  "their",
  "his",
  "her",
  "our",
  "another",
  "first",
  "next",
  "last",
  "upcoming",
  "'s"
])
/**
 * Determiners that only stand before nouns ("that" also opens clauses, "next" and "last" also modify verbs; a
 * possessive "'s").
 */
const ARTICLE = new Set(["the", "a", "an", "this", "its", "their", "his", "her", "our", "another", "'s"])

/** Prepositions whose gerund names an activity in general. */
export const GERUND_PREPS = new Set(["for", "of", "by", "about", "toward", "towards"])

/** Words that end a noun phrase to the left: prepositions and conjunctions. */
const PHRASE_STOP = new Set([
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
  "than"
])

/** A lone apostrophe after a word in -s: the possessive of a plural or a name in -s ("Airways’ order"). */
const possessiveMark = (doc: Doc, k: number): boolean =>
  /^['’]$/.test(doc.tokens[k]!.text) &&
  /s$/i.test(doc.tokens[k - 1]?.text ?? "") &&
  doc.tokens[k - 1]!.end === doc.tokens[k]!.start

/** The noun at token i has a determiner or a number in its phrase ("a looming crisis", "the new fund", "two deals"). */
export const determined = (doc: Doc, i: number): boolean => {
  for (let k = i - 1, words = 0; k >= 0 && words < 4; k--, words++) {
    // (over a short aside in brackets: "the (unexpected) crisis")
    if (doc.tokens[k]!.text === ")")
      for (let o = k - 1; o >= Math.max(0, k - 5); o--) if (doc.tokens[o]!.text === "(") k = o - 1
    const t = doc.tokens[k]
    if (t === undefined) return false
    // (a plural possessor's lone apostrophe is a determiner too: "the airlines’ purchase")
    if (DETERMINER.has(t.norm) || t.kind === "num" || possessiveMark(doc, k)) return true
    if (t.kind !== "word" || t.cap || PHRASE_STOP.has(t.norm)) return false
  }
  return false
}

/**
 * Words after which a verb's bare form is a verb (infinitive marker, modals, do-support, negation, coordination, plural
 * pronouns).
 */
const BARE_VERB_AFTER = new Set([
  "to",
  "will",
  "would",
  "can",
  "could",
  "may",
  "might",
  "must",
  "shall",
  "should",
  "'ll",
  "do",
  "does",
  "did",
  "not",
  "n't",
  "never",
  "also",
  "and",
  "or",
  "they",
  "we",
  "you",
  "i",
  "let"
])

/**
 * A verb's bare form ("export", "travel", "build") is a verb only where English puts one: after "to",
 * a modal, do-support, negation, a coordinating "and", an adverb in -ly, a plural pronoun or a plural
 * noun. Elsewhere it is a noun or a modifier ("an export credit agency", "the travel ban").
 */
const bareVerb = (doc: Doc, v: TriggerEntry, i: number, j: number): boolean => {
  if (
    v.pos !== "verb" ||
    v.attribution === true ||
    (j - i === 1
      ? doc.tokens[i]!.norm !== v.lemma
      : doc.tokens
          .slice(i, j)
          .map((t) => t.norm)
          .join(" ") !== v.lemma)
  )
    return true
  // (over an opening bracket or quote: "due to [meet] with")
  let k = i - 1
  while (k > 0 && /^[[("“‘']$/.test(doc.tokens[k]!.text)) k--
  const prev = doc.tokens[k]
  // (a plural subject before a present-tense verb: "the two countries say", "analysts expect")
  return (
    prev !== undefined &&
    (BARE_VERB_AFTER.has(prev.norm) ||
      (prev.kind === "word" && !prev.cap && (/ly$/.test(prev.norm) || /[^s'u]s$/.test(prev.norm))))
  )
}

/** Words that may follow a noun that heads its phrase: prepositions, conjunctions, auxiliaries, common adverbs. */
const AFTER_HEAD = new Set([
  "of",
  "on",
  "in",
  "at",
  "to",
  "for",
  "from",
  "with",
  "by",
  "against",
  "between",
  "over",
  "and",
  "or",
  "but",
  "that",
  "which",
  "who",
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "may",
  "might",
  "should",
  "can",
  "also",
  "already",
  "still",
  "now",
  "then",
  "as",
  "after",
  "before",
  "since",
  "until",
  "during",
  "amid",
  "into"
])

/**
 * Is a partial ISO date later than another at the coarser of their precisions ("2026" after "2025-11-20"; "2025-11" not
 * after "2025-11-20")?
 */
export const laterThan = (x: string, y: string): boolean => {
  const n = Math.min(x.length, y.length)
  return x.slice(0, n) > y.slice(0, n)
}

/**
 * A number, an amount or a multiple within the clause after tokens [.., j) (up to b): "to $5 billion", "by 12%", "3.5
 * times".
 */
export const figureAfter = (doc: Doc, j: number, b: number): boolean => {
  for (let k = j; k < Math.min(b, j + 8); k++)
    if (
      doc.tokens[k]!.kind === "num" ||
      /^(?:percent|per|times|twofold|threefold|fold|half|double|million|billion|trillion)$/.test(doc.tokens[k]!.norm)
    )
      return true
  return false
}

/**
 * The end of an event's evidence: its clause's, but a source attribution's ends at its comma ("According to the
 * ministry, ..."), the rest being what the source said.
 */
export const attributionEnd = (doc: Doc, trigger: TriggerEntry, j: number, b: number): number => {
  if (trigger.attribution !== true) return b
  for (let k = j; k < b; k++) if (doc.tokens[k]!.text === ",") return k
  return b
}

/**
 * Is a meeting noun ("summit", "forum", "meeting") the object of the verb ending before j (within five tokens of its
 * clause)?
 */
export const gatheringAfter = (doc: Doc, j: number, b: number, inMention: Uint8Array): boolean => {
  for (let k = j; k < Math.min(b, j + 6); k++)
    if (!inMention[k] && triggerAt(doc, k)?.values.some((v) => v.pos === "noun" && v.event_type === "meeting"))
      return true
  return false
}

/**
 * Is a verb's form read as a noun at tokens [i, j) the head of its phrase ("the ban on", "a freeze also
 * covers")? Not when a trigger or a plain lowercase word follows that it modifies ("the travel ban",
 * "an export credit agency"); a word in -s or -ed after it may be its verb ("the pause affects").
 */
const headNoun = (doc: Doc, j: number): boolean => {
  const next = doc.tokens[j]
  if (next === undefined || next.kind !== "word" || next.cap) return true
  if (triggerAt(doc, j) !== null) return false
  return AFTER_HEAD.has(next.norm) || /(s|ed|ly)$/.test(next.norm)
}

/**
 * The trigger entry at tokens [i, j) whose context fits ("welcomed the leaders" hosts, "welcomed
 * the move" praises); a form of both a verb and a noun ("meeting") is the noun after a determiner.
 */
export const chooseTrigger = (
  doc: Doc,
  values: ReadonlyArray<TriggerEntry>,
  i: number,
  j: number
): TriggerEntry | undefined => {
  const prev = doc.tokens[i - 1]?.norm ?? ""
  const next = doc.tokens.slice(j, j + 3).map((t) => t.norm)
  const near = doc.tokens.slice(j, j + 4).map((t) => t.norm)
  const fitting = values.filter(
    (v) =>
      !(v.requires_after && !v.requires_after.some((w) => next.includes(w))) &&
      !v.blocked_after?.some((w) => next[0] === w) &&
      !v.blocked_near?.some((w) => near.includes(w)) &&
      !v.blocked_before?.includes(prev)
  )
  if (!DETERMINER.has(prev)) {
    const fits = fitting.find((v) => bareVerb(doc, v, i, j))
    if (fits !== undefined || fitting[0] === undefined) return fits
    // a verb's bare form where no verb can stand is its noun ("a partial ban"), unless it modifies a trigger noun after
    // it ("the travel ban")
    const asNoun = fitting.find((v) => v.verb_only !== true)
    return asNoun !== undefined && headNoun(doc, j) ? { ...asNoun, pos: "noun" } : undefined
  }
  // after an article or a possessive a verb's form is its noun ("the freeze", "a ban", "the pause")
  const noun = fitting.find((v) => v.pos === "noun")
  if (noun !== undefined || fitting[0] === undefined) return noun
  // (not a participle, which modifies the noun after it: "a proposed corridor", "the frozen assets")
  if (!ARTICLE.has(prev) || /(ed|en)$/.test(doc.tokens[i]!.norm)) return fitting[0]
  const asNoun = fitting.find((v) => v.verb_only !== true)
  return asNoun !== undefined && headNoun(doc, j) ? { ...asNoun, pos: "noun" } : undefined
}
