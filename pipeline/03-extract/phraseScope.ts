/**
 * Which phrase a date expression belongs to, for attachDate (eventDates.ts): a fronted time phrase
 * ("Prior to the summit, on July 18, ..."), an aside on a name (", who has led X since 2016,"), a
 * bare year naming a noun ("a 2002 report"), a clause embedded after the object ("an agreement that
 * will take effect in 2026"), a relative clause on the event noun ("a contract that was signed in
 * 2023"), a "during" adjunct. Pure text tests over UTF-16 ranges.
 */
import type { DateMention } from "../text/dates.js"

/** A UTF-16 range. */
export interface Range {
  readonly start: number
  readonly end: number
}

/**
 * A trigger introduced by "during" ("reached during his visit to Washington in November") names the time of the event
 * before it.
 */
export const timeAdjunct = (text: string, t: Range): boolean => {
  const words = text
    .slice(Math.max(0, t.start - 50), t.start)
    .trimEnd()
    .split(/\s+/)
    .slice(-4)
  const k = words.map((w) => w.toLowerCase()).lastIndexOf("during")
  return k >= 0 && words.slice(k + 1).every((w) => /^[\w’'-]+$/.test(w))
}

/**
 * A phrase opening a clause that places what follows in time against an event ("Prior to the summit,", "During the
 * talks,").
 */
const FRONTED =
  /^\s*(?:prior to|before|after|ahead of|following|during|at|on the sidelines of|on the margins of|in the run-up to|on the eve of|in preparation for)\s[^,;:]*$/i

/**
 * Where the fronted time phrase that holds trigger `t` ends (the comma that closes it: "Prior to
 * the summit, on July 18, he visited Medina"), or null when `t` is in no such phrase. A date after
 * that comma is the main clause's, not the event the phrase names.
 */
export const frontedEnd = (text: string, clauseStart: number, t: Range): number | null => {
  if (t.start - clauseStart > 120 || !FRONTED.test(text.slice(clauseStart, t.start))) return null
  const comma = text.indexOf(",", t.end)
  return comma < 0 || comma - t.end > 100 || /[;.!?]/.test(text.slice(t.end, comma)) ? null : comma
}

/** A bare year before a word of its noun phrase ("a 2002 report", "the 2022 election", "its 2030 target"). */
export const attributiveYear = (text: string, d: DateMention): boolean =>
  d.precision === "year" && /^\d{4}$/.test(d.text) && /^\s[a-z]/.test(text.slice(d.end, d.end + 2))

/**
 * A comma that opens an aside describing the name before it: a relative pronoun or a participle (", who has been in
 * power since 2016,", ", elected in 2019,").
 */
const ASIDE_OPEN = /,\s(?:who|whom|whose|which|where|(?:[a-z]+ed|born|chosen|known|seen|held|won)\s)/g

/**
 * The asides of a clause: comma-delimited relative or participle clauses that describe a name
 * (", who has been in power since 2016,"). A date inside one dates that description, not an event
 * outside it. Ranges run from the opening comma to the closing one (or a dash); an aside that
 * does not close within the clause is none.
 */
export const asides = (text: string, clause: Range): Array<Range> => {
  const out: Array<Range> = []
  const body = text.slice(clause.start, clause.end)
  // (a clause may open with the relative pronoun itself and run on past the aside's closing comma)
  const lead = /^(?:who|whom|whose|which)\s[^,]{1,120},/.exec(body)
  if (lead) out.push({ start: clause.start, end: clause.start + lead[0].length - 1 })
  for (const m of body.matchAll(ASIDE_OPEN)) {
    const close = body.slice(m.index + 1).search(/,|\s[-–—]{1,2}\s/)
    if (close < 0 || close > 120) continue
    out.push({
      start: clause.start + m.index,
      end: clause.start + m.index + 1 + close
    })
  }
  return out
}

/**
 * Words between an event noun and a verb trigger that make the verb's clause describe the noun ("a contract that was
 * signed", "the treaty signed").
 */
const RELATIVE_ON_NOUN = /^\s(?:that\s|which\s)?(?:was\s|were\s|is\s|are\s|had\sbeen\s|has\sbeen\s|have\sbeen\s)?$/i

/**
 * "that" or "which" opening a clause with a verb of its own ("an agreement that will take effect in 2026", "a fund
 * which began work in 2022"), not a determiner ("that agreement").
 */
const EMBEDDED =
  /\b(?:that|which)\s[\w ]{0,40}?\b(?:will|would|was|were|is|are|has|have|had|can|could|may|might|must|shall|should|took|came|began|went|became|[a-z]{3,}ed)\b/i

/** A relative clause that opens right after the trigger noun ("a contract that ...", "the fund, which ..."). */
const RELATIVE_ON_NOUN_START = /^,?\s(?:that|which)\s/i

/**
 * Does the trigger `t` after the event noun `trig` head a relative clause on it ("a contract that was signed in June
 * 2023": the signing is the contract's)?
 */
export const describesEvent = (text: string, trig: Range, t: Range): boolean => {
  const between = text.slice(trig.end, t.start)
  const verb = text.slice(t.start, t.end)
  return (
    RELATIVE_ON_NOUN.test(between) &&
    (/\b(?:that|which)\b/i.test(between) || /(?:ed|held|made|reached|won|signed|struck|given|taken)$/i.test(verb))
  )
}

/**
 * Is the date `d` after the trigger in a clause embedded after the trigger's object ("signed an agreement that will
 * take effect in 2026"), not one on the trigger noun itself ("a contract that was signed in 2023")?
 */
export const embeddedAfter = (text: string, trig: Range, d: Range): boolean => {
  const between = text.slice(trig.end, d.start)
  return d.start >= trig.end && EMBEDDED.test(between) && !RELATIVE_ON_NOUN_START.test(between)
}
