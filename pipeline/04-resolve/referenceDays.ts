/**
 * Reference days from other articles. An article whose publication day is unknown but which names
 * a weekday or a day without its year ("on Thursday", "On November 6") cannot resolve them alone.
 * When another article dates the same kind of event with the same named participant on a day that
 * fits one of those clues, that day becomes the article's reference day, and the article's
 * relative dates are resolved against it; a day before a date the article states as past, or one
 * of two days that fit equally well, is not. A weekday alone fits one day in seven: it needs two
 * named participants shared with the dated event (a leader meets someone most weeks). Pure; the
 * result does not depend on article order.
 */
import type { EventMention } from "../../schemas/Extraction.js"
import type { DatePrecision } from "../../schemas/vocab.js"
import type { DayHints } from "../text/dates.js"
import { datesCompatible } from "./mergeEvents.js"

/** What the search reads of one event report (an EventMention is one). */
export interface ReferenceEvent {
  readonly type: EventMention["type"]
  readonly date: Pick<EventMention["date"], "value" | "precision">
  readonly dateFromReport: boolean
  readonly modality: EventMention["modality"]
  readonly participants: ReadonlyArray<{ readonly key: string }>
}

/** What the search needs to know of one article. */
export interface ReferenceInput {
  readonly sourceId: string
  readonly published: {
    readonly value: string | null
    readonly precision: DatePrecision
  }
  readonly hints: DayHints
  readonly events: ReadonlyArray<ReferenceEvent>
  /** The latest past date the article states (ISO at any precision): it was written no earlier. */
  readonly notBefore?: string | null
}

/**
 * Participants that name one actor (a person, an organisation, an initiative or a named event), not a country or place.
 */
const NAMED = /^(gaz|pat):(person|organization|initiative|named_event):/
/** Event types whose reports are too generic to tie two articles to one day. */
const GENERIC_TYPES = new Set(["statement", "other"])

/**
 * The part of an article's event reports the search reads: the reports of a specific type naming an actor, with their
 * type, date, modality and named participants only. Gives the same days as the reports themselves, and holds a small
 * fraction of them while every article of a build waits for the search.
 */
export const referenceEventsOf = (events: ReadonlyArray<EventMention>): Array<ReferenceEvent> => {
  const out: Array<ReferenceEvent> = []
  for (const e of events) {
    if (GENERIC_TYPES.has(e.type)) continue
    const participants = e.participants.filter((x) => NAMED.test(x.key)).map((x) => ({ key: x.key }))
    if (participants.length === 0) continue
    out.push({
      type: e.type,
      date: { value: e.date.value, precision: e.date.precision },
      dateFromReport: e.dateFromReport,
      modality: e.modality,
      participants
    })
  }
  return out
}

const weekdayOf = (day: string): number => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()
}

/** A stated day of an event report: its article, the day and the report's named participants. */
interface DatedReport {
  readonly sourceId: string
  readonly day: string
  readonly named: ReadonlySet<string>
}

/**
 * The stated days of one (type, named participant), by the clue each can match: its month and day ("11-06") and its
 * weekday. An article's clues then visit only the days that can fit them, not every dated report of the pair: a
 * leader in a large corpus has thousands, and a scan of all of them for every report of every undated article grows
 * with the square of the corpus.
 */
interface DayIndex {
  readonly byMonthDay: Map<string, Array<DatedReport>>
  readonly byWeekday: Map<number, Array<DatedReport>>
}

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V) => {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

/**
 * For each article without a publication day, the day another article gives to an event they share, when it fits the
 * article's clues.
 */
export const referenceDays = (inputs: ReadonlyArray<ReferenceInput>): ReadonlyMap<string, string> => {
  // stated day-precision dates of event reports, by type and named participant
  const dated = new Map<string, DayIndex>()
  for (const a of inputs)
    for (const e of a.events) {
      if (e.dateFromReport || e.date.precision !== "day" || e.date.value === null || GENERIC_TYPES.has(e.type)) continue
      const named = new Set(e.participants.map((x) => x.key).filter((k) => NAMED.test(k)))
      const report = { sourceId: a.sourceId, day: e.date.value, named }
      for (const p of named) {
        const k = `${e.type}|${p}`
        let index = dated.get(k)
        if (index === undefined) dated.set(k, (index = { byMonthDay: new Map(), byWeekday: new Map() }))
        push(index.byMonthDay, report.day.slice(5), report)
        push(index.byWeekday, weekdayOf(report.day), report)
      }
    }
  const out = new Map<string, string>()
  for (const a of inputs) {
    if (a.published.precision === "day" || (a.hints.monthDays.length === 0 && a.hints.weekdays.length === 0)) continue
    // (a weekday fits only with two named participants in common; a day of the month with one)
    const fits = (day: string, common: number) =>
      (a.hints.monthDays.includes(day.slice(5)) || (common >= 2 && a.hints.weekdays.includes(weekdayOf(day)))) &&
      (a.notBefore == null || day.slice(0, a.notBefore.length) >= a.notBefore)
    const score = new Map<string, number>()
    for (const e of a.events) {
      if (GENERIC_TYPES.has(e.type) || e.modality === "negated" || e.modality === "hypothetical") continue
      const seen = new Set<string>()
      const mine = new Set(e.participants.map((x) => x.key).filter((k) => NAMED.test(k)))
      const take = (d: DatedReport) => {
        if (
          d.sourceId !== a.sourceId &&
          !seen.has(d.day) &&
          datesCompatible(a.published.value, d.day) &&
          fits(d.day, [...mine].filter((k) => d.named.has(k)).length)
        ) {
          seen.add(d.day)
          score.set(d.day, (score.get(d.day) ?? 0) + 1)
        }
      }
      for (const p of mine) {
        const index = dated.get(`${e.type}|${p}`)
        if (index === undefined) continue
        // only the days that can fit a clue: a day of the month, or (with two named participants) a weekday
        for (const md of a.hints.monthDays) for (const d of index.byMonthDay.get(md) ?? []) take(d)
        if (mine.size >= 2) for (const w of a.hints.weekdays) for (const d of index.byWeekday.get(w) ?? []) take(d)
      }
    }
    // the best-supported day; when two days fit equally well (one more Thursday meeting of the same
    // leader in a large corpus), the article is tied to neither
    const [best, second] = [...score].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    if (best && (!second || second[1] < best[1])) out.set(a.sourceId, best[0])
  }
  return out
}
