/**
 * partner_of between two states in one clause: "an agreement between Armenia and Azerbaijan",
 * "Tajikistan has long kept close ties with India", "Astana offers Washington a reliable
 * partner". Not when the clause makes it hypothetical ("is expected to ... normalise relations
 * with"), nor when the state only qualifies a company ("Kazakhstan's railway ... agreement with
 * U.S.-based Wabtec").
 */
import type { Mention } from "../entities.js"
import { uniqByKey, type FoundRelation, type RelContext } from "./context.js"

/** Words that signal a partnership between states. */
export const PARTNER_CUES = new Set(["partner", "partners", "partnership", "partnerships", "ally", "allies", "alliance", "agreement", "agreements", "ties", "relations", "treaty", "cooperation", "relationship", "deal", "memorandum"])
/** Nouns that take "with" + the partner: "ties with Israel". */
const WITH_NOUNS = new Set(["ties", "relations", "partnership", "cooperation", "alliance", "agreement", "relationship", "memorandum", "treaty", "deal"])
const PARTNER_NOUNS = new Set(["partner", "partners", "partnership", "ally", "allies", "alliance"])
/** Words that make a stated partnership hypothetical, future or not (yet) real. */
export const UNREAL = new Set(["will", "would", "may", "might", "could", "expected", "aims", "aimed", "seeks", "hopes", "wants", "normalizing", "normalising", "normalize", "normalise", "restore", "restoring", "not", "never", "if"])
const BREAKS = new Set([",", ";", ":", "—", "–"])

/** Nouns for a state's people that stand for the state after "with": "with top officials from Kazakhstan". */
const ENVOYS = new Set(["officials", "leaders", "government", "delegation", "delegations", "counterparts", "representatives", "authorities", "ministers", "leadership"])

/** Find partner_of relations between two states named in one clause; `stateOf` gives the state a person holds office in. */
export const partnerRelations = (ctx: RelContext, stateOf: (m: Mention) => Mention | null): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  const named = (m: Mention | undefined): boolean => !!m && m.type === "country" && m.via !== "demonym"
  // "U.S.-based Wabtec", "a U.S.-led initiative": the state qualifies something else
  const qualifiesNext = (m: Mention) => tokens[m.tokEnd]?.text === "-" || tokens[m.tokEnd]?.norm === "'s"
  const unrealBetween = (a: number, b: number) => tokens.slice(a, b).some((t) => UNREAL.has(t.norm))
  // the noun "with" attaches to: "ties with", "a memorandum of understanding with", "a memorandum of cooperation with"
  const nounBefore = (k: number) => (tokens[k - 2]?.norm === "of" && WITH_NOUNS.has(tokens[k - 3]?.norm ?? "") ? tokens[k - 3]!.norm : (tokens[k - 1]?.norm ?? ""))
  // the state after "with": named directly, or as "(the) (top) officials from / of X"
  const withObject = (k: number): Mention | undefined => {
    if (named(at[k + 1])) return at[k + 1]
    let x = k + 1
    while (x < k + 4 && !ENVOYS.has(tokens[x]?.norm ?? "")) x++
    const p = tokens[x + 1]?.norm
    return ENVOYS.has(tokens[x]?.norm ?? "") && (p === "from" || p === "of") && named(at[x + 2]) ? at[x + 2] : undefined
  }
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    if (!tokens.slice(s.tokStart, s.tokEnd).some((t) => PARTNER_CUES.has(t.norm))) continue
    const sp = { start: s.start, end: s.end }
    const countries = ms.filter((m) => m.type === "country")
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const t = tokens[k]!
      // "an agreement between Armenia and Azerbaijan" (not "the war between ...")
      const a = at[k + 1]
      if (t.norm === "between" && WITH_NOUNS.has(nounBefore(k)) && a && named(a) && tokens[a.tokEnd]?.norm === "and" && named(at[a.tokEnd + 1]) && !qualifiesNext(at[a.tokEnd + 1]!))
        out.push({ predicate: "partner_of", subject: a, object: at[a.tokEnd + 1]!, role: null, ...sp, method: "relation.partner-between.v1", confidence: 0.6 })
      // "Tajikistan has long kept close ties with India", "the minister ... signing a memorandum of
      // understanding with senior officials from Uzbekistan" (a person stands for the state they serve)
      if (t.norm !== "with" || !WITH_NOUNS.has(nounBefore(k))) continue
      const obj = withObject(k)
      if (!obj || qualifiesNext(obj)) continue
      const subj = ms
        .filter((m) => m.tokEnd <= k - 1 && !qualifiesNext(m))
        .map((m) => (named(m) ? m : m.type === "person" ? stateOf(m) : null))
        .find((c): c is Mention => !!c && c.key !== obj.key)
      const from = ms.find((m) => m.tokEnd <= k - 1 && (named(m) || m.type === "person"))
      if (subj && from && !unrealBetween(from.tokEnd, k)) out.push({ predicate: "partner_of", subject: subj, object: obj, role: null, ...sp, method: "relation.partner-with.v1", confidence: 0.6 })
    }
    // exactly two states and a partner noun right after the second, in one stretch: "Astana offers Washington a reliable partner"
    const cs = uniqByKey(countries.filter((c) => named(c)))
    if (cs.length !== 2) continue
    const [x, y] = [cs[0]!, cs[1]!]
    const cue = tokens.slice(y.tokEnd, Math.min(s.tokEnd, y.tokEnd + 5)).findIndex((t) => PARTNER_NOUNS.has(t.norm))
    const stretch = tokens.slice(x.tokEnd, y.tokEnd + Math.max(cue, 0))
    if (cue >= 0 && y.tokStart - x.tokEnd <= 8 && !stretch.some((t) => BREAKS.has(t.text)) && !unrealBetween(x.tokEnd, y.tokEnd + cue))
      out.push({ predicate: "partner_of", subject: x, object: y, role: null, ...sp, method: "relation.partner.v1", confidence: 0.55 })
  }
  return out
}
