/**
 * The date rules for what chrono-node lacks or gets wrong in news text: intervals (dateRanges.ts),
 * relative units ("next year", "last month", "over the weekend"), "last November", qualified years
 * ("early 2023"), weekdays, "today", "N years ago" (and "more than two decades ago"), "the end of
 * the decade", "recently", ISO days ("2025-06-18"), anniversaries ("2025 marks the tenth
 * anniversary of"), and day anaphora ("the same day", "the next day", "two days later") resolved
 * against the date mentioned just before. Each rule is a linear regular expression and a resolver.
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
import { RANGE_RULES } from "./dateRanges.js"

export {
  iso,
  MONTH_RE,
  MONTHS,
  type Ref,
  type Resolved,
  type Rule,
  type RuleContext,
  utc
} from "./dateParts.js"
export { addDays, lastingDays } from "./dateRanges.js"

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  fifteenth: 15,
  twentieth: 20,
  "twenty-fifth": 25,
  thirtieth: 30,
  "thirty-fifth": 35,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  seventy: 70,
  hundredth: 100
}
/** "tenth", "10th", "twenty-fifth": the number of an ordinal, else null. */
const ordinal = (w: string): number | null =>
  ORDINALS[w.toLowerCase()] ?? (/^\d{1,3}(?:st|nd|rd|th)$/i.test(w) ? parseInt(w, 10) : null)
/**
 * Hedges before a count that leave the date where the count puts it, at the count's precision ("more than 30 years
 * ago", "nearly a decade ago").
 */
const HEDGE =
  "(?:(?:more\\sthan|over|nearly|almost|about|around|some|roughly|just\\sover|just\\sunder|less\\sthan|at\\sleast|barely|fully)\\s)?"
/** The reference itself, at its own precision. */
const refValue = (ref: Ref): Resolved =>
  ref.d !== null && ref.m !== null
    ? { value: iso(ref.y, ref.m, ref.d), precision: "day", relative: true }
    : ref.m !== null
      ? { value: iso(ref.y, ref.m), precision: "month", relative: true }
      : { value: iso(ref.y), precision: "year", relative: true }

const OPENERS = new Set([
  "In",
  "By",
  "Since",
  "Until",
  "From",
  "During",
  "Of",
  "Before",
  "After",
  "Through",
  "For",
  "And",
  "Or",
  "The",
  "Early",
  "Late",
  "Mid"
])
/** Does a capitalised word (part of a name, not a sentence's first word or a preposition) end `before`? */
const nameBefore = (before: string): boolean => {
  const m = /([A-Za-z]+)\s$/.exec(before)
  if (!m || !/^[A-Z][a-z]/.test(m[1]!) || OPENERS.has(m[1]!)) return false
  const prefix = before.slice(0, m.index).trimEnd()
  return prefix.length > 0 && !/[.!?:"“]$/.test(prefix)
}
/** A clause that speaks of the future before a weekday ("will meet on Monday", "is due to"), within its sentence. */
const FUTURE_BEFORE = /\b(will|would|is to|are to|set to|due to|scheduled|plans? to|expected to)\b([^.;!?]{0,90})$/i
/**
 * A verb in the past between that cue and the weekday: the weekday is the past verb's ("…, who will retire soon, spoke
 * on Monday").
 */
const PAST_VERB =
  /\b(said|says|met|held|spoke|told|was|were|had|did|came|went|left|took|gave|made|signed|[a-z]{3,}ed)\b/i
const futureBefore = (before: string): boolean => {
  const m = FUTURE_BEFORE.exec(before)
  return m !== null && !PAST_VERB.test(m[2]!)
}
/**
 * An invitation to a gathering before a month ("has invited both leaders to the summit in Rome in June"): what one is
 * invited to lies ahead, unless a past verb stands between ("to the talks held in June").
 */
const INVITED_TO = /\binvit(?:e|es|ed|ing|ation|ations)\b[^.;!?]{0,80}?\bto\s([^.;!?]{0,60})$/i
const invitedTo = (before: string): boolean => {
  const m = INVITED_TO.exec(before)
  return m !== null && !PAST_VERB.test(m[1]!)
}
/**
 * A weekday that opens its sentence before a future verb ("On Tuesday, the president will travel"), with no past verb
 * or "that" between.
 */
const FUTURE_AFTER =
  /^,?\s([^.;!?]{0,60}?)\b(will|is to|are to|is set to|are set to|is due to|are due to|is scheduled to|are scheduled to|is expected to|are expected to)\b/i
const futureAfter = (before: string, after: string): boolean => {
  if (!/(?:^|[.!?]["”’]?\s)\s*(?:On\s)?$/.test(before)) return false
  const m = FUTURE_AFTER.exec(after)
  return m !== null && !PAST_VERB.test(m[1]!) && !/\bthat\b/i.test(m[1]!)
}

/** Rules for what chrono misses; ids are recorded with each date. */
export const DATE_RULES: ReadonlyArray<Rule> = [
  ...RANGE_RULES,
  {
    id: "date.relative-unit.v1",
    re: /\b(last|next|this|past|coming|previous)\s(year|month|week)\b/gi,
    resolve: (m, { ref }) => {
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
    // "last weekend", "over the weekend" (the one just past), "this weekend", "next weekend": the month of its Saturday
    id: "date.weekend.v1",
    re: /\b(last|this|next|past|coming|over\sthe)\sweekend\b/gi,
    resolve: (m, { ref }) => {
      if (!ref || ref.m === null || ref.d === null) return null
      const w = m[1]!.toLowerCase()
      const weekday = utc(ref.y, ref.m, ref.d).getUTCDay()
      // days from the reference to the weekend's Saturday (on a Sunday, "this weekend" is the one under way)
      const thisSat = weekday === 0 ? -1 : 6 - weekday
      const shift = /last|past|over/.test(w) ? -((weekday + 1) % 7 || 7) : w === "next" ? thisSat + 7 : thisSat
      const [y, mo] = fromDate(utc(ref.y, ref.m, ref.d + shift))
      return { value: iso(y, mo), precision: "month", relative: true }
    }
  },
  {
    id: "date.last-month-name.v1",
    namesMonth: true,
    re: new RegExp(`\\b(last|this|next|past)\\s${MONTH_RE}\\b`, "g"),
    resolve: (m, { ref }) => {
      if (!ref) return null
      const mi = MONTHS.indexOf(m[2]!.toLowerCase()) + 1
      const word = m[1]!.toLowerCase()
      if (word === "this") return { value: iso(ref.y, mi), precision: "month", relative: true }
      if (word === "next")
        return {
          value: iso(ref.m !== null && mi > ref.m ? ref.y : ref.y + 1, mi),
          precision: "month",
          relative: true
        }
      return {
        value: iso(ref.m !== null && mi < ref.m ? ref.y : ref.y - 1, mi),
        precision: "month",
        relative: true
      }
    }
  },
  {
    id: "date.month-of-relative-year.v1",
    namesMonth: true,
    // "in February last year", "March of next year"
    re: new RegExp(`\\b(?:in\\s)?${MONTH_RE}\\s(?:of\\s)?(last|next|this)\\syear\\b`, "g"),
    resolve: (m, { ref }) => {
      if (!ref) return null
      const dir = m[2] === "last" ? -1 : m[2] === "next" ? 1 : 0
      return {
        value: iso(ref.y + dir, MONTHS.indexOf(m[1]!.toLowerCase()) + 1),
        precision: "month",
        relative: true
      }
    }
  },
  {
    id: "date.qualified-year.v1",
    re: /\b(?:(?:in|during|since|by|until|from|through|of|before|after)\s)?(?:the\s(?:early|mid|late|end\sof|start\sof|beginning\sof|first\shalf\sof|second\shalf\sof)[\s-]|(?:early|mid|late|end\sof|start\sof|beginning\sof|first\shalf\sof|second\shalf\sof)[\s-])?((?:19|20)\d\d)\b(?![-–]\d|\d|,\d\d\d|s\b|\s?(?:percent|%|people|participants|countries|million|billion))/gi,
    // a year that ends a capitalised name ("Regional Ecological Summit 2026", "Vision 2030") names it, not a time
    resolve: (m, _ctx, text) =>
      m[0] === m[1] && nameBefore(text.slice(Math.max(0, m.index - 30), m.index))
        ? null
        : { value: m[1]!, precision: "year", relative: false }
  },
  {
    id: "date.weekday.v1",
    re: /\b(?:(?:on|last|this|next|early|late)\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s(?:morning|afternoon|evening|night))?\b/g,
    resolve: (m, { ref }, text) => {
      if (!ref || ref.m === null) return null
      const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase())
      if (ref.d === null) {
        // a month known from the latest day the article states (the 8th): the weekday is the first on or after it ("on
        // Friday": the 9th)
        if (ref.dFloor == null)
          return {
            value: iso(ref.y, ref.m),
            precision: "month",
            relative: true
          }
        const delta = ((wd - utc(ref.y, ref.m, ref.dFloor).getUTCDay() + 7) % 7) + (/\bnext\b/i.test(m[0]) ? 7 : 0)
        const [y, mo, d] = fromDate(utc(ref.y, ref.m, ref.dFloor + delta))
        // (past the end of the month the reference is known to: the month is all that is known)
        return mo === ref.m
          ? { value: iso(y, mo, d), precision: "day", relative: true }
          : { value: iso(ref.y, ref.m), precision: "month", relative: true }
      }
      const base = utc(ref.y, ref.m, ref.d)
      const next = /\bnext\b/i.test(m[0])
      const end = m.index + m[0].length
      const future =
        next ||
        futureBefore(text.slice(Math.max(0, m.index - 110), m.index)) ||
        futureAfter(text.slice(Math.max(0, m.index - 4), m.index), text.slice(end, end + 90))
      let delta = wd - base.getUTCDay()
      // (a weekday to come that is the reference's own day is that day: "will arrive on Monday" in Monday's paper;
      // "next Monday" is a week on)
      if (future) delta = delta < 0 || (delta === 0 && next) ? delta + 7 : delta
      else delta = delta > 0 ? delta - 7 : delta
      const [y, mo, d] = fromDate(utc(ref.y, ref.m, ref.d + delta))
      return { value: iso(y, mo, d), precision: "day", relative: true }
    }
  },
  {
    id: "date.today.v1",
    re: /\b(today|tonight|this\s(?:morning|afternoon|evening)|yesterday|as\sof\snow)\b/gi,
    resolve: (m, { ref }) => {
      if (!ref) return null
      if (ref.d !== null && ref.m !== null && /yesterday/i.test(m[1]!))
        return {
          value: shiftDay(iso(ref.y, ref.m, ref.d), -1),
          precision: "day",
          relative: true
        }
      return refValue(ref)
    }
  },
  {
    // "20 years ago", "more than two decades ago", "nearly a decade ago", "five months ago", "a week ago"; a hedge
    // keeps the count's date
    id: "date.ago.v2",
    re: new RegExp(
      `\\b${HEDGE}(?:${COUNT}\\s(year|month|week|day|decade)s?|(half\\sa\\scentury|a\\scentury))\\sago\\b`,
      "gi"
    ),
    resolve: (m, { ref }) => {
      if (!ref) return null
      const n = m[3] !== undefined ? (/half/i.test(m[3]) ? 50 : 100) : (NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]))
      const unit = m[3] !== undefined ? "year" : m[2]!.toLowerCase()
      if (unit === "year" || unit === "decade")
        return {
          value: iso(ref.y - (unit === "decade" ? 10 * n : n)),
          precision: "year",
          relative: true
        }
      if (ref.m === null) return null
      if (unit === "month") {
        const [y, mo] = fromDate(utc(ref.y, ref.m - n, 1))
        return { value: iso(y, mo), precision: "month", relative: true }
      }
      if (ref.d === null) return null
      const value = shiftDay(iso(ref.y, ref.m, ref.d), unit === "week" ? -7 * n : -n)
      return unit === "week"
        ? { value: value.slice(0, 7), precision: "month", relative: true }
        : { value, precision: "day", relative: true }
    }
  },
  {
    // "by the end of the decade", "before the decade is out": the first year of the next decade, as news counts decades
    // (2020s → 2030)
    id: "date.decade-end.v1",
    re: /\b(?:(?:by|at|before|until|toward|towards)\s)?(?:the\s)?end\sof\s(?:the|this)\sdecade\b/gi,
    resolve: (_m, { ref }) =>
      ref
        ? {
            value: iso(ref.y - (ref.y % 10) + 10),
            precision: "year",
            relative: true
          }
        : null
  },
  {
    // "recently", "recent months", "on the heels of": the year of the report (how far back is not said)
    id: "date.recent.v1",
    re: /\b(?:recently|recent(?!\syears)|in\srecent\s(?:months|weeks)|on\sthe\sheels\sof)\b/gi,
    resolve: (_m, { ref }) => (ref ? { value: iso(ref.y), precision: "year", relative: true } : null)
  },
  {
    // day anaphora: the date mentioned just before, shifted ("in the evening", "that afternoon": the day just told)
    // (and "two days later", "a week earlier": counted from that date)
    id: "date.same-day.v2",
    re: new RegExp(
      `\\b(?:(the\\ssame\\sday|that\\s(?:same\\s)?day|earlier\\sin\\sthe\\sday|later\\s(?:that|in\\sthe)\\sday|(?:later\\s)?(?:in\\sthe|that)\\s(?:morning|afternoon|evening)(?!\\sof\\b)|the\\sday\\sbefore|the\\sprevious\\sday|the\\snext\\sday|the\\sfollowing\\sday|the\\sday\\safter)|${COUNT}\\s(days?|weeks?)\\s(later|earlier))\\b`,
      "gi"
    ),
    resolve: (m, { prev }) => {
      if (prev === null) return null
      if (m[1] === undefined) {
        const n = (NUMBERS[m[2]!.toLowerCase()] ?? Number(m[2])) * (/week/i.test(m[3]!) ? 7 : 1)
        return {
          value: shiftDay(prev, /earlier/i.test(m[4]!) ? -n : n),
          precision: "day",
          relative: true
        }
      }
      const w = m[1].toLowerCase()
      const shift = /before|previous/.test(w) ? -1 : /next|following|day\safter/.test(w) ? 1 : 0
      return { value: shiftDay(prev, shift), precision: "day", relative: true }
    }
  },
  {
    // "2025-06-18": an ISO 8601 calendar day (date markers, press-release headers); not a range ("2025-26") or a code
    id: "date.iso-day.v1",
    re: /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w-])/g,
    resolve: (m, _ctx, text) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
      const exists = fromDate(utc(y, mo, d))[2] === d
      return exists && text[m.index - 1] !== "-" ? { value: iso(y, mo, d), precision: "day", relative: false } : null
    }
  },
  {
    // "2030 marks the fifth anniversary of X": X began N years before the year named (the date is "the fifth
    // anniversary of"; the year stays its own)
    id: "date.anniversary.v1",
    re: /\b((?:19|20)\d\d)\s(?:marks|marked|will\smark)\s(the\s([\w-]+)\sanniversary\sof)\b/gi,
    skip: (m) => m[0].length - m[2]!.length,
    resolve: (m) => {
      const n = ordinal(m[3]!)
      return n === null ? null : { value: iso(Number(m[1]) - n), precision: "year", relative: false }
    }
  },
  {
    id: "date.month-year-glued.v1",
    // "inMay 2006": a month name glued to the word before it (scraped text); group 1 is that letter, skipped
    re: new RegExp(`([a-z])${MONTH_RE}\\s((?:19|20)\\d\\d)\\b`, "g"),
    skip: 1,
    resolve: (m) => ({
      value: iso(Number(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1),
      precision: "month",
      relative: false
    })
  },
  {
    // "in March": the last March, or this one just ahead; after a future verb ("will open in March") or an invitation
    // to something ("invited X to the summit in March") the next one
    id: "date.in-month.v2",
    namesMonth: true,
    re: new RegExp(
      `\\b(?:in|since|during|until|by|from|early|mid|late|end\\sof)[\\s-]${MONTH_RE}\\b(?![\\s.]\\s?\\d)(?!,?\\s(?:19|20)\\d\\d)`,
      "g"
    ),
    resolve: (m, { ref }, text) => {
      if (!ref) return null
      const mi = MONTHS.indexOf(m[1]!.toLowerCase()) + 1
      const refM = ref.m ?? ref.mGuess ?? 12
      const before = text.slice(Math.max(0, m.index - 140), m.index)
      if (ref.m !== null && (futureBefore(before.slice(-110)) || invitedTo(before)))
        return {
          value: iso(mi >= refM ? ref.y : ref.y + 1, mi),
          precision: "month",
          relative: true
        }
      return {
        value: iso(mi - refM > 2 ? ref.y - 1 : ref.y, mi),
        precision: "month",
        relative: true
      }
    }
  }
]
