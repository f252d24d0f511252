/**
 * Places in states, by construction: capitals ("the Mongolian capital Ulaanbaatar", "Chile's capital,
 * Santiago", "Lima, the capital of Peru"), a place and its state by comma, "in" or brackets
 * ("Cusco, Peru", "Arica, a port in northern Chile", "Cusco (Peru)"), possessive ("Peru's Arequipa",
 * "Chile's largest port, Valparaiso"), demonym and head noun ("the Chilean city of Iquique", "the
 * Peruvian market town of Pisac"), and areas of a state with the places in them ("the Atacama Region of
 * Chile", "a mine and a port in the Antofagasta Region").
 */
import type { Predicate } from "../../../schemas/vocab.js"
import type { Doc } from "../doc.js"
import type { Mention } from "../entities.js"
import { asPlace, type FoundRelation, isStateName, type RelContext, skipArticles } from "./context.js"

/** Head nouns of a settlement or site described before its name ("the Kazakh port of Aktau"). */
const SETTLEMENT_HEADS = new Set([
  "city",
  "cities",
  "town",
  "towns",
  "port",
  "ports",
  "village",
  "villages",
  "settlement",
  "resort",
  "hub"
])
/** Head nouns of an area of a state: what they name is part_of the state, not located_in it. */
export const AREA_HEADS = new Set([
  "region",
  "regions",
  "province",
  "provinces",
  "oblast",
  "oblasts",
  "district",
  "districts",
  "county",
  "governorate",
  "prefecture",
  "territory",
  "valley",
  "autonomous",
  "enclave",
  "exclave"
])
/**
 * Words allowed between a place and "in <state>": "Khiva, a small town in western Uzbekistan", "Osh, which lies in".
 */
const PLACE_GLUE = new Set([
  ",",
  "a",
  "an",
  "the",
  "is",
  "was",
  "which",
  "that",
  "lies",
  "located",
  "situated",
  "based",
  "small",
  "large",
  "big",
  "major",
  "remote",
  "border",
  "mountain",
  "mountainous",
  "industrial",
  "ancient",
  "historic",
  "old",
  "provincial",
  "regional",
  "key",
  "busy",
  "coastal",
  "northern",
  "southern",
  "eastern",
  "western",
  "central",
  "north",
  "south",
  "east",
  "west",
  "far"
])
/**
 * Words that make "capital" not the seat of government ("financial capital", "former capital") when they stand before
 * it.
 */
const COPULAS = new Set(["is", "was", "became", "remains", "has", "been"])

/** Does a list of states go on at token k (", Uzbekistan", "and Uzbekistan", ", and Uzbekistan")? */
const listContinues = (ctx: RelContext, k: number): boolean => {
  const { tokens } = ctx.doc
  let sep = false
  if (tokens[k]?.text === ",") {
    k++
    sep = true
  }
  if (tokens[k]?.norm === "and" || tokens[k]?.norm === "or") {
    k++
    sep = true
  }
  return sep && ctx.at[skipArticles(ctx, k)]?.type === "country"
}

/**
 * The predicate a place's state relation takes: an area of a state is part of it, a settlement or site is located in
 * it.
 */
const placePredicate = (ctx: RelContext, m: Mention, after: number): Predicate => {
  const last = m.name.toLowerCase().split(/\s+/).pop() ?? ""
  return AREA_HEADS.has(last) || AREA_HEADS.has(ctx.doc.tokens[after]?.norm ?? "") ? "part_of" : "located_in"
}

/** Find capital_of, located_in and place part_of relations. */
export const placeRelations = (ctx: RelContext): Array<FoundRelation> => [
  ...capitalRelations(ctx),
  ...statePlaceRelations(ctx),
  ...areaRelations(ctx)
]

/**
 * capital_of from "capital" with its state before it (demonym, possessive) or after it ("of X"), and the city beside.
 */
const capitalRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k]!.norm !== "capital") continue
    const capEnd = tokens[k + 1]?.norm === "city" ? k + 2 : k + 1
    // the state right before "capital" (a demonym or a possessive), else right after "capital of"
    let state: Mention | undefined
    let phraseStart = k
    let phraseEnd = capEnd
    if (at[k - 1]?.type === "country" && at[k - 1]!.via === "demonym") state = at[k - 1]
    else if (tokens[k - 1]!.norm === "'s" && isStateName(at[k - 2])) state = at[k - 2]
    if (state) phraseStart = state.tokStart
    else if (tokens[capEnd]?.norm === "of") {
      const x = at[skipArticles(ctx, capEnd + 1)]
      if (isStateName(x)) {
        state = x
        phraseEnd = x.tokEnd
      }
    }
    if (!state?.gaz) continue
    if (tokens[phraseStart - 1]?.norm === "the") phraseStart--
    // the city: after the phrase ("the Chilean capital(,) Santiago", "the capital of Peru is Lima"), else before it
    // in an apposition or with a copula ("Lima, the capital of Peru", "Brasilia became Brazil's capital")
    let after = phraseEnd
    if (
      tokens[after]?.text === "," ||
      tokens[after]?.norm === "is" ||
      (tokens[after]?.norm === "of" && phraseEnd === capEnd && state.tokStart < k)
    )
      after++
    const before =
      tokens[phraseStart - 1]?.text === "," || COPULAS.has(tokens[phraseStart - 1]?.norm ?? "") ? phraseStart - 2 : -1
    const cand = [
      asPlace(ctx, at[after]),
      before >= 0 && at[before]?.tokEnd === before + 1 ? asPlace(ctx, at[before]) : null
    ]
    const city = cand.find(
      (c): c is Mention => !!c && c.key !== state!.key && (!c.gaz?.capitalOf || c.gaz.capitalOf === state!.gaz!.id)
    )
    if (!city) continue
    out.push({
      predicate: "capital_of",
      subject: city,
      object: state,
      role: null,
      start: Math.min(city.start, tokens[phraseStart]!.start),
      end: Math.max(city.end, tokens[phraseEnd - 1]!.end),
      method: "relation.capital-of.v1",
      confidence: 0.85
    })
  }
  return out
}

/** Adds the located_in (or part_of) row between a place and a state beside it, unless they are one. */
const pushPlaceOfState = (
  ctx: RelContext,
  out: Array<FoundRelation>,
  place: Mention,
  state: Mention,
  after: number,
  span: { readonly start: number; readonly end: number; readonly method: string; readonly confidence: number }
): void => {
  if (place.key !== state.key)
    out.push({
      predicate: placePredicate(ctx, place, after),
      subject: place,
      object: state,
      role: null,
      start: span.start,
      end: span.end,
      method: span.method,
      confidence: span.confidence
    })
}

/** The state written after a place mention: "Cusco, Peru", "Osh (Kyrgyzstan)", "Osh in Kyrgyzstan". */
const stateAfterPlace = (ctx: RelContext, mention: Mention, place: Mention, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const e = mention.tokEnd
  // "Cusco, Peru" (not "Lima, Washington": a capital standing for its state is not a place's state)
  // (not a list of states: "flights to Moscow, Kazakhstan, and Uzbekistan")
  const comma = tokens[e]?.text === "," ? at[e + 1] : undefined
  if (isStateName(comma) && comma.tokStart === e + 1 && !listContinues(ctx, comma.tokEnd))
    pushPlaceOfState(ctx, out, place, comma, e, {
      start: mention.start,
      end: comma.end,
      method: "relation.place-comma-country.v1",
      confidence: 0.8
    })
  // "Osh (Kyrgyzstan)"
  const paren = tokens[e]?.text === "(" ? at[e + 1] : undefined
  if (isStateName(paren) && tokens[paren.tokEnd]?.text === ")")
    pushPlaceOfState(ctx, out, place, paren, e, {
      start: mention.start,
      end: tokens[paren.tokEnd]!.end,
      method: "relation.place-paren-country.v1",
      confidence: 0.8
    })
  // "Osh in Kyrgyzstan", "Khiva, a small town in western Uzbekistan", "Osh, which lies in southern Kyrgyzstan"
  let k = e
  while (
    (k < e + 7 && PLACE_GLUE.has(tokens[k]?.norm ?? "")) ||
    (k > e && SETTLEMENT_HEADS.has(tokens[k]?.norm ?? "") && k < e + 7)
  )
    k++
  if (tokens[k]?.norm === "in" && (k === e || tokens[e]?.text === "," || tokens[e]?.norm === "is")) {
    let x = k + 1
    while (PLACE_GLUE.has(tokens[x]?.norm ?? "") && tokens[x]!.text !== "," && x < k + 3) x++
    const state = at[x]
    if (isStateName(state) && tokens[state.tokEnd]?.norm !== "'s")
      pushPlaceOfState(ctx, out, place, state, e, {
        start: mention.start,
        end: state.end,
        method: "relation.place-in-country.v1",
        confidence: 0.75
      })
  }
}

/**
 * The head noun of a described place after token h: up to two lower-case modifiers and a head ("second-largest
 * city", "mining town"), the last of consecutive heads ("port city"); -1 when there is none.
 */
const describedPlaceHead = (tokens: Doc["tokens"], h: number): number => {
  let head = -1
  for (let j = h; j < h + 3 && tokens[j] && !tokens[j]!.cap && tokens[j]!.kind === "word"; j++)
    if (SETTLEMENT_HEADS.has(tokens[j]!.norm) || AREA_HEADS.has(tokens[j]!.norm)) head = j
    else if (head >= 0) break
  return head
}

/** The place at token h, and places coordinated with it after a plural head ("the cities of A, B and C"). */
const coordinatedPlaces = (ctx: RelContext, first: Mention, head: number): Array<Mention> => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const places = [first]
  for (let j = first.tokEnd; tokens[j]?.text === "," || tokens[j]?.norm === "and"; ) {
    const next = asPlace(ctx, at[tokens[j]!.text === "," && tokens[j + 1]?.norm === "and" ? j + 2 : j + 1])
    if (!next || head < 0 || !tokens[head]!.norm.endsWith("s")) break
    places.push(next)
    j = next.tokEnd
  }
  return places
}

/**
 * The places a state qualifies at token k: "Peru's Arequipa", "Chile's largest port, Valparaiso", "the Chilean city
 * of Iquique", "the Peruvian cities of Cusco and Puno".
 */
const qualifiedPlaces = (ctx: RelContext, k: number, out: Array<FoundRelation>): void => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const possessor =
    tokens[k]!.norm === "'s" && isStateName(at[k - 1])
      ? at[k - 1]!
      : tokens[k]!.norm === "its"
        ? stateBefore(ctx, k)
        : undefined
  const demonym = at[k]?.type === "country" && at[k]!.via === "demonym" && at[k]!.tokStart === k ? at[k]! : undefined
  const state = possessor ?? demonym
  if (!state) return
  let h = possessor ? k + 1 : state.tokEnd
  const head = describedPlaceHead(tokens, h)
  if (head >= 0) h = tokens[head + 1]?.norm === "of" || tokens[head + 1]?.text === "," ? head + 2 : head + 1
  else if (demonym) return
  const area = head >= 0 && AREA_HEADS.has(tokens[head]!.norm)
  const first = asPlace(ctx, at[h])
  // (without a head noun only a place read as a place: "Kazakhstan's Tashkent counterparts" is not a city's state)
  if (!first || at[h]!.tokStart !== h || (head < 0 && at[h]!.type !== "location")) return
  const start = Math.min(tokens[state.tokStart]!.start, tokens[k]!.start)
  for (const place of coordinatedPlaces(ctx, first, head)) {
    if (place.key === state.key) continue
    out.push({
      predicate: area ? "part_of" : placePredicate(ctx, place, place.tokEnd),
      subject: place,
      object: state,
      role: null,
      start,
      end: place.end,
      method: possessor ? "relation.possessive-place.v1" : "relation.demonym-place.v1",
      confidence: 0.75
    })
  }
}

/** located_in (or part_of for areas) between a place and a state written beside it. */
const statePlaceRelations = (ctx: RelContext): Array<FoundRelation> => {
  const out: Array<FoundRelation> = []
  for (const mention of ctx.mentions) {
    const place = asPlace(ctx, mention)
    if (place && mention.via !== "metonym") stateAfterPlace(ctx, mention, place, out)
  }
  for (let k = 1; k < ctx.doc.tokens.length; k++) qualifiedPlaces(ctx, k, out)
  return out
}

/** The state "its" refers to: the nearest state named before it in its sentence, at most eight tokens back. */
const stateBefore = (ctx: RelContext, k: number): Mention | undefined => {
  const ms = ctx.perSentence[ctx.doc.sentenceOf[k]!]!.filter((m) => m.tokEnd <= k && m.type === "country")
  const last = ms[ms.length - 1]
  return isStateName(last) && k - last.tokEnd <= 8 ? last : undefined
}

/**
 * Areas of a state and the places in an area: "the Atacama Region of Chile", "a mine and a port in the Antofagasta
 * Region".
 */
const areaRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at, mentions } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const r of mentions) {
    if (r.type !== "location") continue
    // the area's head noun is in its name or right after it ("the Atacama region", "Atacama Region")
    const last = r.name.toLowerCase().split(/\s+/).pop() ?? ""
    const headAfter = AREA_HEADS.has(tokens[r.tokEnd]?.norm ?? "")
    if (!AREA_HEADS.has(last) && !headAfter) continue
    const e = headAfter ? r.tokEnd + 1 : r.tokEnd
    // "... region of Kyrgyzstan" (", Kyrgyzstan" and "in Kyrgyzstan" are read by the place rules)
    const x = tokens[e]?.norm === "of" ? at[skipArticles(ctx, e + 1)] : undefined
    if (isStateName(x) && x.key !== r.key)
      out.push({
        predicate: "part_of",
        subject: r,
        object: x,
        role: null,
        start: r.start,
        end: x.end,
        method: "relation.area-of-state.v1",
        confidence: 0.75
      })
    // the places coordinated right before "in (the) <area>"
    let b = r.tokStart - 1
    while (b >= 0 && tokens[b]!.norm === "the") b--
    if (tokens[b]?.norm !== "in") continue
    for (let j = b; j > 0; ) {
      const p = at[j - 1]
      const place = p && p.tokEnd === j ? asPlace(ctx, p) : null
      if (!place || place.key === r.key) break
      out.push({
        predicate: "part_of",
        subject: place,
        object: r,
        role: null,
        start: place.start,
        end: tokens[e - 1]!.end,
        method: "relation.place-in-area.v1",
        confidence: 0.7
      })
      if (isStateName(x) && place.key !== x.key)
        out.push({
          predicate: "located_in",
          subject: place,
          object: x,
          role: null,
          start: place.start,
          end: x.end,
          method: "relation.place-in-area.v1",
          confidence: 0.7
        })
      j = p!.tokStart
      if (tokens[j - 1]?.norm === "the") j--
      if (tokens[j - 1]?.norm !== "and" && tokens[j - 1]?.text !== ",") break
      j--
      if (tokens[j - 1]?.text === ",") j--
      if (tokens[j - 1]?.norm === "the") j--
    }
  }
  return out
}
