/**
 * Membership stated by a noun or a list: "X is (also) a founding member of Y", "X and Y are members of
 * Z", "X, a member of Y,", "the Y member states, A, B and C", "members of Y include A and B", and a
 * group described by the states it brings together: "the OTS, which groups Hungary and Azerbaijan", "the
 * forum brings together Japan and the five Central Asian republics", "NATO is an alliance uniting A, B,
 * ..." (a region described so: part_of).
 */
import type { Mention } from "../entities.js"
import {
  ARTICLES,
  type FoundRelation,
  isRegion,
  type RelContext,
  skipArticles,
  subjectBefore,
  uniqByKey
} from "./context.js"

const GROUP_TYPES = new Set(["initiative", "organization"])
/** Nouns of a place in a group: "a (founding) member of", "the leader of", "a signatory to". */
const ROLE_NOUNS = new Set([
  "member",
  "members",
  "leader",
  "founder",
  "founders",
  "participant",
  "participants",
  "signatory",
  "signatories",
  "party",
  "parties"
])
/** Words between a copula or an apposition's comma and the role noun: "is also a founding member of". */
const ROLE_GLUE = new Set([
  "a",
  "an",
  "the",
  "also",
  "now",
  "already",
  "still",
  "both",
  "all",
  "founding",
  "full",
  "full-fledged",
  "permanent",
  "associate",
  "observer",
  "active",
  "key",
  "longtime",
  "long-time",
  "one",
  "of",
  "two",
  "three",
  "four",
  "five",
  "six"
])
const COPULAS = new Set([
  "is",
  "are",
  "was",
  "were",
  "became",
  "become",
  "becomes",
  "remains",
  "remain",
  "has",
  "have",
  "been"
])
/** Adverbs inside a copula ("has long been", "is now also"). */
const COPULA_ADVERBS = new Set([
  "long",
  "also",
  "already",
  "still",
  "now",
  "since",
  "always",
  "recently",
  "officially",
  "formally"
])
/** Verbs that describe a group by its members ("the OTS, which groups Hungary and Azerbaijan"). */
const INCLUDE_VERBS = new Set([
  "includes",
  "include",
  "included",
  "including",
  "comprises",
  "comprising",
  "comprise",
  "comprised",
  "unites",
  "uniting",
  "united",
  "groups",
  "grouping",
  "encompasses",
  "encompassing"
])
/** Two-word verbs of the same kind: "brings together", "consists of", "made up of", "composed of". */
const INCLUDE_PAIRS = new Set([
  "brings together",
  "bringing together",
  "brought together",
  "bring together",
  "consists of",
  "consisting of",
  "consisted of",
  "made up",
  "composed of"
])
const PAIR_FIRST = new Set([...INCLUDE_PAIRS].map((p) => p.split(" ")[0]!))
/** Nouns for states a list of members may open with ("six countries: A, B, ..."). */
const STATE_NOUNS = new Set(["countries", "nations", "states", "members", "republics", "economies", "governments"])
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
/** Words that open a list after a group's member noun: "the SCO member states, A, B", "member states such as A". */
const LIST_OPEN = new Set([
  ",",
  ":",
  "—",
  "–",
  "-",
  "(",
  "such",
  "as",
  "including",
  "like",
  "namely",
  "include",
  "includes",
  "are",
  "were"
])

/** Find member_of (and part_of of regions) stated by member nouns and by a group's description. */
export const memberListRelations = (ctx: RelContext): Array<FoundRelation> => [
  ...roleNounMembers(ctx),
  ...groupMembers(ctx),
  ...describedGroups(ctx)
]

/**
 * The states listed from token x on: names, "the N <region> states" standing for the region's states
 * (with the list that may follow it after a dash or colon), "the presidents / leaders of" before them.
 */
export const listedStates = (ctx: RelContext, x: number): { states: Array<Mention>; end: number } => {
  const { doc, at } = ctx
  const { tokens } = doc
  const s = doc.sentences[doc.sentenceOf[Math.min(x, tokens.length - 1)]!]!
  const out: Array<Mention> = []
  let end = x
  while (x < s.tokEnd) {
    const m = at[x]
    if (m?.type === "country" && m.via !== "demonym" && m.tokStart === x) {
      out.push(m)
      x = end = m.tokEnd
    } else if (m && isRegion(ctx, m) && m.via === "demonym" && STATE_NOUNS.has(tokens[m.tokEnd]?.norm ?? "")) {
      // "the three South Caucasus nations": the region's states when the number is the gazetteer's count
      const n =
        NUMBERS.get(tokens[m.tokStart - 1]?.norm ?? "") ?? Number.parseInt(tokens[m.tokStart - 1]?.text ?? "", 10)
      const all = ctx.membersOf.get(m.gaz!.id) ?? []
      if (all.length === n)
        for (const e of all)
          out.push({
            ...m,
            key: `gaz:${e.id}`,
            type: "country",
            name: e.name,
            via: "name",
            gaz: e,
            tokStart: m.tokStart,
            tokEnd: m.tokEnd + 1,
            start: m.start,
            end: tokens[m.tokEnd]!.end
          })
      x = end = m.tokEnd + 1
    } else if (
      LIST_SEP.has(tokens[x]!.norm) ||
      NUMBERS.has(tokens[x]!.norm) ||
      tokens[x]!.kind === "num" ||
      STATE_NOUNS.has(tokens[x]!.norm) ||
      LEADERS.has(tokens[x]!.norm)
    )
      x++
    else break
  }
  return { states: uniqByKey(out), end }
}
const LIST_SEP = new Set([",", "and", "the", "all", "as", "well", "plus", "—", "–", "-", ":", "of"])
/** Nouns for a state's leaders or envoys before its name in a list ("the presidents of A, B and C"). */
const LEADERS = new Set([
  "presidents",
  "president",
  "leaders",
  "leader",
  "heads",
  "head",
  "state",
  "government",
  "ministers",
  "minister",
  "foreign",
  "representatives",
  "delegations",
  "officials"
])

/** "X is (also) a (founding) member of Y", "X and Y are members of Z", "X, a member of Y,". */
const roleNounMembers = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 1; k < tokens.length; k++) {
    if (!ROLE_NOUNS.has(tokens[k]!.norm) || (tokens[k + 1]?.norm !== "of" && tokens[k + 1]?.norm !== "to")) continue
    const g = at[skipArticles(ctx, k + 2)]
    if (!g || !GROUP_TYPES.has(g.type)) continue
    let b = k - 1
    while (b > 0 && ROLE_GLUE.has(tokens[b]!.norm)) b--
    // the subject of a copula ("X and Y are members of"), or the name an apposition describes ("X, a member of")
    let subjects: Array<Mention> = []
    if (COPULAS.has(tokens[b]!.norm)) {
      let c = b
      while (c > 0 && (COPULAS.has(tokens[c - 1]!.norm) || COPULA_ADVERBS.has(tokens[c - 1]!.norm))) c--
      subjects = subjectBefore(ctx, c)
    } else if (tokens[b]!.text === "," && ARTICLES.has(tokens[b + 1]?.norm ?? "")) {
      const m = at[b - 1]
      if (m && m.tokEnd === b && (m.type === "person" || (m.type === "country" && m.via !== "demonym"))) subjects = [m]
    }
    for (const m of subjects)
      if (m.key !== g.key)
        out.push({
          predicate: "member_of",
          subject: m,
          object: g,
          role: null,
          start: m.start,
          end: g.end,
          method: "relation.copula-member.v1",
          confidence: 0.65
        })
  }
  return out
}

/** "the SCO member states, A, B and C", "member states of the SCO such as A", "members of the SCO include A and B". */
const groupMembers = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const g of ctx.mentions) {
    if (!GROUP_TYPES.has(g.type)) continue
    let x = -1
    // "<group> member states / members (,) A, B"
    if (tokens[g.tokEnd]?.norm === "member" && STATE_NOUNS.has(tokens[g.tokEnd + 1]?.norm ?? "")) x = g.tokEnd + 2
    else if (
      tokens[g.tokEnd]?.norm === "members" ||
      (tokens[g.tokEnd]?.norm === "'s" && tokens[g.tokEnd + 1]?.norm === "members")
    )
      x = g.tokEnd + (tokens[g.tokEnd]!.norm === "'s" ? 2 : 1)
    // "member states / members of (the) <group> (,) A, B"
    else {
      let b = g.tokStart - 1
      while (b > 0 && ARTICLES.has(tokens[b]!.norm)) b--
      if (
        tokens[b]?.norm === "of" &&
        (tokens[b - 1]?.norm === "members" || (tokens[b - 1]?.norm === "states" && tokens[b - 2]?.norm === "member"))
      )
        x = g.tokEnd
    }
    if (x < 0) continue
    while (LIST_OPEN.has(tokens[x]?.norm ?? "")) x++
    const { states, end } = listedStates(ctx, x)
    if (states.length === 0) continue
    for (const c of states)
      if (c.key !== g.key)
        out.push({
          predicate: "member_of",
          subject: c,
          object: g,
          role: null,
          start: g.start,
          end: tokens[end - 1]!.end,
          method: "relation.member-list.v1",
          confidence: 0.65
        })
  }
  return out
}

/** Words between a group and the verb describing it: "the SCO, which also includes", "the EAEU now unites". */
const REL_GLUE = new Set([",", "which", "that", "also", "now", "currently", "still", "today"])
/** Words of the noun a copula gives the group before such a verb: "the EAEU is a customs union comprising". */
const IS_A = new Set([
  "is",
  "was",
  "a",
  "an",
  "the",
  "regional",
  "international",
  "political",
  "economic",
  "security",
  "military",
  "trade",
  "intergovernmental",
  "organization",
  "organisation",
  "bloc",
  "grouping",
  "alliance",
  "union",
  "format",
  "forum",
  "platform",
  "body",
  "group",
  "club",
  "mechanism",
  "initiative",
  "partnership"
])

/**
 * The group or region a describing verb at k is said of: right before it ("the forum brings together"), before
 * ", which" ("the bank (ADB), which counts"), or the subject of "is a <noun>" before it ("NATO is an alliance
 * uniting").
 */
const describedBefore = (ctx: RelContext, k: number): Mention | undefined => {
  const { doc, at } = ctx
  const { tokens } = doc
  const isGroup = (m: Mention | undefined): m is Mention =>
    !!m && (GROUP_TYPES.has(m.type) || isRegion(ctx, m)) && m.via !== "demonym"
  let b = k - 1
  while (b > 0 && REL_GLUE.has(tokens[b]!.norm)) b--
  // an acronym in brackets after the name: "the North Atlantic Treaty Organization (NATO), which"
  if (tokens[b]?.text === ")" && tokens[b - 2]?.text === "(") b -= 3
  if (isGroup(at[b]) && at[b]!.tokEnd === b + 1) return at[b]
  // "<group> is a (regional) organisation comprising"
  let c = b
  while (
    c > b - 5 &&
    c > 0 &&
    (IS_A.has(tokens[c]!.norm) || (tokens[c]!.kind === "word" && !tokens[c]!.cap && !NEGATIONS.has(tokens[c]!.norm))) &&
    !COPULAS.has(tokens[c]!.norm)
  )
    c--
  if (c === b || !COPULAS.has(tokens[c]!.norm)) return undefined
  const m = at[c - 1]
  if (isGroup(m) && m.tokEnd === c) return m
  // "<group>, (also called the EAEU,) is a union comprising": the group named in the apposition or before it
  if (tokens[c - 1]?.text !== ",") return undefined
  let a = c - 2
  while (a > c - 12 && a > 0 && tokens[a]!.text !== "," && tokens[a]!.text !== ";" && tokens[a]!.text !== ".") a--
  if (tokens[a]?.text !== ",") return undefined
  const inside = ctx.perSentence[doc.sentenceOf[a]!]!.filter((x) => x.tokStart > a && x.tokEnd <= c - 1 && isGroup(x))
  const head = at[a - 1]
  return inside.length === 1 && NAMING.has(tokens[a + 1]?.norm ?? "")
    ? inside[0]
    : isGroup(head) && head.tokEnd === a
      ? head
      : undefined
}
const NEGATIONS = new Set(["not", "no", "never", "which", "that", "who"])
/** Words opening an apposition that names something otherwise ("commonly known as", "also called"). */
const NAMING = new Set(["commonly", "also", "known", "called", "abbreviated", "or", "formally", "officially"])

/** "the OTS, which groups Hungary and Azerbaijan", "the forum brings together Korea and the region's states". */
const describedGroups = (ctx: RelContext): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 1; k < tokens.length; k++) {
    const pair = PAIR_FIRST.has(tokens[k]!.norm) && INCLUDE_PAIRS.has(`${tokens[k]!.norm} ${tokens[k + 1]?.norm ?? ""}`)
    if (!pair && !INCLUDE_VERBS.has(tokens[k]!.norm)) continue
    const g = describedBefore(ctx, k)
    if (!g) continue
    // "is made up of": the verb's second word
    let x = k + (pair ? 2 : 1)
    if (tokens[k]!.norm === "made" && tokens[x]?.norm === "of") x++
    const { states, end } = listedStates(ctx, x)
    if (states.length === 0) continue
    const region = isRegion(ctx, g)
    for (const c of states) {
      if (c.key === g.key) continue
      out.push({
        predicate: region ? "part_of" : "member_of",
        subject: c,
        object: g,
        role: null,
        start: g.start,
        end: tokens[end - 1]!.end,
        method: "relation.group-includes.v1",
        confidence: 0.65
      })
    }
  }
  return out
}
