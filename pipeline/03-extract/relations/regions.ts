/**
 * part_of between states and regions: a region followed by a list of its states ("in the South
 * Caucasus, the rule covers Armenia, Azerbaijan and Georgia", "five Central Asian nations --
 * Kazakhstan, ..."), a coordinated list of 3+ states the gazetteer places in a region named in the
 * same or the previous sentence, and a state set beside "other" states of a region ("Uzbekistan
 * and other Central Asian countries", "the Uzbek president and his counterparts from four other Central
 * Asian states").
 */
import type { Mention } from "../entities.js"
import { isRegion, uniqByKey, type FoundRelation, type RelContext } from "./context.js"

/** Words that open a list of a region's members ("in Africa, including Nigeria, ..."). */
const LIST_CUES = new Set([":", "—", "–", "-", "(", "including", "includes", "include", "such", "like", "namely", "to", "from", "of", "as", "are", "were", "is"])
/** Prepositions that front a region before its list. */
const FRONTING = new Set(["from", "in", "across", "throughout"])
const LIST_GAP = new Set([",", "and", "the", "-", "–", "—", "("])
const COPULAS = new Set(["is", "was", "remains", "became", "becomes"])
/** Nouns for the states of a region ("other Central Asian countries"). */
export const STATE_NOUNS = new Set(["countries", "country", "nations", "nation", "states", "state", "republics", "republic", "neighbours", "neighbors", "leaders", "economies"])

/** Find part_of relations between states and regions. */
export const regionRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []

  // (a) a region followed by a list of its states
  for (const [si] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    ms.forEach((r, ri) => {
      if (!isRegion(ctx, r)) return
      // one conjunct of coordinated regions does not own the list: "In Southeast Asia and the Pacific, ... Fiji, Laos"
      const before = tokens.slice(Math.max(0, r.tokStart - 2), r.tokStart).map((t) => t.norm)
      if (before.includes("and") && ms[ri - 1] && isRegion(ctx, ms[ri - 1]!) && r.tokStart - ms[ri - 1]!.tokEnd <= 2) return
      // "From the Caucasus, Armenia, Georgia, and Azerbaijan": a comma suffices after a fronted place phrase
      let p = r.tokStart - 1
      while (p >= 0 && tokens[p]!.norm === "the") p--
      const fronted = FRONTING.has(tokens[p]?.norm ?? "")
      const list: Array<Mention> = []
      for (let k = ri + 1; k < ms.length; k++) {
        const m = ms[k]!
        const prevEnd = list.length ? list[list.length - 1]!.tokEnd : r.tokEnd
        const gap = tokens.slice(prevEnd, m.tokStart)
        const listGap = list.length > 0 && gap.every((t) => LIST_GAP.has(t.norm))
        // the list is introduced by a cue, not just a comma: "Europe, Russia, and the United States" is one coordination
        const lead =
          list.length === 0 &&
          m.tokStart - r.tokEnd <= 8 &&
          gap.every((t) => t.norm !== ";" && t.text !== ".") &&
          (gap.length === 0 || gap.some((t) => LIST_CUES.has(t.norm)) || (fronted && gap.every((t) => t.text === ",")))
        if (m.type !== "country" || m.via !== "name" || !(listGap || lead)) break
        if (!list.some((x) => x.key === m.key)) list.push(m)
      }
      if (list.length < 2) return
      for (const c of list)
        out.push({ predicate: "part_of", subject: c, object: r, role: null, start: r.start, end: list[list.length - 1]!.end, method: "relation.region-then-list.v1", confidence: 0.7 })
    })
  }

  // (b) a list of 3+ states that the gazetteer places in one region named in this or the previous
  //     sentence, or of all its states where the article names the region anywhere
  const regionsBySentence = ctx.perSentence.map((ms) => ms.filter((m) => isRegion(ctx, m)))
  // states an explicit list already placed in a region are not placed again by the gazetteer
  const listed = new Set(out.map((r) => `${r.subject.tokStart}`))
  for (const [si] of doc.sentences.entries()) {
    const cs = uniqByKey(ctx.perSentence[si]!.filter((m) => m.type === "country" && m.via === "name" && !listed.has(`${m.tokStart}`)))
    if (cs.length < 3) continue
    const near = [...regionsBySentence[si]!, ...(si > 0 ? regionsBySentence[si - 1]! : [])]
    const byRegion = new Map<string, Array<Mention>>()
    for (const c of cs) for (const r of c.gaz?.partOf ?? []) byRegion.set(r, [...(byRegion.get(r) ?? []), c])
    for (const [r, members] of byRegion) {
      // all the region's states listed are its states wherever the article names the region; fewer, only near it
      const complete = members.length === (ctx.membersOf.get(r)?.length ?? 0)
      const region = near.find((m) => m.gaz?.id === r) ?? (complete ? ctx.mentions.find((m) => m.gaz?.id === r && isRegion(ctx, m)) : undefined)
      if (members.length < 3 || !region) continue
      const first = members[0]!
      const last = members[members.length - 1]!
      for (const c of members) out.push({ predicate: "part_of", subject: c, object: region, role: null, start: first.start, end: last.end, method: "relation.region-list.v1", confidence: 0.6 })
    }
  }

  // (c) "Uzbekistan and other Central Asian countries", "X and the leaders of four other Central Asian nations"
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    for (const r of ms) {
      if (r.via !== "demonym" || !isRegion(ctx, r) || tokens[r.tokStart - 1]?.norm !== "other" || !STATE_NOUNS.has(tokens[r.tokEnd]?.norm ?? "")) continue
      // the state coordinated before "and ... other": named, or by the demonym of its leader's title
      const and = tokens.slice(Math.max(s.tokStart, r.tokStart - 10), r.tokStart).map((t) => t.norm).lastIndexOf("and")
      if (and < 0) continue
      const andAt = Math.max(s.tokStart, r.tokStart - 10) + and
      const c = [...ms].reverse().find((m) => m.type === "country" && m.tokEnd <= andAt && andAt - m.tokEnd <= 6)
      if (!c || tokens.slice(c.tokEnd, andAt).some((t) => t.text === "," || t.text === ";")) continue
      if (!c.gaz?.partOf.includes(r.gaz!.id)) continue
      out.push({ predicate: "part_of", subject: c, object: r, role: null, start: c.start, end: tokens[r.tokEnd]!.end, method: "relation.and-other-region.v1", confidence: 0.7 })
    }
  }
  // (d) "Kazakhstan is the most developed Central Asian nation", "Tajikistan is one of the Central Asian states"
  for (const r of ctx.mentions) {
    if (r.via !== "demonym" || !isRegion(ctx, r) || !STATE_NOUNS.has(tokens[r.tokEnd]?.norm ?? "")) continue
    const s = doc.sentences[doc.sentenceOf[r.tokStart]!]!
    let k = r.tokStart - 1
    while (k > s.tokStart && k >= r.tokStart - 5 && !COPULAS.has(tokens[k]!.norm) && tokens[k]!.kind === "word" && !tokens[k]!.cap) k--
    const c = ctx.at[k - 1]
    if (!COPULAS.has(tokens[k]?.norm ?? "") || c?.type !== "country" || c.via === "demonym" || !c.gaz?.partOf.includes(r.gaz!.id)) continue
    out.push({ predicate: "part_of", subject: c, object: r, role: null, start: c.start, end: tokens[r.tokEnd]!.end, method: "relation.copula-region.v1", confidence: 0.7 })
  }
  return out
}
