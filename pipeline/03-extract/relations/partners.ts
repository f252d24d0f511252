/**
 * partner_of between two states in one clause: "a transit accord between Chile and Peru",
 * "Mongolia keeps warm ties with Japan", "Ulaanbaatar finds Tokyo a steady partner", "the
 * Kazakh-Russian agreement", "A and B signed a treaty". Not when the clause makes it hypothetical
 * ("may ... restore relations with"), nor when the state only qualifies a company ("Peru's airline
 * ... contract with U.S.-based Acme").
 */
import type { Doc } from "../doc.js"
import type { Mention } from "../entities.js"
import { type FoundRelation, type RelContext, skipArticles, subjectBefore, uniqByKey } from "./context.js"

/** Words that signal a partnership between states. */
export const PARTNER_CUES = new Set([
  "partner",
  "partners",
  "partnership",
  "partnerships",
  "ally",
  "allies",
  "alliance",
  "agreement",
  "agreements",
  "ties",
  "relations",
  "treaty",
  "cooperation",
  "relationship",
  "deal",
  "memorandum"
])
/** Nouns that take "with" + the partner: "ties with Chile". */
const WITH_NOUNS = new Set([
  "ties",
  "relations",
  "partnership",
  "cooperation",
  "alliance",
  "agreement",
  "relationship",
  "memorandum",
  "treaty",
  "deal"
])
const PARTNER_NOUNS = new Set(["partner", "partners", "partnership", "ally", "allies", "alliance"])
/** Words that make a stated partnership hypothetical, future or not (yet) real. */
export const UNREAL = new Set([
  "will",
  "would",
  "may",
  "might",
  "could",
  "expected",
  "aims",
  "aimed",
  "seeks",
  "hopes",
  "wants",
  "normalizing",
  "normalising",
  "normalize",
  "normalise",
  "restore",
  "restoring",
  "not",
  "never",
  "if"
])
const BREAKS = new Set([",", ";", ":", "—", "–"])

/** Nouns for a state's people that stand for the state after "with": "with senior envoys of Peru". */
const ENVOYS = new Set([
  "officials",
  "leaders",
  "government",
  "delegation",
  "delegations",
  "counterparts",
  "representatives",
  "authorities",
  "ministers",
  "leadership"
])

/** A state named as itself (not by a demonym). */
const namedState = (m: Mention | undefined): boolean => !!m && m.type === "country" && m.via !== "demonym"

/** A state or a union of states ("between the EU and Kazakhstan"). */
const stateOrUnion = (m: Mention | undefined): m is Mention =>
  namedState(m) || (!!m && m.type === "organization" && m.gaz !== null && /\bUnion\b/.test(m.gaz.name))

/** "U.S.-based Acme", "a French-led initiative": the state qualifies something else. */
const qualifiesNext = (tokens: Doc["tokens"], m: Mention): boolean =>
  tokens[m.tokEnd]?.text === "-" || tokens[m.tokEnd]?.norm === "'s"

const unrealBetween = (tokens: Doc["tokens"], from: number, to: number): boolean =>
  tokens.slice(from, to).some((t) => UNREAL.has(t.norm))

/**
 * The noun "with" (or "between") at k attaches to: "ties with", "a memorandum of understanding with", "a treaty of
 * friendship with".
 */
const nounBefore = (tokens: Doc["tokens"], k: number): string =>
  tokens[k - 2]?.norm === "of" && WITH_NOUNS.has(tokens[k - 3]?.norm ?? "")
    ? tokens[k - 3]!.norm
    : (tokens[k - 1]?.norm ?? "")

/** The state after "with" at k: named directly, or as "(the) (top) officials from / of X". */
const withObject = (ctx: RelContext, k: number): Mention | undefined => {
  const { at } = ctx
  const { tokens } = ctx.doc
  if (namedState(at[skipArticles(ctx, k + 1)])) return at[skipArticles(ctx, k + 1)]
  let x = k + 1
  while (x < k + 4 && !ENVOYS.has(tokens[x]?.norm ?? "")) x++
  const prep = tokens[x + 1]?.norm
  return ENVOYS.has(tokens[x]?.norm ?? "") && (prep === "from" || prep === "of") && namedState(at[x + 2])
    ? at[x + 2]
    : undefined
}

type Span = { readonly start: number; readonly end: number }

const partnerOf = (
  subject: Mention,
  object: Mention,
  span: Span,
  method: string,
  confidence: number
): FoundRelation => ({
  predicate: "partner_of",
  subject,
  object,
  role: null,
  start: span.start,
  end: span.end,
  method,
  confidence
})

/** "a transit accord between Chile and Peru" at "between" (token k); not "the war between ...". */
const partnerBetween = (ctx: RelContext, k: number): readonly [Mention, Mention] | undefined => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const first = at[skipArticles(ctx, k + 1)]
  const second = first && tokens[first.tokEnd]?.norm === "and" ? at[skipArticles(ctx, first.tokEnd + 1)] : undefined
  return tokens[k]!.norm === "between" &&
    WITH_NOUNS.has(nounBefore(tokens, k)) &&
    stateOrUnion(first) &&
    stateOrUnion(second) &&
    (namedState(first) || namedState(second)) &&
    !qualifiesNext(tokens, second)
    ? [first, second]
    : undefined
}

/**
 * "Tajikistan has long kept close ties with India", "the minister ... signing a memorandum of understanding with
 * senior officials from Uzbekistan" (a person stands for the state they serve), at "with" (token k).
 */
const partnerWith = (
  ctx: RelContext,
  k: number,
  mentions: ReadonlyArray<Mention>,
  stateOf: (m: Mention) => Mention | null
): readonly [Mention, Mention] | undefined => {
  const { tokens } = ctx.doc
  if (tokens[k]!.norm !== "with" || !WITH_NOUNS.has(nounBefore(tokens, k))) return undefined
  const object = withObject(ctx, k)
  if (!object || qualifiesNext(tokens, object)) return undefined
  const subject = mentions
    .filter((m) => m.tokEnd <= k - 1 && !qualifiesNext(tokens, m))
    .map((m) => (namedState(m) ? m : m.type === "person" ? stateOf(m) : null))
    .find((c): c is Mention => !!c && c.key !== object.key)
  const from = mentions.find((m) => m.tokEnd <= k - 1 && (namedState(m) || m.type === "person"))
  return subject && from && !unrealBetween(tokens, from.tokEnd, k) ? [subject, object] : undefined
}

/**
 * Exactly two states and a partner noun right after the second, in one stretch: "Ulaanbaatar finds Tokyo a steady
 * partner".
 */
const partnerPair = (
  tokens: Doc["tokens"],
  sentence: Doc["sentences"][number],
  mentions: ReadonlyArray<Mention>
): readonly [Mention, Mention] | undefined => {
  const states = uniqByKey(mentions.filter((m) => m.type === "country").filter((c) => namedState(c)))
  if (states.length !== 2) return undefined
  const [first, second] = [states[0]!, states[1]!]
  const cue = tokens
    .slice(second.tokEnd, Math.min(sentence.tokEnd, second.tokEnd + 5))
    .findIndex((t) => PARTNER_NOUNS.has(t.norm))
  const stretch = tokens.slice(first.tokEnd, second.tokEnd + Math.max(cue, 0))
  return cue >= 0 &&
    second.tokStart - first.tokEnd <= 8 &&
    !stretch.some((t) => BREAKS.has(t.text)) &&
    !unrealBetween(tokens, first.tokEnd, second.tokEnd + cue)
    ? [first, second]
    : undefined
}

/**
 * Find partner_of relations between two states named in one clause; `stateOf` gives the state a person holds office in.
 */
export const partnerRelations = (ctx: RelContext, stateOf: (m: Mention) => Mention | null): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const [si, sentence] of doc.sentences.entries()) {
    const mentions = ctx.perSentence[si]!
    let cued = false
    for (let k = sentence.tokStart; k < sentence.tokEnd && !cued; k++) cued = PARTNER_CUES.has(tokens[k]!.norm)
    if (!cued) continue
    for (let k = sentence.tokStart; k < sentence.tokEnd; k++) {
      const between = partnerBetween(ctx, k)
      if (between) out.push(partnerOf(between[0], between[1], sentence, "relation.partner-between.v1", 0.6))
      const withPair = partnerWith(ctx, k, mentions, stateOf)
      if (withPair) out.push(partnerOf(withPair[0], withPair[1], sentence, "relation.partner-with.v1", 0.6))
    }
    const pair = partnerPair(tokens, sentence, mentions)
    if (pair) out.push(partnerOf(pair[0], pair[1], sentence, "relation.partner.v1", 0.55))
  }
  out.push(...compoundPartners(ctx), ...signedPartners(ctx, stateOf))
  return out
}

/** The heads of a hyphenated pair of states that make them partners: "the Chile-Peru accord". */
const PAIR_HEADS = new Set([
  "agreement",
  "agreements",
  "partnership",
  "ties",
  "relations",
  "relationship",
  "treaty",
  "cooperation",
  "deal",
  "memorandum",
  "alliance",
  "friendship",
  "accord",
  "pact",
  "declaration"
])
/** Words a hyphenated pair of states qualifies: a head, or a modifier before one ("Mongolian-Japanese ties"). */
const PAIR_NOUNS = new Set([
  ...PAIR_HEADS,
  "strategic",
  "comprehensive",
  "bilateral",
  "economic",
  "trade",
  "border",
  "intergovernmental",
  "joint"
])

/** "the Chile-Peru accord", "a Mongolia–Japan comprehensive economic partnership", "Mongolian-Japanese relations". */
const compoundPartners = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (const a of ctx.mentions) {
    if (a.type !== "country" || (tokens[a.tokEnd]?.text !== "-" && tokens[a.tokEnd]?.text !== "–")) continue
    const b = at[a.tokEnd + 1]
    if (b?.type !== "country" || b.tokStart !== a.tokEnd + 1 || b.key === a.key || tokens[b.tokEnd]?.text === "-")
      continue
    // the head noun within four modifiers ("comprehensive strategic cooperative partnership"), not in a name ("the
    // Russia-Ukraine War")
    let k = b.tokEnd
    while (
      k < b.tokEnd + 4 &&
      !PAIR_HEADS.has(tokens[k]?.norm ?? "") &&
      (PAIR_NOUNS.has(tokens[k]?.norm ?? "") ||
        (tokens[k]?.kind === "word" && !tokens[k]!.cap && /^[a-z-]+(ive|al|ic|ing)$/.test(tokens[k]!.norm)))
    )
      k++
    if (!PAIR_HEADS.has(tokens[k]?.norm ?? "")) continue
    out.push({
      predicate: "partner_of",
      subject: a,
      object: b,
      role: null,
      start: a.start,
      end: tokens[k]!.end,
      method: "relation.partner-compound.v1",
      confidence: 0.65
    })
  }
  return out
}

/** Documents two parties sign with each other. */
const SIGNED_NOUNS = new Set([
  "agreement",
  "agreements",
  "treaty",
  "treaties",
  "memorandum",
  "memoranda",
  "deal",
  "deals",
  "accord",
  "accords",
  "pact",
  "declaration",
  "roadmap",
  "protocol",
  "charter",
  "communique"
])
const SIGN_VERBS = new Set(["signed", "sign", "signs", "signing", "inked", "concluded"])

/**
 * "the Chilean president X and the Peruvian president Y have signed a water treaty", "Chile and Peru signed an
 * agreement": the coordinated parties of a signing, each a state or a person standing for the state they serve.
 */
const signedPartners = (ctx: RelContext, stateOf: (m: Mention) => Mention | null): Array<FoundRelation> => {
  const { doc } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let k = 1; k < tokens.length; k++) {
    if (!SIGN_VERBS.has(tokens[k]!.norm)) continue
    // the signed document right after the verb, past articles and up to three modifiers
    let x = skipArticles(ctx, k + 1)
    while (x < k + 6 && !SIGNED_NOUNS.has(tokens[x]?.norm ?? "") && tokens[x]?.kind === "word" && !tokens[x]!.cap) x++
    if (!SIGNED_NOUNS.has(tokens[x]?.norm ?? "")) continue
    let b = k - 1
    while (
      b > 0 &&
      [
        "have",
        "has",
        "had",
        "also",
        "jointly",
        "formally",
        "officially",
        "finally",
        "on",
        "today",
        "yesterday"
      ].includes(tokens[b]!.norm)
    )
      b--
    if (UNREAL.has(tokens[b]!.norm) || tokens.slice(b, k).some((t) => UNREAL.has(t.norm))) continue
    const parties = subjectBefore(ctx, b + 1)
    const states = uniqByKey(
      parties
        .map((m) => (m.type === "person" ? stateOf(m) : m))
        .filter((m): m is Mention => !!m && m.type === "country")
    )
    if (parties.length === 0) continue
    for (let i = 0; i < states.length; i++)
      for (let j = i + 1; j < states.length; j++)
        out.push({
          predicate: "partner_of",
          subject: states[i]!,
          object: states[j]!,
          role: null,
          start: parties[0]!.start,
          end: tokens[x]!.end,
          method: "relation.partner-signed.v1",
          confidence: 0.6
        })
  }
  return out
}
