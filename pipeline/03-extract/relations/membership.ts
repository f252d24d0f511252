/**
 * member_of: joining ("X joined / has joined the Y", "X, a member of Y"), the states a format
 * brings together ("held under the C5+1 format, brought together the presidents of A, B, C",
 * "the C5+1 -- Kazakh President X, Kyrgyz President Y, ..."), and the owner of an initiative
 * ("China's Belt and Road Initiative", "Beijing ... through its Belt and Road Initiative").
 */
import type { Mention } from "../entities.js"
import { uniqByKey, type FoundRelation, type RelContext } from "./context.js"

/** Words that say a state or person joins or belongs to a group. */
const JOIN_WORDS = new Set(["joined", "joins", "join", "member", "members", "entered", "accession"])
/** Words that make "join" hypothetical or future rather than membership. */
const UNREAL_JOIN = new Set(["will", "would", "may", "might", "could", "plans", "plan", "planned", "expected", "intends", "set", "aims", "seeks", "wants", "not", "never", "considering"])
/** Words that start a clause whose subject is not the subject before it ("Trump said that X joined"). */
const CLAUSE_OPENERS = new Set(["that", "which", "who", "whom", "after", "when", "because", "while", "as"])
/** Words that say states take part in a format. */
const FORMAT_CUES = new Set(["format", "platform", "mechanism", "members", "brought", "attended", "attend", "participants", "between", "under"])
/** Tokens that open a list of participants right after a format's name. */
const LIST_OPENERS = new Set(["-", "--", "—", "–", ":", "("])
/** Tokens allowed between the items of such a list. */
const LIST_GLUE = new Set([",", "and", "the", "-", "--"])
const GROUP_TYPES = new Set(["initiative", "organization"])
const ARTICLES = new Set(["a", "an", "the"])
/** Words between the signers and "signed": "have jointly signed". */
const AUXILIARIES = new Set(["have", "has", "had", "jointly", "also", "formally", "officially", "finally", "all"])
/** Words after which a format meeting's participants are named ("a C5+1 summit involving A and B"). */
const PARTICIPANTS_AFTER = new Set(["involving", "between", "among", "bringing"])
/** Words that make a format's mention a meeting of it ("C5+1 summit", "the C5+1 took place"). */
const MEETING_WORDS = new Set(["summit", "meeting", "talks", "took", "session", "format", "dialogue", "conference"])
/** Verbs whose subject meets in a format named later in the sentence. */
const MEET_VERBS = new Set(["met", "meets", "held", "holds", "hosted", "hosts", "convened", "attended"])
/** Nouns of a place in a group: "X is the leader of / a member of / a founding member of Y". */
const ROLE_NOUNS = new Set(["member", "leader", "founder", "part", "participant", "signatory", "party"])
const ADVERBS = new Set(["also", "now", "already", "still", "a", "an", "the"])
/** Participles after "X-": the state leads the group. */
const LED = new Set(["led", "backed", "sponsored", "founded"])

/** Find member_of relations (joining, format participants, owners of an initiative). */
export const membershipRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens, lex } = doc
  const out: Array<FoundRelation> = []
  // the states coordinated from token x on: "Israel and several ...", "Kazakhstan, Uzbekistan and Tajikistan"
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
    const words = tokens.slice(s.tokStart, s.tokEnd).map((t) => t.norm)
    const sp = { start: s.start, end: s.end }

    // "X joined / will join / has joined the Y", "X, a member of Y"; "is expected to join" is not membership
    const joinAt = words.findIndex((w) => JOIN_WORDS.has(w))
    const unreal = joinAt >= 0 && words.slice(Math.max(0, joinAt - 4), joinAt).some((w) => UNREAL_JOIN.has(w))
    if (joinAt >= 0 && !unreal) {
      const k = s.tokStart + joinAt
      // the joiners stand in the clause of the join word: after the last "that" / "who" before it
      let from = s.tokStart
      for (let x = k - 1; x >= s.tokStart; x--) if (CLAUSE_OPENERS.has(tokens[x]!.norm)) { from = x + 1; break }
      const groups = ms.filter((m) => GROUP_TYPES.has(m.type))
      // a state named by its demonym joins through its leader: "Uzbek president X has joined"
      const joiner = (m: Mention) => m.type === "person" || (m.type === "country" && (m.via !== "demonym" || !!lex.titles.longest(tokens, m.tokEnd)))
      const joiners = ms.filter((m) => m.tokStart >= from && joiner(m))
      for (const g of groups)
        for (const j of joiners) {
          // the owner of the group is not a joiner: "joined Trump's Board of Peace"
          const owner = tokens[j.tokEnd]?.norm === "'s" && j.tokEnd + 1 === g.tokStart
          if (j.tokStart < g.tokStart && !owner) out.push({ predicate: "member_of", subject: j, object: g, role: null, ...sp, method: "relation.join.v1", confidence: 0.65 })
        }
    }

    // the states listed as taking part in a format: "the summit, held under the C5+1 format, brought
    // together the presidents of A, B, C"
    const formats = ms.filter((m) => m.type === "initiative")
    const listed = uniqByKey(ms.filter((c) => c.type === "country" && (c.via === "name" || c.via === "demonym")))
    if (formats.length > 0 && listed.length >= 3 && words.some((w) => FORMAT_CUES.has(w)))
      for (const f of formats) for (const c of listed) out.push({ predicate: "member_of", subject: c, object: f, role: null, ...sp, method: "relation.format-members.v1", confidence: 0.55 })

    // a format's name followed by a list of its states or their leaders: "the C5+1 -- Kazakh President X, Kyrgyz President Y, ..."
    for (const f of formats) {
      if (!LIST_OPENERS.has(tokens[f.tokEnd]?.text ?? "")) continue
      const list: Array<Mention> = []
      let x = f.tokEnd + 1
      while (x < s.tokEnd) {
        const m = at[x]
        const t = lex.titles.longest(tokens, x)
        if (m?.type === "country" && (m.via === "name" || m.via === "demonym")) {
          if (!list.some((c) => c.key === m.key)) list.push(m)
          x = m.tokEnd
        } else if (m?.type === "person") x = m.tokEnd
        else if (t) x += t.length
        // a misspelt or unknown qualifier of a leader's title: "Turkment President X"
        else if (tokens[x]!.cap && lex.titles.longest(tokens, x + 1)) x++
        else if (LIST_GLUE.has(tokens[x]!.norm)) x++
        else break
      }
      if (list.length >= 2) for (const c of list) out.push({ predicate: "member_of", subject: c, object: f, role: null, start: f.start, end: list[list.length - 1]!.end, method: "relation.format-list.v1", confidence: 0.6 })
    }

    // the states taking part in a meeting of a format: "U.S. President X held a meeting ... in the C5+1
    // format", "a C5+1 summit bringing together Central Asian states and the U.S.", "the C5+1 took place ...,
    // between US president X and ..."
    for (const f of formats) {
      for (let k = s.tokStart; k < s.tokEnd; k++) {
        const w = tokens[k]!.norm
        const meeting = k > f.tokEnd && k - f.tokEnd <= 14 && tokens.slice(f.tokEnd - 1, k).some((t) => MEETING_WORDS.has(t.norm))
        if (PARTICIPANTS_AFTER.has(w) && meeting) {
          for (let x = k + 1; x < Math.min(s.tokEnd, k + 12); x++) {
            const m = at[x]
            if (tokens[x]!.text === ";" || tokens[x]!.text === "." ) break
            if (m && m.type === "country" && (m.via === "name" || (m.via === "demonym" && lex.titles.longest(tokens, m.tokEnd))))
              out.push({ predicate: "member_of", subject: m, object: f, role: null, start: f.start, end: m.end, method: "relation.format-meeting.v1", confidence: 0.55 })
          }
        }
        // the subject of a meeting verb in a sentence that places the meeting in the format
        if (MEET_VERBS.has(w) && f.tokStart > k && !words.slice(Math.max(0, k - s.tokStart - 4), k - s.tokStart).some((x) => UNREAL_JOIN.has(x))) {
          const subj = ms.find((m) => m.tokEnd <= k && m.type === "country" && (m.via === "name" || (m.via === "demonym" && lex.titles.longest(tokens, m.tokEnd))))
          if (subj && !tokens.slice(subj.tokEnd, k).some((t) => t.text === "," || t.text === ";")) out.push({ predicate: "member_of", subject: subj, object: f, role: null, start: subj.start, end: f.end, method: "relation.format-meeting.v1", confidence: 0.55 })
        }
      }
    }

    // "X is (also) the leader of / a founding member of the Y"
    for (const g of ms.filter((m) => GROUP_TYPES.has(m.type))) {
      if (tokens[g.tokStart - 1]?.norm !== "of" && !(tokens[g.tokStart - 1]?.norm === "the" && tokens[g.tokStart - 2]?.norm === "of")) continue
      const of = tokens[g.tokStart - 1]!.norm === "of" ? g.tokStart - 1 : g.tokStart - 2
      if (!ROLE_NOUNS.has(tokens[of - 1]?.norm ?? "")) continue
      let k = of - 2
      while (k > s.tokStart && (ARTICLES.has(tokens[k]!.norm) || ADVERBS.has(tokens[k]!.norm) || tokens[k]!.norm === "founding")) k--
      const c = at[k - 1]
      if (tokens[k]?.norm === "is" && c?.type === "country" && c.via !== "demonym")
        out.push({ predicate: "member_of", subject: c, object: g, role: null, start: c.start, end: g.end, method: "relation.copula-member.v1", confidence: 0.65 })
    }

    // the state leading a group: "the Abraham Accords, a U.S.-led initiative", "the Russian-led CSTO"
    for (const g of ms.filter((m) => GROUP_TYPES.has(m.type))) {
      const a = ARTICLES.has(tokens[g.tokEnd + 1]?.norm ?? "") ? g.tokEnd + 2 : -1
      const lead = tokens[g.tokEnd]?.text === "," && a > 0 ? at[a] : at[g.tokStart - 3]
      if (!lead || lead.type !== "country" || tokens[lead.tokEnd]?.text !== "-" || !LED.has(tokens[lead.tokEnd + 1]?.norm ?? "")) continue
      if (lead.tokStart < g.tokStart && lead.tokEnd + 2 !== g.tokStart) continue
      out.push({ predicate: "member_of", subject: lead, object: g, role: null, start: Math.min(lead.start, g.start), end: Math.max(lead.end, g.end, tokens[lead.tokEnd + 1]!.end), method: "relation.led-by.v1", confidence: 0.6 })
    }

    // the states that signed an accord or treaty: "the X Accords are agreements signed between Israel and ...", "A and B signed the Treaty of ..."
    for (const f of formats) {
      for (let k = f.tokEnd; k < Math.min(s.tokEnd, f.tokEnd + 10); k++) {
        if (tokens[k]!.norm !== "signed" || !["by", "between", "among"].includes(tokens[k + 1]?.norm ?? "")) continue
        for (const c of coordinated(k + 2)) out.push({ predicate: "member_of", subject: c, object: f, role: null, start: f.start, end: c.end, method: "relation.signed-by.v1", confidence: 0.6 })
        break
      }
      const v = ARTICLES.has(tokens[f.tokStart - 1]?.norm ?? "") ? f.tokStart - 2 : f.tokStart - 1
      if (tokens[v]?.norm !== "signed" || words.slice(Math.max(0, v - s.tokStart - 4), v - s.tokStart).some((w) => UNREAL_JOIN.has(w))) continue
      let e = v
      while (e > s.tokStart && AUXILIARIES.has(tokens[e - 1]!.norm)) e--
      for (const c of coordinatedBefore(e)) out.push({ predicate: "member_of", subject: c, object: f, role: null, start: c.start, end: f.end, method: "relation.signed-by.v1", confidence: 0.6 })
    }

    // the state that owns an initiative: "China's Belt and Road Initiative", "Beijing ... through its Belt and Road Initiative"
    for (const f of formats) {
      const p = tokens[f.tokStart - 1]?.norm
      let owner: Mention | undefined
      if (p === "'s") owner = at[f.tokStart - 2]
      else if (p === "its") owner = [...ms].reverse().find((m) => m.tokEnd < f.tokStart - 1 && m.type === "country" && m.via !== "demonym")
      if (owner?.type === "country" && owner.via !== "demonym")
        out.push({ predicate: "member_of", subject: owner, object: f, role: null, start: Math.min(owner.start, f.start), end: f.end, method: "relation.initiative-owner.v1", confidence: 0.6 })
    }
  }
  return out
}
