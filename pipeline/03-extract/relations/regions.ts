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
      if (before.includes("and") && ms[ri - 1] && isRegion(ctx, ms[ri - 1]!) && r.tokStart - ms[ri - 1]!.tokEnd <= 2)
        return
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
        // the list is introduced by a cue, not just a comma: "Asia, Canada, and the United States" is one coordination
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
        out.push({
          predicate: "part_of",
          subject: c,
          object: r,
          role: null,
          start: r.start,
          end: list[list.length - 1]!.end,
          method: "relation.region-then-list.v1",
          confidence: 0.7
        })
    })
  }

  // (b) a list of 3+ states that the gazetteer places in one region named in this or the previous
  //     sentence, or of all its states where the article names the region anywhere
  const regionsBySentence = ctx.perSentence.map((ms) => ms.filter((m) => isRegion(ctx, m)))
  // states an explicit list already placed in a region are not placed again by the gazetteer
  const listed = new Set(out.map((r) => `${r.subject.tokStart}`))
  for (const [si] of doc.sentences.entries()) {
    const cs = uniqByKey(
      ctx.perSentence[si]!.filter((m) => m.type === "country" && m.via === "name" && !listed.has(`${m.tokStart}`))
    )
    if (cs.length < 3) continue
    const near = [...regionsBySentence[si]!, ...(si > 0 ? regionsBySentence[si - 1]! : [])]
    const byRegion = new Map<string, Array<Mention>>()
    for (const c of cs) for (const r of c.gaz?.partOf ?? []) byRegion.set(r, [...(byRegion.get(r) ?? []), c])
    for (const [r, members] of byRegion) {
      // all the region's states listed are its states wherever the article names the region; fewer, only near it
      const complete = members.length === (ctx.membersOf.get(r)?.length ?? 0)
      const region =
        near.find((m) => m.gaz?.id === r) ??
        (complete ? ctx.mentions.find((m) => m.gaz?.id === r && isRegion(ctx, m)) : undefined)
      if (members.length < 3 || !region) continue
      const first = members[0]!
      const last = members[members.length - 1]!
      for (const c of members)
        out.push({
          predicate: "part_of",
          subject: c,
          object: region,
          role: null,
          start: first.start,
          end: last.end,
          method: "relation.region-list.v1",
          confidence: 0.6
        })
    }
  }

  // (c) "Peru and other Andean countries", "X and the heads of two other Baltic states",
  //     "Chile and other countries across South America"
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.perSentence[si]!
    for (const r of ms) {
      if (!isRegion(ctx, r)) continue
      const demonymForm =
        r.via !== "metonym" && tokens[r.tokStart - 1]?.norm === "other" && STATE_NOUNS.has(tokens[r.tokEnd]?.norm ?? "")
      const p = tokens[r.tokStart - 1]?.norm === "the" ? r.tokStart - 2 : r.tokStart - 1
      const nameForm =
        r.via === "name" &&
        REGION_PREPS.has(tokens[p]?.norm ?? "") &&
        STATE_NOUNS.has(tokens[p - 1]?.norm ?? "") &&
        tokens[p - 2]?.norm === "other"
      if (!demonymForm && !nameForm) continue
      // the state coordinated before "and ... other": named, or by the demonym of its leader's title
      const and = tokens
        .slice(Math.max(s.tokStart, r.tokStart - 10), r.tokStart)
        .map((t) => t.norm)
        .lastIndexOf("and")
      if (and < 0) continue
      const andAt = Math.max(s.tokStart, r.tokStart - 10) + and
      const c = [...ms].reverse().find((m) => m.type === "country" && m.tokEnd <= andAt && andAt - m.tokEnd <= 6)
      if (!c || tokens.slice(c.tokEnd, andAt).some((t) => t.text === "," || t.text === ";")) continue
      if (!c.gaz?.partOf.includes(r.gaz!.id)) continue
      out.push({
        predicate: "part_of",
        subject: c,
        object: r,
        role: null,
        start: c.start,
        end: nameForm ? r.end : tokens[r.tokEnd]!.end,
        method: "relation.and-other-region.v1",
        confidence: 0.7
      })
    }
  }
  // (d) "Chile is the most stable Andean nation", "Peru is one of the Andean states"
  for (const r of ctx.mentions) {
    if (r.via === "metonym" || !isRegion(ctx, r) || !STATE_NOUNS.has(tokens[r.tokEnd]?.norm ?? "")) continue
    const s = doc.sentences[doc.sentenceOf[r.tokStart]!]!
    let k = r.tokStart - 1
    while (
      k > s.tokStart &&
      k >= r.tokStart - 5 &&
      !COPULAS.has(tokens[k]!.norm) &&
      tokens[k]!.kind === "word" &&
      !tokens[k]!.cap
    )
      k--
    const c = ctx.at[k - 1]
    if (
      !COPULAS.has(tokens[k]?.norm ?? "") ||
      c?.type !== "country" ||
      c.via === "demonym" ||
      !c.gaz?.partOf.includes(r.gaz!.id)
    )
      continue
    out.push({
      predicate: "part_of",
      subject: c,
      object: r,
      role: null,
      start: c.start,
      end: tokens[r.tokEnd]!.end,
      method: "relation.copula-region.v1",
      confidence: 0.7
    })
  }
  out.push(...describedStates(ctx))
  return out
}

/** Superlatives: "largest", "most populous", "biggest". */
const isSuperlative = (tokens: Doc["tokens"], k: number) =>
  /^[a-z-]+est$/.test(tokens[k]?.norm ?? "") || tokens[k - 1]?.norm === "most" || tokens[k]?.norm === "most"
const HAVE = new Set(["is", "was", "has", "had", "remains", "became", "becomes", "remained"])

/**
 * A state described as one of a region's: "Kazakhstan, a Central Asian country,", "the Central Asian nation of
 * Tajikistan", "Chile has the longest coast in South America", "Brazil, South America's largest economy".
 * Where the gazetteer knows the region's states, the state must be one of them.
 */
const describedStates = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  const fits = (c: Mention | undefined, r: Mention): c is Mention =>
    !!c &&
    c.type === "country" &&
    c.via !== "demonym" &&
    (!ctx.membersOf.has(r.gaz!.id) || !!c.gaz?.partOf.includes(r.gaz!.id))
  const push = (c: Mention, r: Mention, start: number, end: number, method: string) =>
    out.push({
      predicate: "part_of",
      subject: c,
      object: r,
      role: null,
      start,
      end,
      method,
      confidence: 0.7
    })
  for (const r of ctx.mentions) {
    if (!isRegion(ctx, r)) continue
    if (r.via !== "metonym" && SINGULAR_STATE.has(tokens[r.tokEnd]?.norm ?? "")) {
      // "the Central Asian country of Kazakhstan", "the Central Asian nation Tajikistan"
      const after = at[tokens[r.tokEnd + 1]?.norm === "of" ? r.tokEnd + 2 : r.tokEnd + 1]
      if (fits(after, r) && tokens[r.tokStart - 1]?.norm === "the")
        push(after, r, tokens[r.tokStart - 1]!.start, after.end, "relation.region-apposition.v1")
      // "the Central Asian country" standing for the one state named in its sentence so far or the sentence before
      // (in its own sentence only across a clause break: not "Kazakhstan praised the Central Asian country of ...")
      if (tokens[r.tokStart - 1]?.norm === "the" && !fits(after, r) && tokens[r.tokEnd + 1]?.norm !== "of") {
        const si = doc.sentenceOf[r.tokStart]!
        const states = (ms: ReadonlyArray<Mention>, b: number) =>
          uniqByKey(ms.filter((m) => m.type === "country" && m.via === "name" && m.tokEnd <= b))
        const here = states(ctx.perSentence[si]!, r.tokStart)
        const before = si > 0 ? states(ctx.perSentence[si - 1]!, r.tokStart) : []
        const c = here.length === 1 ? here[0] : here.length === 0 && before.length === 1 ? before[0] : undefined
        const broken =
          !!c &&
          (doc.sentenceOf[c.tokStart] !== si ||
            tokens.slice(c.tokEnd, r.tokStart).some((t) => t.text === "," || t.text === ";"))
        if (broken && fits(c, r))
          push(
            c,
            r,
            doc.sentenceOf[c.tokStart] === si ? c.start : tokens[r.tokStart - 1]!.start,
            tokens[r.tokEnd]!.end,
            "relation.region-anaphor.v1"
          )
      }
      // "Kazakhstan, a (landlocked) Central Asian country,"
      let b = r.tokStart - 1
      while (b > r.tokStart - 3 && tokens[b]?.kind === "word" && !tokens[b]!.cap && !ARTICLES.has(tokens[b]!.norm)) b--
      const c = at[b - 2]
      if (ARTICLES.has(tokens[b]?.norm ?? "") && tokens[b - 1]?.text === "," && fits(c, r) && c.tokEnd === b - 1)
        push(c, r, c.start, tokens[r.tokEnd]!.end, "relation.region-apposition.v1")
    }
    if (r.via !== "name") continue
    // "<state> has the longest coast in South America", "<state> is the most urbanised nation in the Andes"
    let p = r.tokStart - 1
    if (tokens[p]?.norm === "the") p--
    if (tokens[p]?.norm === "in") {
      let k = p - 1
      while (k > p - 5 && k > 0 && !isSuperlative(tokens, k) && tokens[k]!.kind === "word" && !tokens[k]!.cap) k--
      if (isSuperlative(tokens, k)) {
        let h = k - 1
        while (
          h > 0 &&
          (tokens[h]!.norm === "most" ||
            tokens[h]!.norm === "the" ||
            tokens[h]!.norm === "second" ||
            tokens[h]!.norm === "third")
        )
          h--
        const c = at[h - 1]
        if (HAVE.has(tokens[h]?.norm ?? "") && fits(c, r) && c.tokEnd === h)
          push(c, r, c.start, r.end, "relation.region-superlative.v1")
      }
    }
    // "Kazakhstan, Central Asia's largest economy", "Central Asia's most populous country, Uzbekistan", "X is Central Asia's largest economy"
    if (
      tokens[r.tokEnd]?.norm === "'s" &&
      isSuperlative(tokens, r.tokEnd + 1 + (tokens[r.tokEnd + 1]?.norm === "most" ? 1 : 0))
    ) {
      let e = r.tokEnd + 2 + (tokens[r.tokEnd + 1]?.norm === "most" ? 1 : 0)
      while (e < r.tokEnd + 5 && tokens[e]?.kind === "word" && !tokens[e]!.cap && !at[e]) e++
      const q = tokens[r.tokStart - 1]?.norm === "the" ? r.tokStart - 2 : r.tokStart - 1
      const before = tokens[q]?.text === "," || HAVE.has(tokens[q]?.norm ?? "") ? at[q - 1] : undefined
      const after = tokens[e]?.text === "," ? at[e + 1] : undefined
      const c = fits(before, r) && before.tokEnd === q ? before : fits(after, r) ? after : undefined
      if (c)
        push(c, r, Math.min(c.start, r.start), Math.max(c.end, tokens[e - 1]!.end), "relation.region-superlative.v1")
    }
  }
  return out
}
/** Singular nouns for a state after a region's demonym ("a Central Asian country"). */
const SINGULAR_STATE = new Set(["country", "nation", "state", "republic", "neighbour", "neighbor", "economy"])
