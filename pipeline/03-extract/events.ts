/**
 * Event mentions: a trigger from the lemma-keyed lexicon, its clause, actors before it and
 * targets after it, a location, the nearest date expression, and the modality set by cues.
 * Within one article, later anaphoric mentions ("the summit") join the event they refer to.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { DatePrecision, Modality, Role } from "../../schemas/vocab.js"
import { bySentence, type Doc } from "./doc.js"
import { attachDate, documentDates, leadDate, multiDay, occasionDate, pastTense, progressive, reportedAsNews, undatedDate } from "./eventDates.js"
import type { Mention } from "./entities.js"
import { nounArguments } from "./nounArgs.js"

/** An event found in one article (UTF-16 offsets). */
export interface FoundEvent {
  readonly trigger: TriggerEntry
  readonly triggerStart: number
  readonly triggerEnd: number
  readonly spans: Array<{ readonly start: number; readonly end: number }>
  date: { readonly value: string | null; readonly precision: DatePrecision }
  /** The date is the report's (publication) date, not one stated for the event. */
  dateFromReport: boolean
  readonly modality: Modality
  readonly location: Mention | null
  readonly participants: Array<{ readonly mention: Mention; readonly role: Role }>
  readonly method: string
  readonly confidence: number
  /** The participants come from the trigger noun's own phrase ("the war between Russia and Ukraine"). */
  readonly local: boolean
}

const PARTICIPANT_TYPES = new Set(["person", "country", "organization"])
const CLAUSE_OPENERS = new Set(["which", "who", "while", "with", "but", "as", "after", "before", "when", "where", "although", "though", "whereas", "since", "because", "whose"])
const ANAPHORA = new Set(["the", "this", "that", "its", "their", "his", "her"])
const PRONOUNS = new Set(["he", "she"])
const DETERMINER = new Set(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "another", "first", "next", "last", "upcoming"])
/** Statements of one speaker this many sentences apart or closer report one occasion. */
const STATEMENT_GAP = 2

/** A dash with a space beside it separates clauses; one between two words ("Russia–Central Asia") joins them. */
const spaced = (doc: Doc, t: { readonly start: number; readonly end: number }): boolean => /\s/.test(doc.text[t.start - 1] ?? " ") || /\s/.test(doc.text[t.end] ?? " ")

/** Token range [a, b) of the clause around token i. */
const clauseOf = (doc: Doc, i: number): [number, number] => {
  const s = doc.sentences[doc.sentenceOf[i]!]!
  const { tokens } = doc
  let a = i
  while (a > s.tokStart) {
    const t = tokens[a - 1]!
    if (t.text === ";" || t.text === ":" || ((t.text === "—" || t.text === "–") && spaced(doc, t))) break
    if (t.text === "," && CLAUSE_OPENERS.has(tokens[a]?.norm ?? "")) break
    if (CLAUSE_OPENERS.has(t.norm) && a - 1 > s.tokStart && tokens[a - 2]?.text === ",") {
      a--
      break
    }
    a--
  }
  let b = i + 1
  while (b < s.tokEnd) {
    const t = tokens[b]!
    if (t.text === ";" || (t.text === "—" && spaced(doc, t))) break
    if ((t.norm === "as" && tokens[b + 1]?.norm === "part") || t.norm === "amid") break
    if (t.text === "," && CLAUSE_OPENERS.has(tokens[b + 1]?.norm ?? "")) break
    b++
  }
  return [a, b]
}

const modalityOf = (doc: Doc, a: number, i: number, j: number, b: number): Modality => {
  const { tokens, lex } = doc
  let best: { modality: Modality; priority: number } | null = null
  for (const c of lex.modality) {
    const lo = c.entry.position === "after" ? i : Math.max(a, i - c.entry.window)
    const hi = c.entry.position === "before" ? j : Math.min(b, j + c.entry.window)
    if (hi <= lo) continue
    const text = doc.text.slice(tokens[lo]!.start, tokens[hi - 1]!.end)
    if (c.re.test(text) && (best === null || c.entry.priority > best.priority)) best = { modality: c.entry.modality, priority: c.entry.priority }
  }
  return best?.modality ?? "asserted"
}

/** Find the events of a document. */
export const findEvents = (doc: Doc, mentions: ReadonlyArray<Mention>, skip: ReadonlyArray<{ readonly start: number; readonly end: number }> = []): Array<FoundEvent> => {
  const { tokens, lex } = doc
  const skipped = (offset: number) => skip.some((r) => offset >= r.start && offset < r.end)
  // a country or organisation that only qualifies a title ("U.S. Secretary of State Marco Rubio") is part of the person's name phrase
  // words inside a title ("Secretary of State", "Deputy Minister") are never triggers
  const inTitle = new Uint8Array(tokens.length)
  for (let k = 0; k < tokens.length; k++) {
    const t = lex.titles.longest(tokens, k)
    if (t) for (let x = k; x < k + t.length; x++) inTitle[x] = 1
  }
  const qualifier = new Set<Mention>()
  const personAt = new Set(mentions.filter((p) => p.type === "person").map((p) => p.tokStart))
  for (const m of mentions) {
    if (m.type !== "country" && m.type !== "organization") continue
    let k = m.tokEnd
    if (tokens[k]?.norm === "'s") k++
    for (let step = 0; step < 3 && k < tokens.length; step++) {
      const t = lex.titles.longest(tokens, k)
      if (t) {
        // only when the title names a person right after it ("U.S. Secretary of State Marco Rubio")
        if (personAt.has(k + t.length)) qualifier.add(m)
        break
      }
      if (!tokens[k]!.cap) break
      k++
    }
  }
  // names inside a title apposition describe the person ("Sergio Gor, the U.S. ambassador to India and Trump's envoy, ...")
  const inApposition = new Uint8Array(tokens.length)
  for (const [x, y] of titleAppositions(doc, mentions)) inApposition.fill(1, x, y)
  for (const m of mentions) if (inApposition[m.tokStart] && inApposition[m.tokEnd - 1]) qualifier.add(m)
  const n = tokens.length
  const inMention = new Uint8Array(n)
  const at: Array<Mention | undefined> = new Array(n)
  for (const m of mentions) for (let k = m.tokStart; k < m.tokEnd; k++) {
    inMention[k] = 1
    at[k] ??= m
  }
  const mentionsIn = bySentence(doc, mentions)
  const dates = documentDates(doc)
  const lead = leadDate(doc, dates, (offset) => !skipped(offset))
  // every trigger's span by sentence: a date belongs to the trigger nearest to it
  const triggersIn: Array<Array<{ start: number; end: number }>> = doc.sentences.map(() => [])
  for (let k = 0; k < n; k++) {
    if (inMention[k] || inTitle[k]) continue
    const h = lex.triggers.longest(tokens, k)
    if (h) triggersIn[doc.sentenceOf[k]!]!.push({ start: tokens[k]!.start, end: tokens[k + h.length - 1]!.end })
  }
  const quoted = quotedRanges(doc.text)
  const inQuote = (offset: number): boolean => {
    // ranges are sorted and disjoint: the last one opening before the offset decides
    let lo = 0
    let hi = quoted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (quoted[mid]![0] < offset) lo = mid + 1
      else hi = mid
    }
    const r = quoted[lo - 1]
    return r !== undefined && offset < r[1]
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
    if (inMention[i] || inTitle[i] || skipped(tokens[i]!.start)) continue
    const hit = lex.triggers.longest(tokens, i)
    if (!hit) continue
    const j = i + hit.length
    const prevNorm = tokens[i - 1]?.norm ?? ""
    const next = tokens.slice(j, j + 3).map((t) => t.norm)
    const prev = prevNorm
    // the first entry of the form whose context fits ("welcomed the leaders" hosts, "welcomed the move" praises);
    // a form of both a verb and a noun ("meeting") is the noun after a determiner ("the meeting")
    const fitting = hit.values.filter(
      (v) => !(v.requires_after && !v.requires_after.some((w) => next.includes(w))) && !v.blocked_after?.some((w) => next[0] === w) && !v.blocked_before?.includes(prev)
    )
    const trigger = (DETERMINER.has(prevNorm) ? fitting.find((v) => v.pos === "noun") : undefined) ?? fitting[0]
    if (trigger === undefined) continue
    const [a, b] = clauseOf(doc, i)
    const si = doc.sentenceOf[i]!
    const trigStart0 = tokens[i]!.start
    if (si !== inSentenceOf) inSentence = []
    inSentenceOf = si

    // participants: actors before the trigger, targets after it, within the clause
    const participants: Array<{ mention: Mention; role: Role }> = []
    const seen = new Set<string>()
    let location: Mention | null = null
    for (let k = a; k < b; k++) {
      const m = at[k]
      if (!m || m.tokStart !== k) continue
      const preceding = tokens[k - 1]?.norm ?? ""
      if (m.type === "location" || (m.via === "name" && m.type === "organization" && /white house/i.test(m.name) && (preceding === "at" || preceding === "in"))) {
        if (k > i && ["in", "at", "to"].includes(preceding) && !location) location = m
        else if (k > i && trigger.event_type === "visit" && !location) location = m
        continue
      }
      if (!PARTICIPANT_TYPES.has(m.type) && !(k > j && ["initiative", "legislation"].includes(m.type))) continue
      if (qualifier.has(m) || seen.has(m.key)) continue
      seen.add(m.key)
      participants.push({ mention: m, role: k < i ? "actor" : "target" })
    }
    // an event noun with arguments of its own ("the war between Russia and Ukraine") takes those, not the clause's
    const local = trigger.pos === "noun" ? nounArguments(doc, at, i, j, a, b).filter((x) => !qualifier.has(x.mention)) : []
    if (local.length > 0) {
      // the clause's subject still acts when the phrase names none ("Putin attended a meeting of the CIS council")
      // (not names that are another event noun's arguments: "the war between Russia and Ukraine and the crisis in Iran")
      // (a name compound before the noun, "the Central Asia-United States summit", names the format, so the subject still takes part)
      const clauseActors = local.some((x) => x.role === "actor" && x.side !== "before")
        ? []
        : participants.filter((p) => p.role === "actor" && !argOf[p.mention.tokStart] && !local.some((x) => x.mention.key === p.mention.key))
      for (const x of local) argOf[x.mention.tokStart] = 1
      participants.length = 0
      participants.push(...clauseActors, ...local)
      seen.clear()
      for (const x of participants) seen.add(x.mention.key)
    }
    if (!participants.some((p) => p.role === "actor")) {
      const first = tokens[a]
      const subject = mentionsIn[si]!.find((m) => m.tokEnd <= a && PARTICIPANT_TYPES.has(m.type) && !qualifier.has(m))
      const antecedent = lastSubject ?? lastPerson
      const party = groupSubject(doc, a, i, out)
      if (first && PRONOUNS.has(first.norm) && antecedent && !seen.has(antecedent.key)) participants.unshift({ mention: antecedent, role: "actor" })
      else if (party.length > 0) participants.unshift(...party.filter((m) => !seen.has(m.key)).map((m) => ({ mention: m, role: "actor" as const })))
      else if (subject && !seen.has(subject.key)) participants.unshift({ mention: subject, role: "actor" })
    }
    if (participants.length === 0) continue
    // passive voice: "was hosted by X", "were invited by Y" — the by-phrase acts, the subject is acted upon
    const aux = tokens[i - 1]?.norm ?? ""
    const byIdx = tokens.slice(j, b).findIndex((t) => t.norm === "by")
    if (trigger.pos === "verb" && /^(was|were|been|be|is|are|being)$/.test(aux) && byIdx >= 0) {
      const agentStart = j + byIdx + 1
      for (let k = 0; k < participants.length; k++) {
        const p = participants[k]!
        participants[k] = { mention: p.mention, role: p.mention.tokStart >= agentStart ? "actor" : p.role === "actor" ? "target" : p.role }
      }
    }
    // a bare economic noun without an article or arguments of its own names an activity in general
    // ("maintaining consistent investment", "trade and investment relationships"), not an event
    if (trigger.pos === "noun" && trigger.event_type === "economic" && local.length === 0 && !DETERMINER.has(prevNorm) && tokens[i - 1]?.kind !== "num") continue
    // a speaker stands outside the quotation it reports: names inside the quotes are what was said about
    if (trigger.event_type === "statement" && !inQuote(trigStart0)) {
      for (let k = 0; k < participants.length; k++)
        if (participants[k]!.role === "actor" && inQuote(participants[k]!.mention.start)) participants[k] = { mention: participants[k]!.mention, role: "target" }
    }
    const subjectNow = participants.find((p) => p.role === "actor" && p.mention.type === "person")
    if (subjectNow) lastSubject = subjectNow.mention
    // hearsay: "is said to", "were reported to" report no statement of anyone's
    if (trigger.event_type === "statement" && trigger.pos === "verb" && /^(is|are|was|were|been|be)$/.test(prev) && tokens[j]?.norm === "to") continue
    // a reporting verb states nothing without a speaker ("Analysts say", "is said to")
    if (trigger.event_type === "statement" && trigger.pos === "verb" && !participants.some((p) => p.role === "actor")) continue

    // date: of the clause, unless another trigger stands nearer ("...next year, as Trump prepares to host...")
    const trigStart = tokens[i]!.start
    const opener = a > doc.sentences[si]!.tokStart ? tokens[a]!.norm : null
    const date = attachDate(dates[si]!, { start: trigStart, end: tokens[j - 1]!.end }, { start: tokens[a]!.start, end: tokens[b - 1]!.end }, triggersIn[si]!, opener !== null && pastTense(doc, a, b) ? opener : null, { text: doc.text, reporting: trigger.event_type === "statement" })

    // "the summit" refers back; "the crisis in Iran", with arguments of its own, is a new reference
    // "the C5+1 summit", "the White House summit": a definite noun whose only arguments are names before it
    const modifiers = trigger.pos === "noun" ? definiteModifiers(doc, at, a, i) : []
    const namedDefinite = modifiers.length > 0 && local.every((x) => modifiers.some((m) => m.key === x.mention.key))
    const anaphoric = trigger.pos === "noun" && ((ANAPHORA.has(prev) && local.length === 0) || namedDefinite)
    const modality = modalityOf(doc, a, i, j, b)
    // an event with no date of its own is dated by the report when the article reports it as news
    // an event noun that is the occasion of a visit or meeting before it in the clause ("arrived for the summit") happens at its time
    const occasion = date === null && trigger.pos === "noun" && modality === "asserted" ? occasionDate(doc, a, i, inSentence) : null
    const when =
      date !== null
        ? { value: date.value, precision: date.precision }
        : (occasion?.date ?? undatedDate(doc, trigger.event_type, modality, { progressive: progressive(doc, a, j), news: reportedAsNews(doc, a, i, j, b, trigger.pos), multiDay: multiDay(doc, a, b) }, lead))
    const ev: FoundEvent = {
      trigger,
      triggerStart: trigStart,
      triggerEnd: tokens[j - 1]!.end,
      spans: [{ start: tokens[a]!.start, end: tokens[b - 1]!.end }],
      date: when,
      dateFromReport: date === null && when.value !== null && (occasion === null || occasion.fromReport),
      modality,
      location,
      participants,
      method: trigger.pos === "verb" ? "event.verb-trigger.v1" : local.length > 0 ? "event.noun-phrase.v1" : "event.noun-trigger.v1",
      local: local.length > 0,
      confidence: trigger.pos === "verb" ? 0.7 : 0.6
    }
    // an anaphoric noun ("the summit") joins the latest event of its type
    // "the summit" refers to the latest summit, else to the latest event of its type
    // a named one ("the C5+1 summit") only to an event with that name among its participants
    const fits = (e: FoundEvent) => !namedDefinite || e.participants.some((p) => modifiers.some((m) => m.key === p.mention.key))
    const antecedent = anaphoric
      ? ([...out].reverse().find((e) => e.trigger.lemma === trigger.lemma && fits(e)) ??
        [...out].reverse().find((e) => e.trigger.event_type === trigger.event_type && trigger.event_type !== "other" && fits(e)))
      : undefined
    if (antecedent) {
      // a date in the anaphor's clause dates the anaphor only when it modifies the noun ("the Nov. 6 summit");
      // otherwise it belongs to the clause's own event ("In the Nov. 5 letter, ... at the summit")
      // (or follows it: "the announcement on Wednesday")
      const modifies = date !== null && ((trigStart - date.end <= 2 && trigStart >= date.end) || (date.start >= ev.triggerEnd && date.start - ev.triggerEnd <= 2))
      mergeInto(antecedent, modifies ? ev : { ...ev, date: { value: null, precision: "unknown" }, dateFromReport: false })
      inSentence.push({ start: trigStart, ev: antecedent })
      // events told in the same sentence as "the talks" / "the summit" (held, not upcoming) happen at its time
      if (antecedent.date.value !== null && !antecedent.dateFromReport && antecedent.modality === "asserted") sentenceAnchor.set(si, antecedent.date)
      continue
    }
    // two triggers of one type in one clause ("The summit ... brought together") state one event
    const span0 = ev.spans[0]!
    const near = (e: FoundEvent) => Math.abs(doc.sentenceOf[tokenIndexAt(doc, e.spans.at(-1)!.start)]! - si) <= STATEMENT_GAP
    // an event noun of the same sentence that names no one new ("visited Astana ..., as part of a three-country tour") retells the event
    const retold = (e: FoundEvent) =>
      trigger.pos === "noun" &&
      e.trigger.event_type === ev.trigger.event_type &&
      doc.sentenceOf[tokenIndexAt(doc, e.triggerStart)] === si &&
      ev.participants.every((p) => e.participants.some((q) => q.mention.key === p.mention.key))
    const same = out.find((e) => sameEvent(e, ev, near(e)) || retold(e) || (e.trigger.event_type === ev.trigger.event_type && ev.trigger.event_type !== "other" && !(e.local && ev.local) && e.spans.some((x) => x.start === span0.start && x.end === span0.end)))
    if (same) mergeInto(same, ev)
    else out.push(ev)
    inSentence.push({ start: trigStart, ev: same ?? ev })
    i = j - 1
  }
  // undated events in a sentence anchored by an anaphoric reference take the anchor's date (not upcoming or unreal ones)
  for (const e of out) {
    if ((e.date.value !== null && e.trigger.event_type !== "statement") || e.modality !== "asserted") continue
    const si = doc.sentenceOf[tokenIndexAt(doc, e.triggerStart)]!
    const anchor = sentenceAnchor.get(si)
    if (anchor && (e.date.value === null || e.dateFromReport)) {
      e.date = anchor
      e.dateFromReport = false
    }
  }
  return out
}

/** UTF-16 ranges [open, close] of quotations: curly quotes paired, straight double quotes toggling; an unclosed quote runs to the paragraph's end. */
export const quotedRanges = (text: string): Array<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  let open = -1
  for (let k = 0; k < text.length; k++) {
    const c = text[k]
    if (c === "\n" && text[k + 1] === "\n" && open >= 0) {
      out.push([open, k])
      open = -1
    } else if (c === "“" || (c === '"' && open < 0)) open = k
    else if ((c === "”" || c === '"') && open >= 0) {
      out.push([open, k])
      open = -1
    }
  }
  if (open >= 0) out.push([open, text.length])
  return out
}

/**
 * Token ranges of title appositions after a person: ", the|a|an [names] TITLE ... ," up to the
 * closing comma, dash or bracket (at most 20 tokens), or to the sentence's end.
 */
const titleAppositions = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<readonly [number, number]> => {
  const { tokens, lex } = doc
  const out: Array<readonly [number, number]> = []
  for (const p of mentions) {
    if (p.type !== "person" || tokens[p.tokEnd]?.text !== ",") continue
    const det = tokens[p.tokEnd + 1]?.norm ?? ""
    if (det !== "the" && det !== "a" && det !== "an") continue
    // (from the article on: a name may take it in, "the U.S.")
    const start = p.tokEnd + 1
    let titled = false
    for (let k = start + 1; k < Math.min(tokens.length, start + 6); k++) if (lex.titles.longest(tokens, k)) titled = true
    if (!titled) continue
    const sEnd = doc.sentences[doc.sentenceOf[p.tokStart]!]!.tokEnd
    let end = start
    while (end < Math.min(sEnd, start + 20) && ![",", "—", "–", ")", ";"].includes(tokens[end]!.text)) end++
    out.push([start, end])
  }
  return out
}

/** Nouns for a party of people ("the delegation", "the two leaders"). */
const PARTY = new Set(["delegation", "delegations", "delegates", "diplomats", "envoys", "leaders", "presidents", "ministers", "officials", "sides"])
const NUMBER_WORDS = new Map([["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["both", 2]])

/**
 * "The delegation met ...", "the two leaders discussed ...": a definite party of people before the
 * trigger refers to the people of the latest event that has such a party (as many as the number says).
 */
const groupSubject = (doc: Doc, a: number, i: number, events: ReadonlyArray<FoundEvent>): Array<Mention> => {
  const { tokens } = doc
  for (let k = a; k < i && k < a + 4; k++) {
    if (!PARTY.has(tokens[k]!.norm)) continue
    const det = tokens[k - 1]?.norm ?? ""
    const det2 = tokens[k - 2]?.norm ?? ""
    const count = NUMBER_WORDS.get(det) ?? null
    if (!(det === "the" || (count !== null && (det2 === "the" || det === "both")))) return []
    for (let e = events.length - 1; e >= Math.max(0, events.length - 6); e--) {
      const people = [...new Map(events[e]!.participants.filter((p) => p.mention.type === "person").map((p) => [p.mention.key, p.mention] as const)).values()]
      if (people.length >= 2 || (people.length === 1 && count === null && tokens[k]!.norm.startsWith("delegation"))) return count === null || people.length === count ? people : []
    }
    return []
  }
  return []
}

/** Names between a definite article and the noun at token i ("the C5+1 summit"); empty when there is no such article. */
const definiteModifiers = (doc: Doc, at: ReadonlyArray<Mention | undefined>, a: number, i: number): Array<Mention> => {
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
  return found.length > 0 && ANAPHORA.has(doc.tokens[d]?.norm ?? "") ? found : []
}

const tokenIndexAt = (doc: Doc, offset: number): number => {
  let lo = 0
  let hi = doc.tokens.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (doc.tokens[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

const keysOf = (e: FoundEvent) => new Set(e.participants.map((p) => p.mention.key))

/**
 * Two mentions in one article describe the same event: same type, modality and date, and the same
 * participants, or (when dated) the same stated place or a shared participant.
 */
const sameEvent = (a: FoundEvent, b: FoundEvent, near: boolean): boolean => {
  if (a.trigger.event_type !== b.trigger.event_type || a.modality !== b.modality) return false
  const ka = keysOf(a)
  const kb = keysOf(b)
  // a date taken from the report says nothing of when the event happened: it does not make two mentions one
  const da = a.dateFromReport ? null : a.date.value
  const db = b.dateFromReport ? null : b.date.value
  const compatible = da === db || (da === null && a.dateFromReport) || (db === null && b.dateFromReport)
  if (compatible && ka.size === kb.size && [...ka].every((k) => kb.has(k))) return true
  // one speaker's remarks on one occasion are one statement, however many sentences report them
  if (a.trigger.event_type === "statement") {
    const sa = speaker(a)
    return near && sa !== null && sa === speaker(b) && compatible
  }
  // upcoming events are told with a date once at most ("prepares to host ... The upcoming meeting will")
  if (!((da !== null && da === db) || (a.modality !== "asserted" && compatible))) return false
  return (a.location !== null && a.location.key === b.location?.key) || [...ka].some((k) => kb.has(k) && k !== "gaz:country:USA")
}

/** The one person who speaks in a statement event (its only person actor), if any. */
const speaker = (e: FoundEvent): string | null => {
  const people = e.participants.filter((p) => p.role === "actor" && p.mention.type === "person")
  return people.length === 1 ? people[0]!.mention.key : null
}

const mergeInto = (target: FoundEvent, ev: FoundEvent): void => {
  if ((target.date.value === null || target.dateFromReport) && ev.date.value !== null && !ev.dateFromReport) {
    target.date = ev.date
    target.dateFromReport = false
  } else if (target.date.value === null && ev.date.value !== null && (ev.trigger.pos === "noun" || !target.spans.some((t) => t.start === ev.spans[0]!.start))) {
    // a later mention that reports the event as news dates it by the report (not a verb of the same clause: "agreements signed")
    target.date = ev.date
    target.dateFromReport = true
  }
  for (const s of ev.spans) if (!target.spans.some((t) => t.start === s.start && t.end === s.end)) target.spans.push(s)
  const keys = keysOf(target)
  for (const p of ev.participants) if (!keys.has(p.mention.key)) target.participants.push({ mention: p.mention, role: "participant" })
}
