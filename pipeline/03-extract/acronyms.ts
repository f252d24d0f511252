/**
 * Acronyms defined in brackets: "Organization of Turkic States (OTS)", "Office of Foreign Assets
 * Control (OFAC)". The bracketed acronym and every later use of it in the article name the entity
 * before the brackets; a capitalised run whose initials spell the acronym is a name even without a
 * head word ("Partnership for Global Infrastructure and Investment (PGII)"). Pure.
 */
import type { EntityType } from "../../schemas/vocab.js"
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import { CONNECTORS, headType, headTypeLeading, isCapWord, patMention } from "./nameRuns.js"

const ACRONYM_SHAPE = /^[\p{Lu}\p{N}][\p{L}\p{N}&+-]{1,9}$/u
/**
 * An acronym: 2–10 letters, digits or joiners, starting with a capital or digit, with two capitals at least ("OFAC",
 * "MoE").
 */
const isAcronym = (s: string): boolean => ACRONYM_SHAPE.test(s) && (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2
const NAMED: ReadonlySet<EntityType> = new Set(["organization", "initiative", "named_event", "legislation", "location"])

/** The initials of a name's capitalised words ("Office of Foreign Assets Control" → "OFAC"). */
const initials = (words: ReadonlyArray<string>): string =>
  words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) =>
      w
        .split(/[-–]/)
        .map((p) => p[0] ?? "")
        .join("")
    )
    .join("")
    .toUpperCase()

/**
 * Does the acronym stand for the name? Its letters are the name's initials, or begin like them and
 * keep their order; for a one-word name, its letters appear in the word in order ("Promsvyazbank (PSB)").
 */
const standsFor = (acr: string, name: string): boolean => {
  const a = acr.replace(/[^\p{Lu}\p{N}]/gu, "")
  const words = name.split(/\s+/)
  if (words.length === 1) return inOrder(a.toLowerCase(), name.toLowerCase()) && a[0] === name[0]
  const init = initials(words)
  if (a === init) return true
  if (a[0] !== init[0]) return false
  let k = 0
  for (const c of init) if (c === a[k]) k++
  return k === a.length && a.length >= 2
}

const inOrder = (letters: string, word: string): boolean => {
  let k = 0
  for (const c of word) if (c === letters[k]) k++
  return k === letters.length
}

/** The mentions that may be expanded by an acronym after them, by end token, and the states by end token. */
const namesByEnd = (mentions: ReadonlyArray<Mention>) => {
  const namedByEnd = new Map<number, Mention>()
  const stateByEnd = new Map<number, Mention>()
  for (const mention of mentions) {
    if (NAMED.has(mention.type) && mention.via === "name") namedByEnd.set(mention.tokEnd, mention)
    if (mention.type === "country") stateByEnd.set(mention.tokEnd, mention)
  }
  return { namedByEnd, stateByEnd }
}

/** Is token k the opening bracket of an untaken acronym in brackets ("(OFAC)")? */
const bracketedAcronym = (doc: Doc, k: number, taken: Uint8Array): boolean =>
  doc.tokens[k]!.text === "(" && doc.tokens[k + 2]!.text === ")" && !taken[k + 1] && isAcronym(doc.tokens[k + 1]!.text)

/**
 * "Association of Canada (PDAC)": the body qualified by the state before the brackets, when the acronym spells both.
 */
const stateQualifiedBody = (
  doc: Doc,
  acronym: string,
  state: Mention | undefined,
  namedByEnd: ReadonlyMap<number, Mention>
): Mention | undefined => {
  if (!state || (state.type !== "country" && state.type !== "location")) return undefined
  if (doc.tokens[state.tokStart - 1]?.norm !== "of") return undefined
  const body = namedByEnd.get(state.tokStart - 1)
  return body && body.type !== "location" && standsFor(acronym, doc.text.slice(body.start, state.end))
    ? body
    : undefined
}

/**
 * The first token of the capitalised run ending before token k (connectors and "&" inside it), not crossing taken
 * tokens.
 */
const capitalisedRunStart = (doc: Doc, k: number, taken: Uint8Array): number => {
  const { tokens } = doc
  let s = k
  while (
    s > 0 &&
    !taken[s - 1] &&
    (isCapWord(tokens[s - 1]) ||
      (CONNECTORS.has(tokens[s - 1]!.norm) && isCapWord(tokens[s - 2])) ||
      tokens[s - 1]!.text === "&")
  )
    s--
  while (s < k && !isCapWord(tokens[s])) s++
  return s
}

/**
 * The capitalised run before the brackets at k whose initials spell the acronym, typed by its head word, a leading
 * head joined by a connector ("Partnership for ..."), or as a one-word body; undefined when the run spelling it has no
 * type.
 */
const spelledName = (doc: Doc, acronym: string, k: number, taken: Uint8Array): Mention | undefined => {
  const { tokens } = doc
  for (let s = capitalisedRunStart(doc, k, taken); s < k; s++) {
    if (!isCapWord(tokens[s])) continue
    if (!standsFor(acronym, doc.text.slice(tokens[s]!.start, tokens[k - 1]!.end))) continue
    const lead = tokens[s]!.norm
    const joined = CONNECTORS.has(tokens[s + 1]?.norm ?? "")
    const type =
      headType(doc, tokens[k - 1]!.norm) ??
      (joined && inList(doc, "initiative_suffix", lead) ? "initiative" : null) ??
      (joined ? headTypeLeading(doc, lead, 3) : null) ??
      (k - s === 1 ? "organization" : null)
    return type === null ? undefined : patMention(doc, type, s, k, "entity.acronym-name.v1", 0.7)
  }
  return undefined
}

/** A one-token mention of the acronym's name at the token (the acronym itself, or a later use of it). */
const acronymUse = (named: Mention, k: number, token: Doc["tokens"][number]): Mention => ({
  ...named,
  tokStart: k,
  tokEnd: k + 1,
  start: token.start,
  end: token.end,
  method: "entity.acronym.v1",
  confidence: Math.min(named.confidence, 0.8)
})

/**
 * New mentions for bracketed acronyms and their later uses, and names found through them, given
 * the mentions so far and the tokens they take (updated for the new mentions).
 */
export const acronymMentions = (doc: Doc, mentions: ReadonlyArray<Mention>, taken: Uint8Array): Array<Mention> => {
  const { tokens } = doc
  const { namedByEnd, stateByEnd } = namesByEnd(mentions)
  const defined = new Map<string, Mention>()
  const out: Array<Mention> = []
  const take = (mention: Mention) => {
    for (let k = mention.tokStart; k < mention.tokEnd; k++) taken[k] = 1
    out.push(mention)
  }
  for (let k = 1; k + 2 < tokens.length; k++) {
    if (!bracketedAcronym(doc, k, taken)) {
      // a later use of a defined acronym
      const token = tokens[k]!
      const definedName = defined.get(token.text)
      if (definedName && !taken[k] && token.kind === "word") take(acronymUse(definedName, k, token))
      continue
    }
    const acronym = tokens[k + 1]!
    let named = namedByEnd.get(k)
    let spelled = false
    const qualifiedBody = stateQualifiedBody(doc, acronym.text, named ?? stateByEnd.get(k), namedByEnd)
    if (qualifiedBody) {
      named = qualifiedBody
      spelled = true
    }
    if (!named) {
      named = spelledName(doc, acronym.text, k, taken)
      spelled = named !== undefined
      if (named) take(named)
    }
    if (
      !named ||
      !(
        spelled ||
        standsFor(acronym.text, named.name.replace(/^the\s+/i, "")) ||
        standsFor(acronym.text, doc.text.slice(named.start, named.end))
      )
    )
      continue
    defined.set(acronym.text, named)
    take({ ...acronymUse(named, k + 1, acronym), via: "name" })
    k += 2
  }
  return out
}
