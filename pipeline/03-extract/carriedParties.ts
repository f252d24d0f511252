/**
 * Parties carried over from the event just told: an agentless passive ("A truce was signed", "The
 * document was ratified") or an event noun owned by "their" ("after their talks") names no one in
 * its clause; its parties are those of the latest event of this sentence or the one before. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { Doc } from "./doc.js"
import type { FoundEvent } from "./events.js"
import type { Participant } from "./participants.js"

const NEGATION = new Set(["not", "n't", "never", "no"])
const BE = /^(?:is|are|was|were|been|be|being)$/
/**
 * Adverbs that may stand between the auxiliary and the participle ("was first proposed", "has been formally signed").
 */
const BETWEEN = /^(?:[a-z]+ly|first|also|already|just|since|now|then|not|never|reportedly)$/

/** Is the verb trigger at tokens [i, ...) a participle after a form of "be" (over one adverb)? "is visiting" is not. */
export const agentlessPassive = (doc: Doc, trigger: TriggerEntry, i: number): boolean => {
  const { tokens } = doc
  if (trigger.pos !== "verb" || tokens[i]!.norm === trigger.lemma || /ing$/.test(tokens[i]!.norm)) return false
  const k = BETWEEN.test(tokens[i - 1]?.norm ?? "") ? i - 2 : i - 1
  if (tokens[i - 1]?.norm === "never" || tokens[i - 1]?.norm === "not") return false
  if (!BE.test(tokens[k]?.norm ?? "")) return false
  // (not a negated one, "not likely to be discussed", "was never ratified": nothing happened to carry parties to)
  for (let n = Math.max(0, k - 4); n < k; n++) if (NEGATION.has(tokens[n]!.norm)) return false
  return true
}

/** Is the noun trigger at i owned by "their" (over up to two modifiers: "their first official talks")? */
export const ownedByThem = (doc: Doc, trigger: TriggerEntry, i: number): boolean => {
  if (trigger.pos !== "noun") return false
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = doc.tokens[k]!
    if (t.norm === "their") return true
    if (t.kind !== "word" || t.cap) return false
  }
  return false
}

/**
 * The participants of the latest event whose trigger lies in sentence si or the one before it, before offset `before`.
 */
export const carriedParties = (
  doc: Doc,
  events: ReadonlyArray<FoundEvent>,
  si: number,
  before: number
): Array<Participant> => {
  const from = doc.tokens[doc.sentences[Math.max(0, si - 1)]!.tokStart]!.start
  for (let e = events.length - 1; e >= 0; e--) {
    const ev = events[e]!
    if (ev.triggerStart >= before || ev.triggerStart < from) continue
    return ev.participants.map((p) => ({ mention: p.mention, role: p.role }))
  }
  return []
}
