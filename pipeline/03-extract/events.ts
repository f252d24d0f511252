/**
 * Event mentions: a trigger from the lemma-keyed lexicon, its clause, actors before it and
 * targets after it, a location, the nearest date expression, and the modality set by cues.
 * Within one article, later anaphoric mentions ("the summit") join the event they refer to.
 * This module is the orchestrator; clauses, participants and coreference live beside it.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { DatePrecision, Modality, Role } from "../../schemas/vocab.js"
import type { DateMention } from "../text/dates.js"
import { appositionDate, appositionHead, appositiveRoles, inApposition } from "./appositives.js"
import { agentlessPassive, carriedParties, ownedByThem } from "./carriedParties.js"
import { clauseOf, complementOpens, eventStart, modalityOf, quoteTest, type TriggerHit, triggerAt } from "./clauses.js"
import { commentators } from "./commentary.js"
import { bySentence, type Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import {
  ANAPHORA,
  adjunctDate,
  anchorDates,
  antecedentOf,
  definiteModifiers,
  exampleDate,
  joinAnaphor,
  mergeInto,
  objectOf,
  participleMention,
  participleOf,
  repeatedMention,
  sameAs,
  settingOf,
  wordBefore
} from "./eventCoref.js"
import {
  anchorAt,
  attachDate,
  complementDate,
  continuationDate,
  countedDates,
  describesName,
  documentDates,
  type EventDate,
  eventDateOf,
  frontedDates,
  gatheringDates,
  leadDate,
  multiDay,
  occasionDate,
  pastTense,
  progressive,
  reportedAsNews,
  undatedDate
} from "./eventDates.js"
import { type NounArgument, nounArguments } from "./nounArgs.js"
import {
  borrowedActors,
  clauseParticipants,
  type Participant,
  passiveRoles,
  receivedRoles,
  reportedSpeaker,
  titleQualifiers,
  titleTokens,
  withNounArguments
} from "./participants.js"
import {
  attributionEnd,
  chooseTrigger,
  determined,
  figureAfter,
  GERUND_PREPS,
  gatheringAfter,
  laterThan
} from "./triggerChoice.js"

export { quotedRanges } from "./clauses.js"

/** An event found in one article (UTF-16 offsets). */
export interface FoundEvent {
  readonly trigger: TriggerEntry
  readonly triggerStart: number
  readonly triggerEnd: number
  /**
   * Evidence: the smallest text that states the event (its subject or noun phrase to the end of its clause), one per
   * mention.
   */
  readonly spans: Array<{ readonly start: number; readonly end: number }>
  /** The clause of each mention (what coreference compares). */
  readonly clauses: Array<{ readonly start: number; readonly end: number }>
  date: {
    readonly value: string | null
    readonly precision: DatePrecision
    readonly end?: string
  }
  /** The date is the report's (publication) date, not one stated for the event. */
  dateFromReport: boolean
  readonly modality: Modality
  readonly location: Mention | null
  readonly participants: Array<{
    readonly mention: Mention
    readonly role: Role
  }>
  readonly method: string
  readonly confidence: number
  /** The participants come from the trigger noun's own phrase ("the war between Russia and Ukraine"). */
  readonly local: boolean
  /**
   * Told in a clause describing a name (", which he co-founded", ", nominated by ..."): not at the time of its
   * sentence's news.
   */
  readonly describing?: boolean
}

/** The article-wide facts and running state of one scan for events. */
interface EventScan {
  readonly doc: Doc
  /** The mention covering each token (the first one found). */
  readonly at: Array<Mention | undefined>
  readonly inMention: Uint8Array
  readonly qualifier: Set<Mention>
  readonly mentionsIn: Array<Array<Mention>>
  readonly dates: ReadonlyArray<ReadonlyArray<DateMention>>
  readonly inQuote: (offset: number) => boolean
  readonly commenting: ReadonlySet<string>
  readonly lead: EventDate | null
  /** Every trigger's span by sentence: a date belongs to the trigger nearest to it. */
  readonly triggersIn: Array<Array<{ start: number; end: number }>>
  /** Tokens starting a name that an event noun took as its argument. */
  readonly argOf: Uint8Array
  readonly out: Array<FoundEvent>
  readonly sentenceAnchor: Map<number, FoundEvent["date"]>
  /** The events of the current sentence by trigger offset (after joining), for occasion nouns. */
  inSentence: Array<{ start: number; ev: FoundEvent }>
  inSentenceOf: number
  lastPerson: Mention | undefined
  /** The person who last acted as the subject of an event: "he" and "she" usually continue with them. */
  lastSubject: Mention | undefined
}

/** A trigger chosen at tokens [i, j) with its clause [clauseStart, clauseEnd). */
interface Candidate {
  readonly doc: Doc
  readonly trigger: TriggerEntry
  readonly i: number
  readonly j: number
  readonly clauseStart: number
  readonly clauseEnd: number
  readonly inMention: Uint8Array
}

/** A candidate with the parties it tells of. */
interface Told extends Candidate {
  readonly participants: Array<Participant>
  /** The event noun's own arguments ("the war between Russia and Ukraine"). */
  readonly local: Array<NounArgument>
  readonly speaker: Mention | undefined
  readonly location: Mention | null
}

/** A named rule that rejects a trigger. */
interface Rejection<C> {
  readonly name: string
  readonly rejects: (candidate: C) => boolean
}

const rejectedBy = <C>(rules: ReadonlyArray<Rejection<C>>, candidate: C): boolean => {
  for (const rule of rules) if (rule.rejects(candidate)) return true
  return false
}

/** Rules on the trigger's words and its clause, tried in order before its parties are sought. */
const TRIGGER_REJECTIONS: ReadonlyArray<Rejection<Candidate>> = [
  {
    // "a strategy for engaging the world": a gerund after "for", "of", "by" names a means or a purpose, not an event
    name: "gerund of means or purpose",
    rejects: ({ doc, trigger, i }) =>
      trigger.pos === "verb" && GERUND_PREPS.has(doc.tokens[i - 1]?.norm ?? "") && /ing$/.test(doc.tokens[i]!.norm)
  },
  {
    name: "figure required but absent",
    rejects: ({ doc, trigger, j, clauseEnd }) => trigger.requires_figure === true && !figureAfter(doc, j, clauseEnd)
  },
  {
    // "attended the summit", "took part in a forum": the gathering named after the verb is the event
    name: "gathering after a participation verb",
    rejects: ({ doc, trigger, j, clauseEnd, inMention }) =>
      trigger.participates === true && gatheringAfter(doc, j, clauseEnd, inMention)
  }
]

/**
 * A bare economic noun without an article or arguments of its own names an activity in general
 * ("maintaining consistent investment", "trade and investment relationships"), not an event.
 */
const generalActivity = ({ doc, trigger, i, local }: Told): boolean =>
  trigger.pos === "noun" &&
  (trigger.event_type === "economic" || trigger.event_type === "other") &&
  local.length === 0 &&
  !determined(doc, i)

/** Rules on a report once its speaker is settled, tried in order. */
const REPORT_REJECTIONS: ReadonlyArray<Rejection<Told>> = [
  {
    // "is said to", "were reported to" report no statement of anyone's
    name: "hearsay",
    rejects: ({ doc, trigger, i, j }) =>
      trigger.event_type === "statement" &&
      trigger.pos === "verb" &&
      /^(is|are|was|were|been|be)$/.test(doc.tokens[i - 1]?.norm ?? "") &&
      doc.tokens[j]?.norm === "to"
  },
  {
    // "Analysts say", "is said to": a reporting verb states nothing without a speaker
    name: "reporting verb without a speaker",
    rejects: ({ trigger, participants }) =>
      trigger.event_type === "statement" && trigger.pos === "verb" && !participants.some((p) => p.role === "actor")
  }
]

/** The mention covering each token (the first one found), and which tokens any mention covers. */
const mentionIndex = (tokenCount: number, mentions: ReadonlyArray<Mention>) => {
  const inMention = new Uint8Array(tokenCount)
  const at: Array<Mention | undefined> = new Array(tokenCount)
  for (const mention of mentions)
    for (let k = mention.tokStart; k < mention.tokEnd; k++) {
      inMention[k] = 1
      at[k] ??= mention
    }
  return { inMention, at }
}

/** Every trigger's span by sentence (outside mentions and titles). */
const triggerSpansBySentence = (
  doc: Doc,
  inMention: Uint8Array,
  inTitle: Uint8Array
): Array<Array<{ start: number; end: number }>> => {
  const { tokens } = doc
  const triggersIn: Array<Array<{ start: number; end: number }>> = doc.sentences.map(() => [])
  for (let k = 0; k < tokens.length; k++) {
    if (inMention[k] || inTitle[k]) continue
    const hit = triggerAt(doc, k)
    if (hit) triggersIn[doc.sentenceOf[k]!]!.push({ start: tokens[k]!.start, end: tokens[k + hit.length - 1]!.end })
  }
  return triggersIn
}

/**
 * The trigger phrase at token i: outside mentions and titles, or the head noun of a named gathering ("the C5+1
 * Presidential Summit", "the Astana Forum"), which is a meeting told by it.
 */
const triggerHitAt = (
  scan: EventScan,
  inTitle: Uint8Array,
  skipped: (offset: number) => boolean,
  i: number
): TriggerHit => {
  const { doc, at } = scan
  const named = at[i]?.type === "named_event" && at[i]!.tokEnd === i + 1 && at[i]!.tokStart < i ? at[i]! : undefined
  if ((scan.inMention[i] && named === undefined) || inTitle[i] || skipped(doc.tokens[i]!.start)) return null
  const found = triggerAt(doc, i)
  if (named === undefined) return found
  return found !== null &&
    found.length === 1 &&
    found.values.some((v) => v.pos === "noun" && v.event_type === "meeting")
    ? { length: 1, values: found.values.filter((v) => v.pos === "noun" && v.event_type === "meeting") }
    : null
}

/**
 * An event noun with arguments of its own ("the war between Russia and Ukraine") takes those, not the clause's
 * (the source of a statement noun speaks: "a comment from the ministry", "a statement by X").
 */
const ownArguments = (scan: EventScan, candidate: Candidate): Array<NounArgument> => {
  const { trigger } = candidate
  if (trigger.pos !== "noun") return []
  return nounArguments(scan.doc, scan.at, candidate.i, candidate.j, candidate.clauseStart, candidate.clauseEnd)
    .filter((argument) => !scan.qualifier.has(argument.mention))
    .map((argument) =>
      trigger.event_type === "statement" && (argument.prep === "from" || argument.prep === "by")
        ? { ...argument, role: "actor" as const }
        : argument
    )
}

/** With the speaker of "..., said President X" first; the others are what was said about. */
const spokenBy = (participants: Array<Participant>, speaker: Mention): Array<Participant> => [
  { mention: speaker, role: "actor" },
  ...participants
    .filter((p) => p.mention.key !== speaker.key)
    .map((p) => ({ mention: p.mention, role: "target" as const }))
]

/** Actors borrowed from the sentence or the one before it, for an event whose clause names none. */
const borrowActors = (scan: EventScan, candidate: Candidate, sentence: number, participants: Array<Participant>) => {
  const { mentionsIn } = scan
  const { clauseStart } = candidate
  const before = [
    ...(sentence > 0 ? mentionsIn[sentence - 1]! : []),
    ...mentionsIn[sentence]!.filter((m) => m.tokEnd <= clauseStart)
  ]
  const borrowed = borrowedActors(scan.doc, clauseStart, candidate.i, participants, {
    sentence: mentionsIn[sentence]!,
    qualifier: scan.qualifier,
    antecedent: scan.lastSubject ?? scan.lastPerson,
    events: scan.out,
    before
  })
  participants.unshift(...borrowed.map((m) => ({ mention: m, role: "actor" as const })))
}

/**
 * The parties of the candidate: actors before the trigger and targets after it within the clause, the noun's own
 * arguments, a reporting speaker, borrowed actors, or the parties carried over from the event just told. Null when
 * no one takes part (unless a dated anaphor refers back: "the Nov. 6 summit").
 */
const eventParticipants = (scan: EventScan, candidate: Candidate, sentence: number): Told | null => {
  const { doc, at, out } = scan
  const { tokens } = doc
  const { trigger, i, j, clauseStart, clauseEnd } = candidate
  const trigStart = tokens[i]!.start
  const clause = clauseParticipants(doc, at, scan.qualifier, trigger, clauseStart, clauseEnd, i, j)
  let participants: Array<Participant> = clause.participants
  const local = ownArguments(scan, candidate)
  if (local.length > 0)
    participants = withNounArguments(
      participants,
      local,
      scan.argOf,
      anchorAt(doc.text, { start: trigStart, end: tokens[j - 1]!.end }) !== null
    )
  // "..., said President X", "...,” he said": that person speaks; the names before the verb are what was said about
  const speaker = reportedSpeaker(doc, at, trigger, i, j, clauseEnd, scan.lastSubject ?? scan.lastPerson)
  if (speaker) participants = spokenBy(participants, speaker)
  if (!participants.some((p) => p.role === "actor")) borrowActors(scan, candidate, sentence, participants)
  // "A truce was signed", "after their talks": no one named, the parties of the event just told (in their roles there)
  const carried =
    participants.length === 0 && (agentlessPassive(doc, trigger, i) || ownedByThem(doc, trigger, i))
      ? carriedParties(doc, out, sentence, trigStart)
      : []
  // "the Nov. 6 summit" refers back and dates its event even when its clause names no one
  const datedAnaphor =
    trigger.pos === "noun" && local.length === 0 && tokens[i - 1]?.kind === "num" && ANAPHORA.has(wordBefore(doc, i))
  if (
    participants.length === 0 &&
    carried.length === 0 &&
    !(datedAnaphor && antecedentOf(out, trigger, []) !== undefined)
  )
    return null
  // "the Abraham Accords, an initiative launched during ...": done to the name the apposition describes
  participants = appositiveRoles(doc, at, trigger, participants, i, j) ?? participants
  passiveRoles(doc, trigger, participants, i, j, clauseEnd)
  receivedRoles(doc, trigger, participants, i, j)
  participants.push(...carried)
  // the candidate's fields spelled out: in Node 20's V8 a spread followed by new fields gives every object a hidden
  // class of its own, and every later read of its fields is megamorphic (a tenth of extraction's time, measured)
  const { inMention } = candidate
  return {
    doc,
    trigger,
    i,
    j,
    clauseStart,
    clauseEnd,
    inMention,
    participants,
    local,
    speaker,
    location: clause.location
  }
}

/** A speaker stands outside the quotation it reports: names inside the quotes are what was said about. */
const quotedActorsAsTargets = (scan: EventScan, told: Told): void => {
  const { participants } = told
  if (told.trigger.event_type !== "statement" || scan.inQuote(scan.doc.tokens[told.i]!.start)) return
  for (let k = 0; k < participants.length; k++)
    if (participants[k]!.role === "actor" && scan.inQuote(participants[k]!.mention.start))
      participants[k] = { mention: participants[k]!.mention, role: "target" }
}

/**
 * The date the clause states for the trigger, unless another trigger stands nearer ("...next year, as Trump prepares to
 * host...").
 */
const clauseDate = (scan: EventScan, told: Told, sentence: number): DateMention | null => {
  const { doc, inQuote } = scan
  const { tokens } = doc
  const { trigger, i, j, clauseStart, clauseEnd } = told
  const trigStart = tokens[i]!.start
  const opener = clauseStart > doc.sentences[sentence]!.tokStart ? tokens[clauseStart]!.norm : null
  // a date inside a quotation is the speaker's, told of what is quoted: it does not date a trigger outside it ("'a
  // milestone for today,' Xi said")
  const inReach = inQuote(trigStart) ? scan.dates[sentence]! : scan.dates[sentence]!.filter((d) => !inQuote(d.start))
  const head = appositionHead(doc, scan.at, trigger, i)
  return (
    (head !== null ? appositionDate(doc, inReach, head) : null) ??
    attachDate(
      inReach,
      { start: trigStart, end: tokens[j - 1]!.end },
      { start: tokens[clauseStart]!.start, end: tokens[clauseEnd - 1]!.end },
      scan.triggersIn[sentence]!,
      opener !== null && pastTense(doc, clauseStart, clauseEnd) ? opener : null,
      { text: doc.text, reporting: trigger.event_type === "statement" }
    )
  )
}

/** The modality of the trigger's clause; a statement's own, not that of the words it reports. */
const eventModality = (doc: Doc, told: Told, eventStartToken: number): Modality => {
  const { trigger, i, j, clauseStart, clauseEnd, speaker } = told
  // (a statement's modality is its own, not that of the words it reports before it: "The border will open soon, said
  // X")
  // (nor, when its speaker follows the verb, that of the quotation before it: "'Prices will rise,' said X")
  const inverted = speaker !== undefined && speaker.tokStart >= j
  return modalityOf(
    doc,
    trigger.event_type === "statement" && trigger.pos === "verb"
      ? inverted
        ? i
        : Math.max(clauseStart, eventStartToken)
      : clauseStart,
    i,
    j,
    clauseEnd
  )
}

/** When an event happens, by the first rule that knows; and whether the report's date gave it. */
interface EventTime {
  readonly when: EventDate
  readonly stated: boolean
  readonly fromReport: boolean
}

/**
 * The event's time: the date of its clause; else the occasion it is told for; else the time of the statement whose
 * complement tells it; else an adjunct, example or continuation dating it; else the report's date when it is news.
 */
const eventTime = (
  scan: EventScan,
  told: Told,
  sentence: number,
  date: DateMention | null,
  modality: Modality,
  describing: boolean
): EventTime => {
  if (date !== null) return { when: eventDateOf(date), stated: true, fromReport: false }
  const { doc, out, inSentence } = scan
  const { trigger, i, j, clauseStart, clauseEnd } = told
  // an event noun that is the occasion of a visit or meeting before it in the clause ("arrived for the summit"), or the
  // time of the event before it ("signed during the visit"), happens at its time
  const occasion = modality === "asserted" ? occasionDate(doc, clauseStart, i, inSentence) : null
  // "X announced that Y had joined ...": an event told as fact in a dated statement's complement is known at the
  // statement's time
  const reported = occasion === null && modality === "asserted" ? complementDate(doc, i, inSentence) : null
  // "will raise the issue during the summit": an adjunct naming an event told before dates it
  // "X, for example, will raise ...": an example (its verb) shares the time of the sentence it illustrates
  const adjunct =
    occasion === null && reported === null
      ? (adjunctDate(doc, out, j, clauseEnd) ??
        (sentence > 0 && trigger.pos === "verb"
          ? (exampleDate(doc, out, sentence, scan.dates[sentence - 1]!) ??
            continuationDate(doc, out, sentence, i, trigger.event_type, modality))
          : null))
      : null
  // (a reported-speech complement: its report's clause tells whether it is news)
  const complement = clauseStart > doc.sentences[sentence]!.tokStart && complementOpens(doc, clauseStart, i)
  const speakers = told.participants.filter((p) => p.role === "actor" && p.mention.type === "person")
  const when =
    occasion?.date ??
    reported?.date ??
    adjunct ??
    undatedDate(
      doc,
      trigger.event_type,
      modality,
      {
        progressive: progressive(doc, clauseStart, j),
        news: reportedAsNews(doc, complement ? clauseOf(doc, i, false)[0] : clauseStart, i, j, clauseEnd, trigger.pos),
        multiDay: multiDay(doc, clauseStart, clauseEnd),
        describing,
        commentary: speakers.length > 0 && speakers.every((p) => scan.commenting.has(p.mention.key))
      },
      scan.lead
    )
  return {
    when,
    stated: adjunct !== null,
    fromReport:
      adjunct === null &&
      when.value !== null &&
      (occasion === null || occasion.fromReport) &&
      (reported === null || reported.fromReport)
  }
}

/** The event the candidate tells, with its span, date, modality and method. */
const newEvent = (scan: EventScan, told: Told, sentence: number, date: DateMention | null): FoundEvent => {
  const { doc, at } = scan
  const { tokens } = doc
  const { trigger, i, j, clauseStart, clauseEnd, local, participants, speaker } = told
  const eventStartToken = eventStart(
    doc,
    at,
    trigger,
    participants,
    clauseStart,
    i,
    speaker !== undefined,
    local.some((argument) => argument.role === "actor" && argument.side !== "before")
  )
  const modality = eventModality(doc, told, eventStartToken)
  const describing = describesName(doc, at, clauseStart) || inApposition(doc, at, trigger, i)
  const time = eventTime(scan, told, sentence, date, modality, describing)
  // an event told as happening, dated after the report, is still to come ("the G20 in Miami in December")
  // (compared at the coarser of the two precisions; not a statement, which is made when reported)
  const toCome =
    modality === "asserted" &&
    time.stated &&
    trigger.event_type !== "statement" &&
    time.when.value !== null &&
    doc.ref.value !== null &&
    laterThan(time.when.value, doc.ref.value)
  return {
    trigger,
    triggerStart: tokens[i]!.start,
    triggerEnd: tokens[j - 1]!.end,
    spans: [
      {
        start: tokens[eventStartToken]!.start,
        end: tokens[attributionEnd(doc, trigger, j, clauseEnd) - 1]!.end
      }
    ],
    clauses: [{ start: tokens[clauseStart]!.start, end: tokens[clauseEnd - 1]!.end }],
    date: time.when,
    dateFromReport: time.fromReport,
    modality: toCome ? "planned" : modality,
    location: told.location,
    participants,
    method:
      trigger.pos === "verb"
        ? "event.verb-trigger.v1"
        : local.length > 0
          ? "event.noun-phrase.v1"
          : "event.noun-trigger.v1",
    local: local.length > 0,
    describing,
    confidence: trigger.pos === "verb" ? 0.7 : 0.6
  }
}

/**
 * The earlier event an anaphoric mention refers to: "the summit" joins the latest event of its lemma, else of its
 * type; "the C5+1 summit" the one its names took part in; "Trump's invitation" after "Trump has invited ..." (a
 * possessor or an agent, "an invitation from President X", that acted in an earlier event of the type).
 */
const antecedentEvent = (scan: EventScan, told: Told): FoundEvent | undefined => {
  const { doc, at, out } = scan
  const { trigger, i, clauseStart, local } = told
  // "the summit" refers back; "the crisis in Iran", with arguments of its own, is a new reference
  // "the C5+1 summit", "the White House summit": a definite noun whose only arguments are names before it
  const modifiers = trigger.pos === "noun" ? definiteModifiers(doc, at, clauseStart, i) : []
  const namedDefinite =
    modifiers.length > 0 && local.every((argument) => modifiers.some((m) => m.key === argument.mention.key))
  const anaphoric =
    trigger.pos === "noun" && ((ANAPHORA.has(wordBefore(doc, i)) && local.length === 0) || namedDefinite)
  if (anaphoric) return antecedentOf(out, trigger, namedDefinite ? modifiers : [])
  const agentive = (argument: NounArgument) =>
    argument.side === "possessor" || (argument.role === "actor" && (argument.prep === "from" || argument.prep === "by"))
  const possessors =
    local.every(agentive) && trigger.event_type !== "statement" ? local.map((argument) => argument.mention) : []
  if (possessors.length > 0) return antecedentOf(out, trigger, possessors, true)
  return ANAPHORA.has(wordBefore(doc, i)) && local.length > 0
    ? repeatedMention(
        out,
        trigger,
        local.map((argument) => argument.mention)
      )
    : undefined
}

/**
 * Adds the event, or merges it into the event it restates: "signed a joint declaration" (the noun the verb before it
 * made or did is that verb's event), "said at a news conference" (an indefinite gathering after a statement verb is
 * where it was said), "the invasion of Ukraine launched in 2022" (a participle after an event noun tells how the
 * noun's event came about), or the same event told again in the sentence.
 */
const addOrMerge = (scan: EventScan, told: Told, event: FoundEvent, sentence: number): void => {
  const { doc, at, out, inSentence } = scan
  const { trigger, i, clauseStart } = told
  const participle = trigger.pos === "verb" ? participleOf(doc, at, inSentence, i) : undefined
  const same =
    (trigger.pos === "noun"
      ? (objectOf(doc, inSentence, clauseStart, i) ?? settingOf(doc, inSentence, trigger, clauseStart, i))
      : participle) ?? sameAs(doc, out, event, sentence)
  if (same) mergeInto(same, participle !== undefined ? participleMention(inSentence, participle, event) : event)
  else out.push(event)
  inSentence.push({ start: event.triggerStart, ev: same ?? event })
}

/**
 * The event told by the trigger hit at token i, if the rules keep it: joined to its antecedent, merged, or added.
 * The token to resume the scan after (the trigger's last, for a new or merged event), or undefined to go on at i + 1.
 */
const eventAt = (scan: EventScan, hit: NonNullable<TriggerHit>, i: number): number | undefined => {
  const { doc } = scan
  const j = i + hit.length
  const trigger = chooseTrigger(doc, hit.values, i, j)
  if (trigger === undefined) return undefined
  const [clauseStart, clauseEnd] = clauseOf(doc, i)
  const candidate: Candidate = { doc, trigger, i, j, clauseStart, clauseEnd, inMention: scan.inMention }
  if (rejectedBy(TRIGGER_REJECTIONS, candidate)) return undefined
  const sentence = doc.sentenceOf[i]!
  if (sentence !== scan.inSentenceOf) scan.inSentence = []
  scan.inSentenceOf = sentence
  const told = eventParticipants(scan, candidate, sentence)
  if (told === null || generalActivity(told)) return undefined
  quotedActorsAsTargets(scan, told)
  const subjectNow = told.participants.find((p) => p.role === "actor" && p.mention.type === "person")
  if (subjectNow) scan.lastSubject = subjectNow.mention
  if (rejectedBy(REPORT_REJECTIONS, told)) return undefined
  const date = clauseDate(scan, told, sentence)
  const event = newEvent(scan, told, sentence, date)
  const antecedent = antecedentEvent(scan, told)
  if (antecedent) {
    joinAnaphor(antecedent, event, date)
    scan.inSentence.push({ start: event.triggerStart, ev: antecedent })
    // events told in the same sentence as "the talks" / "the summit" (held, not upcoming) happen at its time
    if (antecedent.date.value !== null && !antecedent.dateFromReport && antecedent.modality === "asserted")
      scan.sentenceAnchor.set(sentence, antecedent.date)
    return undefined
  }
  addOrMerge(scan, told, event, sentence)
  return j - 1
}

/** Find the events of a document. */
export const findEvents = (
  doc: Doc,
  mentions: ReadonlyArray<Mention>,
  skip: ReadonlyArray<{ readonly start: number; readonly end: number }> = []
): Array<FoundEvent> => {
  const { tokens } = doc
  const skipped = (offset: number) => skip.some((r) => offset >= r.start && offset < r.end)
  // words inside a title ("Secretary of State", "Deputy Minister") are never triggers
  const inTitle = titleTokens(doc)
  const { inMention, at } = mentionIndex(tokens.length, mentions)
  const dates = documentDates(doc)
  const inQuote = quoteTest(doc.text)
  const scan: EventScan = {
    doc,
    at,
    inMention,
    // a country or organisation that only qualifies a title ("U.S. Secretary of State Marco Rubio") is part of the
    // person's name phrase
    qualifier: titleQualifiers(doc, mentions),
    mentionsIn: bySentence(doc, mentions),
    dates,
    inQuote,
    commenting: commentators(doc, mentions),
    lead: leadDate(doc, dates, (offset) => !skipped(offset), inQuote),
    triggersIn: triggerSpansBySentence(doc, inMention, inTitle),
    argOf: new Uint8Array(tokens.length),
    out: [],
    sentenceAnchor: new Map(),
    inSentence: [],
    inSentenceOf: -1,
    lastPerson: undefined,
    lastSubject: undefined
  }
  for (let i = 0; i < tokens.length; i++) {
    if (at[i]?.type === "person" && at[i]!.tokStart === i) scan.lastPerson = at[i]
    const hit = triggerHitAt(scan, inTitle, skipped, i)
    if (!hit) continue
    const resumeAfter = eventAt(scan, hit, i)
    if (resumeAfter !== undefined) i = resumeAfter
  }
  const { out } = scan
  anchorDates(doc, out, scan.sentenceAnchor)
  frontedDates(doc, out)
  gatheringDates(doc, out)
  countedDates(doc, out)
  return out
}
