/**
 * Who takes part in an event mention: names of the trigger's clause (actors before it, targets
 * after it, a location), names that only qualify a title or sit in a title apposition (left
 * out), an implicit subject ("he", "the two leaders", the sentence's subject), passive agents
 * and speakers outside their quotation. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { Role } from "../../schemas/vocab.js"
import { triggerAt } from "./clauses.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import type { FoundEvent } from "./events.js"
import { groupNoun, groupParties } from "./groupActors.js"
import type { NounArgument } from "./nounArgs.js"

/** A participant of an event mention. */
export interface Participant {
  readonly mention: Mention
  readonly role: Role
}

/** Entity types that act in or are acted upon by events. */
export const PARTICIPANT_TYPES = new Set(["person", "country", "organization"])
const PRONOUNS = new Set(["he", "she"])

/** Tokens inside a title ("Secretary of State", "Deputy Minister"): never triggers. */
export const titleTokens = (doc: Doc): Uint8Array => {
  const { tokens, lex } = doc
  const inTitle = new Uint8Array(tokens.length)
  for (let k = 0; k < tokens.length; k++) {
    const t = lex.titles.longest(tokens, k)
    if (t) for (let x = k; x < k + t.length; x++) inTitle[x] = 1
  }
  return inTitle
}

/**
 * Countries and organisations that only qualify a person's title ("U.S. Secretary of State Marco
 * Rubio") and names inside a title apposition ("Sergio Gor, the U.S. ambassador to India, ...").
 */
export const titleQualifiers = (doc: Doc, mentions: ReadonlyArray<Mention>): Set<Mention> => {
  const { tokens, lex } = doc
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
  const inApposition = new Uint8Array(tokens.length)
  for (const [x, y] of titleAppositions(doc, mentions)) inApposition.fill(1, x, y)
  for (const m of mentions) if (inApposition[m.tokStart] && inApposition[m.tokEnd - 1]) qualifier.add(m)
  return qualifier
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
    for (let k = start + 1; k < Math.min(tokens.length, start + 6); k++)
      if (lex.titles.longest(tokens, k)) titled = true
    if (!titled) continue
    const sEnd = doc.sentences[doc.sentenceOf[p.tokStart]!]!.tokEnd
    let end = start
    while (end < Math.min(sEnd, start + 20) && ![",", "—", "–", ")", ";"].includes(tokens[end]!.text)) end++
    out.push([start, end])
  }
  return out
}

/** The names of the clause [a, b) around the trigger at [i, j): actors before it, targets after it, and a location. */
export const clauseParticipants = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  qualifier: ReadonlySet<Mention>,
  trigger: TriggerEntry,
  a: number,
  b: number,
  i: number,
  j: number
): { participants: Array<Participant>; location: Mention | null } => {
  const { tokens } = doc
  const participants: Array<Participant> = []
  const seen = new Set<string>()
  let location: Mention | null = null
  // an attribution after what was said (", says the US president") names no party of the events reported
  // (nor the event the clause is told against after a comma: "opened an embassy in 1995, soon after the end of the
  // war")
  const tail = Math.min(trigger.event_type === "statement" ? b : attributionAfter(doc, j, b), anchorAfter(doc, j, b))
  for (let k = a; k < tail; k++) {
    const m = at[k]
    if (!m || m.tokStart !== k) continue
    const preceding = tokens[k - 1]?.norm ?? ""
    if (
      m.type === "location" ||
      (m.via === "name" &&
        m.type === "organization" &&
        /white house/i.test(m.name) &&
        (preceding === "at" || preceding === "in"))
    ) {
      if (k > i && ["in", "at", "to"].includes(preceding) && !location) location = m
      else if (k > i && trigger.event_type === "visit" && !location) location = m
      continue
    }
    // (what is traded is a party of an economic event: "exported gas to China")
    if (
      !PARTICIPANT_TYPES.has(m.type) &&
      !(
        k >= j &&
        (["initiative", "legislation"].includes(m.type) ||
          (m.type === "commodity" && trigger.event_type === "economic"))
      )
    )
      continue
    if (qualifier.has(m) || seen.has(m.key)) continue
    // the speaker of a report told after it (", X said") takes no part in the events reported
    if (k > j && trigger.event_type !== "statement" && speaksAfter(doc, m)) continue
    seen.add(m.key)
    participants.push({ mention: m, role: k < i ? "actor" : "target" })
  }
  return { participants, location }
}

/**
 * An event noun with arguments of its own ("the war between Russia and Ukraine") takes those, not
 * the clause's; the clause's subject still acts when the phrase names no actor after the noun,
 * unless the noun is the time the clause is told against (`anchor`: "after the collapse of X").
 * `argOf` marks names already taken as another noun's arguments (updated).
 */
export const withNounArguments = (
  clause: ReadonlyArray<Participant>,
  local: ReadonlyArray<NounArgument>,
  argOf: Uint8Array,
  anchor = false
): Array<Participant> => {
  // (not names that are another event noun's arguments: "the war between Russia and Ukraine and the crisis in Iran")
  // (a name compound before the noun, "the Central Asia-United States summit", names the format, so the subject still
  // takes part)
  // (a noun the clause is told against, "opened an embassy soon after the end of the war", is no act of the subject's)
  const clauseActors =
    anchor || local.some((x) => x.role === "actor" && x.side !== "before")
      ? []
      : clause.filter(
          (p) => p.role === "actor" && !argOf[p.mention.tokStart] && !local.some((x) => x.mention.key === p.mention.key)
        )
  for (const x of local) argOf[x.mention.tokStart] = 1
  return [...clauseActors, ...local]
}

/** What an event without an actor of its own may borrow one from. */
export interface SubjectContext {
  /** The sentence's mentions. */
  readonly sentence: ReadonlyArray<Mention>
  readonly qualifier: ReadonlySet<Mention>
  /** The person "he" or "she" would continue with. */
  readonly antecedent: Mention | undefined
  readonly events: ReadonlyArray<FoundEvent>
  /**
   * Mentions of the previous sentence and of this one before the clause (for "the two countries" after "Kyrgyzstan and
   * Tajikistan").
   */
  readonly before: ReadonlyArray<Mention>
}

/**
 * Actors for a clause [a, ...) that names none before its trigger at i: the antecedent of a
 * pronoun opening it, the parties a generic plural stands for ("the two leaders", "both countries",
 * "the sides"), else the sentence's subject before it.
 */
export const borrowedActors = (
  doc: Doc,
  a: number,
  i: number,
  participants: ReadonlyArray<Participant>,
  ctx: SubjectContext
): Array<Mention> => {
  const seen = new Set(participants.map((p) => p.mention.key))
  const first = doc.tokens[a]
  const subject = ctx.sentence.find((m) => m.tokEnd <= a && PARTICIPANT_TYPES.has(m.type) && !ctx.qualifier.has(m))
  const group = groupNoun(doc, a, i)
  const party =
    group !== null ? groupParties(doc, group, ctx.events, ctx.before) : delegationSubject(doc, a, i, ctx.events)
  // (the pronoun may follow an opening adjunct: "Last year, he hosted ...")
  const pronoun =
    first !== undefined &&
    (PRONOUNS.has(first.norm) ||
      doc.tokens.slice(a, i).some((t, k) => PRONOUNS.has(t.norm) && (k === 0 || doc.tokens[a + k - 1]!.text === ",")))
  if (pronoun && ctx.antecedent && !seen.has(ctx.antecedent.key)) return [ctx.antecedent]
  if (party.length > 0) return party.filter((m) => !seen.has(m.key))
  if (subject && !seen.has(subject.key)) return [subject]
  return []
}

/** Tokens after which a reporting verb may come before its speaker ("...,” said X", "..., predicted X"). */
const INVERSION_OPENERS = new Set([",", "”", '"', "’", "'"])

/**
 * The first token in [j, b) of a reporting verb after a comma or a closing quote (",” said", "' says"); b when there is
 * none.
 */
const reportingAt = (doc: Doc, k: number): boolean =>
  triggerAt(doc, k)?.values.some((v) => v.event_type === "statement" && v.pos === "verb") === true
const attributionAfter = (doc: Doc, j: number, b: number): number => {
  for (let t = j + 1; t < b; t++) {
    if (!INVERSION_OPENERS.has(doc.tokens[t - 1]!.text)) continue
    if (reportingAt(doc, t)) return t
    // ", the election commission said (on Monday)": a short subject and a reporting verb that ends the sentence's
    // clauses
    for (let k = t + 1; k < Math.min(b, t + 8) && doc.tokens[k - 1]!.kind !== "punct"; k++)
      if (
        reportingAt(doc, k) &&
        /^(?:[.,;]|on|in|at|late|earlier|later|today|yesterday|citing|adding|according)$/.test(
          doc.tokens[k + 1]?.norm ?? "."
        )
      )
        return t
  }
  return b
}

const ANCHORING = new Set(["after", "before", "since", "until", "following"])
/**
 * Where a temporal phrase after a comma starts (", soon after the end of ..."): the time the clause is told against.
 */
const anchorAfter = (doc: Doc, j: number, b: number): number => {
  for (let t = j + 1; t < b; t++) {
    if (!ANCHORING.has(doc.tokens[t]!.norm)) continue
    const adverb = /^(?:[a-z]+ly|soon|just|long|right)$/.test(doc.tokens[t - 1]!.norm)
    if (doc.tokens[adverb ? t - 2 : t - 1]?.text === ",") return adverb ? t - 1 : t
  }
  return b
}

/**
 * A person between a comma (or a closing quote) and a reporting verb that ends the clause: the speaker of what came
 * before (", Bekova said.").
 */
const speaksAfter = (doc: Doc, m: Mention): boolean => {
  const verb = triggerAt(doc, m.tokEnd)
  if (!verb?.values.some((v) => v.event_type === "statement" && v.pos === "verb")) return false
  const after = doc.tokens[m.tokEnd + verb.length]
  return (
    m.type === "person" &&
    INVERSION_OPENERS.has(doc.tokens[m.tokStart - 1]?.text ?? "") &&
    (after === undefined || [".", ",", ";", "!"].includes(after.text))
  )
}

/**
 * The speaker of a reporting verb placed after what was said: the person after it (after at most
 * a demonym and a title: "..., said Chinese President X"), or the person a pronoun right before it
 * refers to ("...,” he said"). Undefined when the verb is not so placed.
 */
export const reportedSpeaker = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  trigger: TriggerEntry,
  i: number,
  j: number,
  b: number,
  antecedent: Mention | undefined
): Mention | undefined => {
  const { tokens } = doc
  if (trigger.event_type !== "statement" || trigger.pos !== "verb") return undefined
  // "according to X": the first party named after it (over "a report by", "official reports from")
  // (a person or body before a state that only qualifies it: "the Kyrgyz National Security Committee")
  if (trigger.attribution === true) {
    const named: Array<Mention> = []
    for (let k = j; k < Math.min(b, j + 10) && tokens[k]!.text !== ","; k++)
      if (at[k] !== undefined && at[k]!.tokStart === k && PARTICIPANT_TYPES.has(at[k]!.type)) named.push(at[k]!)
    return named.find((m) => m.type !== "country") ?? named[0]
  }
  if (PRONOUNS.has(tokens[i - 1]?.norm ?? "") && INVERSION_OPENERS.has(tokens[i - 2]?.text ?? "")) return antecedent
  // "..., the election commission said": a name right before the verb, its phrase opened by the comma (or a closing
  // quote)
  const before = at[i - 1]
  if (before !== undefined && PARTICIPANT_TYPES.has(before.type) && before.tokEnd === i) {
    // (over a short phrase of titles and words before the name: "..., the commission's chairwoman X said")
    let k = before.tokStart - 1
    while (
      k > before.tokStart - 7 &&
      k > 0 &&
      (tokens[k]!.kind === "word" || tokens[k]!.text === "-") &&
      at[k] === undefined
    )
      k--
    if (k > 0 && INVERSION_OPENERS.has(tokens[k]!.text)) return before
  }
  if (!INVERSION_OPENERS.has(tokens[i - 1]?.text ?? "")) return undefined
  let k = j
  for (let step = 0; step < 5 && k < b; step++) {
    const m = at[k]
    if (m?.type === "person" && m.tokStart === k) return m
    const title = doc.lex.titles.longest(tokens, k)
    if (title) k += title.length
    // (a demonym, or a body or state that qualifies the title after it: "said Air Astana Chairman X", over an unknown
    // capitalised word of its name)
    else if (m && (m.via === "demonym" || (m.tokStart === k && m.type !== "person"))) k = m.tokEnd
    else if (m === undefined && tokens[k]!.kind === "word" && tokens[k]!.cap) k++
    else return undefined
  }
  return undefined
}

/**
 * Passive voice ("was hosted by X", "were invited by Y"): the by-phrase acts, the subject is acted upon (also without a
 * by-phrase: "X was dismissed").
 */
export const passiveRoles = (
  doc: Doc,
  trigger: TriggerEntry,
  participants: Array<Participant>,
  i: number,
  j: number,
  b: number
): void => {
  const { tokens } = doc
  const aux = tokens[i - 1]?.norm ?? ""
  const byIdx = tokens.slice(j, b).findIndex((t) => t.norm === "by")
  // (a participle, not the progressive "is visiting")
  if (
    !(
      trigger.pos === "verb" &&
      /^(was|were|been|be|is|are|being)$/.test(aux) &&
      tokens[i]!.norm !== trigger.lemma &&
      !/ing$/.test(tokens[i]!.norm)
    )
  )
    return
  const agentStart = byIdx >= 0 ? j + byIdx + 1 : b
  for (let k = 0; k < participants.length; k++) {
    const p = participants[k]!
    participants[k] = {
      mention: p.mention,
      role: p.mention.tokStart >= agentStart ? "actor" : p.role === "actor" ? "target" : p.role
    }
  }
}

/** Verbs whose subject receives the event noun after them ("received an invitation from X"). */
const RECEIVING = new Set([
  "received",
  "receives",
  "receiving",
  "accepted",
  "accepts",
  "declined",
  "declines",
  "rejected",
  "rejects",
  "got"
])

/** "X received an (official) invitation from Y": X is acted upon, the from-phrase acts. */
export const receivedRoles = (
  doc: Doc,
  trigger: TriggerEntry,
  participants: Array<Participant>,
  i: number,
  j: number
): void => {
  const { tokens } = doc
  if (trigger.pos !== "noun") return
  let k = i - 1
  while (k > 0 && i - k <= 3 && tokens[k]!.kind === "word" && !tokens[k]!.cap && !RECEIVING.has(tokens[k]!.norm)) k--
  if (!RECEIVING.has(tokens[k]?.norm ?? "")) return
  const from = tokens[j]?.norm === "from" ? j + 1 : -1
  for (let x = 0; x < participants.length; x++) {
    const p = participants[x]!
    if (p.mention.tokStart < k) participants[x] = { mention: p.mention, role: "target" }
    else if (from >= 0 && p.mention.tokStart >= from && p.mention.tokStart <= from + 2)
      participants[x] = { mention: p.mention, role: "actor" }
  }
}

/**
 * "The delegation met ...": a definite delegation before the trigger (within the clause's first tokens)
 * is the one person of the latest event with one (a group of several: groupActors.ts).
 */
const delegationSubject = (doc: Doc, a: number, i: number, events: ReadonlyArray<FoundEvent>): Array<Mention> => {
  for (let k = a; k < i && k < a + 4; k++) {
    if (doc.tokens[k]!.norm !== "delegation" || doc.tokens[k - 1]?.norm !== "the") continue
    for (let e = events.length - 1; e >= Math.max(0, events.length - 6); e--) {
      const people = [
        ...new Map(
          events[e]!.participants.filter((p) => p.mention.type === "person").map(
            (p) => [p.mention.key, p.mention] as const
          )
        ).values()
      ]
      if (people.length >= 1) return people
    }
  }
  return []
}
