/**
 * What an event's clause tells of when it happened when it states no date: told in the present
 * progressive (as the article is written), in the past or present perfect as news, in the
 * background ("previously", "has long"), or as lasting several days.
 */
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

/** Words that may stand between "is" and its participle ("are now traveling", "is also holding"). */
const BEFORE_PARTICIPLE = new Set(["now", "also", "still", "currently", "already", "reportedly"])
/**
 * The offset of the last closing quotation mark (” or ") in text[from, to), or -1: what stands before it in the clause
 * is quoted speech.
 */
const lastClosingQuote = (text: string, from: number, to: number): number => {
  for (let p = to - 1; p >= from; p--) {
    const c = text.charCodeAt(p)
    if (c === 0x201d || c === 0x22) return p
  }
  return -1
}
/**
 * "are traveling", "is holding", "prepares to": the clause reports what happens as the article is written (not the
 * words of a quotation before the trigger: "'we are watching,' X said").
 */
export const progressive = (doc: Doc, a: number, j: number): boolean => {
  const at = doc.tokens[j - 1]!.start
  // a token is quoted when a closing quotation mark stands between it and the trigger's last token: when it starts at
  // or before the last such mark (found once, instead of a slice of the text for every token)
  const lastQuote = a < j ? lastClosingQuote(doc.text, doc.tokens[a]!.start, at) : -1
  for (let k = a; k < j; k++) {
    if (doc.tokens[k]!.start <= lastQuote) continue
    const t = doc.tokens[k]!.norm
    // (the participle follows "is" at once or over an adverb: not "is to enshrine everlasting friendship, said X")
    let v = k + 1
    if (BEFORE_PARTICIPLE.has(doc.tokens[v]?.norm ?? "") || /[a-z]ly$/.test(doc.tokens[v]?.norm ?? "")) v++
    const participle = doc.tokens[v]?.norm ?? ""
    if (/^(is|are|am)$/.test(t) && v <= j && /ing$/.test(participle) && participle.length > 4) return true
    if (/^prepares?$/.test(t) && doc.tokens[k + 1]?.norm === "to") return true
  }
  return false
}

const IRREGULAR_PAST = new Set([
  "met",
  "was",
  "were",
  "had",
  "took",
  "began",
  "held",
  "made",
  "led",
  "saw",
  "said",
  "came",
  "went",
  "gave",
  "spoke",
  "brought",
  "became",
  "told",
  "won",
  "sent",
  "signed"
])
/** Does the clause up to its trigger speak of the past ("where they met", "which included")? */
export const pastTense = (doc: Doc, a: number, j: number): boolean => {
  for (let k = a; k < j; k++) {
    const t = doc.tokens[k]!.norm
    if (IRREGULAR_PAST.has(t) || (/[a-z]{2}ed$/.test(t) && t.length > 4)) return true
  }
  return false
}

/** Words that put an event in the background of the news: it happened at some other, unsaid time. */
const BACKGROUND = new Set([
  "previously",
  "ever",
  "never",
  "long",
  "regularly",
  "repeatedly",
  "traditionally",
  "often",
  "formerly",
  "once",
  "already",
  "historically",
  "had"
])
const AUXILIARIES = new Set(["has", "have", "was", "were"])
/** Words that end the verb phrase governing a noun ("noted that Trump's invitation": not governed by "noted"). */
const NOUN_PHRASE_STOP = new Set(["that", "which", "who", "of", "'s", "’s"])
const POSSESSIVE = new Set(["'s", "’s"])
const PREPOSITIONS = new Set(["with", "to", "for", "in", "on", "at", "by", "from", "into", "over", "through"])
const isPast = (t: string) => IRREGULAR_PAST.has(t) || (/[a-z]{2}ed$/.test(t) && t.length > 4)

/**
 * Adverbs after a verb that tell a standing state or a habit, not one occasion ("has invested heavily", "has visited
 * Washington regularly").
 */
const STATE_AFTER = new Set([
  "heavily",
  "extensively",
  "regularly",
  "repeatedly",
  "often",
  "frequently",
  "consistently",
  "steadily",
  "continuously"
])
/**
 * A period an event spans up to now or lies in, rather than a time of the news ("so far", "over the past eight years",
 * "during his first term").
 */
const PERIOD =
  /\b(?:so far|to date|for (?:years|decades)|in recent (?:years|decades)|(?:over|during|in) the (?:past|last) (?:two |three |four |five |six |seven |eight |nine |ten |few |several )?(?:years|decades)|(?:during|in) (?:his|her|their|its|[A-Z][\w-]*['’]s) (?:first|second|third|previous) (?:term|presidency|tenure|mandate))\b/gi

/** Words in -est that are no superlatives. */
const NOT_SUPERLATIVE = new Set([
  "interest",
  "forest",
  "request",
  "protest",
  "harvest",
  "west",
  "contest",
  "suggest",
  "honest",
  "modest",
  "invest",
  "arrest"
])
/**
 * Is there a superlative or an ordinal among the six words before "so far" / "to date" ("the largest order so far")?
 */
const ranked = (before: string): boolean =>
  before
    .split(/\s+/)
    .slice(-6)
    .map((w) => w.replace(/\W/g, "").toLowerCase())
    .some((w) => (/^[a-z]{2,}est$/.test(w) && !NOT_SUPERLATIVE.has(w)) || w === "first" || w === "only" || w === "most")

/**
 * Is a trigger at [tStart, tEnd) told over a period stated in its clause [from, to): a period
 * expression that opens the clause ("Over the past eight years, ...") or stands with no comma
 * between it and the trigger ("have so far led", "launched during his first term")?
 */
export const overPeriod = (text: string, from: number, to: number, tStart: number, tEnd: number): boolean => {
  for (const m of text.slice(from, to).matchAll(PERIOD)) {
    const start = from + m.index
    const end = start + m[0].length
    const between = end <= tStart ? text.slice(end, tStart) : start >= tEnd ? text.slice(tEnd, start) : ""
    // "the largest deal so far", "its biggest order to date" rank the event; they do not spread it over a period
    if (/^(?:so|to)/i.test(m[0]) && ranked(text.slice(Math.max(from, start - 60), start))) continue
    if (m.index === 0 || !/[,;:]/.test(between)) return true
  }
  return false
}

/**
 * Does the clause [a, b) tell its event (trigger tokens [i, j)) as a state, a habit or something spanning a period (see
 * STATE_AFTER, PERIOD)?
 */
const standing = (doc: Doc, a: number, i: number, j: number, b: number): boolean => {
  for (let k = j; k < Math.min(b, j + 4) && doc.tokens[k]!.kind !== "punct"; k++)
    if (STATE_AFTER.has(doc.tokens[k]!.norm)) return true
  return overPeriod(
    doc.text,
    doc.tokens[a]!.start,
    doc.tokens[b - 1]!.end,
    doc.tokens[i]!.start,
    doc.tokens[j - 1]!.end
  )
}

/**
 * Does the text after a noun phrase (tokens from j to the clause end b, up to punctuation) hold a verb of its own
 * ("said Trump's visit was")?
 */
const verbAfter = (doc: Doc, j: number, b: number): boolean => {
  for (let k = j; k < b && doc.tokens[k]!.kind !== "punct"; k++)
    if (isPast(doc.tokens[k]!.norm) || FINITE.has(doc.tokens[k]!.norm)) return true
  return false
}
const FINITE = new Set([
  "is",
  "are",
  "was",
  "were",
  "has",
  "have",
  "will",
  "would",
  "can",
  "could",
  "may",
  "might",
  "should",
  "must"
])

/**
 * Words a subject noun's own phrase may hold before its verb ("Trump's conversation with President X of Uzbekistan
 * similarly focused").
 */
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
  if (standing(doc, a, i, j, b)) return false
  if (pos === "verb")
    return isPast(tokens[i]!.norm) || [1, 2].some((d) => i - d >= a && AUXILIARIES.has(tokens[i - d]!.norm))
  if (tokens[i - 1]?.norm === "of") return false
  let ownPhrase = true
  for (let k = i - 1; k >= Math.max(a, i - 8); k--) {
    const t = tokens[k]!
    // (a possessive before a preposition is another noun's: "replied to the minister's proposal with a note")
    if (PREPOSITIONS.has(t.norm)) ownPhrase = false
    // "described Trump's conversation as lengthy": the verb before the possessor governs the noun,
    // unless the noun phrase has a verb of its own ("said Trump's visit was a success")
    if (POSSESSIVE.has(t.norm) && !ownPhrase) continue
    if (POSSESSIVE.has(t.norm)) {
      let m = k - 1
      while (m > a && tokens[m]!.cap) m--
      if (m < k - 1 && isPast(tokens[m]!.norm) && !verbAfter(doc, j, b)) return true
      break
    }
    if ((t.kind === "punct" && t.text !== "$") || NOUN_PHRASE_STOP.has(t.norm)) break
    if (isPast(t.norm)) return true
  }
  return predicatedAfter(doc, a, i, j, b)
}

/** "a three-day trip", "a week-long tour": the event lasts several days, so a report's day is not its day. */
const MULTI_DAY = /\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\b|\bweek-?long\b|\bmulti-?day\b/i
/** Does the clause [a, b) say its event lasts several days? */
export const multiDay = (doc: Doc, a: number, b: number): boolean =>
  MULTI_DAY.test(doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end))

/**
 * Does the clause from token a describe a name before it (", which she chairs", after "the
 * Water Council")? Such a clause tells what the named thing is, not news of the report. A
 * person's relative clause (", who arrived on Monday,") often does tell news, so only non-persons.
 */
export const describesName = (doc: Doc, at: ReadonlyArray<Mention | undefined>, a: number): boolean => {
  if (doc.tokens[a]?.norm !== "which" || doc.tokens[a - 1]?.text !== ",") return false
  const named = at[a - 2]
  if (named !== undefined) return named.tokEnd === a - 1 && named.type !== "person"
  // (a thing named by a common noun, "the banking sector, which officials have cited", likewise; not an event noun:
  // "the summit, which ended with ...")
  const noun = doc.tokens[a - 2]
  return noun !== undefined && noun.kind === "word" && !noun.cap && doc.lex.triggers.longest(doc.tokens, a - 2) === null
}
