/**
 * Date expressions in a sentence, resolved to ISO 8601 at a precision against the article's
 * publication date. chrono-node parses the absolute forms ("September 22, 2025", "Nov. 4",
 * "May 2006"); rules below add what chrono lacks or gets wrong for news: "last November",
 * "early 2023", "in 2019", "next year", "last week", weekdays against a month-precision date.
 */
import * as chrono from "chrono-node"
import type { DatePrecision } from "../../schemas/vocab.js"

/** The date a text is resolved against (the source's publication date). */
export interface DateRef {
  readonly value: string | null
  readonly precision: DatePrecision
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
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
const pad = (n: number) => String(n).padStart(2, "0")
const iso = (y: number, m?: number, d?: number) => (m === undefined ? `${y}` : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`)

interface Ref {
  readonly y: number
  readonly m: number | null
  readonly d: number | null
  readonly precision: DatePrecision
}
const parseRef = (r: DateRef): Ref | null => {
  if (!r.value) return null
  const [y, m, d] = r.value.split("-").map(Number)
  return { y: y!, m: m ?? null, d: d ?? null, precision: r.precision }
}
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const fromDate = (dt: Date): [number, number, number] => [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()]

/** A date rule: a linear regular expression and a resolver (null = no date). */
interface Rule {
  readonly id: string
  readonly re: RegExp
  /** Characters at the start of a match that are not part of the date. */
  readonly skip?: number
  readonly resolve: (m: RegExpExecArray, ref: Ref | null, text: string) => { value: string; precision: DateMention["precision"]; relative: boolean } | null
}

const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December)"

/** Rules for what chrono misses; ids are recorded with each date. */
export const DATE_RULES: ReadonlyArray<Rule> = [
  {
    id: "date.relative-unit.v1",
    re: /\b(last|next|this|past|coming|previous)\s(year|month|week)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null
      const dir = /last|past|previous/i.test(m[1]!) ? -1 : /next|coming/i.test(m[1]!) ? 1 : 0
      const unit = m[2]!.toLowerCase()
      if (unit === "year") return { value: iso(ref.y + dir), precision: "year", relative: true }
      if (ref.m === null) return dir === 0 ? { value: iso(ref.y), precision: "year", relative: true } : null
      if (unit === "month") {
        const [y, mo] = fromDate(utc(ref.y, ref.m + dir, 1))
        return { value: iso(y, mo), precision: "month", relative: true }
      }
      const [y, mo] = fromDate(utc(ref.y, ref.m, (ref.d ?? 15) + 7 * dir))
      return { value: iso(y, mo), precision: "month", relative: true }
    }
  },
  {
    id: "date.last-month-name.v1",
    re: new RegExp(`\\b(last|this|next|past)\\s${MONTH_RE}\\b`, "g"),
    resolve: (m, ref) => {
      if (!ref) return null
      const mi = MONTHS.indexOf(m[2]!.toLowerCase()) + 1
      const word = m[1]!.toLowerCase()
      if (word === "this") return { value: iso(ref.y, mi), precision: "month", relative: true }
      if (word === "next") return { value: iso(ref.m !== null && mi > ref.m ? ref.y : ref.y + 1, mi), precision: "month", relative: true }
      return { value: iso(ref.m !== null && mi < ref.m ? ref.y : ref.y - 1, mi), precision: "month", relative: true }
    }
  },
  {
    id: "date.qualified-year.v1",
    re: /\b(?:(?:in|during|since|by|until|from|through|of|before|after)\s)?(?:the\s(?:early|mid|late|end\sof|start\sof|beginning\sof|first\shalf\sof|second\shalf\sof)[\s-]|(?:early|mid|late|end\sof|start\sof|beginning\sof|first\shalf\sof|second\shalf\sof)[\s-])?((?:19|20)\d\d)\b(?![-–]\d|\d|,\d\d\d|s\b|\s?(?:percent|%|people|participants|countries|million|billion))/gi,
    resolve: (m) => ({ value: m[1]!, precision: "year", relative: false })
  },
  {
    id: "date.weekday.v1",
    re: /\b(?:(?:on|last|this|next|early|late)\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s(?:morning|afternoon|evening|night))?\b/g,
    resolve: (m, ref, text) => {
      if (!ref || ref.m === null) return null
      if (ref.d === null) return { value: iso(ref.y, ref.m), precision: "month", relative: true }
      const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase())
      const base = utc(ref.y, ref.m, ref.d)
      const future = /\bnext\b/i.test(m[0]) || /\b(will|would|is to|are to|set to|due to|scheduled)\b[^.]{0,40}$/i.test(text.slice(Math.max(0, m.index - 60), m.index))
      let delta = wd - base.getUTCDay()
      if (future) delta = delta <= 0 ? delta + 7 : delta
      else delta = delta > 0 ? delta - 7 : delta
      const [y, mo, d] = fromDate(utc(ref.y, ref.m, ref.d + delta))
      return { value: iso(y, mo, d), precision: "day", relative: true }
    }
  },
  {
    id: "date.today.v1",
    re: /\b(today|tonight|this\s(?:morning|afternoon|evening)|yesterday)\b/gi,
    resolve: (m, ref) => {
      if (!ref) return null
      if (ref.d !== null && ref.m !== null) {
        const back = /yesterday/i.test(m[1]!) ? 1 : 0
        const [y, mo, d] = fromDate(utc(ref.y, ref.m, ref.d - back))
        return { value: iso(y, mo, d), precision: "day", relative: true }
      }
      return ref.m !== null ? { value: iso(ref.y, ref.m), precision: "month", relative: true } : { value: iso(ref.y), precision: "year", relative: true }
    }
  },
  {
    id: "date.month-year-glued.v1",
    // "inMay 2006": a month name glued to the word before it (scraped text); group 1 is that letter, skipped
    re: new RegExp(`([a-z])${MONTH_RE}\\s((?:19|20)\\d\\d)\\b`, "g"),
    skip: 1,
    resolve: (m) => ({ value: iso(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1), precision: "month", relative: false })
  },
  {
    id: "date.in-month.v1",
    re: new RegExp(`\\b(?:in|since|during|until|by|from|early|mid|late|end\\sof)[\\s-]${MONTH_RE}\\b(?![\\s.]\\s?\\d)(?!,?\\s(?:19|20)\\d\\d)`, "g"),
    resolve: (m, ref) => {
      if (!ref) return null
      const mi = MONTHS.indexOf(m[1]!.toLowerCase()) + 1
      const refM = ref.m ?? 12
      return { value: iso(mi - refM > 2 ? ref.y - 1 : ref.y, mi), precision: "month", relative: true }
    }
  }
]

const PREFILTER = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|morning|week|month|year|ago|19\d\d|20\d\d)/i
const parser = chrono.casual.clone()

/** chrono's absolute month-name dates, with the year closest to the reference when it is implied. */
const chronoDates = (text: string, ref: Ref | null): Array<DateMention> => {
  const refDate = ref ? utc(ref.y, ref.m ?? 7, ref.d ?? 1) : utc(2000, 1, 1)
  let results: Array<chrono.ParsedResult>
  try {
    results = parser.parse(text, refDate, { forwardDate: false })
  } catch {
    return []
  }
  const out: Array<DateMention> = []
  for (const r of results) {
    const s = r.start
    if (!s.isCertain("month") || !/[A-Za-z]{3}/.test(r.text) || !new RegExp(MONTH_RE.slice(1, -1).split("|").map((x) => x.slice(0, 3)).join("|"), "i").test(r.text)) continue
    const hasYear = s.isCertain("year")
    if (!hasYear && !ref) continue
    const mo = s.get("month")!
    const day = s.isCertain("day") ? s.get("day")! : null
    let y = hasYear ? s.get("year")! : ref!.y
    if (!hasYear && ref) {
      // the year that puts the date closest to the reference, at most ~10 months ahead
      const refT = refDate.getTime()
      const cands = [y - 1, y, y + 1].map((yy) => ({ yy, t: utc(yy, mo, day ?? 15).getTime() }))
      const ok = cands.filter((c) => c.t - refT <= 300 * 86400000)
      y = ok.reduce((a, b) => (Math.abs(b.t - refT) < Math.abs(a.t - refT) ? b : a)).yy
    }
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      value: day !== null ? iso(y, mo, day) : iso(y, mo),
      precision: day !== null ? "day" : "month",
      relative: !hasYear,
      rule: "date.chrono.v1"
    })
  }
  return out
}

/** All date expressions in `text`, resolved against `ref`, in text order, non-overlapping. Never throws. */
export const findDates = (text: string, ref: DateRef): ReadonlyArray<DateMention> => {
  if (!PREFILTER.test(text)) return []
  const r = parseRef(ref)
  const found: Array<DateMention> = chronoDates(text, r)
  for (const rule of DATE_RULES) {
    rule.re.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = rule.re.exec(text)) !== null) {
      const v = rule.resolve(m, r, text)
      const skip = rule.skip ?? 0
      if (v) found.push({ start: m.index + skip, end: m.index + m[0].length, text: m[0].slice(skip), ...v, rule: rule.id })
      if (m[0].length === 0) rule.re.lastIndex++
    }
  }
  // keep the longest of overlapping expressions; rules win ties over chrono (they know news usage)
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.rule === "date.chrono.v1" ? 1 : 0) - (b.rule === "date.chrono.v1" ? 1 : 0))
  const kept: Array<DateMention> = []
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}
