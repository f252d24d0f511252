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
/** An acronym: 2–10 letters, digits or joiners, starting with a capital or digit, with two capitals at least ("OFAC", "MoE"). */
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

/**
 * New mentions for bracketed acronyms and their later uses, and names found through them, given
 * the mentions so far and the tokens they take (updated for the new mentions).
 */
export const acronymMentions = (doc: Doc, mentions: ReadonlyArray<Mention>, taken: Uint8Array): Array<Mention> => {
  const { tokens } = doc
  const byEnd = new Map<number, Mention>()
  const stateAt = new Map<number, Mention>()
  for (const m of mentions) {
    if (NAMED.has(m.type) && m.via === "name") byEnd.set(m.tokEnd, m)
    if (m.type === "country") stateAt.set(m.tokEnd, m)
  }
  const defined = new Map<string, Mention>()
  const out: Array<Mention> = []
  const take = (m: Mention) => {
    for (let k = m.tokStart; k < m.tokEnd; k++) taken[k] = 1
    out.push(m)
  }
  for (let k = 1; k + 2 < tokens.length; k++) {
    const acr = tokens[k + 1]!
    if (tokens[k]!.text !== "(" || tokens[k + 2]!.text !== ")" || taken[k + 1] || !isAcronym(acr.text)) {
      // a later use of a defined acronym
      const t = tokens[k]!
      const m = defined.get(t.text)
      if (m && !taken[k] && t.kind === "word")
        take({
          ...m,
          tokStart: k,
          tokEnd: k + 1,
          start: t.start,
          end: t.end,
          method: "entity.acronym.v1",
          confidence: Math.min(m.confidence, 0.8)
        })
      continue
    }
    let named = byEnd.get(k)
    let spelled = false
    // "Association of Canada (PDAC)": the body qualified by the state after it
    const state = named ?? stateAt.get(k)
    if (state && (state.type === "country" || state.type === "location") && tokens[state.tokStart - 1]?.norm === "of") {
      const body = byEnd.get(state.tokStart - 1)
      if (body && body.type !== "location" && standsFor(acr.text, doc.text.slice(body.start, state.end))) {
        named = body
        spelled = true
      }
    }
    if (!named) {
      // the capitalised run before the brackets whose initials spell the acronym
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
      for (; s < k; s++) {
        if (!isCapWord(tokens[s])) continue
        const name = doc.text.slice(tokens[s]!.start, tokens[k - 1]!.end)
        if (standsFor(acr.text, name)) {
          // typed by its head word, a leading head joined by a connector ("Partnership for ..."), or as a one-word body
          const lead = tokens[s]!.norm
          const joined = CONNECTORS.has(tokens[s + 1]?.norm ?? "")
          const type =
            headType(doc, tokens[k - 1]!.norm) ??
            (joined && inList(doc, "initiative_suffix", lead) ? "initiative" : null) ??
            (joined ? headTypeLeading(doc, lead, 3) : null) ??
            (k - s === 1 ? "organization" : null)
          if (type === null) break
          named = patMention(doc, type, s, k, "entity.acronym-name.v1", 0.7)
          spelled = true
          take(named)
          break
        }
      }
    }
    if (
      !named ||
      !(
        spelled ||
        standsFor(acr.text, named.name.replace(/^the\s+/i, "")) ||
        standsFor(acr.text, doc.text.slice(named.start, named.end))
      )
    )
      continue
    defined.set(acr.text, named)
    take({
      ...named,
      tokStart: k + 1,
      tokEnd: k + 2,
      start: acr.start,
      end: acr.end,
      via: "name",
      method: "entity.acronym.v1",
      confidence: Math.min(named.confidence, 0.8)
    })
    k += 2
  }
  return out
}
