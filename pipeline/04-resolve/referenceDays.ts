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

/** Up to two distinct articles: enough to know whether one other than a given article states a day. */
type TwoSources = [string] | [string, string]

const addSource = (two: TwoSources, sourceId: string): void => {
  if (two.length === 1 && two[0] !== sourceId) two.push(sourceId)
}

const otherThan = (two: TwoSources, sourceId: string): boolean => two[0] !== sourceId || two.length === 2

/**
 * One day stated for the reports of a (type, named participant): the articles that state it, and the same by the set of
 * named participants of the reports (a weekday fits only a report sharing two of them with the article's).
 */
interface StatedDay {
  readonly day: string
  readonly sources: TwoSources
  readonly byNamed: Map<string, { readonly named: ReadonlySet<string>; readonly sources: TwoSources }>
}

/**
 * The stated days of one (type, named participant), each once, found by the clue that can match it: its month and day
 * ("11-06") or its weekday. An article's clues then visit the distinct days that can fit them, not every dated
 * report of the pair: a leader in a large corpus has thousands of them, and a scan of all for every report of every
 * undated article grows with the square of the corpus.
 */
interface DayIndex {
  readonly days: Map<string, StatedDay>
  readonly byMonthDay: Map<string, Array<StatedDay>>
  readonly byWeekday: Map<number, Array<StatedDay>>
}

const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V) => {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

/** Record that article `sourceId` states `day` for a report whose named participants are `named`. */
const addStated = (index: DayIndex, sourceId: string, day: string, named: ReadonlySet<string>): void => {
  let stated = index.days.get(day)
  if (stated === undefined) {
    stated = { day, sources: [sourceId], byNamed: new Map() }
    index.days.set(day, stated)
    push(index.byMonthDay, day.slice(5), stated)
    push(index.byWeekday, weekdayOf(day), stated)
  } else addSource(stated.sources, sourceId)
  const key = [...named].sort().join("\n")
  const group = stated.byNamed.get(key)
  if (group === undefined) stated.byNamed.set(key, { named, sources: [sourceId] })
  else addSource(group.sources, sourceId)
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
      for (const p of named) {
        const k = `${e.type}|${p}`
        let index = dated.get(k)
        if (index === undefined)
          dated.set(k, (index = { days: new Map(), byMonthDay: new Map(), byWeekday: new Map() }))
        addStated(index, a.sourceId, e.date.value, named)
      }
    }
  const out = new Map<string, string>()
  for (const a of inputs) {
    if (a.published.precision === "day" || (a.hints.monthDays.length === 0 && a.hints.weekdays.length === 0)) continue
    const notBefore = (day: string) => a.notBefore == null || day.slice(0, a.notBefore.length) >= a.notBefore
    const score = new Map<string, number>()
    for (const e of a.events) {
      if (GENERIC_TYPES.has(e.type) || e.modality === "negated" || e.modality === "hypothetical") continue
      const seen = new Set<string>()
      const mine = new Set(e.participants.map((x) => x.key).filter((k) => NAMED.test(k)))
      // a day of the month fits with any report of another article; a weekday (below) only with one that shares two
      // named participants with this report
      const count = (d: StatedDay, fits: boolean) => {
        if (!fits || seen.has(d.day) || !datesCompatible(a.published.value, d.day) || !notBefore(d.day)) return
        seen.add(d.day)
        score.set(d.day, (score.get(d.day) ?? 0) + 1)
      }
      const twoInCommon = (d: StatedDay) => {
        for (const g of d.byNamed.values()) {
          if (!otherThan(g.sources, a.sourceId)) continue
          let common = 0
          for (const k of mine) if (g.named.has(k) && ++common >= 2) return true
        }
        return false
      }
      for (const p of mine) {
        const index = dated.get(`${e.type}|${p}`)
        if (index === undefined) continue
        for (const md of a.hints.monthDays)
          for (const d of index.byMonthDay.get(md) ?? []) count(d, otherThan(d.sources, a.sourceId))
        if (mine.size >= 2)
          for (const w of a.hints.weekdays) for (const d of index.byWeekday.get(w) ?? []) count(d, twoInCommon(d))
      }
    }
    // the best-supported day; when two days fit equally well (one more Thursday meeting of the same
    // leader in a large corpus), the article is tied to neither
    const [best, second] = [...score].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    if (best && (!second || second[1] < best[1])) out.set(a.sourceId, best[0])
  }
  return out
}
