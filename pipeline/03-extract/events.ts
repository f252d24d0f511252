/**
 * Event mentions: a trigger from the lemma-keyed lexicon, its clause, actors before it and
 * targets after it, a location, the nearest date expression, and the modality set by cues.
 * Within one article, later anaphoric mentions ("the summit") join the event they refer to.
 * This module is the orchestrator; clauses, participants and coreference live beside it.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { DatePrecision, Modality, Role } from "../../schemas/vocab.js"
import { appositionDate, appositionHead, appositiveRoles, inApposition } from "./appositives.js"
import { agentlessPassive, carriedParties, ownedByThem } from "./carriedParties.js"
import { clauseOf, complementOpens, eventStart, modalityOf, quoteTest, triggerAt } from "./clauses.js"
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
import { nounArguments } from "./nounArgs.js"
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
  /** Evidence: the smallest text that states the event (its subject or noun phrase to the end of its clause), one per mention. */
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
  /** Told in a clause describing a name (", which he co-founded", ", nominated by ..."): not at the time of its sentence's news. */
  readonly describing?: boolean
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
  // a country or organisation that only qualifies a title ("U.S. Secretary of State Marco Rubio") is part of the person's name phrase
  const qualifier = titleQualifiers(doc, mentions)
  const n = tokens.length
  const inMention = new Uint8Array(n)
  const at: Array<Mention | undefined> = new Array(n)
  for (const m of mentions)
    for (let k = m.tokStart; k < m.tokEnd; k++) {
      inMention[k] = 1
      at[k] ??= m
    }
  const mentionsIn = bySentence(doc, mentions)
  const dates = documentDates(doc)
  const inQuote = quoteTest(doc.text)
  const commenting = commentators(doc, mentions)
  const lead = leadDate(doc, dates, (offset) => !skipped(offset), inQuote)
  // every trigger's span by sentence: a date belongs to the trigger nearest to it
  const triggersIn: Array<Array<{ start: number; end: number }>> = doc.sentences.map(() => [])
  for (let k = 0; k < n; k++) {
    if (inMention[k] || inTitle[k]) continue
    const h = triggerAt(doc, k)
    if (h)
      triggersIn[doc.sentenceOf[k]!]!.push({
        start: tokens[k]!.start,
        end: tokens[k + h.length - 1]!.end
      })
  }
  const out: Array<FoundEvent> = []
  /** Tokens starting a name that an event noun took as its argument. */
  const argOf = new Uint8Array(n)
  const sentenceAnchor = new Map<number, FoundEvent["date"]>()
  /** The events of the current sentence by trigger offset (after joining), for occasion nouns. */
  let inSentence: Array<{ start: number; ev: FoundEvent }> = []
  let inSentenceOf = -1
  let lastPerson: Mention | undefined
  /** The person who last acted as the subject of an event: "he" and "she" usually continue with them. */
  let lastSubject: Mention | undefined

  for (let i = 0; i < n; i++) {
    if (at[i]?.type === "person" && at[i]!.tokStart === i) lastPerson = at[i]
    // a named gathering ("the C5+1 Presidential Summit", "the Astana Forum") is a meeting told by its head noun
    const named = at[i]?.type === "named_event" && at[i]!.tokEnd === i + 1 && at[i]!.tokStart < i ? at[i]! : undefined
    if ((inMention[i] && named === undefined) || inTitle[i] || skipped(tokens[i]!.start)) continue
    const found = triggerAt(doc, i)
    const hit =
      named === undefined
        ? found
        : found !== null &&
            found.length === 1 &&
            found.values.some((v) => v.pos === "noun" && v.event_type === "meeting")
          ? {
              length: 1,
              values: found.values.filter((v) => v.pos === "noun" && v.event_type === "meeting")
            }
          : null
    if (!hit) continue
    const j = i + hit.length
    const prev = tokens[i - 1]?.norm ?? ""
    const trigger = chooseTrigger(doc, hit.values, i, j)
    if (trigger === undefined) continue
    // a gerund after "for", "of", "by" names a means or a purpose ("a strategy for engaging the world"), not an event
    if (trigger.pos === "verb" && GERUND_PREPS.has(prev) && /ing$/.test(tokens[i]!.norm)) continue
    const [a, b] = clauseOf(doc, i)
    // (a reported-speech complement: its report's clause tells whether it is news)
    const complement = a > doc.sentences[doc.sentenceOf[i]!]!.tokStart && complementOpens(doc, a, i)
    if (trigger.requires_figure === true && !figureAfter(doc, j, b)) continue
    // "attended the summit", "took part in a forum": the gathering named after the verb is the event
    if (trigger.participates === true && gatheringAfter(doc, j, b, inMention)) continue
    const si = doc.sentenceOf[i]!
    const trigStart = tokens[i]!.start
    if (si !== inSentenceOf) inSentence = []
    inSentenceOf = si

    // participants: actors before the trigger, targets after it, within the clause
    const clause = clauseParticipants(doc, at, qualifier, trigger, a, b, i, j)
    const location = clause.location
    let participants: Array<Participant> = clause.participants
    // an event noun with arguments of its own ("the war between Russia and Ukraine") takes those, not the clause's
    // (the source of a statement noun speaks: "a comment from the ministry", "a statement by X")
    const local =
      trigger.pos === "noun"
        ? nounArguments(doc, at, i, j, a, b)
            .filter((x) => !qualifier.has(x.mention))
            .map((x) =>
              trigger.event_type === "statement" && (x.prep === "from" || x.prep === "by")
                ? { ...x, role: "actor" as const }
                : x
            )
        : []
    if (local.length > 0)
      participants = withNounArguments(
        participants,
        local,
        argOf,
        anchorAt(doc.text, { start: trigStart, end: tokens[j - 1]!.end }) !== null
      )
    // "..., said President X", "...,” he said": that person speaks; the names before the verb are what was said about
    const speaker = reportedSpeaker(doc, at, trigger, i, j, b, lastSubject ?? lastPerson)
    if (speaker)
      participants = [
        { mention: speaker, role: "actor" },
        ...participants
          .filter((p) => p.mention.key !== speaker.key)
          .map((p) => ({ mention: p.mention, role: "target" as const }))
      ]
    if (!participants.some((p) => p.role === "actor")) {
      const before = [...(si > 0 ? mentionsIn[si - 1]! : []), ...mentionsIn[si]!.filter((m) => m.tokEnd <= a)]
      const borrowed = borrowedActors(doc, a, i, participants, {
        sentence: mentionsIn[si]!,
        qualifier,
        antecedent: lastSubject ?? lastPerson,
        events: out,
        before
      })
      participants.unshift(...borrowed.map((m) => ({ mention: m, role: "actor" as const })))
    }
    // "A truce was signed", "after their talks": no one named, the parties of the event just told (in their roles there)
    const carried =
      participants.length === 0 && (agentlessPassive(doc, trigger, i) || ownedByThem(doc, trigger, i))
        ? carriedParties(doc, out, si, trigStart)
        : []
    // "the Nov. 6 summit" refers back and dates its event even when its clause names no one
    const datedAnaphor =
      trigger.pos === "noun" && local.length === 0 && tokens[i - 1]?.kind === "num" && ANAPHORA.has(wordBefore(doc, i))
    if (
      participants.length === 0 &&
      carried.length === 0 &&
      !(datedAnaphor && antecedentOf(out, trigger, []) !== undefined)
    )
      continue
    // "the Abraham Accords, an initiative launched during ...": done to the name the apposition describes
    participants = appositiveRoles(doc, at, trigger, participants, i, j) ?? participants
    passiveRoles(doc, trigger, participants, i, j, b)
    receivedRoles(doc, trigger, participants, i, j)
    participants.push(...carried)
    // a bare economic noun without an article or arguments of its own names an activity in general
    // ("maintaining consistent investment", "trade and investment relationships"), not an event
    if (
      trigger.pos === "noun" &&
      (trigger.event_type === "economic" || trigger.event_type === "other") &&
      local.length === 0 &&
      !determined(doc, i)
    )
      continue
    // a speaker stands outside the quotation it reports: names inside the quotes are what was said about
    if (trigger.event_type === "statement" && !inQuote(trigStart)) {
      for (let k = 0; k < participants.length; k++)
        if (participants[k]!.role === "actor" && inQuote(participants[k]!.mention.start))
          participants[k] = {
            mention: participants[k]!.mention,
            role: "target"
          }
    }
    const subjectNow = participants.find((p) => p.role === "actor" && p.mention.type === "person")
    if (subjectNow) lastSubject = subjectNow.mention
    // hearsay: "is said to", "were reported to" report no statement of anyone's
    if (
      trigger.event_type === "statement" &&
      trigger.pos === "verb" &&
      /^(is|are|was|were|been|be)$/.test(prev) &&
      tokens[j]?.norm === "to"
    )
      continue
    // a reporting verb states nothing without a speaker ("Analysts say", "is said to")
    if (trigger.event_type === "statement" && trigger.pos === "verb" && !participants.some((p) => p.role === "actor"))
      continue

    // date: of the clause, unless another trigger stands nearer ("...next year, as Trump prepares to host...")
    const opener = a > doc.sentences[si]!.tokStart ? tokens[a]!.norm : null
    // a date inside a quotation is the speaker's, told of what is quoted: it does not date a trigger outside it ("'a milestone for today,' Xi said")
    const inReach = inQuote(trigStart) ? dates[si]! : dates[si]!.filter((d) => !inQuote(d.start))
    const head = appositionHead(doc, at, trigger, i)
    const date =
      (head !== null ? appositionDate(doc, inReach, head) : null) ??
      attachDate(
        inReach,
        { start: trigStart, end: tokens[j - 1]!.end },
        { start: tokens[a]!.start, end: tokens[b - 1]!.end },
        triggersIn[si]!,
        opener !== null && pastTense(doc, a, b) ? opener : null,
        { text: doc.text, reporting: trigger.event_type === "statement" }
      )

    // "the summit" refers back; "the crisis in Iran", with arguments of its own, is a new reference
    // "the C5+1 summit", "the White House summit": a definite noun whose only arguments are names before it
    const modifiers = trigger.pos === "noun" ? definiteModifiers(doc, at, a, i) : []
    const namedDefinite = modifiers.length > 0 && local.every((x) => modifiers.some((m) => m.key === x.mention.key))
    const anaphoric =
      trigger.pos === "noun" && ((ANAPHORA.has(wordBefore(doc, i)) && local.length === 0) || namedDefinite)
    const start = eventStart(
      doc,
      at,
      trigger,
      participants,
      a,
      i,
      speaker !== undefined,
      local.some((x) => x.role === "actor" && x.side !== "before")
    )
    // (a statement's modality is its own, not that of the words it reports before it: "The border will open soon, said X")
    // (nor, when its speaker follows the verb, that of the quotation before it: "'Prices will rise,' said X")
    const inverted = speaker !== undefined && speaker.tokStart >= j
    const modality = modalityOf(
      doc,
      trigger.event_type === "statement" && trigger.pos === "verb" ? (inverted ? i : Math.max(a, start)) : a,
      i,
      j,
      b
    )
    const speakers = participants.filter((p) => p.role === "actor" && p.mention.type === "person")
    const describing = describesName(doc, at, a) || inApposition(doc, at, trigger, i)
    // an event with no date of its own is dated by the report when the article reports it as news
    // an event noun that is the occasion of a visit or meeting before it in the clause ("arrived for the summit"), or the time of the event before it ("signed during the visit"), happens at its time
    const occasion = date === null && modality === "asserted" ? occasionDate(doc, a, i, inSentence) : null
    // "will raise the issue during the summit": an adjunct naming an event told before dates it
    // "X, for example, will raise ...": an example (its verb) shares the time of the sentence it illustrates
    // "X announced that Y had joined ...": an event told as fact in a dated statement's complement is known at the statement's time
    const reported =
      date === null && occasion === null && modality === "asserted" ? complementDate(doc, i, inSentence) : null
    const adjunct =
      date === null && occasion === null && reported === null
        ? (adjunctDate(doc, out, j, b) ??
          (si > 0 && trigger.pos === "verb"
            ? (exampleDate(doc, out, si, dates[si - 1]!) ??
              continuationDate(doc, out, si, i, trigger.event_type, modality))
            : null))
        : null
    const when =
      date !== null
        ? eventDateOf(date)
        : (occasion?.date ??
          reported?.date ??
          adjunct ??
          undatedDate(
            doc,
            trigger.event_type,
            modality,
            {
              progressive: progressive(doc, a, j),
              news: reportedAsNews(doc, complement ? clauseOf(doc, i, false)[0] : a, i, j, b, trigger.pos),
              multiDay: multiDay(doc, a, b),
              describing,
              commentary: speakers.length > 0 && speakers.every((p) => commenting.has(p.mention.key))
            },
            lead
          ))
    // an event told as happening, dated after the report, is still to come ("the G20 in Miami in December")
    const stated = date !== null || adjunct !== null
    // (compared at the coarser of the two precisions; not a statement, which is made when reported)
    const toCome =
      modality === "asserted" &&
      stated &&
      trigger.event_type !== "statement" &&
      when.value !== null &&
      doc.ref.value !== null &&
      laterThan(when.value, doc.ref.value)
    const ev: FoundEvent = {
      trigger,
      triggerStart: trigStart,
      triggerEnd: tokens[j - 1]!.end,
      spans: [
        {
          start: tokens[start]!.start,
          end: tokens[attributionEnd(doc, trigger, j, b) - 1]!.end
        }
      ],
      clauses: [{ start: tokens[a]!.start, end: tokens[b - 1]!.end }],
      date: when,
      dateFromReport:
        date === null &&
        adjunct === null &&
        when.value !== null &&
        (occasion === null || occasion.fromReport) &&
        (reported === null || reported.fromReport),
      modality: toCome ? "planned" : modality,
      location,
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
    // an anaphoric noun ("the summit") joins the latest event of its lemma, else of its type
    // "Trump's invitation" after "Trump has invited ...": a possessor that acted in an earlier event of the type refers back to it
    // (so does an agent after it: "an invitation from President X" after "X invited ...")
    const agentive = (x: (typeof local)[number]) =>
      x.side === "possessor" || (x.role === "actor" && (x.prep === "from" || x.prep === "by"))
    const possessors = local.every(agentive) && trigger.event_type !== "statement" ? local.map((x) => x.mention) : []
    const antecedent = anaphoric
      ? antecedentOf(out, trigger, namedDefinite ? modifiers : [])
      : possessors.length > 0
        ? antecedentOf(out, trigger, possessors, true)
        : ANAPHORA.has(wordBefore(doc, i)) && local.length > 0
          ? repeatedMention(
              out,
              trigger,
              local.map((x) => x.mention)
            )
          : undefined
    if (antecedent) {
      joinAnaphor(antecedent, ev, date)
      inSentence.push({ start: trigStart, ev: antecedent })
      // events told in the same sentence as "the talks" / "the summit" (held, not upcoming) happen at its time
      if (antecedent.date.value !== null && !antecedent.dateFromReport && antecedent.modality === "asserted")
        sentenceAnchor.set(si, antecedent.date)
      continue
    }
    // "signed a joint declaration": the noun the verb before it made or did is that verb's event
    // "said at a news conference": an indefinite gathering after a statement verb is where it was said
    // "the invasion of Ukraine launched in 2022": a participle after an event noun tells how the noun's event came about
    const participle = trigger.pos === "verb" ? participleOf(doc, at, inSentence, i) : undefined
    const same =
      (trigger.pos === "noun"
        ? (objectOf(doc, inSentence, a, i) ?? settingOf(doc, inSentence, trigger, a, i))
        : participle) ?? sameAs(doc, out, ev, si)
    if (same) mergeInto(same, participle !== undefined ? participleMention(inSentence, participle, ev) : ev)
    else out.push(ev)
    inSentence.push({ start: trigStart, ev: same ?? ev })
    i = j - 1
  }
  anchorDates(doc, out, sentenceAnchor)
  frontedDates(doc, out)
  gatheringDates(doc, out)
  countedDates(doc, out)
  return out
}
