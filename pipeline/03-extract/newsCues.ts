/**
 * What an event's clause tells of when it happened when it states no date: told in the present
 * progressive (as the article is written), in the past or present perfect as news, in the
 * background ("previously", "has long"), or as lasting several days.
 */
import type { Doc } from "./doc.js"

/** "are traveling", "is holding", "prepares to": the clause reports what happens as the article is written. */
export const progressive = (doc: Doc, a: number, j: number): boolean => {
  for (let k = a; k < j; k++) {
    const t = doc.tokens[k]!.norm
    if (/^(is|are|am)$/.test(t) && doc.tokens.slice(k + 1, j + 1).some((x) => /ing$/.test(x.norm) && x.norm.length > 4)) return true
    if (/^prepares?$/.test(t) && doc.tokens[k + 1]?.norm === "to") return true
  }
  return false
}

const IRREGULAR_PAST = new Set(["met", "was", "were", "had", "took", "began", "held", "made", "led", "saw", "said", "came", "went", "gave", "spoke", "brought", "became", "told", "won", "sent", "signed"])
/** Does the clause up to its trigger speak of the past ("where they met", "which included")? */
export const pastTense = (doc: Doc, a: number, j: number): boolean => {
  for (let k = a; k < j; k++) {
    const t = doc.tokens[k]!.norm
    if (IRREGULAR_PAST.has(t) || (/[a-z]{2}ed$/.test(t) && t.length > 4)) return true
  }
  return false
}

/** Words that put an event in the background of the news: it happened at some other, unsaid time. */
const BACKGROUND = new Set(["previously", "ever", "never", "long", "regularly", "repeatedly", "traditionally", "often", "formerly", "once", "already", "historically", "had"])
const AUXILIARIES = new Set(["has", "have", "was", "were"])
/** Words that end the verb phrase governing a noun ("noted that Trump's invitation": not governed by "noted"). */
const NOUN_PHRASE_STOP = new Set(["that", "which", "who", "of", "'s", "’s"])
const isPast = (t: string) => IRREGULAR_PAST.has(t) || (/[a-z]{2}ed$/.test(t) && t.length > 4)

/** Words a subject noun's own phrase may hold before its verb ("Trump's conversation with President X of Uzbekistan similarly focused"). */
const PHRASE_WORDS = new Set(["with", "of", "between", "and", "in", "on", "to", "the", "a", "an", "'s", "’s"])

/**
 * Is an event noun (tokens [i, j) in the clause [a, b)) told as news by what follows it: a verb in
 * the present perfect in its relative clause ("another agreement the administration has hammered
 * out"), or, when the noun is the clause's subject, a verb in the past ("Trump's conversation
 * with X focused on")?
 */
const predicatedAfter = (doc: Doc, a: number, i: number, j: number, b: number): boolean => {
  const { tokens } = doc
  const subject = tokens.slice(a, i).every((t) => t.cap || PHRASE_WORDS.has(t.norm))
  let phrase = true
  for (let k = j; k < Math.min(b, j + 10); k++) {
    const t = tokens[k]!
    if (t.kind === "punct") return false
    if (k < j + 6 && (t.norm === "has" || t.norm === "have") && isPast(tokens[k + 1]?.norm ?? "")) return true
    if (subject && phrase && isPast(t.norm)) return true
    phrase &&= t.cap || PHRASE_WORDS.has(t.norm) || /[a-z]ly$/.test(t.norm)
  }
  return false
}

/**
 * Is an event (trigger tokens [i, j) in the clause [a, b)) reported as news: a verb in the past or
 * present perfect ("signed", "has extended"), or a noun that such a verb governs from just before
 * ("held a meeting", "received an invitation") or predicates after it, with no word of background
 * ("previously")?
 */
export const reportedAsNews = (doc: Doc, a: number, i: number, j: number, b: number, pos: "verb" | "noun"): boolean => {
  const { tokens } = doc
  for (let k = a; k < j; k++) if (BACKGROUND.has(tokens[k]!.norm)) return false
  if (pos === "verb") return isPast(tokens[i]!.norm) || [1, 2].some((d) => i - d >= a && AUXILIARIES.has(tokens[i - d]!.norm))
  if (tokens[i - 1]?.norm === "of") return false
  for (let k = i - 1; k >= Math.max(a, i - 6); k--) {
    const t = tokens[k]!
    if ((t.kind === "punct" && t.text !== "$") || NOUN_PHRASE_STOP.has(t.norm)) break
    if (isPast(t.norm)) return true
  }
  return predicatedAfter(doc, a, i, j, b)
}

/** "a three-day trip", "a week-long tour": the event lasts several days, so a report's day is not its day. */
const MULTI_DAY = /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\b|\bweek-?long\b|\bmulti-?day\b/i
/** Does the clause [a, b) say its event lasts several days? */
export const multiDay = (doc: Doc, a: number, b: number): boolean => MULTI_DAY.test(doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end))
