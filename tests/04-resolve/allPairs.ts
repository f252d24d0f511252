/**
 * The event clustering as it was before the blocking index (it visits every cluster of the
 * report's type and participants in order): the reference the index must agree with.
 */

import {
  datesCompatible,
  GENERIC,
  isObjectKey,
  joinable,
  NO_CROSS_DOC,
  namedActors,
  nearDates,
  participantKeys,
  personActors,
  type Report,
  sameLead,
  statedDate,
  UNREAL
} from "../../pipeline/04-resolve/mergeEvents.js"
import type { EventMention } from "../../schemas/Extraction.js"

/** A group of reports of one real-world event. */
interface Cluster {
  readonly reports: Array<Report>
  readonly keys: Set<string>
  readonly type: EventMention["type"]
  conflict: boolean
}

const representativeDate = (c: Cluster): string | null => {
  const ds = c.reports.map((r) => statedDate(r.mention)).filter((d): d is string => d !== null)
  return ds.sort((a, b) => b.length - a.length)[0] ?? null
}

/** Merge event reports of many sources into clusters. Reports must come in a stable order. */
/** Clusters as the scan over every indexed cluster finds them. */
export const clusterEventsAllPairs = (reports: ReadonlyArray<Report>): Array<Cluster> => {
  const clusters: Array<Cluster> = []
  const index = new Map<string, Array<Cluster>>()
  for (const r of reports) {
    const m = r.mention
    const keys = participantKeys(m)
    let target: Cluster | undefined
    let conflict = false
    if (!NO_CROSS_DOC.has(m.type)) {
      const seen = new Set<Cluster>()
      for (const k of keys) {
        for (const c of index.get(`${m.type}|${k}`) ?? []) {
          if (seen.has(c) || c.reports.some((x) => x.sourceId === r.sourceId)) continue
          seen.add(c)
          const shared = [...keys].filter((x) => c.keys.has(x))
          // a shared place alone does not make two reports one event: a shared participant is needed
          const strong = shared.filter((x) => !GENERIC(x) && x !== m.location)
          const cd = representativeDate(c)
          // negated and hypothetical reports stand alone: they do not say that an event happened
          if (UNREAL.has(m.modality) || c.reports.some((x) => UNREAL.has(x.mention.modality))) continue
          // reports placed in two different places are two events
          const places = new Set(c.reports.map((x) => x.mention.location).filter((l): l is string => l !== null))
          if (m.location !== null && places.size > 0 && !places.has(m.location)) continue
          // what an event is about (an accord, a law, a named summit) must agree when both name one
          const objects = [...keys].filter(isObjectKey)
          const cObjects = [...c.keys].filter(isObjectKey)
          if (objects.length > 0 && cObjects.length > 0 && !objects.some((x) => c.keys.has(x))) continue
          // a report dated only by its publication counts as dated against an event with a stated
          // date (it falls in its time), but two such reports alone do not date an event
          const md = cd !== null ? m.date.value : statedDate(m)
          if (datesCompatible(cd, md)) {
            // reports in different articles are one event when both are dated compatibly and share a
            // named participant, or (undated) when they share three
            const bothDated = cd !== null && md !== null
            // undated joins on shared participants alone must not be led by other people
            const mine = personActors(m)
            const theirs = new Set(c.reports.flatMap((x) => personActors(x.mention)))
            const otherHosts = mine.length > 0 && theirs.size > 0 && !mine.some((k) => theirs.has(k))
            // an undated report joins a dated event only when led by the same named party or about the same initiative
            const leads = new Set(c.reports.flatMap((x) => namedActors(x.mention)))
            const led =
              c.reports.some((x) => x.mention.date.value !== null) === (m.date.value !== null) ||
              sameLead(namedActors(m), objects, leads, c.keys)
            if (joinable(strong, cd, md) && (bothDated || (!otherHosts && led))) {
              target = c
              break
            }
          } else if (
            nearDates(cd!, md!) &&
            strong.length >= 3 &&
            shared.some((x) => x.startsWith("gaz:person:") || x.startsWith("pat:person:")) &&
            m.location !== null &&
            c.reports.some((x) => x.mention.location === m.location && x.mention.trigger === m.trigger)
          ) {
            // the same people, place and kind of event with another date: one event, conflicting reports
            target = c
            conflict = true
            break
          }
        }
        if (target) break
      }
    }
    if (target) {
      target.reports.push(r)
      if (conflict) target.conflict = true
      for (const k of keys) {
        if (!target.keys.has(k)) {
          target.keys.add(k)
          const bucket = index.get(`${m.type}|${k}`) ?? []
          bucket.push(target)
          index.set(`${m.type}|${k}`, bucket)
        }
      }
    } else {
      const c: Cluster = { reports: [r], keys, type: m.type, conflict: false }
      clusters.push(c)
      for (const k of keys) {
        const bucket = index.get(`${m.type}|${k}`) ?? []
        bucket.push(c)
        index.set(`${m.type}|${k}`, bucket)
      }
    }
  }
  return clusters
}
