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
/** Words that make "join" hypothetical, wished or denied rather than membership ("will join" is stated, "may join" is not). */
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

/** States in runs coordinated by commas, "and" and "the" ("Mongolia, the Slovak Republic, and Chile"), distinct per run. */
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

/** Find member_of relations (joining, format participants, owners of an initiative). */
export const membershipRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  // the states coordinated from token x on: "Peru and several ...", "Chile, Peru and Bolivia"
  const coordinated = (x: number): Array<Mention> => {
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
  // the states coordinated before token e: "Kazakhstan, Uzbekistan and Tajikistan (signed)"
  const coordinatedBefore = (e: number): Array<Mention> => {
    const list: Array<Mention> = []
    while (at[e - 1]?.type === "country" && at[e - 1]!.via !== "demonym") {
      const m = at[e - 1]!
      list.push(m)
      e = m.tokStart
      if (tokens[e - 1]?.norm === "the") e--
      if (tokens[e - 1]?.norm === "and") e--
      if (tokens[e - 1]?.text === ",") e--
      if (tokens[e - 1]?.norm === "the") e--
    }
    return list
  }
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    // every rule here needs a group, format or named meeting in the sentence
    if (!ms.some((m) => GROUP_TYPES.has(m.type) || m.type === "named_event")) continue
    const words = tokens.slice(s.tokStart, s.tokEnd).map((t) => t.norm)
    const sp = { start: s.start, end: s.end }

    // "X (has / will) join(ed) (the) Y", "X acceded to Y", "X is the first country to join Y", "Y, which X joined in 2001"
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      if (!JOIN_VERBS.has(tokens[k]!.norm)) continue
      // the group right after the verb ("joined Macron's 'Paris Club'", "acceded to the WTO")
      let x = skipArticles(ctx, tokens[k + 1]?.norm === "to" ? k + 2 : k + 1)
      if (at[x] && tokens[at[x]!.tokEnd]?.norm === "'s") x = skipArticles(ctx, at[x]!.tokEnd + 1)
      let group = at[x]?.tokStart === x && GROUP_TYPES.has(at[x]!.type) ? at[x] : undefined
      // the verb's subject, before its auxiliaries and adverbs; nothing modal, negated or merely planned
      let b = k - 1
      while (b > s.tokStart && JOIN_AUX.has(tokens[b]!.norm)) b--
      if (tokens.slice(b + 1, k).some((t) => UNREAL_JOIN.has(t.norm)) || UNREAL_JOIN.has(tokens[b]!.norm)) continue
      let joiners = subjectBefore(ctx, b + 1)
      // "X is the first country to join Y": the subject of the copula before "the first ... to"
      if (joiners.length === 0 && tokens[k - 1]?.norm === "to") {
        const cop = Math.max(
          ...["is", "was", "became", "becomes"].map((w) =>
            tokens
              .slice(s.tokStart, k)
              .map((t) => t.norm)
              .lastIndexOf(w)
          )
        )
        if (
          cop >= 0 &&
          k - (s.tokStart + cop) <= 10 &&
          tokens.slice(s.tokStart + cop + 1, k).some((t) => ORDINALS.has(t.norm))
        )
          joiners = subjectBefore(ctx, s.tokStart + cop)
      }
      // "Y, which X (has) joined": the group before the relative pronoun
      if (!group && joiners.length > 0) {
        const r = joiners[0]!.tokStart - 1
        if ((tokens[r]?.norm === "which" || tokens[r]?.norm === "that") && tokens[r - 1]?.text === ",")
          group = at[r - 2] && GROUP_TYPES.has(at[r - 2]!.type) ? at[r - 2] : undefined
      }
      if (!group) continue
      for (const j of joiners)
        if (j.key !== group.key)
          out.push({
            predicate: "member_of",
            subject: j,
            object: group,
            role: null,
            start: Math.min(j.start, group.start),
            end: Math.max(j.end, group.end),
            method: "relation.join.v1",
            confidence: 0.65
          })
    }

    // the states listed as taking part in a format's meeting: "under the X platform, a session gathered the
    // ministers of A, B, C", "the envoys of A, B and C ... during the OTS summit" (one coordinated
    // list of three or more states and a word of taking part)
    const formats = ms.filter((m) => m.type === "initiative")
    // a format whose meeting the sentence names after it ("during the X Leaders' Summit", "at the OTS summit")
    // is the one the listed states take part in, rather than another format the sentence names
    const meetings = ms.flatMap((m) => meetingOf(ctx, m) ?? [])
    const cued = meetings.find((f) => PARTICIPATION.has(tokens[skipBack(ctx, f.tokStart)]?.norm ?? ""))
    const taking = cued ? [cued] : [...formats, ...meetings.filter((f) => !formats.some((x) => x.key === f.key))]
    if (taking.length > 0 && words.some((w) => FORMAT_CUES.has(w)))
      for (const run of coordinatedRuns(
        tokens,
        ms.filter((c) => c.type === "country" && (c.via === "name" || c.via === "demonym"))
      ))
        if (run.length >= 3)
          for (const f of taking)
            for (const c of run)
              if (c.key !== f.key)
                out.push({
                  predicate: "member_of",
                  subject: c,
                  object: f,
                  role: null,
                  ...sp,
                  method: "relation.format-members.v1",
                  confidence: 0.55
                })

    // a format's name followed by a list of its states or their leaders: "the X format: Tajik President P, Uzbek President Q, ..."
    for (const f of formats) {
      if (!LIST_OPENERS.has(tokens[f.tokEnd]?.text ?? "")) continue
      const list: Array<Mention> = []
      let x = f.tokEnd + 1
      while (x < s.tokEnd) {
        const m = at[x]
        const t = ctx.titleAt[x]
        if (m?.type === "country" && (m.via === "name" || m.via === "demonym")) {
          if (!list.some((c) => c.key === m.key)) list.push(m)
          x = m.tokEnd
        } else if (m?.type === "person") x = m.tokEnd
        else if (t) x += t.length
        // a misspelt or unknown qualifier of a leader's title: "Turkment President X"
        else if (tokens[x]!.cap && ctx.titleAt[x + 1]) x++
        else if (LIST_GLUE.has(tokens[x]!.norm)) x++
        else break
      }
      if (list.length >= 2)
        for (const c of list)
          out.push({
            predicate: "member_of",
            subject: c,
            object: f,
            role: null,
            start: f.start,
            end: list[list.length - 1]!.end,
            method: "relation.format-list.v1",
            confidence: 0.6
          })
    }

    // the states taking part in a meeting of a format: "the German chancellor met ... in the X
    // format", "an X session among the region's states and Korea", "the X dialogue was held ...,
    // between US president X and ..."
    for (const f of formats) {
      for (let k = s.tokStart; k < s.tokEnd; k++) {
        const w = tokens[k]!.norm
        const meeting =
          k > f.tokEnd && k - f.tokEnd <= 14 && tokens.slice(f.tokEnd - 1, k).some((t) => MEETING_WORDS.has(t.norm))
        if (PARTICIPANTS_AFTER.has(w) && meeting) {
          for (let x = k + 1; x < Math.min(s.tokEnd, k + 12); x++) {
            const m = at[x]
            if (tokens[x]!.text === ";" || tokens[x]!.text === ".") break
            if (m && m.type === "country" && (m.via === "name" || (m.via === "demonym" && ctx.titleAt[m.tokEnd])))
              out.push({
                predicate: "member_of",
                subject: m,
                object: f,
                role: null,
                start: f.start,
                end: m.end,
                method: "relation.format-meeting.v1",
                confidence: 0.55
              })
          }
        }
        // the subject of a meeting verb in a sentence that places the meeting in the format
        if (
          MEET_VERBS.has(w) &&
          f.tokStart > k &&
          !words.slice(Math.max(0, k - s.tokStart - 4), k - s.tokStart).some((x) => UNREAL_JOIN.has(x))
        ) {
          const subj = ms.find(
            (m) =>
              m.tokEnd <= k &&
              m.type === "country" &&
              (m.via === "name" || (m.via === "demonym" && ctx.titleAt[m.tokEnd]))
          )
          if (subj && !tokens.slice(subj.tokEnd, k).some((t) => t.text === "," || t.text === ";"))
            out.push({
              predicate: "member_of",
              subject: subj,
              object: f,
              role: null,
              start: subj.start,
              end: f.end,
              method: "relation.format-meeting.v1",
              confidence: 0.55
            })
        }
      }
    }

    // the state leading a group: "the Y Pact, a French-led initiative", "the Turkish-led OTS", "the Beijing-backed bank"
    for (const g of ms.filter((m) => GROUP_TYPES.has(m.type))) {
      const a = tokens[g.tokEnd]?.text === "," && ARTICLES.has(tokens[g.tokEnd + 1]?.norm ?? "") ? g.tokEnd + 2 : -1
      const lead =
        (a > 0 ? leadAt(ctx, a) : null) ??
        [g.tokStart - 1, g.tokStart - 3].map((k) => leadAt(ctx, k)).find((l) => l !== null && l.end === g.tokStart)
      if (!lead) continue
      out.push({
        predicate: "member_of",
        subject: lead.state,
        object: g,
        role: null,
        start: Math.min(lead.state.start, g.start),
        end: Math.max(tokens[lead.end - 1]!.end, g.end),
        method: "relation.led-by.v1",
        confidence: 0.6
      })
    }

    // the states that signed an accord or treaty: "the Y Pact, a deal signed by Chile and ...", "A and B signed the Treaty of ..."
    for (const f of formats) {
      for (let k = f.tokEnd; k < Math.min(s.tokEnd, f.tokEnd + 10); k++) {
        if (tokens[k]!.norm !== "signed" || !["by", "between", "among"].includes(tokens[k + 1]?.norm ?? "")) continue
        for (const c of coordinated(k + 2))
          out.push({
            predicate: "member_of",
            subject: c,
            object: f,
            role: null,
            start: f.start,
            end: c.end,
            method: "relation.signed-by.v1",
            confidence: 0.6
          })
        break
      }
      const v = ARTICLES.has(tokens[f.tokStart - 1]?.norm ?? "") ? f.tokStart - 2 : f.tokStart - 1
      if (
        tokens[v]?.norm !== "signed" ||
        words.slice(Math.max(0, v - s.tokStart - 4), v - s.tokStart).some((w) => UNREAL_JOIN.has(w))
      )
        continue
      let e = v
      while (e > s.tokStart && AUXILIARIES.has(tokens[e - 1]!.norm)) e--
      for (const c of coordinatedBefore(e))
        out.push({
          predicate: "member_of",
          subject: c,
          object: f,
          role: null,
          start: c.start,
          end: f.end,
          method: "relation.signed-by.v1",
          confidence: 0.6
        })
    }

    // the state that owns an initiative: "the EU's Global Gateway", "Brussels ... via its Global Gateway"
    for (const f of formats) {
      const p = tokens[f.tokStart - 1]?.norm
      let owner: Mention | undefined
      if (p === "'s") owner = at[f.tokStart - 2]
      else if (p === "its")
        owner = [...ms]
          .reverse()
          .find(
            (m) =>
              m.tokEnd < f.tokStart - 1 && (m.type === "country" || m.type === "organization") && m.via !== "demonym"
          )
      if (
        owner &&
        owner.via !== "demonym" &&
        (owner.type === "country" || (owner.type === "organization" && /\bUnion\b/.test(owner.gaz?.name ?? "")))
      )
        out.push({
          predicate: "member_of",
          subject: owner,
          object: f,
          role: null,
          start: Math.min(owner.start, f.start),
          end: f.end,
          method: "relation.initiative-owner.v1",
          confidence: 0.6
        })
    }
  }
  return out
}
