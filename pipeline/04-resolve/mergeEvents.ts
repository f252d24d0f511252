/**
 * Cross-document event resolution. Reports are visited in a fixed order and each joins the
 * first compatible cluster found through a blocking index keyed by (event type, participant,
 * date window) and (event type, three participants) (eventIndex.ts); clusters are never
 * compared all-pairs. Conflicting dates are kept and flagged.
 */
import type { EventMention } from "../../schemas/Extraction.js"
import type { Modality, Role } from "../../schemas/vocab.js"
import { makeEventIndex } from "./eventIndex.js"

/** What clustering reads of an event report (an EventMention is one). */
export interface MatchedMention {
  readonly type: EventMention["type"]
  readonly trigger: string
  readonly date: EventMention["date"]
  readonly dateFromReport: boolean
  readonly modality: Modality
  readonly location: string | null
  readonly participants: ReadonlyArray<{ readonly key: string; readonly role: Role }>
}

/** One event report in one source. */
export interface Report {
  readonly sourceId: string
  readonly order: number
  readonly mention: MatchedMention
}

/** A group of reports of one real-world event. */
export interface Cluster<R extends Report = Report> {
  readonly reports: Array<R>
  readonly keys: Set<string>
  readonly type: EventMention["type"]
  conflict: boolean
}

/** A cluster with what matching needs at hand (kept up to date as reports join). */
interface Live extends Cluster {
  readonly seq: Map<string, number>
  cd: string | null
  readonly sources: Set<string>
  readonly unreal: boolean
  objects: number
  readonly placeTriggers: Set<string>
  /** Where its reports place it. */
  readonly places: Set<string>
  /** The people who act in its reports (hosts, visitors, speakers). */
  readonly hosts: Set<string>
  /** The named parties that act in its reports (people and organisations; see namedActors). */
  readonly leads: Set<string>
  /** Some report gives it a date (stated, or its report's own). */
  dated: boolean
  /** The last report that tried it as a candidate (each is tried once per report). */
  tried: number
}

export const NO_CROSS_DOC: ReadonlySet<string> = new Set(["statement", "other"])
export const UNREAL: ReadonlySet<string> = new Set(["negated", "hypothetical"])
/** Keys of what an event is about rather than who takes part (initiatives, laws, named events). */
export const isObjectKey = (k: string) => /^(gaz|pat):(initiative|legislation|named_event):/.test(k)
const isPersonKey = (k: string) => k.startsWith("gaz:person:") || k.startsWith("pat:person:")
/** Keys that occur in so many events that they alone do not make two reports one event. */
export const GENERIC = (key: string) => key === "gaz:country:USA"
/**
 * States: too common across one region's news to tie two reports to one event without a precise date (see joinable).
 */
export const isCountryKey = (k: string) => /^(gaz|pat):country:/.test(k)

/**
 * Do the participants two reports share (`shared`, strong keys) make them one event, given how
 * precisely their compatible dates agree (`cd`, `md`; null = undated)? Dated to a day or a month,
 * one shared participant of any kind; dated only to a year, two, one of them not a state (a
 * year holds many deals of one leader); one side undated, three, one of them not a state ("the
 * five Central Asian states" alone do not tie a meeting of 2023 to one of 2025).
 */
export const joinable = (shared: ReadonlyArray<string>, cd: string | null, md: string | null): boolean => {
  const named = shared.some((k) => !isCountryKey(k))
  if (cd === null || md === null) return shared.length >= 3 && named
  if (Math.min(cd.length, md.length) >= 7) return shared.length >= 1
  return shared.length >= 2 && named
}

/**
 * Can two reports with incompatible dates be one event reported with a conflict: the same year, and
 * months (when both give one) at most one apart. Meetings of one format a year or more apart never are.
 */
export const nearDates = (a: string, b: string): boolean => {
  if (a.slice(0, 4) !== b.slice(0, 4)) return false
  return a.length < 7 || b.length < 7 || Math.abs(Number(a.slice(5, 7)) - Number(b.slice(5, 7))) <= 1
}

/** Are two partial ISO dates compatible (equal at the coarser precision)? */
export const datesCompatible = (a: string | null, b: string | null): boolean =>
  a === null || b === null || a.startsWith(b) || b.startsWith(a)

export const participantKeys = (m: MatchedMention): Set<string> => {
  const s = new Set(m.participants.map((p) => p.key))
  if (m.location) s.add(m.location)
  return s
}

/** A report's date as evidence of when the event happened (a date taken from the report itself is none). */
export const statedDate = (m: MatchedMention): string | null => (m.dateFromReport ? null : m.date.value)

/**
 * A report's date as matched against a cluster whose stated date is `cd`: a report dated only by its publication
 * counts as dated against an event with a stated date (it falls in its time), but two such reports alone do not date
 * an event.
 */
export const dateAgainst = (cd: string | null, m: MatchedMention): string | null =>
  cd !== null ? m.date.value : statedDate(m)

/** A cluster's stated date once report `m` has joined it: the more precise of the two. */
export const clusterDateAfter = (cd: string | null, m: MatchedMention): string | null => {
  const d = statedDate(m)
  return d !== null && (cd === null || d.length > cd.length) ? d : cd
}

/** How many of `keys` the cluster holds, counting no further than `enough`. */
const shared = (c: Live, keys: ReadonlyArray<string>, enough: number): number => {
  let n = 0
  for (let i = 0; i < keys.length && n < enough; i++) if (c.keys.has(keys[i]!)) n++
  return n
}
/** The keys of `keys` the cluster holds. */
const sharedKeys = (c: Live, keys: ReadonlyArray<string>): Array<string> => keys.filter((k) => c.keys.has(k))

/**
 * Can report `r` join cluster `c`? null: no; else whether it joins with conflicting dates.
 * `strong`: the report's keys but generic ones and its place; `people`: its person keys.
 */
const joins = (
  c: Live,
  r: Report,
  strong: ReadonlyArray<string>,
  people: ReadonlyArray<string>,
  objects: ReadonlyArray<string>
): { conflict: boolean } | null => {
  const m = r.mention
  if (c.unreal || c.sources.has(r.sourceId)) return null
  // reports placed in two different places are two events ("met in Washington" is not the summit in Miami)
  if (m.location !== null && c.places.size > 0 && !c.places.has(m.location)) return null
  // what an event is about (an accord, a law, a named summit) must agree when both name one
  if (objects.length > 0 && c.objects > 0 && !objects.some((x) => c.keys.has(x))) return null
  // a shared place alone does not make two reports one event: a shared participant is needed
  const cd = c.cd
  const md = dateAgainst(cd, m)
  if (datesCompatible(cd, md)) {
    // reports in different articles are one event when both are dated compatibly and share a
    // participant (more of them, and a named one, the less precise the dates), or (undated) when
    // they share three, one of them named, and are not led by other people
    if (cd !== null && md !== null) return joinable(sharedKeys(c, strong), cd, md) ? JOIN : null
    return joinable(sharedKeys(c, strong), cd, md) &&
      !otherHosts(m, c) &&
      (c.dated === (m.date.value !== null) || sameLead(namedActors(m), objects, c.leads, c.keys))
      ? JOIN
      : null
  }
  // the same people, place and kind of event with another date close to it: one event, conflicting reports
  return m.location !== null &&
    c.placeTriggers.has(`${m.location}|${m.trigger}`) &&
    nearDates(cd!, md!) &&
    shared(c, people, 1) >= 1 &&
    shared(c, strong, 3) >= 3
    ? JOIN_CONFLICT
    : null
}
/** The named parties (people, organisations) that act in a report. */
export const namedActors = (m: MatchedMention): Array<string> =>
  m.participants.filter((p) => p.role === "actor" && /^(gaz|pat):(person|organization):/.test(p.key)).map((p) => p.key)

/**
 * An undated report joins a dated event only when it is led by the same named party or is about
 * the same initiative, law or named event: the people met (five foreign ministers) meet many hosts.
 */
export const sameLead = (
  mine: ReadonlyArray<string>,
  objects: ReadonlyArray<string>,
  leads: ReadonlySet<string>,
  keys: ReadonlySet<string>
): boolean => mine.some((k) => leads.has(k)) || objects.some((k) => keys.has(k))

/** The people who act in a report (hosts, visitors, speakers). */
export const personActors = (m: MatchedMention): Array<string> =>
  m.participants.filter((p) => p.role === "actor" && /^(gaz|pat):person:/.test(p.key)).map((p) => p.key)

/**
 * Undated reports joined on shared participants alone must not be led by other people: "Biden met
 * the five presidents" and "Trump met the five presidents" are two meetings.
 */
const otherHosts = (m: MatchedMention, c: Live): boolean => {
  const mine = personActors(m)
  return mine.length > 0 && c.hosts.size > 0 && !mine.some((k) => c.hosts.has(k))
}

const JOIN = { conflict: false }
const JOIN_CONFLICT = { conflict: true }

/**
 * Merge event reports of many sources into clusters. Reports must come in a stable order. Each
 * report joins the compatible cluster that comes first by (the report's first named participant
 * the cluster shares, the order in which the cluster acquired it); candidates come from the
 * blocking index only (by participant and date window, or by three shared participants).
 */
export const clusterEvents = <R extends Report>(reports: ReadonlyArray<R>): Array<Cluster<R>> => {
  const clusters: Array<Live> = []
  const index: EventIndex = makeEventIndex<Live>()
  const addKey = keyAdder(index)
  let reportStamp = 0
  for (const r of reports) {
    const m = r.mention
    const keys = participantKeys(m)
    const found =
      !NO_CROSS_DOC.has(m.type) && !UNREAL.has(m.modality) ? firstJoinable(r, keys, index, ++reportStamp) : null
    if (found !== null) joinCluster(found.cluster, r, keys, found.conflict, index, addKey)
    else {
      const c = newCluster(r)
      clusters.push(c)
      for (const k of keys) addKey(c, k)
    }
  }
  // a cluster's reports are the reports given
  return clusters as Array<Live> as Array<Cluster> as Array<Cluster<R>>
}

type EventIndex = ReturnType<typeof makeEventIndex<Live>>

/** Adds a key to a cluster, numbered in the order clusters acquire keys, and indexes it. */
const keyAdder = (index: EventIndex): ((c: Live, k: string) => void) => {
  let counter = 0
  return (c, k) => {
    c.keys.add(k)
    c.seq.set(k, counter++)
    if (isObjectKey(k)) c.objects++
    // generic keys are never looked up; clusters that cannot be joined are not indexed
    if (c.unreal || NO_CROSS_DOC.has(c.type) || GENERIC(k)) return
    index.addKey(
      c.type,
      c,
      k,
      [...c.keys].filter((x) => x !== k && !GENERIC(x))
    )
  }
}

/**
 * The cluster report `r` joins, if any (and whether with conflicting dates): of the candidates the
 * index gives, the first in the original scan's order that `joins` accepts.
 */
const firstJoinable = (
  r: Report,
  keys: ReadonlySet<string>,
  index: EventIndex,
  stamp: number
): { cluster: Live; conflict: boolean } | null => {
  const m = r.mention
  const strongKeys = [...keys].filter((k) => !GENERIC(k) && k !== m.location)
  const people = [...keys].filter(isPersonKey)
  const objects = [...keys].filter(isObjectKey)
  const order = [...keys]
  // the original scan's order: by the report's first key the cluster holds, then by when the
  // cluster acquired it; a cluster that would not come before the best so far is not tested
  let best: Live | null = null
  let bestLevel = Infinity
  let bestSeq = Infinity
  let bestConflict = false
  const consider = (c: Live) => {
    if (c.tried === stamp) return
    c.tried = stamp
    let level = -1
    let seq = 0
    for (let j = 0; j < order.length && j <= bestLevel; j++) {
      const s = c.seq.get(order[j]!)
      if (s !== undefined) {
        level = j
        seq = s
        break
      }
    }
    // none of the report's keys up to the best one's: it comes later (holding none, it cannot join)
    if (level < 0 || (best !== null && level === bestLevel && seq >= bestSeq)) return
    const ok = joins(c, r, strongKeys, people, objects)
    if (ok === null) return
    best = c
    bestLevel = level
    bestSeq = seq
    bestConflict = ok.conflict
  }
  forEachCandidate(index, m, strongKeys, consider)
  return best === null ? null : { cluster: best, conflict: bestConflict }
}

/**
 * The clusters the blocking index offers a report: by three shared participants (with any date, or
 * with conflicting dates), and by one shared participant and a compatible date. The order they are
 * tried in does not matter: ranks never tie, a key's place in a cluster is unique.
 */
const forEachCandidate = (
  index: EventIndex,
  m: MatchedMention,
  strongKeys: ReadonlyArray<string>,
  consider: (c: Live) => void
): void => {
  if (strongKeys.length >= 3) {
    const sorted = [...strongKeys].sort()
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++)
        for (let l = j + 1; l < sorted.length; l++)
          for (const c of index.sortedTriple(m.type, sorted[i]!, sorted[j]!, sorted[l]!)) consider(c)
      for (const c of index.wide(m.type, sorted[i]!)) consider(c)
    }
  }
  if (m.date.value !== null)
    for (const k of strongKeys) for (const c of index.dated(m.type, k, m.date.value)) consider(c)
}

/** Adds report `r` to cluster `target`: its source, places, actors, date and keys. */
const joinCluster = (
  target: Live,
  r: Report,
  keys: ReadonlySet<string>,
  conflict: boolean,
  index: EventIndex,
  addKey: (c: Live, k: string) => void
): void => {
  const m = r.mention
  target.reports.push(r)
  target.sources.add(r.sourceId)
  if (m.location !== null) target.placeTriggers.add(`${m.location}|${m.trigger}`)
  if (m.location !== null) target.places.add(m.location)
  for (const h of personActors(m)) target.hosts.add(h)
  for (const h of namedActors(m)) target.leads.add(h)
  if (m.date.value !== null) target.dated = true
  if (conflict) target.conflict = true
  const previous = target.cd
  const next = clusterDateAfter(previous, m)
  if (next !== previous) {
    target.cd = next
    if (!target.unreal && !NO_CROSS_DOC.has(target.type))
      index.moveDate(
        target.type,
        target,
        previous,
        [...target.keys].filter((x) => !GENERIC(x))
      )
  }
  for (const k of keys) if (!target.keys.has(k)) addKey(target, k)
}

/** A cluster founded by report `r` (its keys are added after). */
const newCluster = (r: Report): Live => {
  const m = r.mention
  return {
    reports: [r],
    keys: new Set(),
    type: m.type,
    conflict: false,
    seq: new Map(),
    cd: statedDate(m),
    sources: new Set([r.sourceId]),
    unreal: UNREAL.has(m.modality),
    objects: 0,
    placeTriggers: new Set(m.location !== null ? [`${m.location}|${m.trigger}`] : []),
    places: new Set(m.location !== null ? [m.location] : []),
    hosts: new Set(personActors(m)),
    leads: new Set(namedActors(m)),
    dated: m.date.value !== null,
    tried: 0
  }
}

const MODALITY_RANK: ReadonlyArray<Modality> = ["asserted", "planned", "expected", "hypothetical", "negated"]

/** The modality of a cluster: the most factual report wins (a planned event later reported as held is asserted). */
export const clusterModality = (c: { readonly reports: ReadonlyArray<Report> }): Modality =>
  c.reports.map((r) => r.mention.modality).sort((a, b) => MODALITY_RANK.indexOf(a) - MODALITY_RANK.indexOf(b))[0]!

/**
 * The date of a cluster: the most precise date among reports that agree with the majority (with the
 * end of the interval a report states from that day, if any). Dates the reports state come first; a date taken from a
 * report's own time ("Trump said", dated by the
 * article) dates the event only when no report states one.
 */
export const clusterDate = (c: {
  readonly reports: ReadonlyArray<Report>
}): {
  value: string | null
  precision: "day" | "month" | "year" | "unknown"
  end?: string
} => {
  const all = c.reports.filter((r) => r.mention.date.value !== null)
  const stated = all.filter((r) => statedDate(r.mention) !== null)
  const dated = stated.length > 0 ? stated : all
  if (dated.length === 0) return { value: null, precision: "unknown" }
  // pick the report whose date is compatible with the most other reports; ties → more precise, then earlier
  // (scores per distinct date, then one pass keeping the first best: linear in the reports)
  const score = new Map<string, number>()
  for (const d of new Set(dated.map((r) => r.mention.date.value!)))
    score.set(d, dated.filter((r) => datesCompatible(r.mention.date.value, d)).length)
  const better = (a: Report, b: Report) =>
    score.get(b.mention.date.value!)! - score.get(a.mention.date.value!)! ||
    b.mention.date.value!.length - a.mention.date.value!.length ||
    a.order - b.order
  let best = dated[0]!
  for (const r of dated) if (better(r, best) < 0) best = r
  // the interval's end: of the chosen report, else of another report stating an interval from the same first day
  const end =
    best.mention.date.end ??
    dated.find((r) => r.mention.date.value === best.mention.date.value && r.mention.date.end !== undefined)?.mention
      .date.end
  return {
    value: best.mention.date.value,
    precision: best.mention.date.precision,
    ...(end !== undefined ? { end } : {})
  }
}
