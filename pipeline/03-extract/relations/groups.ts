/**
 * Relations of a group of states named by number and region: "Korea and the five Central Asian
 * republics deepen cooperation" (each state a partner of Korea), "the EU and the five Central Asian
 * states, working within the Global Gateway" (each a member), "ties between Iran and the two South
 * Caucasus nations"; and of a counted group without a region ("both countries signed the charter"). The group
 * stands for the region's states when the number is the gazetteer's count of them, else for the
 * region's states the article has named when there are exactly that many; only then does the
 * phrase itself state that they are part of the region.
 */
import type { Mention } from "../entities.js"
import { type FoundRelation, isRegion, type RelContext } from "./context.js"
import { PARTNER_CUES, UNREAL } from "./partners.js"

const NUMBERS = new Map([
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["both", 2]
])
/** Plural nouns for states that a number counts. */
const GROUP_NOUNS = new Set(["countries", "nations", "states", "republics", "economies"])
/** Cues that a group takes part in an initiative named in the same clause. */
const MEMBER_CUES = new Set([
  "through",
  "under",
  "within",
  "signing",
  "signed",
  "sign",
  "joined",
  "join",
  "format",
  "platform"
])
const HOLDER_TYPES = new Set(["country", "organization"])

interface Group {
  readonly region: Mention
  readonly members: ReadonlyArray<Mention>
  /** The members come from the article's own mentions (the text states they are in the region). */
  readonly fromText: boolean
  readonly tokStart: number
  readonly tokEnd: number
}

/** Find "the N <region> states" phrases and the states they stand for. */
const findGroups = (ctx: RelContext): Array<Group> => {
  const { doc, mentions } = ctx
  const { tokens } = doc
  const out: Array<Group> = []
  for (const r of mentions) {
    if (!isRegion(ctx, r) || r.via === "metonym" || !GROUP_NOUNS.has(tokens[r.tokEnd]?.norm ?? "")) continue
    const n = NUMBERS.get(tokens[r.tokStart - 1]?.norm ?? "") ?? Number.parseInt(tokens[r.tokStart - 1]?.text ?? "", 10)
    if (!Number.isFinite(n)) continue
    const regionId = r.gaz!.id
    const named = new Map<string, Mention>()
    for (const m of mentions)
      if (m.type === "country" && m.via !== "metonym" && m.gaz?.partOf.includes(regionId) && !named.has(m.key))
        named.set(m.key, m)
    const all = ctx.membersOf.get(regionId) ?? []
    let members: Array<Mention> = []
    let fromText = false
    if (all.length === n) members = all.map((e) => named.get(`gaz:${e.id}`)).filter((m): m is Mention => !!m)
    else if (named.size === n) {
      members = [...named.values()]
      fromText = true
    }
    if (members.length > 0)
      out.push({
        region: r,
        members,
        fromText,
        tokStart: r.tokStart - 1 - (tokens[r.tokStart - 2]?.norm === "the" ? 1 : 0),
        tokEnd: r.tokEnd + 1
      })
  }
  return out
}

/** Relations stated of a numbered group of a region's states. */
export const groupRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const g of findGroups(ctx)) {
    const s = doc.sentences[doc.sentenceOf[g.region.tokStart]!]!
    const sp = { start: s.start, end: s.end }
    if (g.fromText)
      for (const c of g.members)
        out.push({
          predicate: "part_of",
          subject: c,
          object: g.region,
          role: null,
          start: g.region.start,
          end: tokens[g.tokEnd - 1]!.end,
          method: "relation.region-group.v1",
          confidence: 0.6
        })
    // the state or union coordinated with the group: "X and the five ...", "the five ... and X"
    const before = tokens[g.tokStart - 1]?.norm === "and" ? at[g.tokStart - 2] : undefined
    const after =
      tokens[g.tokEnd]?.norm === "and" ? at[g.tokEnd + (tokens[g.tokEnd + 1]?.norm === "the" ? 2 : 1)] : undefined
    const other = [before, after].find(
      (m) => !!m && HOLDER_TYPES.has(m.type) && m.via !== "demonym" && !isRegion(ctx, m)
    )
    if (!other) continue
    // a partnership cue in the group's sentence, with nothing hypothetical between it and the group
    const from = Math.min(g.tokStart, other.tokStart)
    const cues: Array<number> = []
    for (let k = s.tokStart; k < s.tokEnd; k++)
      if (PARTNER_CUES.has(tokens[k]!.norm) || tokens[k]!.norm === "signing" || tokens[k]!.norm === "signed")
        cues.push(k)
    const to = Math.max(g.tokEnd, other.tokEnd)
    // (in the group's own clause: not "..., which opened a new page in relations between Korea and the region")
    const cue = cues.find(
      (k) =>
        !tokens
          .slice(Math.min(k, from), Math.max(k + 1, to))
          .some((t) => UNREAL.has(t.norm) || t.text === "," || t.text === ";")
    )
    if (cue !== undefined)
      for (const c of g.members)
        if (c.key !== other.key)
          out.push({
            predicate: "partner_of",
            subject: c,
            object: other,
            role: null,
            ...sp,
            method: "relation.group-partner.v1",
            confidence: 0.55
          })
    // initiatives the group takes part in, in the same sentence after the group
    const inits = ctx.perSentence[doc.sentenceOf[g.region.tokStart]!]!.filter(
      (m) => m.type === "initiative" && m.tokStart > g.tokEnd
    )
    for (const f of inits) {
      // the cue right before the initiative: "through the Global Gateway", "within the Middle Corridor"
      let c = f.tokStart - 1
      while (c > g.tokEnd && ["the", "a", "its", "their"].includes(tokens[c]!.norm)) c--
      if (!MEMBER_CUES.has(tokens[c]?.norm ?? "")) continue
      for (const c of [other, ...g.members])
        out.push({
          predicate: "member_of",
          subject: c,
          object: f,
          role: null,
          ...sp,
          method: "relation.group-member.v1",
          confidence: 0.55
        })
    }
  }
  return out
}

/** Words that open a statement of partnership of a counted group ("closer ties between the two neighbours"). */
const PARTNERSHIP_OF = new Set([
  "partnership",
  "relations",
  "ties",
  "cooperation",
  "agreement",
  "treaty",
  "alliance",
  "friendship",
  "relationship"
])
/** Documents a counted group signs with one another ("the two countries signed a memorandum"). */
const SIGNED_DOCS = new Set([
  "agreement",
  "agreements",
  "treaty",
  "memorandum",
  "deal",
  "deals",
  "accord",
  "declaration",
  "roadmap",
  "protocol",
  "pact",
  "charter",
  "statement"
])

/**
 * The states a counted group without a region stands for ("the three states", "both countries", "the two
 * nations"): the distinct states named before it in its sentence and the one before (or the one before that),
 * when there are exactly that many.
 */
const countedStates = (ctx: RelContext, k: number, n: number): Array<Mention> | null => {
  const { doc } = ctx
  const si = doc.sentenceOf[k]!
  const named = (from: number) => {
    const out: Array<Mention> = []
    for (let x = si; x >= from; x--)
      for (const m of [...ctx.perSentence[x]!].reverse())
        if (
          m.type === "country" &&
          m.via !== "metonym" &&
          (x < si || m.tokEnd <= k) &&
          !out.some((o) => o.key === m.key)
        )
          out.push(m)
    return out
  }
  for (const back of [1, 2]) {
    const states = named(Math.max(0, si - back))
    if (states.length === n) return states.reverse()
    if (states.length > n) return null
  }
  return null
}

/**
 * partner_of and member_of stated of a counted group: "friendship of the three nations", "both countries signed the
 * charter".
 */
export const countedGroupRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 1; k < tokens.length; k++) {
    const noun = tokens[k]!.norm
    if (!GROUP_NOUNS.has(noun)) continue
    const num = NUMBERS.get(tokens[k - 1]!.norm)
    // "the three states", "both countries" (not "the four Gulf states": a region's group is read above)
    if (
      num === undefined ||
      (tokens[k - 1]!.norm !== "both" && tokens[k - 2]?.norm !== "the" && tokens[k - 2]?.norm !== "all")
    )
      continue
    const start = tokens[k - 1]!.norm === "both" ? k - 1 : k - 2
    const states = countedStates(ctx, start, num)
    if (!states) continue
    const span = { start: tokens[start]!.start, end: tokens[k]!.end }
    const pairs = (a: number, b: number) => {
      for (let i = 0; i < states.length; i++)
        for (let j = i + 1; j < states.length; j++)
          out.push({
            predicate: "partner_of",
            subject: states[i]!,
            object: states[j]!,
            role: null,
            start: tokens[a]!.start,
            end: tokens[b]!.end,
            method: "relation.counted-group.v1",
            confidence: 0.55
          })
    }
    // "the alliance of / between the two nations"
    const p = start - 1
    if ((tokens[p]?.norm === "of" || tokens[p]?.norm === "between") && PARTNERSHIP_OF.has(tokens[p - 1]?.norm ?? "")) {
      pairs(p - 1, k)
      continue
    }
    // "the two countries (have) signed an agreement / the Treaty of X / joined the Y"
    let v = k + 1
    while (["have", "had", "also", "jointly", "formally", "officially", "then"].includes(tokens[v]?.norm ?? "")) v++
    if (!["signed", "joined", "adopted", "concluded"].includes(tokens[v]?.norm ?? "")) continue
    let x = v + 1
    while (
      x < v + 5 &&
      (tokens[x]?.norm === "the" ||
        tokens[x]?.norm === "a" ||
        tokens[x]?.norm === "an" ||
        (tokens[x]?.kind === "word" && !tokens[x]!.cap && !SIGNED_DOCS.has(tokens[x]!.norm)))
    )
      x++
    const f = at[x]
    if (f && (f.type === "initiative" || f.type === "organization") && f.tokStart === x)
      for (const c of states)
        out.push({
          predicate: "member_of",
          subject: c,
          object: f,
          role: null,
          start: span.start,
          end: f.end,
          method: "relation.counted-group.v1",
          confidence: 0.55
        })
    else if (SIGNED_DOCS.has(tokens[x]?.norm ?? "") && tokens[v]!.norm !== "joined") pairs(start, x)
  }
  return out
}
