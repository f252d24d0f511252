/**
 * Which date an event mention takes: a date expression of its own clause that no other trigger
 * stands between (which phrase a date belongs to: phraseScope.ts); in a relative clause (", where
 * ...") the date of the clause it hangs on; a date taken from an event told beside it
 * (inheritedDates.ts); else the article's reference time (its lead's date, or the publication day
 * or month) for reported events.
 */
import type { DatePrecision, Modality } from "../../schemas/vocab.js"
import { type DateMention, findDates } from "../text/dates.js"
import type { Doc } from "./doc.js"
import { overPeriod } from "./newsCues.js"
import {
  asides,
  attributiveYear,
  describesEvent,
  embeddedAfter,
  frontedEnd,
  type Range,
  timeAdjunct
} from "./phraseScope.js"

export {
  complementDate,
  continuationDate,
  countedDates,
  type EarlierEvent,
  frontedDates,
  gatheringDates,
  occasionDate,
  type TellingEvent
} from "./inheritedDates.js"
export {
  describesName,
  multiDay,
  pastTense,
  progressive,
  reportedAsNews
} from "./newsCues.js"

/**
 * A date as an event carries it; `end`, the last day (or month) of an interval the text states ("from 10 to 13 June").
 */
export interface EventDate {
  readonly value: string | null
  readonly precision: DatePrecision
  readonly end?: string
}

/** The date of an event told by a date expression: its value, and the end of the interval it states. */
export const eventDateOf = (d: DateMention): EventDate => ({
  value: d.value,
  precision: d.precision,
  ...(d.last !== undefined ? { end: d.last } : {})
})

/**
 * For a reference known only to its year, the month it is taken to be in: that of the latest
 * past date the article states with its year and month, or January when that date lies in an
 * earlier year (an article of 2026 whose latest past date is "December 2025" was written early in
 * 2026, so "in October" is October 2025). Null when the article states no such date.
 */
export const monthGuess = (text: string, year: number): number | null => {
  const past = findDates(text, { value: null, precision: "unknown" }).filter(
    (d) =>
      !d.relative &&
      d.precision !== "year" &&
      Number(d.value.slice(0, 4)) <= year &&
      !FUTURE_CUE.test(text.slice(Math.max(0, d.start - 60), d.start))
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
    (d) =>
      !d.relative &&
      d.precision === "day" &&
      d.value.startsWith(month) &&
      !FUTURE_CUE.test(text.slice(Math.max(0, d.start - 60), d.start))
  )
  return days.length === 0 ? null : Math.max(...days.map((d) => Number(d.value.slice(8, 10))))
}

/**
 * The date expressions of every sentence, in document order; day anaphora ("the same day") reach back across sentences.
 */
export const documentDates = (doc: Doc): ReadonlyArray<ReadonlyArray<DateMention>> => {
  let prev: string | null = null
  const value = doc.ref.value
  const ref =
    doc.ref.precision === "year" && value !== null
      ? {
          ...doc.ref,
          monthGuess: monthGuess(doc.text, Number(value.slice(0, 4)))
        }
      : doc.ref.precision === "month" && value !== null
        ? { ...doc.ref, dayFloor: dayFloor(doc.text, value) }
        : doc.ref
  return doc.sentences.map((s) => {
    const ds = findDates(s.text, ref, prev).map((x) => ({
      ...x,
      start: x.start + s.start,
      end: x.end + s.start
    }))
    for (const d of ds) if (d.precision === "day") prev = d.value
    return ds
  })
}

const RELATIVE_OPENERS = new Set(["where", "when", "which", "while"])
/** Words before a date that make it the date of something still to come. */
const FUTURE_CUE =
  /\b(will|would|scheduled|upcoming|set to|due to|starting|plans? to|expected|to be held)\b[^.;]{0,60}$/i

/** What precedes a dateline's date: nothing, a "date" marker, or a city in capitals and a comma. */
const isDateline = (before: string): boolean => {
  const t = before.trim()
  return t === "" || t === "date" || /^[A-Z][A-Z .'-]*,$/.test(t)
}

/**
 * Is `d` a dateline's stated date: after a "date" marker or a city in capitals, or alone before a dash or an agency
 * ("June 18, 2025 --")?
 */
const datelineAt = (text: string, from: number, d: DateMention): boolean => {
  const before = text.slice(from, d.start)
  return !d.relative && isDateline(before) && (before.trim() !== "" || /^\s*[-–—(]/.test(text.slice(d.end, d.end + 3)))
}

/**
 * Is the trigger a participle opening the text after `from` and closed by a comma ("Attending the climate conference in
 * Dubai, ...")?
 */
const participleOpener = (text: string, from: number, t: Range): boolean => {
  const comma = text.indexOf(",", t.end)
  return (
    /^\s*(?:while\s)?$/i.test(text.slice(from, t.start)) &&
    /ing$/.test(text.slice(t.start, t.end)) &&
    comma >= 0 &&
    comma - t.end <= 160 &&
    !/[.;:!?]/.test(text.slice(t.end, comma))
  )
}

/** Distance in characters between a trigger and a date expression (0 when they touch). */
const gap = (t: Range, d: Range) => (d.start >= t.end ? d.start - t.end : t.start >= d.end ? t.start - d.end : 0)

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

/**
 * Does the text between an event and another say the other elaborates it: ", including" or "such as" and up to four
 * words?
 */
const elaborates = (between: string): boolean => {
  const m = /^[\s,”"’')]*(?:including|such as)\s/i.exec(between)
  if (!m) return false
  const rest = between.slice(m[0].length)
  return !/[,;]/.test(rest) && rest.split(/\s+/).filter((w) => w !== "").length <= 4
}

/** What decides whether a date in the clause belongs to the trigger or to something else there. */
interface DateScene {
  readonly text: string
  readonly reporting: boolean
  readonly trig: Range
  readonly clause: Range
  /** The other triggers of the clause. */
  readonly others: ReadonlyArray<Range>
  /** Where the trigger's fronted time phrase ends ("Prior to the summit,"), if it is in one. */
  readonly own: number | null
  /** Asides that describe a name, not the trigger. */
  readonly asides: ReadonlyArray<Range>
}

/**
 * A date in an aside that describes a name ("X, who has been in power since 2016, called for ...") is not the
 * trigger's (an aside on a person, ", who ...", never tells an event's time; one by "which" or a participle may
 * describe the event noun just before it: "the summit in Washington, scheduled for November 6").
 */
const nameAsides = (text: string, clause: Range, trig: Range): Array<Range> =>
  asides(text, clause).filter(
    (r) =>
      !(trig.start >= r.start && trig.end <= r.end) &&
      (/^,?\s?(?:who|whom|whose)\b/i.test(text.slice(r.start, r.start + 8)) ||
        !(trig.end <= r.start && r.start - trig.end <= 40 && !/[,;]/.test(text.slice(trig.end, r.start))))
  )

/**
 * Is a date before the trigger claimed by a nearer trigger before it, across a comma or "that" ("in November and at the
 * summit" is both's)?
 */
const claimedBefore = ({ text, trig, clause, others }: DateScene, d: DateMention): boolean =>
  /,|\bthat\b/.test(text.slice(d.end, trig.start)) &&
  others.some(
    (t) => t.end <= d.start && gap(t, d) < gap(trig, d) && !((frontedEnd(text, clause.start, t) ?? Infinity) < d.start)
  )

/** Is a date after the trigger claimed by what stands between them? */
const claimedAfter = ({ text, reporting, trig, others }: DateScene, d: DateMention): boolean => {
  const lo = Math.min(trig.end, d.end)
  const hi = Math.max(trig.start, d.start)
  if (reporting && /\bthat\b/i.test(text.slice(lo, hi))) return true
  // a date in a clause embedded after the trigger's object is that clause's ("signed an agreement that will take effect
  // in 2026"),
  // unless the clause describes the trigger noun itself ("a contract that was signed in 2023")
  if (embeddedAfter(text, trig, d)) return true
  // (a verb whose clause describes the event noun, "a contract that was signed in June 2023", tells the noun's time)
  return others.some(
    (t) =>
      t.start >= lo && t.end <= hi && !timeAdjunct(text, t) && !(d.start >= trig.end && describesEvent(text, trig, t))
  )
}

/** Does something other than the trigger claim the date? */
const dateClaimed = (scene: DateScene, d: DateMention): boolean => {
  const { text, trig, clause, others, own } = scene
  if (own !== null && d.start > own) return true
  // a bare year before a noun names that noun's time ("a 2002 report", "the 2022 election"): only a trigger in that
  // noun phrase takes it
  if (
    attributiveYear(text, d) &&
    !(trig.start >= d.end && trig.start - d.end <= 30 && !/[,;:.]/.test(text.slice(d.end, trig.start)))
  )
    return true
  if (scene.asides.some((r) => d.start >= r.start && d.end <= r.end)) return true
  // a dateline's date ("date 2024-03-02 the agency published ...") dates the report it opens, not every event after it
  // (nor a participle opening the sentence after it, "Attending the forum, X yesterday signed": the scene of the main
  // clause)
  if (
    datelineAt(text, clause.start, d) &&
    (others.some((t) => gap(t, d) < gap(trig, d)) || participleOpener(text, d.end, trig))
  )
    return true
  return d.end <= trig.start ? claimedBefore(scene, d) : claimedAfter(scene, d)
}

/**
 * In a clause opened by "where", "when", "which" or "while" with no date of its own, the last (most precise) date
 * before the clause.
 */
const relativeClauseDate = (
  dates: ReadonlyArray<DateMention>,
  clause: Range,
  opener: string | null
): DateMention | null => {
  if (
    opener === null ||
    !RELATIVE_OPENERS.has(opener) ||
    dates.some((d) => d.start >= clause.start && d.end <= clause.end)
  )
    return null
  const before = dates.filter((d) => d.end <= clause.start)
  const last = before[before.length - 1]
  if (!last) return null
  const rank = (p: DateMention["precision"]) => (p === "day" ? 3 : p === "month" ? 2 : 1)
  return before.filter((d) => d.value.startsWith(last.value) && rank(d.precision) > rank(last.precision)).pop() ?? last
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
  context: { readonly text: string; readonly reporting: boolean } = {
    text: "",
    reporting: false
  }
): DateMention | null => {
  // (no date in reach: nothing to attach, whatever the clause holds)
  if (dates.length === 0) return null
  const { text } = context
  const others = triggers.filter((t) => t.start !== trig.start && t.start >= clause.start && t.end <= clause.end)
  // an event that elaborates the one just before it ("trade deals, including equipment supplies") shares its time
  const elaborated = others.find((t) => t.end <= trig.start && elaborates(text.slice(t.end, trig.start)))
  if (elaborated) return attachDate(dates, elaborated, clause, triggers, opener, { text, reporting: false })
  const scene: DateScene = {
    text,
    reporting: context.reporting,
    trig,
    clause,
    others,
    // a trigger in a fronted time phrase ("Prior to the summit,") claims no date after the comma that closes it; its
    // own dates lie before it
    own: frontedEnd(text, clause.start, trig),
    asides: nameAsides(text, clause, trig)
  }
  // a clause told over a period ("have so far led recent efforts") is not dated by a vague "recent"
  const vague = (d: DateMention) =>
    d.rule === "date.recent.v1" && overPeriod(text, clause.start, clause.end, trig.start, trig.end)
  const anchor = anchorAt(text, trig)
  // (a date that holds the trigger, "the tenth anniversary of", is the time of what it counts from, not the trigger's)
  const pool = dates.filter(
    (d) =>
      d.start >= (anchor ?? clause.start) &&
      d.end <= clause.end &&
      !dateClaimed(scene, d) &&
      !vague(d) &&
      !(d.start <= trig.start && d.end >= trig.end)
  )
  if (pool.length > 0) return pool.reduce((x, y) => (gap(trig, y) < gap(trig, x) ? y : x))
  return relativeClauseDate(dates, clause, opener)
}

/**
 * The article's lead date: the first day-precision date of its first three body sentences that
 * does not announce something to come, is not quoted, and (when the publication day is known) not after it.
 */
export const leadDate = (
  doc: Doc,
  dates: ReadonlyArray<ReadonlyArray<DateMention>>,
  isBody: (offset: number) => boolean,
  quoted: (offset: number) => boolean = () => false
): EventDate | null => {
  let seen = 0
  for (let si = 0; si < doc.sentences.length && seen < 3; si++) {
    const s = doc.sentences[si]!
    // (a sentence that opens with a date marker or a title still has a body after it: "date 2024-07-15 On the afternoon
    // of July 5, ...")
    const body = dates[si]!.filter((d) => isBody(d.start))
    if ((!isBody(s.start) && body.length === 0) || !/[a-z]{3}/.test(s.text)) continue
    seen++
    for (const d of body) {
      const before = doc.text.slice(s.start, d.start)
      // not a date to come, a dateline ("ALMATY, March 2, 2024 (PRNewswire)") or the start of a span ("from June 9 to
      // 12")
      // (nor a speaker's own "today" inside a quotation)
      if (
        d.precision !== "day" ||
        quoted(d.start) ||
        FUTURE_CUE.test(before) ||
        isDateline(before) ||
        /\bfrom\s$/i.test(before)
      )
        continue
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
 * co-founded"), none; a statement (not a commentator's), or an event reported as news, the lead's date (its month for
 * an event of
 * several days), else the publication day (a report without a lead tells the news of its own day), or month when only
 * that is known; anything else none.
 */
export const undatedDate = (
  doc: Doc,
  type: string,
  modality: Modality,
  cues: UndatedCues,
  lead: EventDate | null
): EventDate => {
  const none: EventDate = { value: null, precision: "unknown" }
  const month: EventDate =
    doc.ref.value !== null && doc.ref.value.length >= 7
      ? { value: doc.ref.value.slice(0, 7), precision: "month" }
      : none
  const day: EventDate =
    doc.ref.value !== null && doc.ref.precision === "day" ? { value: doc.ref.value, precision: "day" } : month
  const reported =
    lead === null
      ? cues.multiDay
        ? month
        : day
      : cues.multiDay && lead.value !== null
        ? { value: lead.value.slice(0, 7), precision: "month" as const }
        : lead
  if (modality === "hypothetical") return none
  if (cues.progressive) return month
  if (modality === "planned" || modality === "expected" || cues.describing === true) return none
  if (type === "statement") return cues.commentary === true ? none : reported
  if (modality === "negated" || !cues.news) return none
  return reported
}
