/**
 * member_of: joining ("X joined / has joined the Y", "X, a member of Y"), the states a format
 * brings together ("ministers of A, B and C gathered under the X platform", "the X format: Tajik President
 * P, Uzbek President Q, ..."), and the owner of an initiative ("the EU's Global Gateway", "Brussels ...
 * via its Global Gateway").
 */

import type { Token } from "../../text/tokens.js"
import type { Mention } from "../entities.js"
import {
  compoundAgent,
  type FoundRelation,
  type RelContext,
  skipArticles,
  subjectBefore,
  uniqByKey
} from "./context.js"

/** Verbs of joining a group. */
const JOIN_VERBS = new Set(["joined", "joins", "join", "joining", "acceded", "accedes", "accede"])
/** Auxiliaries and adverbs between a joiner and the verb: "has officially joined", "will also join". */
const JOIN_AUX = new Set([
  "has",
  "have",
  "had",
  "will",
  "shall",
  "also",
  "formally",
  "officially",
  "recently",
  "already",
  "now",
  "finally",
  "eventually",
  "since",
  "to",
  "both",
  "all",
  "agreed",
  "decided",
  "voted",
  "moved"
])
/**
 * Words that make "join" hypothetical, wished or denied rather than membership ("will join" is stated, "may join" is
 * not).
 */
const UNREAL_JOIN = new Set([
  "would",
  "may",
  "might",
  "could",
  "should",
  "plans",
  "plan",
  "planned",
  "planning",
  "expected",
  "intends",
  "aims",
  "seeks",
  "wants",
  "hopes",
  "not",
  "never",
  "considering",
  "invited",
  "asked",
  "urged",
  "refused",
  "declined",
  "likely",
  "ready",
  "keen",
  "bid",
  "applied",
  "applying",
  "talks"
])
/** Ordinals of "X is the first country to join". */
const ORDINALS = new Set(["first", "second", "third", "fourth", "fifth", "latest", "newest", "last"])
/** Words that say states take part in a format. */
const FORMAT_CUES = new Set([
  "format",
  "platform",
  "mechanism",
  "members",
  "brought",
  "attended",
  "attend",
  "attending",
  "participants",
  "between",
  "under",
  "during",
  "convened",
  "gathered",
  "welcomed",
  "hosted",
  "hosts",
  "hosting"
])
/** Tokens that open a list of participants right after a format's name. */
const LIST_OPENERS = new Set(["-", "--", "—", "–", ":", "("])
/** Tokens allowed between the items of such a list. */
const LIST_GLUE = new Set([",", "and", "the", "-", "--"])
const GROUP_TYPES = new Set(["initiative", "organization"])
const ARTICLES = new Set(["a", "an", "the"])
/** Words between the signers and "signed": "have jointly signed". */
const AUXILIARIES = new Set(["have", "has", "had", "jointly", "also", "formally", "officially", "finally", "all"])
/** Words after which a format meeting's participants are named ("an X summit among A and B"). */
const PARTICIPANTS_AFTER = new Set(["involving", "between", "among", "bringing"])
/** Words that make a format's mention a meeting of it ("an X session", "the X dialogue"). */
const MEETING_WORDS = new Set(["summit", "meeting", "talks", "took", "session", "format", "dialogue", "conference"])
/** Verbs whose subject meets in a format named later in the sentence. */
const MEET_VERBS = new Set(["met", "meets", "held", "holds", "hosted", "hosts", "convened", "attended"])
/** Participles after "X-": the state leads the group. */
const LED = new Set(["led", "backed", "sponsored", "founded"])

const RUN_GLUE = new Set([",", "and", "the"])
/**
 * The state leading something, written at token k as "<state>-led" ("French-led", "Beijing-backed", "Turkish-led":
 * one token or three): the state, by name, demonym or capital, and the token after the participle.
 */
const leadAt = (ctx: RelContext, k: number): { state: Mention; end: number } | null => {
  const { tokens } = ctx.doc
  if (k < 0 || !tokens[k]) return null
  const m = ctx.at[k]
  if (
    m?.type === "country" &&
    m.tokStart === k &&
    tokens[m.tokEnd]?.text === "-" &&
    LED.has(tokens[m.tokEnd + 1]?.norm ?? "")
  )
    return { state: m, end: m.tokEnd + 2 }
  const agent = compoundAgent(ctx, k, LED)
  return agent?.type === "country" ? { state: agent, end: k + 1 } : null
}

/** Words before a format's meeting that say the listed states take part in it. */
const PARTICIPATION = new Set(["during", "at", "attend", "attended", "attending", "for", "to"])
/** The token before m, past articles and ordinals ("at the 3rd EU-Central Asia Forum"). */
const skipBack = (ctx: RelContext, k: number): number => {
  let b = k - 1
  while (
    b > 0 &&
    (["the", "a", "an", "first", "second", "third", "inaugural", "annual", "latest"].includes(
      ctx.doc.tokens[b]!.norm
    ) ||
      /^\d+(st|nd|rd|th)$/.test(ctx.doc.tokens[b]!.norm))
  )
    b--
  return b
}

/**
 * The format a meeting is named after: "the X Leaders' Summit" (a named event starting with a format's
 * name), "the OTS summit" (a group right before a meeting word), a format itself ("the Y Dialogue").
 */
const meetingOf = (ctx: RelContext, m: Mention): Mention | null => {
  const { tokens, lex } = ctx.doc
  if (m.type === "initiative")
    return MEETING_WORDS.has(tokens[m.tokEnd]?.norm ?? "") || /\b(dialogue|summit|forum)$/i.test(m.name) ? m : null
  if (m.type === "organization") return MEETING_WORDS.has(tokens[m.tokEnd]?.norm ?? "") ? m : null
  if (m.type !== "named_event") return null
  const hit = lex.names.longest(tokens, m.tokStart)
  const e =
    hit && hit.length < m.tokEnd - m.tokStart
      ? hit.values.map((id) => lex.entities.get(id)).find((x) => x?.type === "initiative" || x?.type === "organization")
      : undefined
  if (!e || !hit) return null
  return {
    ...m,
    key: `gaz:${e.id}`,
    type: e.type,
    name: e.name,
    tokEnd: m.tokStart + hit.length,
    end: tokens[m.tokStart + hit.length - 1]!.end,
    gaz: e
  }
}

/**
 * States in runs coordinated by commas, "and" and "the" ("Mongolia, the Slovak Republic, and Chile"), distinct per run.
 */
const coordinatedRuns = (tokens: ReadonlyArray<Token>, states: ReadonlyArray<Mention>): Array<Array<Mention>> => {
  const runs: Array<Array<Mention>> = []
  for (const c of states) {
    const run = runs[runs.length - 1]
    const prev = run?.[run.length - 1]
    if (
      prev &&
      c.tokStart - prev.tokEnd <= 3 &&
      tokens.slice(prev.tokEnd, c.tokStart).every((t) => RUN_GLUE.has(t.norm))
    )
      run!.push(c)
    else runs.push([c])
  }
  return runs.map(uniqByKey)
}

/** The states coordinated from token x on: "Peru and several ...", "Chile, Peru and Bolivia". */
const coordinatedFrom = (ctx: RelContext, x: number): Array<Mention> => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const list: Array<Mention> = []
  while (at[x]?.type === "country" && at[x]!.via !== "demonym") {
    list.push(at[x]!)
    x = at[x]!.tokEnd
    if (tokens[x]?.text === ",") x++
    if (tokens[x]?.norm === "and") x++
    if (tokens[x]?.norm === "the") x++
  }
  return list
}

/** The states coordinated before token e: "Kazakhstan, Uzbekistan and Tajikistan (signed)". */
const coordinatedBefore = (ctx: RelContext, e: number): Array<Mention> => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const list: Array<Mention> = []
  while (at[e - 1]?.type === "country" && at[e - 1]!.via !== "demonym") {
    const state = at[e - 1]!
    list.push(state)
    e = state.tokStart
    if (tokens[e - 1]?.norm === "the") e--
    if (tokens[e - 1]?.norm === "and") e--
    if (tokens[e - 1]?.text === ",") e--
    if (tokens[e - 1]?.norm === "the") e--
  }
  return list
}

/** A member_of row. */
const memberOf = (
  subject: Mention,
  object: Mention,
  span: { readonly start: number; readonly end: number },
  method: string,
  confidence: number
): FoundRelation => ({
  predicate: "member_of",
  subject,
  object,
  role: null,
  start: span.start,
  end: span.end,
  method,
  confidence
})

/** One sentence as the membership rules read it. */
interface SentenceScope {
  readonly sentence: RelContext["doc"]["sentences"][number]
  readonly mentions: ReadonlyArray<Mention>
  /** The normalised words of the sentence. */
  readonly words: ReadonlyArray<string>
  /** The initiatives (formats) the sentence names. */
  readonly formats: ReadonlyArray<Mention>
}

/** A membership rule: adds the rows it finds in one sentence. */
type MembershipRule = (ctx: RelContext, scope: SentenceScope, out: Array<FoundRelation>) => void

/**
 * The subject of a joining verb at k, before its auxiliaries and adverbs; null when modal, negated or merely planned.
 */
const joinSubjects = (ctx: RelContext, sentence: SentenceScope["sentence"], k: number): Array<Mention> | null => {
  const { tokens } = ctx.doc
  let b = k - 1
  while (b > sentence.tokStart && JOIN_AUX.has(tokens[b]!.norm)) b--
  if (tokens.slice(b + 1, k).some((t) => UNREAL_JOIN.has(t.norm)) || UNREAL_JOIN.has(tokens[b]!.norm)) return null
  const joiners = subjectBefore(ctx, b + 1)
  if (joiners.length > 0 || tokens[k - 1]?.norm !== "to") return joiners
  // "X is the first country to join Y": the subject of the copula before "the first ... to"
  const copula = Math.max(
    ...["is", "was", "became", "becomes"].map((w) =>
      tokens
        .slice(sentence.tokStart, k)
        .map((t) => t.norm)
        .lastIndexOf(w)
    )
  )
  if (
    copula >= 0 &&
    k - (sentence.tokStart + copula) <= 10 &&
    tokens.slice(sentence.tokStart + copula + 1, k).some((t) => ORDINALS.has(t.norm))
  )
    return subjectBefore(ctx, sentence.tokStart + copula)
  return joiners
}

/**
 * The group joined by the verb at k: right after it ("joined Macron's 'Paris Club'", "acceded to the WTO"), or "Y,
 * which X (has) joined".
 */
const joinedGroup = (ctx: RelContext, k: number, joiners: ReadonlyArray<Mention>): Mention | undefined => {
  const { at } = ctx
  const { tokens } = ctx.doc
  let x = skipArticles(ctx, tokens[k + 1]?.norm === "to" ? k + 2 : k + 1)
  if (at[x] && tokens[at[x]!.tokEnd]?.norm === "'s") x = skipArticles(ctx, at[x]!.tokEnd + 1)
  const after = at[x]?.tokStart === x && GROUP_TYPES.has(at[x]!.type) ? at[x] : undefined
  if (after || joiners.length === 0) return after
  const relative = joiners[0]!.tokStart - 1
  if ((tokens[relative]?.norm === "which" || tokens[relative]?.norm === "that") && tokens[relative - 1]?.text === ",")
    return at[relative - 2] && GROUP_TYPES.has(at[relative - 2]!.type) ? at[relative - 2] : undefined
  return undefined
}

/**
 * "X (has / will) join(ed) (the) Y", "X acceded to Y", "X is the first country to join Y", "Y, which X joined in 2001".
 */
const joinedGroups: MembershipRule = (ctx, { sentence }, out) => {
  const { tokens } = ctx.doc
  for (let k = sentence.tokStart; k < sentence.tokEnd; k++) {
    if (!JOIN_VERBS.has(tokens[k]!.norm)) continue
    const joiners = joinSubjects(ctx, sentence, k)
    if (joiners === null) continue
    const group = joinedGroup(ctx, k, joiners)
    if (!group) continue
    for (const joiner of joiners)
      if (joiner.key !== group.key)
        out.push(
          memberOf(
            joiner,
            group,
            { start: Math.min(joiner.start, group.start), end: Math.max(joiner.end, group.end) },
            "relation.join.v1",
            0.65
          )
        )
  }
}

/**
 * The states listed as taking part in a format's meeting: "under the X platform, a session gathered the ministers of
 * A, B, C", "the envoys of A, B and C ... during the OTS summit" (one coordinated list of three or more states and a
 * word of taking part). A format whose meeting the sentence names after it ("during the X Leaders' Summit", "at the
 * OTS summit") is the one the listed states take part in, rather than another format the sentence names.
 */
const formatMembers: MembershipRule = (ctx, { sentence, mentions, words, formats }, out) => {
  const { tokens } = ctx.doc
  const meetings = mentions.flatMap((m) => meetingOf(ctx, m) ?? [])
  const cued = meetings.find((meeting) => PARTICIPATION.has(tokens[skipBack(ctx, meeting.tokStart)]?.norm ?? ""))
  const taking = cued
    ? [cued]
    : [...formats, ...meetings.filter((meeting) => !formats.some((format) => format.key === meeting.key))]
  if (taking.length === 0 || !words.some((w) => FORMAT_CUES.has(w))) return
  const states = mentions.filter((m) => m.type === "country" && (m.via === "name" || m.via === "demonym"))
  for (const run of coordinatedRuns(tokens, states))
    if (run.length >= 3)
      for (const format of taking)
        for (const state of run)
          if (state.key !== format.key) out.push(memberOf(state, format, sentence, "relation.format-members.v1", 0.55))
}

/** The states (or their leaders) listed after a format's name opening a list, from token x. */
const listedStates = (ctx: RelContext, x: number, sentenceEnd: number): Array<Mention> => {
  const { at, titleAt } = ctx
  const { tokens } = ctx.doc
  const list: Array<Mention> = []
  while (x < sentenceEnd) {
    const mention = at[x]
    const title = titleAt[x]
    if (mention?.type === "country" && (mention.via === "name" || mention.via === "demonym")) {
      if (!list.some((state) => state.key === mention.key)) list.push(mention)
      x = mention.tokEnd
    } else if (mention?.type === "person") x = mention.tokEnd
    else if (title) x += title.length
    // a misspelt or unknown qualifier of a leader's title: "Turkment President X"
    else if (tokens[x]!.cap && titleAt[x + 1]) x++
    else if (LIST_GLUE.has(tokens[x]!.norm)) x++
    else break
  }
  return list
}

/**
 * A format's name followed by a list of its states or their leaders: "the X format: Tajik President P, Uzbek President
 * Q, ...".
 */
const formatLists: MembershipRule = (ctx, { sentence, formats }, out) => {
  const { tokens } = ctx.doc
  for (const format of formats) {
    if (!LIST_OPENERS.has(tokens[format.tokEnd]?.text ?? "")) continue
    const list = listedStates(ctx, format.tokEnd + 1, sentence.tokEnd)
    if (list.length >= 2)
      for (const state of list)
        out.push(
          memberOf(
            state,
            format,
            { start: format.start, end: list[list.length - 1]!.end },
            "relation.format-list.v1",
            0.6
          )
        )
  }
}

/** A state named as a party to a meeting, or a demonym qualifying a title ("the Kazakh president"). */
const meetingParty = (ctx: RelContext, mention: Mention | undefined): mention is Mention =>
  mention !== undefined &&
  mention.type === "country" &&
  (mention.via === "name" || (mention.via === "demonym" && !!ctx.titleAt[mention.tokEnd]))

/** The states after a word of taking part at k ("between", "among") in a meeting of the format. */
const partiesAfter = (ctx: RelContext, format: Mention, k: number, sentenceEnd: number, out: Array<FoundRelation>) => {
  const { at } = ctx
  const { tokens } = ctx.doc
  for (let x = k + 1; x < Math.min(sentenceEnd, k + 12); x++) {
    const mention = at[x]
    if (tokens[x]!.text === ";" || tokens[x]!.text === ".") break
    if (meetingParty(ctx, mention))
      out.push(memberOf(mention, format, { start: format.start, end: mention.end }, "relation.format-meeting.v1", 0.55))
  }
}

/**
 * The states taking part in a meeting of a format: "the German chancellor met ... in the X format", "an X session
 * among the region's states and Korea", "the X dialogue was held ..., between US president X and ...".
 */
const formatMeetings: MembershipRule = (ctx, { sentence, mentions, words, formats }, out) => {
  const { tokens } = ctx.doc
  for (const format of formats) {
    for (let k = sentence.tokStart; k < sentence.tokEnd; k++) {
      const word = tokens[k]!.norm
      const meeting =
        k > format.tokEnd &&
        k - format.tokEnd <= 14 &&
        tokens.slice(format.tokEnd - 1, k).some((t) => MEETING_WORDS.has(t.norm))
      if (PARTICIPANTS_AFTER.has(word) && meeting) partiesAfter(ctx, format, k, sentence.tokEnd, out)
      // the subject of a meeting verb in a sentence that places the meeting in the format
      if (
        MEET_VERBS.has(word) &&
        format.tokStart > k &&
        !words.slice(Math.max(0, k - sentence.tokStart - 4), k - sentence.tokStart).some((w) => UNREAL_JOIN.has(w))
      ) {
        const subject = mentions.find((m) => m.tokEnd <= k && meetingParty(ctx, m))
        if (subject && !tokens.slice(subject.tokEnd, k).some((t) => t.text === "," || t.text === ";"))
          out.push(
            memberOf(subject, format, { start: subject.start, end: format.end }, "relation.format-meeting.v1", 0.55)
          )
      }
    }
  }
}

/**
 * The state leading a group: "the Y Pact, a French-led initiative", "the Turkish-led OTS", "the Beijing-backed bank".
 */
const ledGroups: MembershipRule = (ctx, { mentions }, out) => {
  const { tokens } = ctx.doc
  for (const group of mentions.filter((m) => GROUP_TYPES.has(m.type))) {
    const appositive =
      tokens[group.tokEnd]?.text === "," && ARTICLES.has(tokens[group.tokEnd + 1]?.norm ?? "") ? group.tokEnd + 2 : -1
    const lead =
      (appositive > 0 ? leadAt(ctx, appositive) : null) ??
      [group.tokStart - 1, group.tokStart - 3]
        .map((k) => leadAt(ctx, k))
        .find((l) => l !== null && l.end === group.tokStart)
    if (!lead) continue
    out.push(
      memberOf(
        lead.state,
        group,
        { start: Math.min(lead.state.start, group.start), end: Math.max(tokens[lead.end - 1]!.end, group.end) },
        "relation.led-by.v1",
        0.6
      )
    )
  }
}

/**
 * The states that signed an accord or treaty: "the Y Pact, a deal signed by Chile and ...", "A and B signed the Treaty
 * of ...".
 */
const signatories: MembershipRule = (ctx, { sentence, words, formats }, out) => {
  const { tokens } = ctx.doc
  for (const format of formats) {
    for (let k = format.tokEnd; k < Math.min(sentence.tokEnd, format.tokEnd + 10); k++) {
      if (tokens[k]!.norm !== "signed" || !["by", "between", "among"].includes(tokens[k + 1]?.norm ?? "")) continue
      for (const state of coordinatedFrom(ctx, k + 2))
        out.push(memberOf(state, format, { start: format.start, end: state.end }, "relation.signed-by.v1", 0.6))
      break
    }
    const verb = ARTICLES.has(tokens[format.tokStart - 1]?.norm ?? "") ? format.tokStart - 2 : format.tokStart - 1
    if (
      tokens[verb]?.norm !== "signed" ||
      words.slice(Math.max(0, verb - sentence.tokStart - 4), verb - sentence.tokStart).some((w) => UNREAL_JOIN.has(w))
    )
      continue
    let e = verb
    while (e > sentence.tokStart && AUXILIARIES.has(tokens[e - 1]!.norm)) e--
    for (const state of coordinatedBefore(ctx, e))
      out.push(memberOf(state, format, { start: state.start, end: format.end }, "relation.signed-by.v1", 0.6))
  }
}

/** The state that owns an initiative: "the EU's Global Gateway", "Brussels ... via its Global Gateway". */
const initiativeOwners: MembershipRule = (ctx, { mentions, formats }, out) => {
  const { at } = ctx
  const { tokens } = ctx.doc
  for (const format of formats) {
    const before = tokens[format.tokStart - 1]?.norm
    let owner: Mention | undefined
    if (before === "'s") owner = at[format.tokStart - 2]
    else if (before === "its")
      owner = [...mentions]
        .reverse()
        .find(
          (m) =>
            m.tokEnd < format.tokStart - 1 && (m.type === "country" || m.type === "organization") && m.via !== "demonym"
        )
    if (
      owner &&
      owner.via !== "demonym" &&
      (owner.type === "country" || (owner.type === "organization" && /\bUnion\b/.test(owner.gaz?.name ?? "")))
    )
      out.push(
        memberOf(
          owner,
          format,
          { start: Math.min(owner.start, format.start), end: format.end },
          "relation.initiative-owner.v1",
          0.6
        )
      )
  }
}

/** The membership rules, tried on each sentence in this order (the order of the rows). */
const MEMBERSHIP_RULES: ReadonlyArray<MembershipRule> = [
  joinedGroups,
  formatMembers,
  formatLists,
  formatMeetings,
  ledGroups,
  signatories,
  initiativeOwners
]

/** Find member_of relations (joining, format participants, owners of an initiative). */
export const membershipRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const out: Array<FoundRelation> = []
  for (const [si, sentence] of doc.sentences.entries()) {
    const mentions = ctx.perSentence[si]!
    // every rule here needs a group, format or named meeting in the sentence
    if (!mentions.some((m) => GROUP_TYPES.has(m.type) || m.type === "named_event")) continue
    const scope: SentenceScope = {
      sentence,
      mentions,
      words: doc.tokens.slice(sentence.tokStart, sentence.tokEnd).map((t) => t.norm),
      formats: mentions.filter((m) => m.type === "initiative")
    }
    for (const rule of MEMBERSHIP_RULES) rule(ctx, scope, out)
  }
  return out
}
