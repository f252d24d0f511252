/**
 * Arguments of a noun trigger read from its own noun phrase, not from the whole clause: a
 * possessor or name modifier before it ("Russia's war", "the US military operation",
 * "Kazakhstan's entry") and prepositional complements after it ("the war between Russia and
 * Ukraine", "tensions with Europe over Greenland", "entry into the Abraham Accords"). Pure.
 */
import type { Role } from "../../schemas/vocab.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

/** Prepositions that open a complement of an event noun; "between" and "by" name actors. */
const COMPLEMENT = new Set([
  "between",
  "with",
  "in",
  "into",
  "to",
  "of",
  "over",
  "against",
  "on",
  "by",
  "from",
  "among",
  "involving"
])
/** Words that may stand between a name modifier and its noun ("the US military operation"). */
const MODIFIER_MAX = 2
const STOP_BEFORE = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "its",
  "their",
  "his",
  "her",
  "our",
  "of",
  "in",
  "on",
  "at",
  "to",
  "for",
  "with",
  "and",
  "or",
  "by",
  "from",
  "as",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "has",
  "have",
  "had",
  "will",
  "would"
])
/** Tokens a complement list may run over: conjunctions, commas, articles. */
const LIST_GLUE = new Set([
  "and",
  ",",
  "the",
  "both",
  "its",
  "their",
  "other",
  "several",
  "five",
  "two",
  "three",
  "four"
])

/** Prepositions whose object is a party to the event or what it is about, never its venue. */
const PARTY_PREPS = new Set(["with", "between", "over", "against", "among", "involving"])
const FRAME_TYPES = new Set(["initiative", "legislation", "named_event"])
const ARGUMENT_TYPES = new Set([
  "person",
  "country",
  "organization",
  "initiative",
  "legislation",
  "named_event",
  "commodity"
])

/** One argument of an event noun and its role. */
export interface NounArgument {
  readonly mention: Mention
  readonly role: Role
  /**
   * A possessor ("Russia's war"), a name compound before the noun ("the C5+1 summit") or a complement after it ("the
   * war between ...").
   */
  readonly side: "possessor" | "before" | "after"
  /** The preposition of a complement after the noun ("from" in "a comment from the ministry"). */
  readonly prep?: string
}

/**
 * The arguments of the event noun at tokens [i, j), within the clause [lo, hi): `at[k]` is the
 * mention covering token k. Empty when the noun phrase names nobody.
 */
export const nounArguments = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  i: number,
  j: number,
  lo: number,
  hi: number
): Array<NounArgument> => {
  const { tokens } = doc
  const out: Array<NounArgument> = []
  const take = (m: Mention, role: Role, side: NounArgument["side"], prep = "") => {
    // a place is an argument only as the other side or the object of a dispute ("tensions with Europe over Greenland"),
    // not as a venue ("talks in Astana")
    const typed = ARGUMENT_TYPES.has(m.type) || (m.type === "location" && PARTY_PREPS.has(prep))
    if (typed && !out.some((a) => a.mention.key === m.key))
      out.push({ mention: m, role, side, ...(prep !== "" ? { prep } : {}) })
  }
  // before: [name ('s) (and name ('s))] [up to two modifier words] NOUN
  let k = i - 1
  for (let words = 0; k >= lo && words < MODIFIER_MAX; words++) {
    const t = tokens[k]!
    if (at[k] || t.kind !== "word" || STOP_BEFORE.has(t.norm) || t.cap || t.norm === "'s") break
    k--
  }
  let possessive = false
  while (k >= lo) {
    if (tokens[k]?.norm === "'s") {
      possessive = true
      k--
    }
    const m = at[k]
    if (!m) break
    // a format or law named before the noun is what the event is about ("a C5+1 summit"), not who acts
    take(m, FRAME_TYPES.has(m.type) ? "target" : "actor", possessive ? "possessor" : "before")
    k = m.tokStart - 1
    // coordinated names: "Russia and China's", "US-Kazakh"
    if (k >= lo && (tokens[k]!.norm === "and" || tokens[k]!.text === "-" || tokens[k]!.text === "–") && at[k - 1]) k--
    else if (!(k >= lo && at[k])) break
  }
  // after: NOUN (prep NP-list)+
  k = j
  while (k < hi && COMPLEMENT.has(tokens[k]!.norm)) {
    const prep = tokens[k]!.norm
    k++
    let first = true
    while (k < hi) {
      const m = at[k]
      if (m) {
        take(
          m,
          prep === "by" || (prep === "between" && first) || (prep === "among" && first) ? "actor" : "target",
          "after",
          prep
        )
        first = false
        k = m.tokEnd
        if (tokens[k]?.norm === "'s") break
        continue
      }
      // a title before a person's name is part of the name's phrase ("the talks with President X")
      const title = doc.lex.titles.longest(tokens, k)
      if (title && at[k + title.length]?.type === "person") {
        k += title.length
        continue
      }
      const t = tokens[k]!
      if (!LIST_GLUE.has(t.norm)) break
      k++
    }
  }
  return out
}
