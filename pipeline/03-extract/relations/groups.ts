/**
 * Relations of a group of states named by number and region: "the United States and the five
 * Central Asian nations ... cooperation" (each state a partner of the United States), "China and
 * the five Central Asian nations adopting the Charter ..., through the Belt and Road Initiative"
 * (each a member), "between the United States and the two Central Asian countries". The group
 * stands for the region's states when the number is the gazetteer's count of them, else for the
 * region's states the article has named when there are exactly that many; only then does the
 * phrase itself state that they are part of the region.
 */
import type { Mention } from "../entities.js"
import { PARTNER_CUES, UNREAL } from "./partners.js"
import { isRegion, type FoundRelation, type RelContext } from "./context.js"

const NUMBERS = new Map([["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6], ["seven", 7], ["eight", 8], ["nine", 9], ["ten", 10], ["both", 2]])
/** Plural nouns for states that a number counts. */
const GROUP_NOUNS = new Set(["countries", "nations", "states", "republics", "economies"])
/** Cues that a group takes part in an initiative named in the same clause. */
const MEMBER_CUES = new Set(["through", "under", "within", "signing", "signed", "sign", "joined", "join", "format", "platform"])
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
    for (const m of mentions) if (m.type === "country" && m.via !== "metonym" && m.gaz?.partOf.includes(regionId) && !named.has(m.key)) named.set(m.key, m)
    const all = ctx.membersOf.get(regionId) ?? []
    let members: Array<Mention> = []
    let fromText = false
    if (all.length === n) members = all.map((e) => named.get(`gaz:${e.id}`)).filter((m): m is Mention => !!m)
    else if (named.size === n) {
      members = [...named.values()]
      fromText = true
    }
    if (members.length > 0) out.push({ region: r, members, fromText, tokStart: r.tokStart - 1 - (tokens[r.tokStart - 2]?.norm === "the" ? 1 : 0), tokEnd: r.tokEnd + 1 })
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
    if (g.fromText) for (const c of g.members) out.push({ predicate: "part_of", subject: c, object: g.region, role: null, start: g.region.start, end: tokens[g.tokEnd - 1]!.end, method: "relation.region-group.v1", confidence: 0.6 })
    // the state or union coordinated with the group: "X and the five ...", "the five ... and X"
    const before = tokens[g.tokStart - 1]?.norm === "and" ? at[g.tokStart - 2] : undefined
    const after = tokens[g.tokEnd]?.norm === "and" ? at[g.tokEnd + (tokens[g.tokEnd + 1]?.norm === "the" ? 2 : 1)] : undefined
    const other = [before, after].find((m) => !!m && HOLDER_TYPES.has(m.type) && m.via !== "demonym" && !isRegion(ctx, m))
    if (!other) continue
    // a partnership cue in the group's sentence, with nothing hypothetical between it and the group
    const from = Math.min(g.tokStart, other.tokStart)
    const cues: Array<number> = []
    for (let k = s.tokStart; k < s.tokEnd; k++) if (PARTNER_CUES.has(tokens[k]!.norm) || tokens[k]!.norm === "signing" || tokens[k]!.norm === "signed") cues.push(k)
    const to = Math.max(g.tokEnd, other.tokEnd)
    // (in the group's own clause: not "..., marking a step in the evolution of relations between Japan and the region")
    const cue = cues.find((k) => !tokens.slice(Math.min(k, from), Math.max(k + 1, to)).some((t) => UNREAL.has(t.norm) || t.text === "," || t.text === ";"))
    if (cue !== undefined)
      for (const c of g.members) if (c.key !== other.key) out.push({ predicate: "partner_of", subject: c, object: other, role: null, ...sp, method: "relation.group-partner.v1", confidence: 0.55 })
    // initiatives the group takes part in, in the same sentence after the group
    const inits = ctx.perSentence[doc.sentenceOf[g.region.tokStart]!]!.filter((m) => m.type === "initiative" && m.tokStart > g.tokEnd)
    for (const f of inits) {
      // the cue right before the initiative: "through the Belt and Road Initiative", "under the C5+1 format"
      let c = f.tokStart - 1
      while (c > g.tokEnd && ["the", "a", "its", "their"].includes(tokens[c]!.norm)) c--
      if (!MEMBER_CUES.has(tokens[c]?.norm ?? "")) continue
      for (const c of [other, ...g.members]) out.push({ predicate: "member_of", subject: c, object: f, role: null, ...sp, method: "relation.group-member.v1", confidence: 0.55 })
    }
  }
  return out
}
