/**
 * Cross-document event resolution. Reports are visited in a fixed order and each joins the
 * first compatible cluster found through a blocking index keyed by (event type, participant);
 * clusters are never compared all-pairs. Conflicting dates are kept and flagged.
 */
import type { EventMention } from "../../schemas/Extraction.js"
import type { Modality } from "../../schemas/vocab.js"

/** One event report in one source. */
export interface Report {
  readonly sourceId: string
  readonly order: number
  readonly mention: EventMention
}

/** A group of reports of one real-world event. */
export interface Cluster {
  readonly reports: Array<Report>
  readonly keys: Set<string>
  readonly type: EventMention["type"]
  conflict: boolean
}

const NO_CROSS_DOC = new Set(["statement", "other"])
const UNREAL = new Set(["negated", "hypothetical"])
/** Keys of what an event is about rather than who takes part (initiatives, laws, named events). */
const isObjectKey = (k: string) => /^(gaz|pat):(initiative|legislation|named_event):/.test(k)
/** Keys that occur in so many events that they alone do not make two reports one event. */
const GENERIC = (key: string) => key === "gaz:country:USA"

/** Are two partial ISO dates compatible (equal at the coarser precision)? */
export const datesCompatible = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a.startsWith(b) || b.startsWith(a)

const participantKeys = (m: EventMention): Set<string> => {
  const s = new Set(m.participants.map((p) => p.key))
  if (m.location) s.add(m.location)
  return s
}

/** A report's date as evidence of when the event happened (a date taken from the report itself is none). */
const statedDate = (m: EventMention): string | null => (m.dateFromReport ? null : m.date.value)

const representativeDate = (c: Cluster): string | null => {
  const ds = c.reports.map((r) => statedDate(r.mention)).filter((d): d is string => d !== null)
  return ds.sort((a, b) => b.length - a.length)[0] ?? null
}

const personActors = (m: EventMention): Array<string> =>
  m.participants.filter((p) => p.role === "actor" && /^(gaz|pat):person:/.test(p.key)).map((p) => p.key)

/**
 * Undated reports joined on shared participants alone must not be led by other people: "Biden met
 * the five presidents" and "Trump met the five presidents" are two meetings.
 */
const otherHosts = (m: EventMention, c: Cluster): boolean => {
  const mine = personActors(m)
  const theirs = new Set(c.reports.flatMap((r) => personActors(r.mention)))
  return mine.length > 0 && theirs.size > 0 && !mine.some((k) => theirs.has(k))
}

/** Merge event reports of many sources into clusters. Reports must come in a stable order. */
export const clusterEvents = (reports: ReadonlyArray<Report>): Array<Cluster> => {
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
          // reports placed in two different places are two events ("met in Washington" is not the summit in Miami)
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
            if ((bothDated && strong.length >= 1) || (strong.length >= 3 && !otherHosts(m, c))) {
              target = c
              break
            }
          } else if (
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

const MODALITY_RANK: ReadonlyArray<Modality> = ["asserted", "planned", "expected", "hypothetical", "negated"]

/** The modality of a cluster: the most factual report wins (a planned event later reported as held is asserted). */
export const clusterModality = (c: Cluster): Modality =>
  c.reports.map((r) => r.mention.modality).sort((a, b) => MODALITY_RANK.indexOf(a) - MODALITY_RANK.indexOf(b))[0]!

/** The date of a cluster: the most precise date among reports that agree with the majority. */
export const clusterDate = (c: Cluster): { value: string | null; precision: "day" | "month" | "year" | "unknown" } => {
  const dated = c.reports.filter((r) => r.mention.date.value !== null)
  if (dated.length === 0) return { value: null, precision: "unknown" }
  // pick the report whose date is compatible with the most other reports; ties → more precise, then earlier
  const score = (d: string) => dated.filter((r) => datesCompatible(r.mention.date.value, d)).length
  const best = [...dated].sort(
    (a, b) =>
      score(b.mention.date.value!) - score(a.mention.date.value!) ||
      b.mention.date.value!.length - a.mention.date.value!.length ||
      a.order - b.order
  )[0]!
  return { value: best.mention.date.value, precision: best.mention.date.precision }
}
