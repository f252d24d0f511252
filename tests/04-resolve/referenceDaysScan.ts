/**
 * The reference-day search as it was before its day index (every dated report of a type and participant visited for
 * every report of every undated article): the reference the index must agree with.
 */
import { datesCompatible } from "../../pipeline/04-resolve/mergeEvents.js"
import type { ReferenceInput } from "../../pipeline/04-resolve/referenceDays.js"

const NAMED = /^(gaz|pat):(person|organization|initiative|named_event):/
const GENERIC_TYPES = new Set(["statement", "other"])

const weekdayOf = (day: string): number => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()
}

export const referenceDaysByScan = (inputs: ReadonlyArray<ReferenceInput>): ReadonlyMap<string, string> => {
  const dated = new Map<string, Array<{ sourceId: string; day: string; named: ReadonlySet<string> }>>()
  for (const a of inputs)
    for (const e of a.events) {
      if (e.dateFromReport || e.date.precision !== "day" || e.date.value === null || GENERIC_TYPES.has(e.type)) continue
      const named = new Set(e.participants.map((x) => x.key).filter((k) => NAMED.test(k)))
      for (const p of named) {
        const k = `${e.type}|${p}`
        const list = dated.get(k) ?? []
        list.push({ sourceId: a.sourceId, day: e.date.value, named })
        dated.set(k, list)
      }
    }
  const out = new Map<string, string>()
  for (const a of inputs) {
    if (a.published.precision === "day" || (a.hints.monthDays.length === 0 && a.hints.weekdays.length === 0)) continue
    const fits = (day: string, common: number) =>
      (a.hints.monthDays.includes(day.slice(5)) || (common >= 2 && a.hints.weekdays.includes(weekdayOf(day)))) &&
      (a.notBefore == null || day.slice(0, a.notBefore.length) >= a.notBefore)
    const score = new Map<string, number>()
    for (const e of a.events) {
      if (GENERIC_TYPES.has(e.type) || e.modality === "negated" || e.modality === "hypothetical") continue
      const seen = new Set<string>()
      const mine = new Set(e.participants.map((x) => x.key).filter((k) => NAMED.test(k)))
      for (const p of mine)
        for (const d of dated.get(`${e.type}|${p}`) ?? [])
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
    const [best, second] = [...score].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    if (best && (!second || second[1] < best[1])) out.set(a.sourceId, best[0])
  }
  return out
}
