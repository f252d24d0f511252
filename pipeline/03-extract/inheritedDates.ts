/**
 * Dates an undated event takes from another event told beside it: the visit or meeting it is the
 * occasion of ("arrived ... to take part in a meeting"), the event it is the time of ("signed during
 * the visit"), the statement whose complement tells it ("announced that X had joined"), and the
 * visit or meeting of the sentence before that it goes on with ("... for a three-day visit. He will
 * hold talks ..."), and the main clause of a sentence opened by a phrase setting its scene ("On
 * the sidelines of the forum, ..."). Called from events.ts through eventDates.ts.
 */
import type { Modality } from "../../schemas/vocab.js"
import { COUNT, fromDate, iso, NUMBERS, shiftDay, utc } from "../text/dateParts.js"
import { tokenIndexAt } from "./clauses.js"
import type { Doc } from "./doc.js"
import type { EventDate } from "./eventDates.js"
import { multiDay } from "./newsCues.js"
import { timeAdjunct } from "./phraseScope.js"

/**
 * Words that make an event noun the occasion of the event before it ("welcomed leaders ... for the summit", "to attend
 * a meeting").
 */
const OCCASION = new Set(["for", "at", "attend", "attends", "attended", "attending"])
/**
 * Verbs before "in" that make the noun after it an occasion ("to participate in the summit", "took part in a forum").
 */
const OCCASION_IN = new Set(["participate", "participates", "participated", "participating", "part"])
/**
 * Verbs of taking part that, in an infinitive of purpose after a visit or meeting ("flew to Baku to attend the forum"),
 * tell the occasion.
 */
const PURPOSE = new Set(["attend", "participate", "take", "join"])
const SKIPPED = new Set([
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "and",
  "or",
  "'s",
  "’s",
  "-",
  "–",
  "—",
  "(",
  ")",
  "first",
  "second",
  "third",
  "annual",
  "upcoming",
  "inaugural"
])
/**
 * Words that end the noun phrase of an occasion to the left (a lowercase word other than these may be part of its name:
 * "the Central Asian countries summit").
 */
const PHRASE_END = new Set([
  "to",
  "of",
  "on",
  "by",
  "with",
  "from",
  "that",
  "which",
  "who",
  "as",
  "than",
  "into",
  "over",
  "was",
  "were",
  "is",
  "are",
  "be",
  "been",
  "has",
  "have",
  "had"
])

/**
 * Is the event noun at token i introduced by "for", "at", "attend" or "participate in" / "take
 * part in" over determiners, ordinals, names and the words of its name (back to the sentence's
 * start `a`, at most sixteen tokens: "to participate in the inaugural Gulf – Central Asian countries summit")?
 */
const occasionOf = (doc: Doc, a: number, i: number): boolean => {
  for (let k = i - 1; k >= Math.max(a, i - 16); k--) {
    const t = doc.tokens[k]!
    if (OCCASION.has(t.norm)) return true
    if (t.norm === "in" && OCCASION_IN.has(doc.tokens[k - 1]?.norm ?? "")) return true
    if (SKIPPED.has(t.norm) || t.cap || t.kind === "num") continue
    if (t.kind !== "word" || PHRASE_END.has(t.norm) || /(ed|ing)$/.test(t.norm)) return false
  }
  return false
}

/** An event told earlier in the sentence, at its trigger's offset. */
export interface EarlierEvent {
  readonly start: number
  readonly ev: {
    readonly date: EventDate
    readonly dateFromReport: boolean
    readonly modality: Modality
    readonly trigger: { readonly event_type: string }
  }
}
/** Events whose occasion an event noun can be ("visited Dushanbe to attend a meeting", "arrived for the summit"). */
const OCCASION_HOSTS = new Set(["visit", "meeting"])

/**
 * The date of an event noun (token i) that is the occasion of the visit or meeting told just
 * before it in its sentence ("flew to Bishkek on a two-day trip to attend a meeting of the CIS
 * council"; or a verb of taking part in an infinitive of purpose, "... to attend the summit"), or the time of the event
 * told just before it ("documents were signed during the
 * president's visit to Bishkek"): that event's date (a visit, which lasts days, at its month);
 * null when it is neither. (`a`, the start of the noun's clause, is kept for callers; the sentence
 * is searched, since a dash in a name opens a clause.)
 */
export const occasionDate = (
  doc: Doc,
  _a: number,
  i: number,
  earlier: ReadonlyArray<EarlierEvent>
): { readonly date: EventDate; readonly fromReport: boolean } | null => {
  // (no event told before it in the sentence: no host to take the time of)
  if (earlier.length === 0) return null
  const a = doc.sentences[doc.sentenceOf[i]!]!.tokStart
  const during =
    doc.tokens[i - 1] !== undefined &&
    timeAdjunct(doc.text, {
      start: doc.tokens[i]!.start,
      end: doc.tokens[i]!.end
    })
  // ("visited Dushanbe on a three-day trip to attend the summit": the verb of the purpose is the occasion itself)
  const purpose = doc.tokens[i - 1]?.norm === "to" && PURPOSE.has(doc.tokens[i]!.norm)
  if (!during && !purpose && !occasionOf(doc, a, i)) return null
  const from = doc.tokens[a]!.start
  const to = doc.tokens[i]!.start
  const host = [...earlier].reverse().find((x) => x.start >= from && x.start < to)
  if (
    !host ||
    host.ev.date.value === null ||
    host.ev.modality !== "asserted" ||
    (!during && !OCCASION_HOSTS.has(host.ev.trigger.event_type))
  )
    return null
  const lasting =
    during &&
    host.ev.date.precision === "day" &&
    doc.lex.triggers.longest(doc.tokens, i)?.values.some((v) => v.pos === "noun" && v.event_type === "visit") === true
  return {
    date: lasting ? { value: host.ev.date.value.slice(0, 7), precision: "month" } : host.ev.date,
    fromReport: host.ev.dateFromReport
  }
}

/** An event told before, as continuationDate needs it. */
export interface TellingEvent {
  readonly triggerStart: number
  readonly date: EventDate
  readonly dateFromReport: boolean
  readonly modality: Modality
  readonly trigger: { readonly event_type: string }
}
const PRONOUN_SUBJECT = new Set(["he", "she", "they"])
const FACTUAL: ReadonlySet<Modality> = new Set(["asserted"])
const TO_COME: ReadonlySet<Modality> = new Set(["planned", "expected"])

/**
 * The date of an undated event (not a statement) told by a sentence that goes on with the visitor
 * or the meeting of the sentence before it ("Yoon will travel to Astana on Tuesday for a three-day
 * visit. He will hold a summit with Tokayev ..."): the sentence opens with "he", "she" or "they"
 * and the trigger follows within four words; the sentence before tells a visit or meeting with a
 * stated date and the same standing (held, or to come; or to come within a visit of several days
 * under way). A visit of several days gives its month (the day within it is not said). Null otherwise; a statement
 * stays the news of the report.
 */
export const continuationDate = (
  doc: Doc,
  earlier: ReadonlyArray<TellingEvent>,
  si: number,
  i: number,
  type: string,
  modality: Modality
): EventDate | null => {
  const s = doc.sentences[si]!
  const prev = doc.sentences[si - 1]
  if (
    prev === undefined ||
    type === "statement" ||
    !PRONOUN_SUBJECT.has(doc.tokens[s.tokStart]?.norm ?? "") ||
    i - s.tokStart > 4
  )
    return null
  if (!FACTUAL.has(modality) && !TO_COME.has(modality)) return null
  const from = prev.start
  const to = prev.start + prev.text.length
  const host = [...earlier]
    .reverse()
    .find(
      (e) =>
        e.triggerStart >= from &&
        e.triggerStart < to &&
        (e.trigger.event_type === "visit" || e.trigger.event_type === "meeting") &&
        (FACTUAL.has(e.modality) || TO_COME.has(e.modality))
    )
  if (!host || host.date.value === null || host.dateFromReport) return null
  const lasting =
    host.date.precision === "day" && (host.date.end !== undefined || multiDay(doc, prev.tokStart, prev.tokEnd))
  // (the same standing: held after held, to come after to come; or to come within a visit of several days under way)
  if (FACTUAL.has(modality) !== FACTUAL.has(host.modality) && !(lasting && FACTUAL.has(host.modality))) return null
  return lasting
    ? { value: host.date.value.slice(0, 7), precision: "month" }
    : { value: host.date.value, precision: host.date.precision }
}

/**
 * A reporting verb and up to five words before the "that" of its complement ("announced that", "said on Monday that",
 * "told reporters that").
 */
const COMPLEMENT = /^[\w'’-]+[\w'’.,\s-]{0,50}?\sthat\s/i

/**
 * The date of an undated event told in the complement of a statement before it in its sentence
 * ("Trump announced that his administration had brokered a peace agreement", "he noted that
 * Washington is issuing licenses"): the statement's date, the time the report makes it known.
 * Only for events told as fact; null when no dated statement governs the event this way.
 */
export const complementDate = (
  doc: Doc,
  i: number,
  earlier: ReadonlyArray<EarlierEvent>
): { readonly date: EventDate; readonly fromReport: boolean } | null => {
  const at = doc.tokens[i]!.start
  const s = doc.sentences[doc.sentenceOf[i]!]!
  for (let k = earlier.length - 1; k >= 0; k--) {
    const x = earlier[k]!
    if (x.start < s.start || x.start >= at || x.ev.trigger.event_type !== "statement") continue
    if (x.ev.date.value === null || x.ev.modality !== "asserted" || !COMPLEMENT.test(doc.text.slice(x.start, at)))
      continue
    return { date: x.ev.date, fromReport: x.ev.dateFromReport }
  }
  return null
}

/**
 * A phrase opening a sentence that tells an event going on at the time of the main clause ("On the sidelines of the
 * forum,", "During the talks,", "At the summit,", "Speaking at the forum,").
 */
const SIMULTANEOUS =
  /^(?:on the (?:sidelines|margins|fringes) of|during|at|in the course of|while|(?:while\s)?(?:attending|addressing|visiting|speaking (?:at|to|during)|taking part in|participating in))\s[^,;:]*$/i
/** What a sentence may open with before its first phrase: a dateline ("Tashkent, Uzbekistan:", "ASTANA —"). */
const DATELINE_HEAD = /^(?:[^:\n]{1,60}:|[^\n]{1,60}?\s[-–—]{1,2})\s+/

/** An event as frontedDates reads and dates it. */
export interface FrontedEvent {
  readonly triggerStart: number
  readonly triggerEnd: number
  date: EventDate
  dateFromReport: boolean
  readonly modality: Modality
}

/**
 * Dates events told in a phrase that opens a sentence and sets the scene of its main clause ("On the
 * sidelines of the investment forum, X signed ...", "Attending the climate conference, A and B
 * yesterday signed ...", "During the talks, ..."): with no date of their own (or only the
 * report's), they take that of the first event the main clause tells after the comma that closes
 * the phrase, the two going on together. Not a phrase that sets one event before or after the
 * other ("Prior to the summit,", "In preparation for the talks,"); only events told as fact.
 */
export const frontedDates = (doc: Doc, events: ReadonlyArray<FrontedEvent>): void => {
  const bySentence = new Map<number, Array<FrontedEvent>>()
  for (const e of events) {
    const si = doc.sentenceOf[tokenIndexAt(doc, e.triggerStart)]!
    bySentence.set(si, [...(bySentence.get(si) ?? []), e])
  }
  for (const [si, inSentence] of bySentence) {
    const s = doc.sentences[si]!
    const sentenceEnd = s.start + s.text.length
    for (const e of inSentence) {
      if ((e.date.value !== null && !e.dateFromReport) || e.modality !== "asserted") continue
      const head = doc.text.slice(s.start, e.triggerStart).replace(DATELINE_HEAD, "")
      const trigger = doc.text.slice(e.triggerStart, e.triggerEnd)
      // ("Attending the conference,": a participle opening the sentence is such a phrase itself)
      if (!SIMULTANEOUS.test(head) && !(/^(?:while\s)?$/i.test(head) && /^[A-Za-z]+ing\b/.test(trigger))) continue
      const comma = doc.text.indexOf(",", e.triggerEnd)
      if (
        comma < 0 ||
        comma >= sentenceEnd ||
        comma - e.triggerEnd > 160 ||
        /[;:!?]/.test(doc.text.slice(e.triggerEnd, comma))
      )
        continue
      const main = inSentence
        .filter((m) => m.triggerStart > comma)
        .reduce<FrontedEvent | undefined>(
          (x, y) => (x === undefined || y.triggerStart < x.triggerStart ? y : x),
          undefined
        )
      if (main === undefined || main.date.value === null || main.modality !== "asserted") continue
      e.date = main.date
      e.dateFromReport = main.dateFromReport
    }
  }
}

/** An event as gatheringDates reads and dates it. */
export interface GatheringEvent extends FrontedEvent {
  readonly trigger: {
    readonly lemma: string
    readonly pos: string
    readonly event_type: string
  }
  readonly spans: ReadonlyArray<{
    readonly start: number
    readonly end: number
  }>
}

/**
 * Dates a gathering told again by its head noun ("The Gulf–Central Asia summit, held in Jeddah,
 * ..." after "arrived on July 19 to take part in the Gulf – Central Asian summit"): an undated
 * definite event noun of a meeting ("the ... summit") takes the stated date of the latest
 * meeting told before it whose words hold that noun and, when the noun has names or numbers
 * before it ("the Turkic summit", "the 11th Summit"), one of those; one in the article's first
 * sentence (its headline: "Highlights from the 11th Summit") the first such meeting told after it.
 * Only events told as fact; a date from the report is no stated date.
 */
export const gatheringDates = (doc: Doc, events: ReadonlyArray<GatheringEvent>): void => {
  const stated = (e: GatheringEvent) =>
    e.date.value !== null && !e.dateFromReport && e.modality === "asserted" && e.trigger.event_type === "meeting"
  const wordsOf = new Map<GatheringEvent, ReadonlySet<string>>()
  const words = (e: GatheringEvent) => {
    let w = wordsOf.get(e)
    if (w === undefined)
      wordsOf.set(
        e,
        (w = new Set(
          e.spans.flatMap(
            (s) =>
              doc.text
                .slice(s.start, s.end)
                .toLowerCase()
                .match(/[a-z0-9]+/g) ?? []
          )
        ))
      )
    return w
  }
  const sorted = [...events].sort((a, b) => a.triggerStart - b.triggerStart)
  // the first stated meeting after the headline for each word it holds
  const headEnd = (doc.sentences[0]?.start ?? 0) + (doc.sentences[0]?.text.length ?? 0)
  const after = new Map<string, Array<GatheringEvent>>()
  for (const e of sorted) if (stated(e) && e.triggerStart >= headEnd) for (const w of words(e)) pushTo(after, w, e)
  const before = new Map<string, Array<GatheringEvent>>()
  for (const e of sorted) {
    // (the phrase before the noun is read only for an undated meeting noun told as fact)
    const phrase =
      e.date.value === null &&
      e.modality === "asserted" &&
      e.trigger.pos === "noun" &&
      e.trigger.event_type === "meeting"
        ? /\bthe\s([^,.;:()]{0,60})$/i.exec(doc.text.slice(Math.max(0, e.triggerStart - 60), e.triggerStart))
        : null
    if (phrase !== null) {
      // (the names and numbers before the noun: "the Turkic summit" is not "the Caspian summit")
      const modifiers = (phrase[1]!.match(/\b(?:[A-Z][A-Za-z]*|\d+[a-z]*)\b/g) ?? []).map((w) => w.toLowerCase())
      const fits = (m: GatheringEvent) => modifiers.length === 0 || modifiers.some((w) => words(m).has(w))
      const antecedent =
        [...(before.get(e.trigger.lemma) ?? [])].reverse().find(fits) ??
        (e.triggerStart < headEnd ? after.get(e.trigger.lemma)?.find(fits) : undefined)
      if (antecedent !== undefined) {
        e.date = antecedent.date
        e.dateFromReport = false
      }
    }
    if (stated(e)) for (const w of words(e)) pushTo(before, w, e)
  }
}

/** Append to the list under a key (lists read in order, never kept while appended to). */
const pushTo = <K, V>(m: Map<K, Array<V>>, k: K, v: V): void => {
  const list = m.get(k)
  if (list === undefined) m.set(k, [v])
  else list.push(v)
}

/**
 * A count of time and "after" or "before" in front of an event ("almost a year after the authorities seized the mine",
 * "two days before the vote").
 */
const COUNTED = new RegExp(
  `\\b(?:(?:almost|nearly|about|around|some|roughly|more\\sthan|over|less\\sthan|just|barely|only)\\s)?${COUNT}\\s(day|week|month|year|decade)s?\\s(after|before)\\s([^,.;:!?]{0,60})$`,
  "i"
)

const AFTER_OR_BEFORE = /after|before/i

/**
 * Dates an event told as the point another is counted from ("an address that came almost a year
 * after the authorities seized the mine", "signed two days before the vote"): with no date of its
 * own (or only the report's, or the very date it is counted from), it takes the date of the event told just before the
 * count in its
 * sentence, moved back ("after") or on ("before") by the count, at the count's precision (a year
 * count gives a year, a month count a month, a week count a month, a day count a day).
 */
export const countedDates = (doc: Doc, events: ReadonlyArray<FrontedEvent>): void => {
  const sorted = [...events].sort((a, b) => a.triggerStart - b.triggerStart)
  const sentenceAt = (offset: number) => doc.sentenceOf[tokenIndexAt(doc, offset)]
  for (let k = 0; k < sorted.length; k++) {
    const e = sorted[k]!
    if (e.modality !== "asserted") continue
    const before = doc.text.slice(Math.max(0, e.triggerStart - 140), e.triggerStart)
    // (the count's pattern is tried only where "after" or "before" is written: a cheap test first)
    if (!AFTER_OR_BEFORE.test(before)) continue
    const m = COUNTED.exec(before)
    if (m === null) continue
    const countAt = e.triggerStart - (before.length - m.index)
    const si = sentenceAt(e.triggerStart)
    let main: FrontedEvent | undefined
    for (let p = k - 1; p >= 0 && main === undefined; p--) {
      const x = sorted[p]!
      if (sentenceAt(x.triggerStart) !== si) break
      if (x.triggerStart < countAt && x.date.value !== null) main = x
    }
    // (a date of its own stands, unless it is the very date it is counted from: taken from the clause before)
    if (
      main === undefined ||
      main.date.value === null ||
      (e.date.value !== null && !e.dateFromReport && e.date.value !== main.date.value)
    )
      continue
    const n =
      (NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1])) *
      (/decade/i.test(m[2]!) ? 10 : 1) *
      (/after/i.test(m[3]!) ? -1 : 1)
    const unit = m[2]!.toLowerCase()
    const v = main.date.value
    const [y, mo] = fromDate(utc(Number(v.slice(0, 4)), Number(v.slice(5, 7)) + (unit === "month" ? n : 0), 1))
    const date: EventDate | null =
      unit === "year" || unit === "decade"
        ? { value: iso(Number(v.slice(0, 4)) + n), precision: "year" }
        : unit === "month" && v.length >= 7
          ? { value: iso(y, mo), precision: "month" }
          : v.length === 10
            ? unit === "day"
              ? { value: shiftDay(v, n), precision: "day" }
              : { value: shiftDay(v, 7 * n).slice(0, 7), precision: "month" }
            : null
    if (date === null) continue
    e.date = date
    e.dateFromReport = main.dateFromReport
  }
}
