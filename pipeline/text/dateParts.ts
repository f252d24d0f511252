/**
 * The parts the date rules share (dateRules.ts, dateRanges.ts): the reference date broken into
 * parts, the shape of a rule and of what it resolves, month names, counts in words, and calendar
 * arithmetic on UTC days. Pure.
 */
import type { DatePrecision } from "../../schemas/vocab.js"

/** A reference date broken into parts (the publication date), or null when unknown. */
export interface Ref {
  readonly y: number
  readonly m: number | null
  readonly d: number | null
  readonly precision: DatePrecision
  /**
   * For a reference known only to its year: the month it is taken to be in (from the article's latest past date), else
   * null.
   */
  readonly mGuess: number | null
  /** For a reference known only to its month: the latest day of it the article states as past, else null. */
  readonly dFloor?: number | null
}

/** What a rule resolves against: the reference date and the latest day-precision date mentioned before. */
export interface RuleContext {
  readonly ref: Ref | null
  readonly prev: string | null
}

/** A resolved value. */
export interface Resolved {
  readonly value: string
  readonly precision: "day" | "month" | "year"
  readonly relative: boolean
  /** The last day of an interval ("10–13 June"), at the precision of `value`. */
  readonly last?: string
}

/** A date rule: a linear regular expression and a resolver (null = no date). */
export interface Rule {
  readonly id: string
  readonly re: RegExp
  /** Characters at the start of a match that are not part of the date (a number, or one per match). */
  readonly skip?: number | ((m: RegExpExecArray) => number)
  readonly resolve: (m: RegExpExecArray, ctx: RuleContext, text: string) => Resolved | null
  /**
   * Every match names a month (MONTH_RE) as a whole word, so a text in which dates.ts's MONTH_WORD finds none is not
   * scanned (tests/text/dates.test.ts checks the claim).
   */
  readonly namesMonth?: boolean
}

export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december"
]
/** Counts in words. */
export const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90
}
/** A count in words or digits ("two", "25"); the word alternatives of NUMBERS, longest first. */
export const COUNT = `(${Object.keys(NUMBERS)
  .sort((x, y) => y.length - x.length)
  .join("|")}|\\d{1,3})`
/** Two digits. */
export const pad = (n: number) => String(n).padStart(2, "0")
/** ISO 8601 at year, month or day precision. */
export const iso = (y: number, m?: number, d?: number) =>
  m === undefined ? `${y}` : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`
/** A UTC calendar day (months and days may overflow; Date normalises them). */
export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
/** A Date's UTC year, month (1-12) and day. */
export const fromDate = (dt: Date): [number, number, number] => [
  dt.getUTCFullYear(),
  dt.getUTCMonth() + 1,
  dt.getUTCDate()
]
/** An ISO day moved by `days` (negative: back). */
export const shiftDay = (value: string, days: number): string => {
  const [y, m, d] = value.split("-").map(Number)
  const [yy, mm, dd] = fromDate(utc(y!, m!, d! + days))
  return iso(yy, mm, dd)
}
/** A month name, as a capturing group. */
export const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December)"
