/**
 * Which date an event mention takes: a date expression of its own clause that no other trigger
 * stands between; in a relative clause (", where ...") the date of the clause it hangs on; else
 * the article's reference time (its lead's date, or the publication day or month) for reported events.
 */
import type { DatePrecision, Modality } from "../../schemas/vocab.js"
import { findDates, type DateMention } from "./dates.js"
import type { Doc } from "./doc.js"
import { multiDay, overPeriod } from "./newsCues.js"

export { describesName, multiDay, pastTense, progressive, reportedAsNews } from "./newsCues.js"

/** A date as an event carries it; `end`, the last day (or month) of an interval the text states ("from 10 to 13 June"). */
export interface EventDate {
  readonly value: string | null
  readonly precision: DatePrecision
  readonly end?: string
}

/** The date of an event told by a date expression: its value, and the end of the interval it states. */
export const eventDateOf = (d: DateMention): EventDate => ({ value: d.value, precision: d.precision, ...(d.last !== undefined ? { end: d.last } : {}) })

/** A UTF-16 range. */
interface Range {
  readonly start: number
  readonly end: number
}

/**
 * For a reference known only to its year, the month it is taken to be in: that of the latest
 * past date the article states with its year and month, or January when that date lies in an
 * earlier year (an article of 2026 whose latest past date is "December 2025" was written early in
 * 2026, so "in October" is October 2025). Null when the article states no such date.
 */
export const monthGuess = (text: string, year: number): number | null => {
  const past = findDates(text, { value: null, precision: "unknown" }).filter(
    (d) => !d.relative && d.precision !== "year" && Number(d.value.slice(0, 4)) <= year && !FUTURE_CUE.test(text.slice(Math.max(0, d.start - 60), d.start))
  )
  if (past.length === 0) return null
  const latest = past.reduce((x, y) => (y.value > x.value ? y : x)).value
  return Number(latest.slice(0, 4)) < year ? 1 : Number(latest.slice(5, 7))
}

/**
 * For a reference known only to its month ("2024-02"), the latest day of that month the article
 * states with its year as past ("February 8, 2024"): the news is no older, so a weekday it names is
 * the first such day on or after it. Null when the article states no day of that month.
 */
export const dayFloor = (text: string, month: string): number | null => {
  const days = findDates(text, { value: null, precision: "unknown" }).filter(
    (d) => !d.relative && d.precision === "day" && d.value.startsWith(month) && !FUTURE_CUE.test(text.slice(Math.max(0, d.start - 60), d.start))
  )
  return days.length === 0 ? null : Math.max(...days.map((d) => Number(d.value.slice(8, 10))))
}

/** The date expressions of every sentence, in document order; day anaphora ("the same day") reach back across sentences. */
export const documentDates = (doc: Doc): ReadonlyArray<ReadonlyArray<DateMention>> => {
  let prev: string | null = null
  const value = doc.ref.value
  const ref =
    doc.ref.precision === "year" && value !== null
      ? { ...doc.ref, monthGuess: monthGuess(doc.text, Number(value.slice(0, 4))) }
      : doc.ref.precision === "month" && value !== null
        ? { ...doc.ref, dayFloor: dayFloor(doc.text, value) }
        : doc.ref
  return doc.sentences.map((s) => {
    const ds = findDates(s.text, ref, prev).map((x) => ({ ...x, start: x.start + s.start, end: x.end + s.start }))
    for (const d of ds) if (d.precision === "day") prev = d.value
    return ds
  })
}

const RELATIVE_OPENERS = new Set(["where", "when", "which", "while"])
/** Words before a date that make it the date of something still to come. */
const FUTURE_CUE = /\b(will|would|scheduled|upcoming|set to|due to|starting|plans? to|expected|to be held)\b[^.;]{0,60}$/i

/** What precedes a dateline's date: nothing, a "date" marker, or a city in capitals and a comma. */
const isDateline = (before: string): boolean => {
  const t = before.trim()
  return t === "" || t === "date" || /^[A-Z][A-Z .'-]*,$/.test(t)
}

/** Is `d` a dateline's stated date: after a "date" marker or a city in capitals, or alone before a dash or an agency ("June 18, 2025 --")? */
const datelineAt = (text: string, from: number, d: DateMention): boolean => {
  const before = text.slice(from, d.start)
  return !d.relative && isDateline(before) && (before.trim() !== "" || /^\s*[-–—(]/.test(text.slice(d.end, d.end + 3)))
}

/** Distance in characters between a trigger and a date expression (0 when they touch). */
const gap = (t: Range, d: Range) => (d.start >= t.end ? d.start - t.end : t.start >= d.end ? t.start - d.end : 0)

/** A trigger introduced by "during" ("reached during his visit to Washington in November") names the time of the event before it. */
const timeAdjunct = (text: string, t: Range): boolean => {
  const words = text.slice(Math.max(0, t.start - 50), t.start).trimEnd().split(/\s+/).slice(-4)
  const k = words.map((w) => w.toLowerCase()).lastIndexOf("during")
  return k >= 0 && words.slice(k + 1).every((w) => /^[\w’'-]+$/.test(w))
}

const ANCHORING = new Set(["after", "before", "since", "until", "following"])
/**
 * Where the temporal preposition starts that makes a trigger the time another event is told
 * against ("opened an embassy in 1995, soon after the end of the war"): such a
 * trigger's own date can only follow it. Null when the trigger is no such anchor.
 */
export const anchorAt = (text: string, t: Range): number | null => {
  const from = Math.max(0, t.start - 50)
  const words = [...text.slice(from, t.start).matchAll(/\S+/g)].slice(-5)
  let k = words.length - 1
  while (k >= 0 && !ANCHORING.has(words[k]![0].toLowerCase())) k--
  return k >= 0 && words.slice(k + 1).every((w) => /^[\w’'.-]+$/.test(w[0])) ? from + words[k]!.index : null
}

/** A phrase opening a clause that places what follows in time against an event ("Prior to the summit,", "During the talks,"). */
const FRONTED = /^\s*(?:prior to|before|after|ahead of|following|during|at|on the sidelines of|on the margins of|in the run-up to|on the eve of|in preparation for)\s[^,;:]*$/i

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
const attributiveYear = (text: string, d: DateMention): boolean => d.precision === "year" && /^\d{4}$/.test(d.text) && /^\s[a-z]/.test(text.slice(d.end, d.end + 2))

/** A comma that opens an aside describing the name before it: a relative pronoun or a participle (", who has been in power since 2016,", ", elected in 2019,"). */
const ASIDE_OPEN = /,\s(?:who|whom|whose|which|where|(?:[a-z]+ed|born|chosen|known|seen|held|won)\s)/g

/**
 * The asides of a clause: comma-delimited relative or participle clauses that describe a name
 * (", who has been in power since 2016,"). A date inside one dates that description, not an event
 * outside it. Ranges run from the opening comma to the closing one (or a dash); an aside that
 * does not close within the clause is none.
 */
const asides = (text: string, clause: Range): Array<Range> => {
  const out: Array<Range> = []
  const body = text.slice(clause.start, clause.end)
  // (a clause may open with the relative pronoun itself and run on past the aside's closing comma)
  const lead = /^(?:who|whom|whose|which)\s[^,]{1,120},/.exec(body)
  if (lead) out.push({ start: clause.start, end: clause.start + lead[0].length - 1 })
  for (const m of body.matchAll(ASIDE_OPEN)) {
    const close = body.slice(m.index + 1).search(/,|\s[-–—]{1,2}\s/)
    if (close < 0 || close > 120) continue
    out.push({ start: clause.start + m.index, end: clause.start + m.index + 1 + close })
  }
  return out
}

/** Words between an event noun and a verb trigger that make the verb's clause describe the noun ("a contract that was signed", "the treaty signed"). */
const RELATIVE_ON_NOUN = /^\s(?:that\s|which\s)?(?:was\s|were\s|is\s|are\s|had\sbeen\s|has\sbeen\s|have\sbeen\s)?$/i

/** "that" or "which" opening a clause with a verb of its own ("an agreement that will take effect in 2026", "a fund which began work in 2022"), not a determiner ("that agreement"). */
const EMBEDDED = /\b(?:that|which)\s[\w ]{0,40}?\b(?:will|would|was|were|is|are|has|have|had|can|could|may|might|must|shall|should|took|came|began|went|became|[a-z]{3,}ed)\b/i

/** A relative clause that opens right after the trigger noun ("a contract that ...", "the fund, which ..."). */
const RELATIVE_ON_NOUN_START = /^,?\s(?:that|which)\s/i

/** Does the trigger `t` after the event noun `trig` head a relative clause on it ("a contract that was signed in June 2023": the signing is the contract's)? */
const describesEvent = (text: string, trig: Range, t: Range): boolean => {
  const between = text.slice(trig.end, t.start)
  const verb = text.slice(t.start, t.end)
  return RELATIVE_ON_NOUN.test(between) && (/\b(?:that|which)\b/i.test(between) || /(?:ed|held|made|reached|won|signed|struck|given|taken)$/i.test(verb))
}

/** Does the text between an event and another say the other elaborates it: ", including" or "such as" and up to four words? */
const elaborates = (between: string): boolean => {
  const m = /^[\s,”"’')]*(?:including|such as)\s/i.exec(between)
  if (!m) return false
  const rest = between.slice(m[0].length)
  return !/[,;]/.test(rest) && rest.split(/\s+/).filter((w) => w !== "").length <= 4
}

/**
 * The date expression of an event whose trigger is `trig` in the clause `clause` of a sentence
 * with `dates` and the spans of all triggers in it (`triggers`): the nearest date in the clause
 * that no other trigger claims. A date after the trigger is claimed by a trigger standing between
 * ("invited ... to the summit set for next year": "next year" is the summit's), unless that trigger
 * only names the time ("during his visit"); a date before it by a trigger before the date that
 * stands nearer to it, across a comma or "that" ("will visit Central Asia in 2026, given ... the
 * war": the visit's); a dateline's date by the trigger nearest it. A reporting verb does not take
 * a date from what it reports ("adding that last year's exports"); an event after "after" or
 * "since" takes only a date that follows it; one told over a period ("so far") no vague "recent".
 * In a clause opened by "where", "when", "which" or "while" with no date of its own, the last
 * (most precise) date before the clause.
 */
export const attachDate = (
  dates: ReadonlyArray<DateMention>,
  trig: Range,
  clause: Range,
  triggers: ReadonlyArray<Range>,
  opener: string | null,
  context: { readonly text: string; readonly reporting: boolean } = { text: "", reporting: false }
): DateMention | null => {
  const others = triggers.filter((t) => t.start !== trig.start && t.start >= clause.start && t.end <= clause.end)
  // an event that elaborates the one just before it ("trade deals, including equipment supplies") shares its time
  const elaborated = others.find((t) => t.end <= trig.start && elaborates(context.text.slice(t.end, trig.start)))
  if (elaborated) return attachDate(dates, elaborated, clause, triggers, opener, { text: context.text, reporting: false })
  // a trigger in a fronted time phrase ("Prior to the summit,") claims no date after the comma that closes it; its own dates lie before it
  const fronted = (t: Range) => frontedEnd(context.text, clause.start, t)
  const own = fronted(trig)
  // a date in an aside that describes a name ("X, who has been in power since 2016, called for ...") is not the trigger's
  // (an aside on a person, ", who ...", never tells an event's time; one by "which" or a participle may describe the event noun just before it: "the summit in Washington, scheduled for November 6")
  const aside = asides(context.text, clause).filter(
    (r) =>
      !(trig.start >= r.start && trig.end <= r.end) &&
      (/^,?\s?(?:who|whom|whose)\b/i.test(context.text.slice(r.start, r.start + 8)) || !(trig.end <= r.start && r.start - trig.end <= 40 && !/[,;]/.test(context.text.slice(trig.end, r.start))))
  )
  const claimed = (d: DateMention) => {
    if (own !== null && d.start > own) return true
    // a bare year before a noun names that noun's time ("a 2002 report", "the 2022 election"): only a trigger in that noun phrase takes it
    if (attributiveYear(context.text, d) && !(trig.start >= d.end && trig.start - d.end <= 30 && !/[,;:.]/.test(context.text.slice(d.end, trig.start)))) return true
    if (aside.some((r) => d.start >= r.start && d.end <= r.end)) return true
    // a dateline's date ("date 2024-03-02 the agency published ...") dates the report it opens, not every event after it
    if (datelineAt(context.text, clause.start, d) && others.some((t) => gap(t, d) < gap(trig, d))) return true
    // (a nearer trigger before a date claims it only across a comma or "that": "in November and at the summit" is both's)
    if (d.end <= trig.start)
      return /,|\bthat\b/.test(context.text.slice(d.end, trig.start)) && others.some((t) => t.end <= d.start && gap(t, d) < gap(trig, d) && !((fronted(t) ?? Infinity) < d.start))
    const lo = Math.min(trig.end, d.end)
    const hi = Math.max(trig.start, d.start)
    if (context.reporting && /\bthat\b/i.test(context.text.slice(lo, hi))) return true
    // a date in a clause embedded after the trigger's object is that clause's ("signed an agreement that will take effect in 2026"),
    // unless the clause describes the trigger noun itself ("a contract that was signed in 2023")
    if (d.start >= trig.end && EMBEDDED.test(context.text.slice(trig.end, d.start)) && !RELATIVE_ON_NOUN_START.test(context.text.slice(trig.end, d.start))) return true
    // (a verb whose clause describes the event noun, "a contract that was signed in June 2023", tells the noun's time)
    return others.some((t) => t.start >= lo && t.end <= hi && !timeAdjunct(context.text, t) && !(d.start >= trig.end && describesEvent(context.text, trig, t)))
  }
  // a clause told over a period ("have so far led recent efforts") is not dated by a vague "recent"
  const vague = (d: DateMention) => d.rule === "date.recent.v1" && overPeriod(context.text, clause.start, clause.end, trig.start, trig.end)
  const anchor = anchorAt(context.text, trig)
  // (a date that holds the trigger, "the tenth anniversary of", is the time of what it counts from, not the trigger's)
  const pool = dates.filter((d) => d.start >= (anchor ?? clause.start) && d.end <= clause.end && !claimed(d) && !vague(d) && !(d.start <= trig.start && d.end >= trig.end))
  if (pool.length > 0) return pool.reduce((x, y) => (gap(trig, y) < gap(trig, x) ? y : x))
  if (opener === null || !RELATIVE_OPENERS.has(opener) || dates.some((d) => d.start >= clause.start && d.end <= clause.end)) return null
  const before = dates.filter((d) => d.end <= clause.start)
  const last = before[before.length - 1]
  if (!last) return null
  const rank = (p: DateMention["precision"]) => (p === "day" ? 3 : p === "month" ? 2 : 1)
  return before.filter((d) => d.value.startsWith(last.value) && rank(d.precision) > rank(last.precision)).pop() ?? last
}

/**
 * The article's lead date: the first day-precision date of its first three body sentences that
 * does not announce something to come, is not quoted, and (when the publication day is known) not after it.
 */
export const leadDate = (doc: Doc, dates: ReadonlyArray<ReadonlyArray<DateMention>>, isBody: (offset: number) => boolean, quoted: (offset: number) => boolean = () => false): EventDate | null => {
  let seen = 0
  for (let si = 0; si < doc.sentences.length && seen < 3; si++) {
    const s = doc.sentences[si]!
    // (a sentence that opens with a date marker or a title still has a body after it: "date 2024-07-15 On the afternoon of July 5, ...")
    const body = dates[si]!.filter((d) => isBody(d.start))
    if ((!isBody(s.start) && body.length === 0) || !/[a-z]{3}/.test(s.text)) continue
    seen++
    for (const d of body) {
      const before = doc.text.slice(s.start, d.start)
      // not a date to come, a dateline ("ALMATY, March 2, 2024 (PRNewswire)") or the start of a span ("from June 9 to 12")
      // (nor a speaker's own "today" inside a quotation)
      if (d.precision !== "day" || quoted(d.start) || FUTURE_CUE.test(before) || isDateline(before) || /\bfrom\s$/i.test(before)) continue
      if (doc.ref.precision === "day" && doc.ref.value !== null && d.value > doc.ref.value) continue
      return { value: d.value, precision: "day" }
    }
  }
  return null
}

/** What an undated event's clause tells of its time. */
export interface UndatedCues {
  /** Told in the present progressive ("are traveling"). */
  readonly progressive: boolean
  /** Reported as news (see reportedAsNews). */
  readonly news: boolean
  /** Said to last several days ("a three-day trip"). */
  readonly multiDay: boolean
  /** Told in a relative clause describing a name (", which he co-founded"). */
  readonly describing?: boolean
  /** Said by a commentator the article quotes ("X, a political scientist"; see commentary.ts). */
  readonly commentary?: boolean
}

/**
 * The date of an event with no date expression of its own. A hypothetical event takes none; one
 * told in the present progressive ("are traveling", "prepares to host") the publication month;
 * another upcoming one, or one told in a relative clause describing a name (", which he
 * co-founded"), none; a statement (not a commentator's), or an event reported as news, the lead's date (its month for an event of
 * several days), else the publication day (a report without a lead tells the news of its own day), or month when only that is known; anything else none.
 */
export const undatedDate = (doc: Doc, type: string, modality: Modality, cues: UndatedCues, lead: EventDate | null): EventDate => {
  const none: EventDate = { value: null, precision: "unknown" }
  const month: EventDate = doc.ref.value !== null && doc.ref.value.length >= 7 ? { value: doc.ref.value.slice(0, 7), precision: "month" } : none
  const day: EventDate = doc.ref.value !== null && doc.ref.precision === "day" ? { value: doc.ref.value, precision: "day" } : month
  const reported = lead === null ? (cues.multiDay ? month : day) : cues.multiDay && lead.value !== null ? { value: lead.value.slice(0, 7), precision: "month" as const } : lead
  if (modality === "hypothetical") return none
  if (cues.progressive) return month
  if (modality === "planned" || modality === "expected" || cues.describing === true) return none
  if (type === "statement") return cues.commentary === true ? none : reported
  if (modality === "negated" || !cues.news) return none
  return reported
}

/** Words that make an event noun the occasion of the event before it ("welcomed leaders ... for the summit", "to attend a meeting"). */
const OCCASION = new Set(["for", "at", "attend", "attends", "attended", "attending"])
/** Verbs before "in" that make the noun after it an occasion ("to participate in the summit", "took part in a forum"). */
const OCCASION_IN = new Set(["participate", "participates", "participated", "participating", "part"])
const SKIPPED = new Set(["the", "a", "an", "its", "their", "his", "her", "and", "or", "'s", "’s", "-", "–", "—", "(", ")", "first", "second", "third", "annual", "upcoming", "inaugural"])
/** Words that end the noun phrase of an occasion to the left (a lowercase word other than these may be part of its name: "the Central Asian countries summit"). */
const PHRASE_END = new Set(["to", "of", "on", "by", "with", "from", "that", "which", "who", "as", "than", "into", "over", "was", "were", "is", "are", "be", "been", "has", "have", "had"])

/**
 * Is the event noun at token i introduced by "for", "at", "attend" or "participate in" / "take
 * part in" over determiners, ordinals, names and the words of its name (back to the sentence's
 * start `a`, at most sixteen tokens: "to participate in the inaugural Gulf – Central Asian countries summit")?
 */
const occasionOf = (doc: Doc, a: number, i: number): boolean => {
  for (let k = i - 1; k >= Math.max(a, i - 16); k--) {
    const t = doc.tokens[k]!
    if (OCCASION.has(t.norm)) return true
    if (t.norm === "in" && OCCASION_IN.has(doc.tokens[k - 1]?.norm ?? "")) return true
    if (SKIPPED.has(t.norm) || t.cap || t.kind === "num") continue
    if (t.kind !== "word" || PHRASE_END.has(t.norm) || /(ed|ing)$/.test(t.norm)) return false
  }
  return false
}

/** An event told earlier in the sentence, at its trigger's offset. */
export interface EarlierEvent {
  readonly start: number
  readonly ev: { readonly date: EventDate; readonly dateFromReport: boolean; readonly modality: Modality; readonly trigger: { readonly event_type: string } }
}
/** Events whose occasion an event noun can be ("visited Dushanbe to attend a meeting", "arrived for the summit"). */
const OCCASION_HOSTS = new Set(["visit", "meeting"])

/**
 * The date of an event noun (token i) that is the occasion of the visit or meeting told just
 * before it in its sentence ("flew to Bishkek on a two-day trip to attend a meeting of the CIS
 * council"), or the time of the event told just before it ("documents were signed during the
 * president's visit to Bishkek"): that event's date (a visit, which lasts days, at its month);
 * null when it is neither. (`a`, the start of the noun's clause, is kept for callers; the sentence
 * is searched, since a dash in a name opens a clause.)
 */
export const occasionDate = (doc: Doc, _a: number, i: number, earlier: ReadonlyArray<EarlierEvent>): { readonly date: EventDate; readonly fromReport: boolean } | null => {
  const a = doc.sentences[doc.sentenceOf[i]!]!.tokStart
  const during = doc.tokens[i - 1] !== undefined && timeAdjunct(doc.text, { start: doc.tokens[i]!.start, end: doc.tokens[i]!.end })
  if (!during && !occasionOf(doc, a, i)) return null
  const from = doc.tokens[a]!.start
  const to = doc.tokens[i]!.start
  const host = [...earlier].reverse().find((x) => x.start >= from && x.start < to)
  if (!host || host.ev.date.value === null || host.ev.modality !== "asserted" || (!during && !OCCASION_HOSTS.has(host.ev.trigger.event_type))) return null
  const lasting = during && host.ev.date.precision === "day" && doc.lex.triggers.longest(doc.tokens, i)?.values.some((v) => v.pos === "noun" && v.event_type === "visit") === true
  return { date: lasting ? { value: host.ev.date.value.slice(0, 7), precision: "month" } : host.ev.date, fromReport: host.ev.dateFromReport }
}

/** An event told before, as continuationDate needs it. */
export interface TellingEvent {
  readonly triggerStart: number
  readonly date: EventDate
  readonly dateFromReport: boolean
  readonly modality: Modality
  readonly trigger: { readonly event_type: string }
}
const PRONOUN_SUBJECT = new Set(["he", "she", "they"])
const FACTUAL: ReadonlySet<Modality> = new Set(["asserted"])
const TO_COME: ReadonlySet<Modality> = new Set(["planned", "expected"])

/**
 * The date of an undated event (not a statement) told by a sentence that goes on with the visitor
 * or the meeting of the sentence before it ("Yoon will travel to Astana on Tuesday for a three-day
 * visit. He will hold a summit with Tokayev ..."): the sentence opens with "he", "she" or "they"
 * and the trigger follows within four words; the sentence before tells a visit or meeting with a
 * stated date and the same standing (held, or to come; or to come within a visit of several days
 * under way). A visit of several days gives its month (the day within it is not said). Null otherwise; a statement stays the news of the report.
 */
export const continuationDate = (doc: Doc, earlier: ReadonlyArray<TellingEvent>, si: number, i: number, type: string, modality: Modality): EventDate | null => {
  const s = doc.sentences[si]!
  const prev = doc.sentences[si - 1]
  if (prev === undefined || type === "statement" || !PRONOUN_SUBJECT.has(doc.tokens[s.tokStart]?.norm ?? "") || i - s.tokStart > 4) return null
  if (!FACTUAL.has(modality) && !TO_COME.has(modality)) return null
  const from = prev.start
  const to = prev.start + prev.text.length
  const host = [...earlier]
    .reverse()
    .find((e) => e.triggerStart >= from && e.triggerStart < to && (e.trigger.event_type === "visit" || e.trigger.event_type === "meeting") && (FACTUAL.has(e.modality) || TO_COME.has(e.modality)))
  if (!host || host.date.value === null || host.dateFromReport) return null
  const lasting = host.date.precision === "day" && (host.date.end !== undefined || multiDay(doc, prev.tokStart, prev.tokEnd))
  // (the same standing: held after held, to come after to come; or to come within a visit of several days under way)
  if (FACTUAL.has(modality) !== FACTUAL.has(host.modality) && !(lasting && FACTUAL.has(host.modality))) return null
  return lasting ? { value: host.date.value.slice(0, 7), precision: "month" } : { value: host.date.value, precision: host.date.precision }
}

/** A reporting verb and up to five words before the "that" of its complement ("announced that", "said on Monday that", "told reporters that"). */
const COMPLEMENT = /^[\w'’-]+[\w'’.,\s-]{0,50}?\sthat\s/i

/**
 * The date of an undated event told in the complement of a statement before it in its sentence
 * ("Trump announced that his administration had brokered a peace agreement", "he noted that
 * Washington is issuing licenses"): the statement's date, the time the report makes it known.
 * Only for events told as fact; null when no dated statement governs the event this way.
 */
export const complementDate = (doc: Doc, i: number, earlier: ReadonlyArray<EarlierEvent>): { readonly date: EventDate; readonly fromReport: boolean } | null => {
  const at = doc.tokens[i]!.start
  const s = doc.sentences[doc.sentenceOf[i]!]!
  for (let k = earlier.length - 1; k >= 0; k--) {
    const x = earlier[k]!
    if (x.start < s.start || x.start >= at || x.ev.trigger.event_type !== "statement") continue
    if (x.ev.date.value === null || x.ev.modality !== "asserted" || !COMPLEMENT.test(doc.text.slice(x.start, at))) continue
    return { date: x.ev.date, fromReport: x.ev.dateFromReport }
  }
  return null
}
