/**
 * Intervals the text states: day ranges chrono-node misses ("from 10 to 13 June", "June 10–13",
 * "between 10 and 13 June 2025"), resolved to their first day with the last as `last`, and the
 * count of days an event that starts on a day lasts ("a three-day visit starting June 10").
 */
import {
  COUNT,
  fromDate,
  iso,
  MONTH_RE,
  MONTHS,
  NUMBERS,
  type Ref,
  type Resolved,
  type Rule,
  shiftDay,
  utc
} from "./dateParts.js"

/**
 * The year that puts a month-day closest to the reference, at most ~10 months ahead (as chrono's dates are placed in
 * dates.ts).
 */
const nearYear = (ref: Ref, mo: number, day: number): number => {
  const refT = utc(ref.y, ref.m ?? ref.mGuess ?? 7, ref.d ?? 1).getTime()
  const cands = [ref.y - 1, ref.y, ref.y + 1].map((yy) => ({
    yy,
    t: utc(yy, mo, day).getTime()
  }))
  return cands
    .filter((c) => c.t - refT <= 300 * 86400000)
    .reduce((a, b) => (Math.abs(b.t - refT) < Math.abs(a.t - refT) ? b : a)).yy
}
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?"
const TO = "\\s?(?:[-–—]|to|until|through|and)\\s?"
/**
 * "a three-day visit starting June 10", "a two-day forum beginning on 4 March": the number of days
 * of an event that the text before a day-precision date says starts on it, else null.
 */
const LASTING = new RegExp(
  `\\b${COUNT}-day\\s[\\w'’ -]{0,40}?\\s(?:starting|beginning|opening|from|that\\s(?:starts|begins|opens)|which\\s(?:starts|begins|opens))\\s(?:on\\s)?$`,
  "i"
)
export const lastingDays = (before: string): number | null => {
  const m = LASTING.exec(before.slice(-90))
  if (!m) return null
  const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1])
  return n >= 2 && n <= 31 ? n : null
}
/** The day `n` days after an ISO day. */
export const addDays = (value: string, n: number): string => shiftDay(value, n)

/** A day interval: the first and last day in one month, with the month and year after or before them. */
const dayRange = (y: number | null, mo: number, d1: number, d2: number, ref: Ref | null): Resolved | null => {
  if (d1 < 1 || d2 > 31 || d2 <= d1 || (y === null && !ref)) return null
  const yy = y ?? nearYear(ref!, mo, d1)
  if (fromDate(utc(yy, mo, d2))[2] !== d2) return null
  return {
    value: iso(yy, mo, d1),
    precision: "day",
    relative: y === null,
    last: iso(yy, mo, d2)
  }
}

/** The interval rules (part of DATE_RULES). */
export const RANGE_RULES: ReadonlyArray<Rule> = [
  {
    // "from 10 to 13 June", "between 10 and 13 June 2025", "10–13 June": days before their month (chrono loses the
    // first day or the range)
    id: "date.day-range.v1",
    namesMonth: true,
    re: new RegExp(
      `\\b(?:from\\s|between\\s)?${DAY}${TO}${DAY}\\s${MONTH_RE}(?:(?:,\\s|\\s)((?:19|20)\\d\\d))?\\b`,
      "gi"
    ),
    resolve: (m, { ref }) =>
      dayRange(m[4] ? Number(m[4]) : null, MONTHS.indexOf(m[3]!.toLowerCase()) + 1, Number(m[1]), Number(m[2]), ref)
  },
  {
    // "June 10–13", "June 10 to 13, 2024", "from June 9 until 12": days after their month
    id: "date.month-day-range.v1",
    namesMonth: true,
    re: new RegExp(
      `\\b(?:from\\s|between\\s)?${MONTH_RE}\\s${DAY}${TO}${DAY}(?![\\w:])(?:(?:,\\s|\\s)((?:19|20)\\d\\d))?\\b`,
      "gi"
    ),
    resolve: (m, { ref }) =>
      dayRange(m[4] ? Number(m[4]) : null, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, Number(m[2]), Number(m[3]), ref)
  }
]
