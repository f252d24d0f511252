/**
 * part_of between states and regions: a region followed by a list of its states ("across the Andes,
 * the levy hits Chile, Peru and Bolivia", "three Baltic states: Estonia, ..."), a coordinated list of
 * 3+ states the gazetteer places in a region named in the same or the previous sentence (or all its
 * states, where the article names the region), a state set beside "other" states of a region ("Peru
 * and other Andean countries", "the Chilean minister and her peers from two other Andean states"), a
 * copula or apposition ("Chile, a South American country,"), a superlative ("Chile has the longest
 * coast in South America") and "the South American country" standing for the state named before.
 */

import type { Doc } from "../doc.js"
import type { Mention } from "../entities.js"
import { ARTICLES, type FoundRelation, isRegion, type RelContext, uniqByKey } from "./context.js"

/** Words that open a list of a region's members ("in Africa, including Nigeria, ..."). */
const LIST_CUES = new Set([
  ":",
  "—",
  "–",
  "-",
  "(",
  "including",
  "includes",
  "include",
  "such",
  "like",
  "namely",
  "to",
  "from",
  "of",
  "are",
  "were",
  "is"
])
/** Prepositions that front a region before its list. */
const FRONTING = new Set(["from", "in", "across", "throughout"])
const LIST_GAP = new Set([",", "and", "the", "-", "–", "—", "("])
const COPULAS = new Set(["is", "was", "remains", "became", "becomes"])
/** Prepositions that place states in a region named after them ("other states across the Andes"). */
const REGION_PREPS = new Set(["in", "of", "across", "from", "throughout"])
/** Nouns for the states of a region ("other Central Asian countries"). */
export const STATE_NOUNS = new Set([
  "countries",
  "country",
  "nations",
  "nation",
  "states",
  "state",
  "republics",
  "republic",
  "neighbours",
  "neighbors",
  "leaders",
  "economies",
  "economy"
])

/** A part_of row of a state in a region. */
const partOf = (
  subject: Mention,
  object: Mention,
  start: number,
  end: number,
  method: string,
  confidence: number
): FoundRelation => ({ predicate: "part_of", subject, object, role: null, start, end, method, confidence })

/**
 * The states listed right after the region that is the `index`th mention of its sentence, introduced by a cue (not
 * just a comma: "Asia, Canada, and the United States" is one coordination), or by a comma after a fronted place
 * phrase ("From the Caucasus, Armenia, Georgia, and Azerbaijan").
 */
const listAfterRegion = (ctx: RelContext, mentions: ReadonlyArray<Mention>, index: number): Array<Mention> => {
  const { tokens } = ctx.doc
  const region = mentions[index]!
  let p = region.tokStart - 1
  while (p >= 0 && tokens[p]!.norm === "the") p--
  const fronted = FRONTING.has(tokens[p]?.norm ?? "")
  const list: Array<Mention> = []
  for (let k = index + 1; k < mentions.length; k++) {
    const m = mentions[k]!
    const prevEnd = list.length ? list[list.length - 1]!.tokEnd : region.tokEnd
    const gap = tokens.slice(prevEnd, m.tokStart)
    const listGap = list.length > 0 && gap.every((t) => LIST_GAP.has(t.norm))
    const lead =
      list.length === 0 &&
      m.tokStart - region.tokEnd <= 8 &&
      gap.every((t) => t.norm !== ";" && t.text !== ".") &&
      (gap.length === 0 || gap.some((t) => LIST_CUES.has(t.norm)) || (fronted && gap.every((t) => t.text === ",")))
    if (m.type !== "country" || m.via !== "name" || !(listGap || lead)) break
    if (!list.some((x) => x.key === m.key)) list.push(m)
  }
  return list
}

/** (a) A region followed by a list of its states. */
const regionThenList = (ctx: RelContext, out: Array<FoundRelation>): void => {
  const { tokens } = ctx.doc
  for (const [si] of ctx.doc.sentences.entries()) {
    const mentions = ctx.perSentence[si]!
    mentions.forEach((region, index) => {
      if (!isRegion(ctx, region)) return
      // one conjunct of coordinated regions does not own the list: "In Southeast Asia and the Pacific, ... Fiji, Laos"
      const before = tokens.slice(Math.max(0, region.tokStart - 2), region.tokStart).map((t) => t.norm)
      const previous = mentions[index - 1]
      if (before.includes("and") && previous && isRegion(ctx, previous) && region.tokStart - previous.tokEnd <= 2)
        return
      const list = listAfterRegion(ctx, mentions, index)
      if (list.length < 2) return
      for (const state of list)
        out.push(partOf(state, region, region.start, list[list.length - 1]!.end, "relation.region-then-list.v1", 0.7))
    })
  }
}

/**
 * (b) A list of 3+ states that the gazetteer places in one region named in this or the previous sentence, or of all
 * its states where the article names the region anywhere; states an explicit list already placed (in `out`) are
 * not placed again.
 */
const gazetteerRegionLists = (ctx: RelContext, out: Array<FoundRelation>): void => {
  const regionsBySentence = ctx.perSentence.map((ms) => ms.filter((m) => isRegion(ctx, m)))
  const listed = new Set(out.map((r) => `${r.subject.tokStart}`))
  for (const [si] of ctx.doc.sentences.entries()) {
    const states = uniqByKey(
      ctx.perSentence[si]!.filter((m) => m.type === "country" && m.via === "name" && !listed.has(`${m.tokStart}`))
    )
    if (states.length < 3) continue
    const near = [...regionsBySentence[si]!, ...(si > 0 ? regionsBySentence[si - 1]! : [])]
    const byRegion = new Map<string, Array<Mention>>()
    for (const state of states)
      for (const regionId of state.gaz?.partOf ?? []) byRegion.set(regionId, [...(byRegion.get(regionId) ?? []), state])
    for (const [regionId, members] of byRegion) {
      // all the region's states listed are its states wherever the article names the region; fewer, only near it
      const complete = members.length === (ctx.membersOf.get(regionId)?.length ?? 0)
      const region =
        near.find((m) => m.gaz?.id === regionId) ??
        (complete ? ctx.mentions.find((m) => m.gaz?.id === regionId && isRegion(ctx, m)) : undefined)
      if (members.length < 3 || !region) continue
      const first = members[0]!
      const last = members[members.length - 1]!
      for (const state of members)
        out.push(partOf(state, region, first.start, last.end, "relation.region-list.v1", 0.6))
    }
  }
}

/**
 * (c) "Peru and other Andean countries", "X and the heads of two other Baltic states", "Chile and other countries
 * across South America": the state coordinated before "and ... other", named or by the demonym of its leader's title.
 */
const andOtherRegion = (ctx: RelContext, out: Array<FoundRelation>): void => {
  const { doc } = ctx
  const { tokens } = doc
  for (const [si, sentence] of doc.sentences.entries()) {
    const mentions = ctx.perSentence[si]!
    for (const region of mentions) {
      if (!isRegion(ctx, region)) continue
      const demonymForm =
        region.via !== "metonym" &&
        tokens[region.tokStart - 1]?.norm === "other" &&
        STATE_NOUNS.has(tokens[region.tokEnd]?.norm ?? "")
      const p = tokens[region.tokStart - 1]?.norm === "the" ? region.tokStart - 2 : region.tokStart - 1
      const nameForm =
        region.via === "name" &&
        REGION_PREPS.has(tokens[p]?.norm ?? "") &&
        STATE_NOUNS.has(tokens[p - 1]?.norm ?? "") &&
        tokens[p - 2]?.norm === "other"
      if (!demonymForm && !nameForm) continue
      const from = Math.max(sentence.tokStart, region.tokStart - 10)
      const and = tokens
        .slice(from, region.tokStart)
        .map((t) => t.norm)
        .lastIndexOf("and")
      if (and < 0) continue
      const andAt = from + and
      const state = [...mentions]
        .reverse()
        .find((m) => m.type === "country" && m.tokEnd <= andAt && andAt - m.tokEnd <= 6)
      if (!state || tokens.slice(state.tokEnd, andAt).some((t) => t.text === "," || t.text === ";")) continue
      if (!state.gaz?.partOf.includes(region.gaz!.id)) continue
      const end = nameForm ? region.end : tokens[region.tokEnd]!.end
      out.push(partOf(state, region, state.start, end, "relation.and-other-region.v1", 0.7))
    }
  }
}

/** (d) "Chile is the most stable Andean nation", "Peru is one of the Andean states". */
const copulaRegion = (ctx: RelContext, out: Array<FoundRelation>): void => {
  const { doc } = ctx
  const { tokens } = doc
  for (const region of ctx.mentions) {
    if (region.via === "metonym" || !isRegion(ctx, region) || !STATE_NOUNS.has(tokens[region.tokEnd]?.norm ?? ""))
      continue
    const sentence = doc.sentences[doc.sentenceOf[region.tokStart]!]!
    let k = region.tokStart - 1
    while (
      k > sentence.tokStart &&
      k >= region.tokStart - 5 &&
      !COPULAS.has(tokens[k]!.norm) &&
      tokens[k]!.kind === "word" &&
      !tokens[k]!.cap
    )
      k--
    const state = ctx.at[k - 1]
    if (
      !COPULAS.has(tokens[k]?.norm ?? "") ||
      state?.type !== "country" ||
      state.via === "demonym" ||
      !state.gaz?.partOf.includes(region.gaz!.id)
    )
      continue
    out.push(partOf(state, region, state.start, tokens[region.tokEnd]!.end, "relation.copula-region.v1", 0.7))
  }
}

/** Find part_of relations between states and regions. */
export const regionRelations = (ctx: RelContext): Array<FoundRelation> => {
  const out: Array<FoundRelation> = []
  regionThenList(ctx, out)
  gazetteerRegionLists(ctx, out)
  andOtherRegion(ctx, out)
  copulaRegion(ctx, out)
  out.push(...describedStates(ctx))
  return out
}

/** Superlatives: "largest", "most populous", "biggest". */
const isSuperlative = (tokens: Doc["tokens"], k: number) =>
  /^[a-z-]+est$/.test(tokens[k]?.norm ?? "") || tokens[k - 1]?.norm === "most" || tokens[k]?.norm === "most"
const HAVE = new Set(["is", "was", "has", "had", "remains", "became", "becomes", "remained"])

/**
 * Is the mention a state that may be one of the region's (where the gazetteer knows the region's states, one of them)?
 */
const fitsRegion = (ctx: RelContext, state: Mention | undefined, region: Mention): state is Mention =>
  !!state &&
  state.type === "country" &&
  state.via !== "demonym" &&
  (!ctx.membersOf.has(region.gaz!.id) || !!state.gaz?.partOf.includes(region.gaz!.id))

/**
 * "the Central Asian country" standing for the one state named in its sentence so far or the sentence before (in its
 * own sentence only across a clause break: not "Kazakhstan praised the Central Asian country of ...").
 */
const regionAnaphor = (ctx: RelContext, region: Mention, out: Array<FoundRelation>): void => {
  const { doc } = ctx
  const { tokens } = doc
  const si = doc.sentenceOf[region.tokStart]!
  const statesIn = (mentions: ReadonlyArray<Mention>, before: number) =>
    uniqByKey(mentions.filter((m) => m.type === "country" && m.via === "name" && m.tokEnd <= before))
  const here = statesIn(ctx.perSentence[si]!, region.tokStart)
  const previous = si > 0 ? statesIn(ctx.perSentence[si - 1]!, region.tokStart) : []
  const state = here.length === 1 ? here[0] : here.length === 0 && previous.length === 1 ? previous[0] : undefined
  const broken =
    !!state &&
    (doc.sentenceOf[state.tokStart] !== si ||
      tokens.slice(state.tokEnd, region.tokStart).some((t) => t.text === "," || t.text === ";"))
  if (broken && fitsRegion(ctx, state, region))
    out.push(
      partOf(
        state,
        region,
        doc.sentenceOf[state.tokStart] === si ? state.start : tokens[region.tokStart - 1]!.start,
        tokens[region.tokEnd]!.end,
        "relation.region-anaphor.v1",
        0.7
      )
    )
}

/** A region's demonym before a singular state noun ("a Central Asian country"): the state it describes. */
const regionStateNoun = (ctx: RelContext, region: Mention, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  // "the Central Asian country of Kazakhstan", "the Central Asian nation Tajikistan"
  const after = at[tokens[region.tokEnd + 1]?.norm === "of" ? region.tokEnd + 2 : region.tokEnd + 1]
  if (fitsRegion(ctx, after, region) && tokens[region.tokStart - 1]?.norm === "the")
    out.push(partOf(after, region, tokens[region.tokStart - 1]!.start, after.end, "relation.region-apposition.v1", 0.7))
  if (
    tokens[region.tokStart - 1]?.norm === "the" &&
    !fitsRegion(ctx, after, region) &&
    tokens[region.tokEnd + 1]?.norm !== "of"
  )
    regionAnaphor(ctx, region, out)
  // "Kazakhstan, a (landlocked) Central Asian country,"
  let b = region.tokStart - 1
  while (b > region.tokStart - 3 && tokens[b]?.kind === "word" && !tokens[b]!.cap && !ARTICLES.has(tokens[b]!.norm)) b--
  const state = at[b - 2]
  if (
    ARTICLES.has(tokens[b]?.norm ?? "") &&
    tokens[b - 1]?.text === "," &&
    fitsRegion(ctx, state, region) &&
    state.tokEnd === b - 1
  )
    out.push(partOf(state, region, state.start, tokens[region.tokEnd]!.end, "relation.region-apposition.v1", 0.7))
}

/** "<state> has the longest coast in South America", "<state> is the most urbanised nation in the Andes". */
const superlativeInRegion = (ctx: RelContext, region: Mention, out: Array<FoundRelation>): void => {
  const { tokens } = ctx.doc
  let p = region.tokStart - 1
  if (tokens[p]?.norm === "the") p--
  if (tokens[p]?.norm !== "in") return
  let k = p - 1
  while (k > p - 5 && k > 0 && !isSuperlative(tokens, k) && tokens[k]!.kind === "word" && !tokens[k]!.cap) k--
  if (!isSuperlative(tokens, k)) return
  let h = k - 1
  while (
    h > 0 &&
    (tokens[h]!.norm === "most" ||
      tokens[h]!.norm === "the" ||
      tokens[h]!.norm === "second" ||
      tokens[h]!.norm === "third")
  )
    h--
  const state = ctx.at[h - 1]
  if (HAVE.has(tokens[h]?.norm ?? "") && fitsRegion(ctx, state, region) && state.tokEnd === h)
    out.push(partOf(state, region, state.start, region.end, "relation.region-superlative.v1", 0.7))
}

/**
 * "Kazakhstan, Central Asia's largest economy", "Central Asia's most populous country, Uzbekistan", "X is Central
 * Asia's largest economy".
 */
const possessiveSuperlative = (ctx: RelContext, region: Mention, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const most = tokens[region.tokEnd + 1]?.norm === "most" ? 1 : 0
  if (tokens[region.tokEnd]?.norm !== "'s" || !isSuperlative(tokens, region.tokEnd + 1 + most)) return
  let e = region.tokEnd + 2 + most
  while (e < region.tokEnd + 5 && tokens[e]?.kind === "word" && !tokens[e]!.cap && !at[e]) e++
  const q = tokens[region.tokStart - 1]?.norm === "the" ? region.tokStart - 2 : region.tokStart - 1
  const before = tokens[q]?.text === "," || HAVE.has(tokens[q]?.norm ?? "") ? at[q - 1] : undefined
  const after = tokens[e]?.text === "," ? at[e + 1] : undefined
  const state =
    fitsRegion(ctx, before, region) && before.tokEnd === q ? before : fitsRegion(ctx, after, region) ? after : undefined
  if (state)
    out.push(
      partOf(
        state,
        region,
        Math.min(state.start, region.start),
        Math.max(state.end, tokens[e - 1]!.end),
        "relation.region-superlative.v1",
        0.7
      )
    )
}

/**
 * A state described as one of a region's: "Kazakhstan, a Central Asian country,", "the Central Asian nation of
 * Tajikistan", "Chile has the longest coast in South America", "Brazil, South America's largest economy".
 * Where the gazetteer knows the region's states, the state must be one of them.
 */
const describedStates = (ctx: RelContext): Array<FoundRelation> => {
  const { tokens } = ctx.doc
  const out: Array<FoundRelation> = []
  for (const region of ctx.mentions) {
    if (!isRegion(ctx, region)) continue
    if (region.via !== "metonym" && SINGULAR_STATE.has(tokens[region.tokEnd]?.norm ?? ""))
      regionStateNoun(ctx, region, out)
    if (region.via !== "name") continue
    superlativeInRegion(ctx, region, out)
    possessiveSuperlative(ctx, region, out)
  }
  return out
}
/** Singular nouns for a state after a region's demonym ("a Central Asian country"). */
const SINGULAR_STATE = new Set(["country", "nation", "state", "republic", "neighbour", "neighbor", "economy"])
