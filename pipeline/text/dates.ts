/**
 * Date expressions in a sentence, resolved to ISO 8601 at a precision against the article's
 * publication date. chrono-node parses the absolute forms ("September 22, 2025", "Nov. 4",
 * "May 2006"); the rules of dateRules.ts add what chrono lacks or gets wrong for news.
 */
import * as chrono from "chrono-node"
import type { DatePrecision } from "../../schemas/vocab.js"
import { addDays, DATE_RULES, iso, lastingDays, MONTH_RE, type Ref, utc } from "./dateRules.js"

export { DATE_RULES } from "./dateRules.js"

/** The date a text is resolved against (the source's publication date). */
export interface DateRef {
  readonly value: string | null
  readonly precision: DatePrecision
  /**
   * For a reference known only to its year: the month (1-12) it is taken to be in, used to place month names without a
   * year.
   */
  readonly monthGuess?: number | null
  /**
   * For a reference known only to its month: the latest day of that month the article states as past (the news is no
   * older), or null.
   */
  readonly dayFloor?: number | null
}

/** One resolved date expression (UTF-16 offsets into the given text). */
export interface DateMention {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: string
  readonly precision: "day" | "month" | "year"
  readonly relative: boolean
  readonly rule: string
  /** The last day (or month) of an interval the expression states ("10–13 June"), ISO at the precision of `value`. */
  readonly last?: string
}

const parseRef = (r: DateRef): Ref | null => {
  if (!r.value) return null
  const [y, m, d] = r.value.split("-").map(Number)
  return {
    y: y!,
    m: m ?? null,
    d: d ?? null,
    precision: r.precision,
    mGuess: m === undefined ? (r.monthGuess ?? null) : null,
    dFloor: m !== undefined && d === undefined ? (r.dayFloor ?? null) : null
  }
}

const PREFILTER =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|morning|week|month|year|ago|recent|heels|day|now|decade|19\d\d|20\d\d)/i
/**
 * chrono's casual English parsers without those of times of day and of numeric or casual dates
 * ("at 3 pm", "tonight", "2025-11-06", "11/6", "today", "end of the month", "within a week"):
 * only dates that name their month are kept (below), times of day are not read at all, and these
 * parsers took half of chrono's time. Without the time parsers "on the morning of November 5" is
 * read as that day (the time parser swallowed it); the relative-unit parsers stay, since "two
 * days after November 6" needs them.
 */
const NOT_READ = new Set([
  "ENTimeExpressionParser",
  "ENCasualTimeParser",
  "ISOFormatParser",
  "SlashDateFormatParser",
  "ENSlashMonthFormatParser",
  "ENCasualDateParser",
  "ENEndOfCurrentMonthParser",
  "ENTimeUnitWithinFormatParser"
])
const parser = chrono.casual.clone()
parser.parsers = parser.parsers.filter((p) => !NOT_READ.has(p.constructor.name))
if (parser.parsers.length !== chrono.casual.parsers.length - NOT_READ.size)
  throw new Error("chrono-node's parsers are not the ones dates.ts was written for")
/** A month name or its abbreviation (chrono also reads "5/11" and "the 5th"; news dates name the month). */
const MONTH_NAME = new RegExp(
  MONTH_RE.slice(1, -1)
    .split("|")
    .map((x) => x.slice(0, 3))
    .join("|"),
  "i"
)
/** A month's name or abbreviation as a word, as chrono reads them ("Sept.", "March"); the texts chrono is run on. */
export const MONTH_WORD =
  /\b(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b/i

/** The reference chrono reads a text against when the article's date is unknown (and for day hints). */
const UNREFERENCED = utc(2000, 1, 1).getTime()

/**
 * The last parse, kept: an undated article's whole text is read at the unknown reference for its latest past date and
 * for its day hints (normalise), then for the month or day its inferred date stands for (extract).
 */
let lastParse: { text: string; time: number; results: ReadonlyArray<chrono.ParsedResult> } | null = null

/** chrono's results for a text at a reference time (none when it throws). */
const chronoParse = (text: string, time: number): ReadonlyArray<chrono.ParsedResult> => {
  if (lastParse !== null && lastParse.text === text && lastParse.time === time) return lastParse.results
  let results: ReadonlyArray<chrono.ParsedResult>
  try {
    results = parser.parse(text, new Date(time), { forwardDate: false })
  } catch {
    results = []
  }
  lastParse = { text, time, results }
  return results
}

/** chrono's absolute month-name dates, with the year closest to the reference when it is implied. */
const chronoDates = (text: string, ref: Ref | null): Array<DateMention> => {
  // every result kept names its month, so a text without one needs no parse (the same output, much faster)
  if (!MONTH_WORD.test(text)) return []
  const refT = ref ? utc(ref.y, ref.m ?? ref.mGuess ?? 7, ref.d ?? 1).getTime() : UNREFERENCED
  const results = chronoParse(text, refT)
  const out: Array<DateMention> = []
  for (const r of results) {
    const s = r.start
    if (!s.isCertain("month") || !MONTH_NAME.test(r.text)) continue
    const hasYear = s.isCertain("year")
    if (!hasYear && !ref) continue
    const mo = s.get("month")!
    // "the end of October": chrono takes its last day; news means the month
    const day = s.isCertain("day") && !/^end\sof\b/i.test(r.text) ? s.get("day")! : null
    let y = hasYear ? s.get("year")! : ref!.y
    if (!hasYear && ref) {
      // the year that puts the date closest to the reference, at most ~10 months ahead
      const cands = [y - 1, y, y + 1].map((yy) => ({
        yy,
        t: utc(yy, mo, day ?? 15).getTime()
      }))
      const ok = cands.filter((c) => c.t - refT <= 300 * 86400000)
      y = ok.reduce((a, b) => (Math.abs(b.t - refT) < Math.abs(a.t - refT) ? b : a)).yy
    }
    // an interval ("June 9 to 12", "28 June to 2 July 2025", "March to May 2024"): its last day or month, in the
    // start's year or the next
    const e = r.end
    let last: string | undefined
    if (e?.isCertain("month") && (day === null) === !e.isCertain("day")) {
      const eMo = e.get("month")!
      const eDay = day !== null ? e.get("day")! : null
      let ey = e.isCertain("year") ? e.get("year")! : y
      if (!e.isCertain("year") && (eMo < mo || (eMo === mo && eDay !== null && day !== null && eDay < day))) ey++
      // (a year stated only at the end belongs to the start too: "March to May 2024")
      if (!hasYear && e.isCertain("year")) y = ey - (eMo < mo ? 1 : 0)
      last = eDay !== null ? iso(ey, eMo, eDay) : iso(ey, eMo)
    }
    const value = day !== null ? iso(y, mo, day) : iso(y, mo)
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      value,
      precision: day !== null ? "day" : "month",
      relative: !hasYear && !(e?.isCertain("year") ?? false),
      rule: "date.chrono.v1",
      ...(last !== undefined && last > value ? { last } : {})
    })
  }
  return out
}

/**
 * Day-level clues that need a year or a week to resolve: year-less month-days ("On November 6", "15 January") and
 * weekday names.
 */
export interface DayHints {
  /** "MM-DD" of dates stated without a year. */
  readonly monthDays: ReadonlyArray<string>
  /** Weekdays named (0 = Sunday). */
  readonly weekdays: ReadonlyArray<number>
}

const WEEKDAY_RE = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g
const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

/** The day hints of a text (deduplicated, sorted). Never throws. */
export const dayHints = (text: string): DayHints => {
  const monthDays = new Set<string>()
  const results = MONTH_WORD.test(text) ? chronoParse(text, UNREFERENCED) : []
  for (const r of results)
    if (r.start.isCertain("month") && r.start.isCertain("day") && !r.start.isCertain("year") && MONTH_NAME.test(r.text))
      monthDays.add(`${String(r.start.get("month")).padStart(2, "0")}-${String(r.start.get("day")).padStart(2, "0")}`)
  const weekdays = new Set<number>()
  for (const m of text.matchAll(WEEKDAY_RE)) weekdays.add(WEEKDAY_NAMES.indexOf(m[1]!.toLowerCase()))
  return {
    monthDays: [...monthDays].sort(),
    weekdays: [...weekdays].sort((a, b) => a - b)
  }
}

const ANAPHORIC = "date.same-day.v2"

/**
 * The dates of the last text read without a reference, kept: an undated article's whole text is read so three times
 * (see lastParse).
 */
let lastUnreferenced: { text: string; dates: ReadonlyArray<DateMention> } | null = null

/**
 * All date expressions in `text`, resolved against `ref`, in text order, non-overlapping. Day
 * anaphora ("the same day") take the latest day-precision date before them, or `prev` (the
 * latest such date of the text before this one). Never throws.
 */
export const findDates = (text: string, ref: DateRef, prev: string | null = null): ReadonlyArray<DateMention> => {
  if (!PREFILTER.test(text)) return []
  const r = parseRef(ref)
  if (r !== null || prev !== null) return datesIn(text, r, prev)
  if (lastUnreferenced?.text !== text) lastUnreferenced = { text, dates: datesIn(text, null, null) }
  return lastUnreferenced.dates
}

/** findDates over a text that may name a date, against a parsed reference. */
const datesIn = (text: string, r: Ref | null, prev: string | null): ReadonlyArray<DateMention> => {
  const found: Array<DateMention> = chronoDates(text, r)
  const run = (rule: (typeof DATE_RULES)[number], prevAt: (index: number) => string | null) => {
    rule.re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = rule.re.exec(text)) !== null) {
      const v = rule.resolve(m, { ref: r, prev: prevAt(m.index) }, text)
      const skip = typeof rule.skip === "function" ? rule.skip(m) : (rule.skip ?? 0)
      if (v)
        found.push({
          start: m.index + skip,
          end: m.index + m[0].length,
          text: m[0].slice(skip),
          ...v,
          rule: rule.id
        })
      if (m[0].length === 0) rule.re.lastIndex++
    }
  }
  // (the rules that name a month are skipped in a text that names none)
  const month = MONTH_WORD.test(text)
  for (const rule of DATE_RULES) if (rule.id !== ANAPHORIC && (month || rule.namesMonth !== true)) run(rule, () => prev)
  const direct = [...found]
  const latestDayBefore = (index: number) =>
    direct.filter((d) => d.precision === "day" && d.end <= index).sort((a, b) => b.end - a.end)[0]?.value ?? prev
  for (const rule of DATE_RULES) if (rule.id === ANAPHORIC) run(rule, latestDayBefore)
  // keep the longest of overlapping expressions; rules win ties over chrono (they know news usage)
  found.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (a.rule === "date.chrono.v1" ? 1 : 0) - (b.rule === "date.chrono.v1" ? 1 : 0)
  )
  const kept: Array<DateMention> = []
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue
    // "a three-day visit starting June 10": the interval the count of days gives
    const days = f.precision === "day" && f.last === undefined ? lastingDays(text.slice(0, f.start)) : null
    kept.push(days === null ? f : { ...f, last: addDays(f.value, days - 1) })
  }
  return kept.sort((a, b) => a.start - b.start)
}
