/**
 * Positions stated by a verb rather than a title before the name: "X served as prime minister",
 * "the president appointed X as acting chairman of Y", "X was named foreign minister", "removing X as
 * head of Y", and the post verbs "X, who also chairs the Y", "X heads the Y".
 */

import type { TitleEntry } from "../../../schemas/Lexicon.js"
import type { Mention } from "../entities.js"
import { ARTICLES, type FoundRelation, gazMention, type RelContext, skipArticles } from "./context.js"
import { HOLDER_TYPES, knownHolder, MODIFIERS, ROLE_MODIFIERS } from "./positions.js"

/** Verbs whose subject holds the office after "as": "X served as", "X remains as". */
const SUBJECT_VERBS = new Set([
  "served",
  "serves",
  "serve",
  "serving",
  "worked",
  "works",
  "working",
  "acted",
  "acts",
  "remains",
  "remained",
  "continues",
  "continued",
  "stayed",
  "returned",
  "returns"
])
/** Verbs whose object (or passive subject) takes the office: "appointed X as", "X was named". */
const OBJECT_VERBS = new Set([
  "appointed",
  "appoints",
  "appoint",
  "appointing",
  "named",
  "names",
  "naming",
  "elected",
  "re-elected",
  "reelected",
  "reappointed",
  "confirmed",
  "installed",
  "designated",
  "removed",
  "removing",
  "dismissed",
  "dismissing",
  "sacked",
  "fired",
  "ousted",
  "reinstated",
  "chose",
  "picked",
  "tapped",
  "sworn"
])
/** Words allowed between a person and such a verb: "X had previously served", "X, who was later appointed". */
const BETWEEN = new Set([
  "has",
  "have",
  "had",
  "was",
  "were",
  "is",
  "been",
  "be",
  "being",
  "also",
  "previously",
  "formerly",
  "later",
  "then",
  "once",
  "now",
  "still",
  "briefly",
  "officially",
  "formally",
  "who",
  ","
])
/** Verbs that name a post held by their subject: "who also chairs the X", "X heads the Y". */
const POST_VERBS = new Map([
  ["chairs", "chair"],
  ["heads", "head"],
  ["leads", "leader"],
  ["directs", "director"],
  ["runs", "head"],
  ["chaired", "former chair"],
  ["headed", "former head"]
])
const ADVERBS = new Set(["also", "now", "currently", "still", "formally", "jointly", "previously", "once"])
/** Words that make an appointment expected, possible or wished rather than made. */
const UNREAL = new Set([
  "expected",
  "may",
  "might",
  "could",
  "would",
  "likely",
  "tipped",
  "rumoured",
  "rumored",
  "considering",
  "plans",
  "to",
  "not",
  "never"
])

/** Find holds_position stated by appointment, service and post verbs. */
export const appointmentRelations = (ctx: RelContext): Array<FoundRelation> => [...asTitle(ctx), ...postVerbs(ctx)]

/** The title phrase at token x: (qualifier) (modifiers) title, its holder and the role's text. */
const titleAfter = (
  ctx: RelContext,
  x: number
): {
  entry: TitleEntry
  role: string
  holder: Mention | undefined
  end: number
} | null => {
  const { doc, at } = ctx
  const { tokens } = doc
  x = skipArticles(ctx, x)
  // "as Kazakhstan's foreign minister", "as Uzbek prime minister"
  let holder: Mention | undefined
  const q = at[x]
  if (q && HOLDER_TYPES.has(q.type) && (q.via === "demonym" || tokens[q.tokEnd]?.norm === "'s")) {
    holder = q
    x = q.tokEnd + (tokens[q.tokEnd]?.norm === "'s" ? 1 : 0)
  }
  const mods: Array<string> = []
  while (MODIFIERS.has(tokens[x]?.norm ?? "")) mods.push(tokens[x++]!.norm)
  const t = ctx.titleAt[x]
  if (!t) return null
  const entry = t.values[0]!
  let end = x + t.length
  // "... of (the) Y"
  if (!holder && tokens[end]?.norm === "of") {
    const h = at[skipArticles(ctx, end + 1)]
    if (h && HOLDER_TYPES.has(h.type)) {
      holder = h
      end = h.tokEnd
    }
  }
  const role = [...mods.filter((w) => ROLE_MODIFIERS.has(w)), entry.title].join(" ")
  return { entry, role, holder, end }
}

/** "X served as (the) T (of Y)", "appointed X as T", "X was named T". */
const asTitle = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let v = 1; v < tokens.length; v++) {
    const w = tokens[v]!.norm
    const subjVerb = SUBJECT_VERBS.has(w)
    if (!subjVerb && !OBJECT_VERBS.has(w)) continue
    const s = doc.sentences[doc.sentenceOf[v]!]!
    let person: Mention | undefined
    let after = v + 1
    if (tokens[after]?.norm === "in" && w === "sworn") after++
    // the active object: "appointed X as", "removing X as"
    const obj = at[after]
    if (!subjVerb && obj?.type === "person" && obj.tokStart === after) {
      person = obj
      after = obj.tokEnd
      // "X - a longtime ally ... - as head of": a parenthetical between the name and "as"
      if (tokens[after]?.text !== "," && tokens[after]?.norm !== "as") {
        const close = tokens
          .slice(after + 1, Math.min(s.tokEnd, after + 16))
          .findIndex((t) => t.text === tokens[after]!.text)
        if (["-", "—", "–"].includes(tokens[after]?.text ?? "") && close >= 0) after += close + 2
      }
    } else {
      // the subject: "X (had previously) served as", "X was (later) appointed (as)", "X, who was named"
      let b = v - 1
      while (b > s.tokStart && BETWEEN.has(tokens[b]!.norm)) b--
      const passive = tokens.slice(b + 1, v).some((t) => ["was", "were", "been", "be", "is"].includes(t.norm))
      if (at[b]?.type === "person" && at[b]!.tokEnd === b + 1 && (subjVerb || passive)) person = at[b]
    }
    // not a post merely expected or wished for ("X is expected to be named", "X may be appointed")
    if (!person || tokens.slice(Math.min(person.tokEnd, v), v).some((t) => UNREAL.has(t.norm))) continue
    // "as (the) T", or a passive's bare title: "X was named foreign minister"
    const asAt = tokens[after]?.norm === "as" ? after + 1 : subjVerb ? -1 : after
    if (asAt < 0) continue
    const t = titleAfter(ctx, asAt)
    if (t?.entry.predicate !== "holds_position") continue
    const id = t.holder ? null : (knownHolder(ctx, person, t.entry) ?? t.entry.default_holder ?? null)
    const holder = t.holder ?? (id ? gazMention(ctx, id) : null)
    if (!holder || holder.key === person.key) continue
    const start = Math.min(person.start, tokens[v]!.start)
    out.push({
      predicate: "holds_position",
      subject: person,
      object: holder,
      role: t.role,
      start,
      end: tokens[t.end - 1]!.end,
      method: "relation.as-title.v1",
      confidence: 0.7
    })
  }
  return out
}

/** holds_position from "<person> (, who) (also) chairs / heads (the) <organisation>". */
const postVerbs = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let v = 1; v < tokens.length; v++) {
    const role = POST_VERBS.get(tokens[v]!.norm)
    if (!role) continue
    const org = at[ARTICLES.has(tokens[v + 1]?.norm ?? "") ? v + 2 : v + 1]
    if (org?.type !== "organization") continue
    let k = v - 1
    while (k > 0 && ADVERBS.has(tokens[k]!.norm)) k--
    // the person the relative clause describes ("X, the energy secretary who also chairs"), or the subject right before
    // the verb
    let person: Mention | undefined
    if (tokens[k]!.norm === "who") {
      // the person right before "who", or before an apposition naming their title ("X, the energy secretary who")
      let x = k - 1
      if (ctx.inTitle[x] === 1) {
        while (
          x > 0 &&
          tokens[x]!.text !== "," &&
          (ctx.inTitle[x] === 1 ||
            (tokens[x]!.kind === "word" && !tokens[x]!.cap) ||
            at[x]?.type === "country" ||
            tokens[x]!.text === ".")
        )
          x--
        if (tokens[x]?.text !== ",") continue
        x--
      } else if (tokens[x]?.text === ",") x--
      if (at[x]?.type === "person" && at[x]!.tokEnd === x + 1) person = at[x]
    } else if (at[k]?.type === "person" && at[k]!.tokEnd === k + 1) person = at[k]
    if (!person) continue
    out.push({
      predicate: "holds_position",
      subject: person,
      object: org,
      role,
      start: person.start,
      end: org.end,
      method: "relation.post-verb.v1",
      confidence: 0.65
    })
  }
  return out
}
