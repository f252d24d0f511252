/**
 * Within-article event coreference: an anaphoric noun ("the summit", "the C5+1 summit") joins
 * the event it refers back to; two mentions of one event (same type, modality, date and people;
 * one speaker's remarks until another speaker's turn; a noun retelling a verb of its sentence)
 * merge into one. Pure, apart from merging into the found events it is given.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import { tokenIndexAt, triggerAt } from "./clauses.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import type { FoundEvent } from "./events.js"
import { overPeriod } from "./newsCues.js"

/** Words that make a following event noun refer back. */
export const ANAPHORA = new Set(["the", "this", "that", "its", "their", "his", "her"])

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/

/** The word before the noun at token i, over a date that modifies it ("the Nov. 5 letter", "the 2024 summit"). */
export const wordBefore = (doc: Doc, i: number): string => {
  let k = i - 1
  while (
    k > 0 &&
    i - k <= 4 &&
    (doc.tokens[k]!.kind === "num" || doc.tokens[k]!.text === "." || MONTH.test(doc.tokens[k]!.norm))
  )
    k--
  return doc.tokens[k]?.norm ?? ""
}

/**
 * Names between a definite article and the noun at token i ("the C5+1 summit"); empty when there is no such article.
 */
export const definiteModifiers = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  a: number,
  i: number
): Array<Mention> => {
  const found: Array<Mention> = []
  let d = i - 1
  while (d >= a && i - d <= 6) {
    const m = at[d]
    if (m) {
      found.push(m)
      d = m.tokStart - 1
      continue
    }
    const t = doc.tokens[d]!
    if (t.kind === "num" || t.cap || t.norm === "'s") {
      d--
      continue
    }
    break
  }
  // (a name may take its article in: "the White House summit")
  const first = found.at(-1)
  return first !== undefined &&
    (ANAPHORA.has(doc.tokens[d]?.norm ?? "") || ANAPHORA.has(doc.tokens[first.tokStart]!.norm))
    ? found
    : []
}

/**
 * The event an anaphoric noun refers to: the latest of its lemma, else the latest of its type;
 * a named one ("the C5+1 summit", `modifiers` non-empty) only one with that name among its participants;
 * a `possessive` one ("Trump's invitation") only one its possessor acted in.
 */
/**
 * "the war in Ukraine" again, "the anniversary of relations between X and Y" after "... on the anniversary of
 * their relations": a definite event noun whose own arguments all took part in the latest event of its lemma
 * is that event told again.
 */
export const repeatedMention = (
  events: ReadonlyArray<FoundEvent>,
  trigger: TriggerEntry,
  args: ReadonlyArray<Mention>
): FoundEvent | undefined => {
  const latest = [...events].reverse().find((e) => e.trigger.lemma === trigger.lemma)
  return latest !== undefined && args.every((m) => latest.participants.some((p) => p.mention.key === m.key))
    ? latest
    : undefined
}

export const antecedentOf = (
  events: ReadonlyArray<FoundEvent>,
  trigger: TriggerEntry,
  modifiers: ReadonlyArray<Mention>,
  possessive = false
): FoundEvent | undefined => {
  // (named by another mention: the modifier itself may stand in the clause of an event before it, "meet ... before the
  // White House summit")
  // (a possessor, "Trump's invitation", must have acted in it)
  const fits = (e: FoundEvent) =>
    modifiers.length === 0 ||
    e.participants.some(
      (p) =>
        (!possessive || p.role === "actor") &&
        modifiers.some((m) => m.key === p.mention.key && m.tokStart !== p.mention.tokStart)
    )
  const latest = [...events].reverse()
  return (
    latest.find((e) => e.trigger.lemma === trigger.lemma && fits(e)) ??
    latest.find((e) => e.trigger.event_type === trigger.event_type && trigger.event_type !== "other" && fits(e)) ??
    (modifiers.length > 0 && !possessive ? latest.find((e) => e.trigger.lemma === trigger.lemma) : undefined)
  )
}

/**
 * Join an anaphoric mention into its antecedent. A date in the anaphor's clause dates it only when
 * it modifies the noun ("the Nov. 6 summit", "the announcement on Wednesday"); otherwise it belongs
 * to the clause's own event ("In the Nov. 5 letter, ... at the summit").
 */
export const joinAnaphor = (
  antecedent: FoundEvent,
  ev: FoundEvent,
  date: { readonly start: number; readonly end: number } | null
): void => {
  const trigStart = ev.triggerStart
  const modifies =
    date !== null &&
    ((trigStart - date.end <= 2 && trigStart >= date.end) ||
      (date.start >= ev.triggerEnd && date.start - ev.triggerEnd <= 2))
  mergeInto(
    antecedent,
    modifies
      ? ev
      : {
          ...ev,
          date: { value: null, precision: "unknown" },
          dateFromReport: false
        }
  )
}

/** An earlier event that the new mention `ev` (in sentence si) states again, if any. */
export const sameAs = (
  doc: Doc,
  events: ReadonlyArray<FoundEvent>,
  ev: FoundEvent,
  si: number
): FoundEvent | undefined => {
  // two triggers of one type in one clause ("The summit ... brought together") state one event
  const span0 = ev.clauses[0]!
  // one speaker's turn lasts until another person's statement is told ("A said ... B replied ... A, in turn,
  // said"); "also said" adds a further statement of the same speaker
  const further = doc.tokens[tokenIndexAt(doc, ev.triggerStart) - 1]?.norm === "also"
  const sameTurn = (e: FoundEvent) => {
    const from = e.clauses.at(-1)!.start
    const other = (x: FoundEvent) =>
      x !== e &&
      x.trigger.event_type === "statement" &&
      x.modality === "asserted" &&
      speaker(x) !== null &&
      speaker(x) !== speaker(ev)
    return (
      !further &&
      !events.some((x) => other(x) && x.clauses.some((t) => t.start > from && t.start < span0.start)) &&
      !headingBetween(doc, from, span0.start)
    )
  }
  // an event noun of the same sentence that names no one new ("visited Astana ..., as part of a three-country tour")
  // retells the event
  // (not one of another lemma with arguments of its own: "opened an embassy ..., soon after the end of the war")
  const retold = (e: FoundEvent) =>
    ev.trigger.pos === "noun" &&
    !(ev.local && ev.trigger.lemma !== e.trigger.lemma) &&
    e.trigger.event_type === ev.trigger.event_type &&
    doc.sentenceOf[tokenIndexAt(doc, e.triggerStart)] === si &&
    ev.participants.every((p) => e.participants.some((q) => q.mention.key === p.mention.key))
  return events.find(
    (e) =>
      sameEvent(e, ev, sameTurn) ||
      retold(e) ||
      (e.trigger.event_type === ev.trigger.event_type &&
        ev.trigger.event_type !== "other" &&
        !(e.local && ev.local) &&
        e.clauses.some((x) => x.start === span0.start && x.end === span0.end))
  )
}

/** Participant keys of an event, kept while its participants stay as many (merging only adds to them). */
const keyCache = new WeakMap<FoundEvent, { readonly n: number; readonly keys: ReadonlySet<string> }>()
const keysOf = (e: FoundEvent): ReadonlySet<string> => {
  const hit = keyCache.get(e)
  if (hit !== undefined && hit.n === e.participants.length) return hit.keys
  const keys = new Set(e.participants.map((p) => p.mention.key))
  keyCache.set(e, { n: e.participants.length, keys })
  return keys
}

/**
 * Two mentions in one article describe the same event: same type, modality and date, and the same
 * participants, or (when dated) the same stated place or a shared participant.
 */
const sameEvent = (a: FoundEvent, b: FoundEvent, inTurn: (a: FoundEvent) => boolean): boolean => {
  if (a.trigger.event_type !== b.trigger.event_type || a.modality !== b.modality) return false
  // (the turn is judged only for two statements: it scans the events and sentences between them)
  const sameTurn = a.trigger.event_type === "statement" && inTurn(a)
  if (a.trigger.event_type === "statement" && !sameTurn) return false
  const ka = keysOf(a)
  const kb = keysOf(b)
  // a date taken from the report says nothing of when the event happened: it does not make two mentions one
  const da = a.dateFromReport ? null : a.date.value
  const db = b.dateFromReport ? null : b.date.value
  const compatible = da === db || (da === null && a.dateFromReport) || (db === null && b.dateFromReport)
  // ("other" gathers unlike events: two of its triggers with the same parties are one event only when they are one
  // word: "winning the election and taking office")
  if (
    compatible &&
    ka.size === kb.size &&
    allIn(ka, kb) &&
    (a.trigger.event_type !== "other" || a.trigger.lemma === b.trigger.lemma)
  )
    return true
  // one speaker's remarks in one turn are one statement, however many sentences report them
  if (a.trigger.event_type === "statement") {
    const sa = speaker(a)
    // (not a statement noun, "the minister's recent announcement", which names a statement of its own,
    // nor an announcing verb, "announced", "revealed", which reports news of its own)
    return (
      sameTurn &&
      b.trigger.pos === "verb" &&
      b.trigger.announces !== true &&
      sa !== null &&
      sa === speaker(b) &&
      compatible
    )
  }
  // upcoming events are told with a date once at most ("prepares to host ... The upcoming meeting will")
  // (a date at a coarser precision contains a finer one: "in late 2025" and "last November")
  const within = da !== null && db !== null && (da.startsWith(db) || db.startsWith(da))
  if (!(within || (a.modality !== "asserted" && compatible))) return false
  return (a.location !== null && a.location.key === b.location?.key) || sharesKey(ka, kb)
}

/** Is every key of a also in b? */
const allIn = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const k of a) if (!b.has(k)) return false
  return true
}

/** Do a and b share a key other than the excluded one? */
const sharesKey = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const k of a) if (b.has(k) && k !== "gaz:country:USA") return true
  return false
}

/** A line of at most ten words without closing punctuation, alone between line breaks: a section heading. */
const HEADING = /^[A-Z][^.!?:;"“”\n]{0,80}$/
/**
 * Does a section heading stand between two offsets? A new section opens a new turn: "... Xi said. // Upholding the
 * Spirit // Xi hailed ..."
 */
const headingBetween = (doc: Doc, from: number, to: number): boolean =>
  doc.sentences.some((s) => {
    if (s.start <= from || s.end >= to) return false
    const t = s.text.trim()
    const alone = (doc.text[s.start - 1] ?? "\n") === "\n" && /^\s*\n/.test(doc.text.slice(s.end, s.end + 3))
    return alone && HEADING.test(t) && t.split(/\s+/).length <= 10
  })

/** The one person who speaks in a statement event (its only person actor), else its only organisation actor, if any. */
const speaker = (e: FoundEvent): string | null => {
  // (counted in one pass without arrays: it is asked for every pair of statements)
  let people = 0
  let person: string | null = null
  let bodies = 0
  let body: string | null = null
  for (const p of e.participants) {
    if (p.role !== "actor") continue
    if (p.mention.type === "person") {
      people++
      person = p.mention.key
    } else if (p.mention.type === "organization") {
      bodies++
      body = p.mention.key
    }
  }
  if (people === 1) return person
  // (a body speaks too when no person does: "the company said ... it said")
  return people === 0 && bodies === 1 ? body : null
}

/**
 * Merge a further mention into an event: its date when the event has none of its own, its spans, its new names as
 * participants.
 */
export const mergeInto = (target: FoundEvent, ev: FoundEvent): void => {
  const finer =
    target.date.value !== null &&
    !target.dateFromReport &&
    !ev.dateFromReport &&
    ev.date.value !== null &&
    ev.date.value.length > target.date.value.length &&
    ev.date.value.startsWith(target.date.value)
  if (
    ((target.date.value === null || target.dateFromReport) && ev.date.value !== null && !ev.dateFromReport) ||
    finer
  ) {
    // (a finer date of a later mention dates the event more closely: "in late 2025" ... "last November")
    target.date = ev.date
    target.dateFromReport = false
  } else if (
    target.date.value === null &&
    ev.date.value !== null &&
    (ev.trigger.pos === "noun" || !target.clauses.some((t) => t.start === ev.clauses[0]!.start))
  ) {
    // a later mention that reports the event as news dates it by the report (not a verb of the same clause: "agreements
    // signed")
    target.date = ev.date
    target.dateFromReport = true
  }
  // (spans and clauses are parallel: a further mention in a clause already told widens that clause's span)
  ev.clauses.forEach((c, k) => {
    const s = ev.spans[k]!
    const at = target.clauses.findIndex((t) => t.start === c.start && t.end === c.end)
    if (at < 0) {
      target.clauses.push(c)
      target.spans.push(s)
    } else {
      const t = target.spans[at]!
      target.spans[at] = {
        start: Math.min(t.start, s.start),
        end: Math.max(t.end, s.end)
      }
    }
  })
  const keys = keysOf(target)
  for (const p of ev.participants)
    if (!keys.has(p.mention.key)) target.participants.push({ mention: p.mention, role: "participant" })
}

/**
 * Undated events of a sentence anchored by an anaphoric reference take the anchor's date (not upcoming or unreal ones,
 * nor ones told over a period or describing a name).
 */
export const anchorDates = (
  doc: Doc,
  events: ReadonlyArray<FoundEvent>,
  anchors: ReadonlyMap<number, FoundEvent["date"]>
): void => {
  for (const e of events) {
    if ((e.date.value !== null && e.trigger.event_type !== "statement") || e.modality !== "asserted") continue
    const anchor = anchors.get(doc.sentenceOf[tokenIndexAt(doc, e.triggerStart)]!)
    // (not one told over a period of its own: "an initiative launched during Trump's first term")
    const span = e.clauses[0]!
    if (
      anchor &&
      (e.date.value === null || e.dateFromReport) &&
      e.describing !== true &&
      !overPeriod(doc.text, span.start, span.end, e.triggerStart, e.triggerEnd)
    ) {
      e.date = anchor
      e.dateFromReport = false
    }
  }
}

/** Prepositions that make the event noun after them the time of the event before it. */
const TIME_PREPS = new Set(["during", "at"])

/**
 * The date of an event with none of its own that a time adjunct of its clause (tokens [j, b))
 * places at an earlier told event: "during" or "at" and a definite event noun ("will raise it
 * during the summit", "agreements to be unveiled during the visit") take that noun's antecedent's
 * stated date. Null when there is no such adjunct or the antecedent has no stated date.
 */
export const adjunctDate = (
  doc: Doc,
  events: ReadonlyArray<FoundEvent>,
  j: number,
  b: number
): FoundEvent["date"] | null => {
  const { tokens } = doc
  for (let k = j; k < b - 2; k++) {
    if (!TIME_PREPS.has(tokens[k]!.norm) || !ANAPHORA.has(tokens[k + 1]!.norm)) continue
    for (let m = k + 2; m < Math.min(b, k + 6); m++) {
      const noun = triggerAt(doc, m)?.values.find((v) => v.pos === "noun")
      if (noun === undefined) continue
      const antecedent = antecedentOf(events, noun, [])
      return antecedent !== undefined && antecedent.date.value !== null && !antecedent.dateFromReport
        ? antecedent.date
        : null
    }
  }
  return null
}

const EXAMPLE = /\bfor (?:example|instance)\b/i

/**
 * The time of an undated event in a sentence that gives an example ("for example", "for instance")
 * of the sentence before it ("Leaders may raise other issues during the summit. X, for example,
 * will raise ..."): the last date that sentence states, else its time adjunct (see adjunctDate).
 */
export const exampleDate = (
  doc: Doc,
  events: ReadonlyArray<FoundEvent>,
  si: number,
  prevDates: ReadonlyArray<{
    readonly value: string
    readonly precision: "day" | "month" | "year"
  }>
): FoundEvent["date"] | null => {
  const s = doc.sentences[si]!
  const prev = doc.sentences[si - 1]
  if (prev === undefined || !EXAMPLE.test(s.text)) return null
  const last = prevDates.at(-1)
  return last !== undefined
    ? { value: last.value, precision: last.precision }
    : adjunctDate(doc, events, prev.tokStart, prev.tokEnd)
}

/**
 * Function words that end a verb's object phrase before its head noun ("discussed ways to end the war", "signed in the
 * presence of").
 */
const NOT_IN_OBJECT = new Set([
  "to",
  "of",
  "in",
  "on",
  "at",
  "by",
  "for",
  "with",
  "from",
  "about",
  "over",
  "into",
  "after",
  "before",
  "during",
  "since",
  "as",
  "than",
  "and",
  "or",
  "but",
  "nor",
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "if",
  "when",
  "while",
  "because",
  "would",
  "will",
  "could",
  "should",
  "may",
  "might",
  "must",
  "can",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "has",
  "have",
  "had",
  "not"
])

/**
 * Event types whose verb takes what was said or discussed as its object: the noun after it tells an event of its own
 * ("discussed the war").
 */
const TOPIC_VERBS: ReadonlySet<string> = new Set(["statement", "meeting"])

/**
 * The event of a verb whose object the event noun at token i heads: "signed a joint declaration",
 * "launched its invasion of ...", "called for a snap election", "issued a statement". The noun names what
 * the verb did or made: one event, told by the verb (its clause is [a, i)). Not a verb of saying or
 * meeting, whose object is a topic with an event of its own ("discussed the war"), nor a verb that itself
 * retold an earlier event, nor over a function
 * word, a comma or more than four words of pre-modifiers.
 */
export const objectOf = (
  doc: Doc,
  inSentence: ReadonlyArray<{
    readonly start: number
    readonly ev: FoundEvent
  }>,
  a: number,
  i: number
): FoundEvent | undefined => {
  const { tokens } = doc
  for (const x of inSentence) {
    const k = tokenIndexAt(doc, x.start)
    // (the verb's own event, not one it was joined to: "the creation of a council and work to establish a fund")
    if (k < a || k >= i || x.ev.triggerStart !== x.start || TOPIC_VERBS.has(x.ev.trigger.event_type)) continue
    const hit = triggerAt(doc, k)
    if (hit === null || !hit.values.some((v) => v.pos === "verb")) continue
    const end = k + hit.length
    if (i - end > 4) continue
    let ok = true
    for (let m = end; m < i && ok; m++) {
      const t = tokens[m]!
      // (a noun of a compound already joined to the verb may stand before the head: "signed a supply contract")
      const joined = () => inSentence.some((y) => y.start === t.start && y.ev === x.ev)
      ok =
        t.norm === "'s" ||
        t.kind === "num" ||
        (t.kind === "word" && !NOT_IN_OBJECT.has(t.norm) && (triggerAt(doc, m) === null || joined()))
    }
    if (ok) return x.ev
  }
  return undefined
}

/**
 * Prepositions that make a gathering after a statement verb the setting of the statement ("said at a news conference").
 */
const SETTING = new Set(["at", "during"])

/**
 * The statement whose setting the gathering noun at token i names: "said at a news conference", "told
 * reporters during a briefing in Tashkent that ...". An indefinite gathering after "at" or "during" that
 * follows a statement verb of its clause (over at most four words of its object, no comma) is where the
 * words were said, not a meeting of its own; a definite one ("said at the summit") is an event told
 * elsewhere in the article and stays its own.
 */
export const settingOf = (
  doc: Doc,
  inSentence: ReadonlyArray<{
    readonly start: number
    readonly ev: FoundEvent
  }>,
  trigger: TriggerEntry,
  a: number,
  i: number
): FoundEvent | undefined => {
  if (trigger.event_type !== "meeting") return undefined
  const { tokens } = doc
  // "at" / "during", "a" / "an", at most two plain words, the noun
  let k = i - 1
  while (
    k > a &&
    i - k <= 3 &&
    tokens[k]!.kind === "word" &&
    !tokens[k]!.cap &&
    !/^(a|an)$/.test(tokens[k]!.norm) &&
    !NOT_IN_OBJECT.has(tokens[k]!.norm)
  )
    k--
  if (!/^(a|an)$/.test(tokens[k]?.norm ?? "") || !SETTING.has(tokens[k - 1]?.norm ?? "")) return undefined
  const prep = k - 1
  for (const x of inSentence) {
    if (x.ev.trigger.event_type !== "statement" || x.ev.triggerStart !== x.start) continue
    const v = tokenIndexAt(doc, x.start)
    const hit = triggerAt(doc, v)
    // (the verb may stand before the noun's clause: "told officials during a meeting that ..." opens a complement)
    if (hit === null || !hit.values.some((e) => e.pos === "verb")) continue
    const end = v + hit.length
    if (end > prep || prep - end > 4) continue
    let ok = true
    for (let m = end; m < prep && ok; m++)
      ok = tokens[m]!.kind === "word" && !NOT_IN_OBJECT.has(tokens[m]!.norm) && triggerAt(doc, m) === null
    if (ok) return x.ev
  }
  return undefined
}

/**
 * Words of a reduced or full relative clause between a noun and its participle: "the treaty (that was) signed", "an
 * invasion (which had been) launched".
 */
const RELATIVE = new Set(["that", "which", "was", "were", "is", "are", "been", "had", "has", "have", "being"])

/**
 * The event of an event noun that a past participle after it describes: "the invasion of Ukraine launched
 * in 2022", "a contract that was signed in June", "the agreement, which was reached in May" is not. The
 * participle tells how the noun's event came about: one event, told by the noun. Between them only the
 * noun's own names and their prepositions ("of", "between", "to", "against" ...), then the relative's words; no comma.
 */
export const participleOf = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  inSentence: ReadonlyArray<{
    readonly start: number
    readonly ev: FoundEvent
  }>,
  i: number
): FoundEvent | undefined => {
  const { tokens } = doc
  if (
    !/ed$/.test(tokens[i]!.norm) &&
    !/^(begun|made|held|done|undertaken|signed|won|sold|built|put)$/.test(tokens[i]!.norm)
  )
    return undefined
  let k = i - 1
  while (k >= 0 && i - k <= 3 && RELATIVE.has(tokens[k]!.norm)) k--
  // over the noun's own arguments: "of Ukraine", "between Russia and Kazakhstan"
  for (let n = 0; k >= 0 && n < 8; n++) {
    const m = at[k]
    if (m !== undefined) k = m.tokStart - 1
    else if (/^(of|between|and|with|to|in|on|against|from|for|over)$/.test(tokens[k]!.norm)) k--
    else break
  }
  if (k < 0) return undefined
  for (const x of inSentence) {
    const s = tokenIndexAt(doc, x.start)
    const hit = triggerAt(doc, s)
    if (hit !== null && s + hit.length - 1 === k && hit.values.some((v) => v.pos === "noun")) return x.ev
  }
  return undefined
}

/**
 * The participle's mention as it joins the noun's event: undated when the noun was itself joined to
 * another event ("buys gas under a contract that was signed in May": the signing's date is not the buying's).
 */
export const participleMention = (
  inSentence: ReadonlyArray<{
    readonly start: number
    readonly ev: FoundEvent
  }>,
  target: FoundEvent,
  ev: FoundEvent
): FoundEvent =>
  inSentence.some((x) => x.ev === target && x.start === target.triggerStart)
    ? ev
    : {
        ...ev,
        date: { value: null, precision: "unknown" },
        dateFromReport: false
      }
