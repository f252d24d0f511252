/**
 * An article's publication date when its metadata gives none: a dateline or date marker
 * stated near the top of the text, else a date in the URL path, else a wire dateline without
 * its year ("BISHKEK, Feb 10 (Reuters) - ... on Tuesday") placed in the first year after the
 * latest past date the text states in which that day is that weekday, else a lower bound inferred
 * from the latest year-bearing date the text mentions. The note says which.
 */
import type { DatePrecision } from "../../schemas/vocab.js"
import { MONTHS } from "../text/dateParts.js"
import { type DateMention, dayHints, findDates } from "../text/dates.js"

/** A publication date with how it was established. */
export interface PublicationDate {
  readonly value: string | null
  readonly precision: DatePrecision
  readonly basis: "metadata" | "stated_in_text" | "url" | "inferred_from_content" | "unknown"
  readonly note: string
}
const pad = (n: number) => String(n).padStart(2, "0")

/** A dateline: a top line that is (or starts with, or ends with) a full date. */
const statedDate = (text: string): string | null => {
  const head = text.split("\n").slice(0, 8).join("\n")
  // a "date YYYY-MM-DD" marker opening one of the top lines (some excerpts carry it after a title)
  const marker = /^[^\S\n]*date ((?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b/m.exec(head)
  if (marker) return marker[1]!
  const re =
    /\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b/g
  let m: RegExpExecArray | null
  while ((m = re.exec(head)) !== null) {
    const line = head.slice(
      head.lastIndexOf("\n", m.index) + 1,
      head.indexOf("\n", m.index) < 0 ? undefined : head.indexOf("\n", m.index)
    )
    // a line that is only the date, a "CITY, date (AGENCY)" dateline, or a byline line with the date
    // (short and not a sentence: "World March 3, 2024 Leave a comment"; "It was signed on May 2, 2025." dates an event)
    if (
      line.trim() === m[0] ||
      /^[A-Z][A-Z .'-]+, /.test(line) ||
      (line.length < 200 && !/[.!?]["”’')]?$/.test(line.trim()))
    )
      return `${m[3]}-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}-${pad(Number(m[2]))}`
  }
  return null
}

/** A date in a URL path: /2025/11/06/, /2026/01/, /20251027/. */
export const urlDate = (url: string | null): { value: string; precision: DatePrecision } | null => {
  if (!url) return null
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return null
  }
  const ymd = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//.exec(path)
  if (ymd) return { value: `${ymd[1]}-${ymd[2]}-${ymd[3]}`, precision: "day" }
  const compact = /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\//.exec(path)
  if (compact)
    return {
      value: `${compact[1]}-${compact[2]}-${compact[3]}`,
      precision: "day"
    }
  const ym = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path)
  if (ym) return { value: `${ym[1]}-${ym[2]}`, precision: "month" }
  return null
}

/** Decide an article's publication date from metadata, the text, the URL, or the content. */
export const inferPublicationDate = (input: {
  readonly text: string
  readonly url: string | null
  readonly metadataDate: string | null
}): PublicationDate => {
  if (input.metadataDate) {
    const p: DatePrecision =
      input.metadataDate.length === 10 ? "day" : input.metadataDate.length === 7 ? "month" : "year"
    return {
      value: input.metadataDate,
      precision: p,
      basis: "metadata",
      note: "from the source's metadata"
    }
  }
  const stated = statedDate(input.text)
  if (stated)
    return {
      value: stated,
      precision: "day",
      basis: "stated_in_text",
      note: "dateline stated at the top of the text"
    }
  const u = urlDate(input.url)
  if (u) return { ...u, basis: "url", note: "date in the URL path" }
  const wire = weekdayDateline(input.text)
  if (wire)
    return {
      value: wire.value,
      precision: "day",
      basis: "inferred_from_content",
      note: wire.note
    }
  const inferred = contentDate(input.text)
  if (inferred === null)
    return {
      value: null,
      precision: "unknown",
      basis: "unknown",
      note: "no date in metadata, text or URL"
    }
  return {
    value: inferred.value,
    precision: "month",
    basis: "inferred_from_content",
    note: inferred.note
  }
}

/** Words before a date that make it a date still to come ("by 2030", "will ... in 2026"). */
const FUTURE_BEFORE =
  /\b(by|until|through|will|would|plans?|aims?|target(?:s|ed)?|scheduled|set for|expected|due|forthcoming|upcoming|next)\b[^.;]{0,50}$/i

/**
 * A bare year before a noun names a thing ("the 2021 clashes", "a 2002 report", "to host the 2027
 * games"), which may lie ahead as well as behind: no bound. A year in a time phrase ("in 2021",
 * "since 2020", "early 2023") is one.
 */
const attributive = (text: string, d: DateMention): boolean =>
  d.precision === "year" && /^\d{4}$/.test(d.text) && /^[^\S\n][a-z]/.test(text.slice(d.end, d.end + 2))

/** The latest date a text states with its year and not as one to come: a lower bound of when it was written. */
const latestPastDate = (text: string): DateMention | null => {
  const past = findDates(text, { value: null, precision: "unknown" }).filter(
    (d) =>
      !d.relative &&
      !attributive(text, d) &&
      !FUTURE_BEFORE.test(
        text.slice(Math.max(0, d.start - 60), d.start) + (/^(by|until|through)\b/i.test(d.text) ? " by" : "")
      )
  )
  return past.length === 0 ? null : past.reduce((a, b) => (b.value > a.value ? b : a))
}

/** The latest date a text states as past (ISO, at its own precision), or null: the text was written no earlier. */
export const notBefore = (text: string): string | null => latestPastDate(text)?.value ?? null

/**
 * The month a text was written in, from its content: the latest past date it states with a year
 * ("Announced on September 22, 2025"), moved on by dates it states without one, which fall on or
 * after it ("in March 2024 ... on 15 January" → January 2025; "In 2025 ... from June 9" → June
 * 2025). A lower bound, kept only when it reaches a month: a year alone says little of when.
 */
export const contentDate = (text: string): { value: string; note: string } | null => {
  const latest = latestPastDate(text)
  if (latest === null) return null
  let value = latest.value
  let note = `latest dated expression in the text (${JSON.stringify(latest.text)}) taken as a lower bound`
  for (const md of dayHints(text).monthDays) {
    const y0 = Number(latest.value.slice(0, 4))
    // the first year in which the month-day is not before the latest dated expression (at its precision)
    const y = `${y0}-${md}`.slice(0, latest.value.length) >= latest.value ? y0 : y0 + 1
    const full = `${y}-${md}`
    if (full > value) {
      value = full
      note = `a date stated without its year (${md}) falls after the latest dated expression (${JSON.stringify(latest.text)}): ${y}`
    }
  }
  return value.length >= 7 ? { value: value.slice(0, 7), note } : null
}

const MONTH_ABBR = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
const MONTH_WORD = `(?:${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join("|")}|(?:${MONTH_ABBR})\\.?)`
/**
 * A wire dateline without a year at the start of a line: a place in capitals or title case, a
 * comma or a full stop, a month and a day in either order, then an agency in brackets or slashes,
 * a dash, or the end of the line ("BISHKEK. March 13 (Interfax) -", "New Delhi, June 6 (IANS)",
 * "MOSCOW, November 28. /TASS/.", "KYIV, 3 Oct (Reuters) -"). Groups: month-day or day-month.
 */
const DATELINE_MD = new RegExp(
  `^[^\\S\\n]*[A-Z][\\w'’ .,-]{0,50}?[.,] (?:(${MONTH_WORD}) (\\d{1,2})|(\\d{1,2}) (${MONTH_WORD}))(?![\\d,]|\\s?\\d)[.,]?[^\\S\\n]*(?:\\([^)\\n]{1,40}\\)|\\/[^/\\n]{1,20}\\/\\.?|[-–—]|$)`,
  "m"
)
/** Abbreviations a full stop follows inside a sentence ("Mr. Li", "Gen. Staff"). */
const ABBREVIATIONS = new Set([
  "Mr",
  "Ms",
  "Mrs",
  "Dr",
  "St",
  "Gen",
  "Sen",
  "Rep",
  "Gov",
  "Lt",
  "Col",
  "Jr",
  "Sr",
  "No",
  "vs"
])
/**
 * A paragraph's sentences: split at line breaks and at a stop before a capital, not after an initial or an abbreviation
 * ("S. Jaishankar").
 */
const firstSentences = (text: string): Array<string> => {
  const out: Array<string> = []
  let from = 0
  for (const m of text.matchAll(/\n|[.!?]["”’]?\s+(?=[A-Z“"])/g)) {
    const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(from, m.index - 12), m.index))?.[1] ?? ""
    if (m[0] !== "\n" && (/^[A-Z]$/.test(word) || ABBREVIATIONS.has(word))) continue
    out.push(text.slice(from, m.index))
    from = m.index + m[0].length
  }
  out.push(text.slice(from))
  return out
}
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
const monthIndex = (w: string) =>
  MONTHS.findIndex((m) => m.startsWith(w.replace(/\.$/, "").toLowerCase().slice(0, 3))) + 1

/**
 * A year-less wire dateline whose sentence names the weekday of its news ("BISHKEK, Feb 10
 * (Reuters) - The president on Tuesday signed ..."): the day is the dateline's, the year the first
 * one, from the latest past date the text states, in which that day falls on that weekday (a date
 * recurs on a weekday every 5, 6 or 11 years, so the lower bound fixes it). Null without such a
 * dateline, a single weekday in its sentence, or a past date to start from.
 */
export const weekdayDateline = (text: string): { value: string; note: string } | null => {
  const head = text.split("\n").slice(0, 8).join("\n")
  const m = DATELINE_MD.exec(head)
  if (!m) return null
  const month = monthIndex(m[1] ?? m[4]!)
  const day = Number(m[2] ?? m[3])
  if (month < 1 || day < 1 || day > 31) return null
  // the dateline's sentence: up to its first full stop before a capital, or the end of its paragraph
  const rest = head.slice(m.index + m[0].length)
  const sentence = firstSentences(rest).find((x) => /[a-z]{3}/.test(x)) ?? ""
  const named = new Set(
    [...sentence.matchAll(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)].map((w) => w[1]!)
  )
  if (named.size !== 1) return null
  const weekday = WEEKDAYS.indexOf([...named][0]!)
  const bound = latestPastDate(text)
  if (bound === null) return null
  const md = `${pad(month)}-${pad(day)}`
  let y = Number(bound.value.slice(0, 4))
  if (`${y}-${md}`.slice(0, bound.value.length) < bound.value) y++
  for (const last = y + 11; y <= last; y++) {
    const d = new Date(Date.UTC(y, month - 1, day))
    if (d.getUTCDate() !== day) continue
    if (d.getUTCDay() === weekday)
      return {
        value: `${y}-${md}`,
        note: `dateline ${JSON.stringify(m[0].trim())} on a ${WEEKDAYS[weekday]}: the first year from the latest dated expression (${JSON.stringify(bound.text)}) in which that day is one`
      }
  }
  return null
}
