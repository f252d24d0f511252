/**
 * Fuller names of bodies, formats and named events written with the state (or organisation)
 * they belong to: before them ("U.S. Department of Commerce", "Turkmen Ministry of Foreign
 * Affairs", "Uzbekistan's Presidential Press Office", "OTS Council of Foreign Ministers",
 * "Uzbekistan–U.S. Business Forum") or after them ("National Bank of Kyrgyzstan", "U.S. Embassy
 * in Tashkent"). The state stays a mention of its own; the fuller form becomes one more mention
 * (an alias), and a body found by a pattern is known by its fuller name (so that one state's
 * ministry is not another's). Pure.
 */

import { foldName } from "../text/names.js"
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import { isCapWord, lineBreakBefore, patMention } from "./nameRuns.js"

const QUALIFIED = new Set(["organization", "initiative", "named_event"])
const DASHES = new Set(["-", "–", "—"])
/** Heads that take the city they sit in: "Embassy in Tashkent". */
const SEATED = new Set(["embassy", "consulate", "mission", "office", "representation"])

/** A mention of a qualified name: the body's mention and where its fuller name starts and ends (UTF-16). */
export interface QualifiedName {
  readonly mention: Mention & {
    readonly method: string
    readonly confidence: number
  }
  readonly start: number
  readonly end: number
}

/** Can this mention qualify a body written next to it? A state by name or demonym, or an organisation's short name. */
const qualifier = (doc: Doc, m: Mention): boolean =>
  (m.type === "country" && (m.via === "name" || m.via === "demonym") && m.method !== "entity.compound-place.v1") ||
  (m.type === "organization" &&
    m.detection === "gazetteer" &&
    /^[\p{Lu}\p{N}]{2,6}$/u.test(doc.text.slice(m.start, m.end)))

/** Every body mention with a state (or organisation) named right before or right after it. */
export const qualifiedNames = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<QualifiedName> => {
  const { tokens } = doc
  const byEnd = new Map<number, Mention>()
  const byStart = new Map<number, Mention>()
  for (const m of mentions) {
    if (m.type === "country" && m.via === "metonym") continue
    if (qualifier(doc, m) || m.gaz?.capitalOf || m.gaz?.locatedIn) byStart.set(m.tokStart, m)
    if (qualifier(doc, m)) byEnd.set(m.tokEnd, m)
  }
  const out: Array<QualifiedName> = []
  for (const m of mentions) {
    if (!QUALIFIED.has(m.type) || m.via !== "name" || m.method === "entity.acronym.v1") continue
    let start = m.start
    let k = m.tokStart
    if (tokens[k - 1]?.norm === "'s") k--
    let q = byEnd.get(k)
    if (q && q.tokEnd === k && !(q.type === "organization" && k !== m.tokStart)) {
      // "Uzbekistan–U.S.": states joined by a dash without spaces
      while (
        DASHES.has(tokens[q.tokStart - 1]?.text ?? "") &&
        tokens[q.tokStart - 1]!.start === tokens[q.tokStart - 2]?.end
      ) {
        const before = byEnd.get(q.tokStart - 1)
        if (!before) break
        q = before
      }
      start = q.start
    }
    // "National Bank of Kyrgyzstan", "the Embassy in Astana": the state or seat right after
    let end = m.end
    const link = tokens[m.tokEnd]?.norm
    const after = byStart.get(m.tokEnd + 1)
    if (
      after &&
      !isCapWord(tokens[after.tokEnd]) &&
      ((link === "of" && after.type === "country" && after.via === "name") ||
        (link === "in" && SEATED.has(tokens[m.tokEnd - 1]!.norm) && after.type === "location"))
    )
      end = after.end
    if (start === m.start && end === m.end) continue
    out.push({
      mention: {
        ...m,
        method: "entity.qualified-name.v1",
        confidence: Math.min(m.confidence, 0.8)
      },
      start,
      end
    })
  }
  return out
}

/**
 * The mentions with every body found by a pattern renamed to its fuller name where the article
 * qualifies it, and its unqualified mentions in the article following when one fuller name fits.
 */
export const qualifyBodies = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<Mention> => {
  const renamed = new Map<string, Set<string>>()
  const names = new Map<string, string>()
  const own = new Map<Mention, string>()
  for (const q of qualifiedNames(doc, mentions)) {
    const m = q.mention
    if (m.detection !== "pattern") continue
    const name = doc.text.slice(q.start, q.end).replace(/^the\s+/i, "")
    const key = `pat:${m.type}:${foldName(name)}`
    const base = mentions.find((x) => x.tokStart === m.tokStart && x.tokEnd === m.tokEnd)
    if (!base) continue
    own.set(base, key)
    names.set(key, name)
    renamed.set(base.key, (renamed.get(base.key) ?? new Set()).add(key))
  }
  if (own.size === 0) return [...mentions]
  return mentions.map((m) => {
    const keys = renamed.get(m.key)
    const key = own.get(m) ?? (keys && keys.size === 1 ? [...keys][0]! : undefined)
    return key ? { ...m, key, name: names.get(key)! } : m
  })
}

/**
 * A state's institution named by one capitalised word after the state: "the Kyrgyz Parliament",
 * "the U.S. Embassy", "Uzbekistan's Cabinet" (cue list `institution`); the tokens they take are marked.
 */
export const institutionMentions = (doc: Doc, mentions: ReadonlyArray<Mention>, taken: Uint8Array): Array<Mention> => {
  const { tokens } = doc
  const out: Array<Mention> = []
  for (const q of mentions) {
    if (!qualifier(doc, q) || q.type !== "country") continue
    const k = tokens[q.tokEnd]?.norm === "'s" ? q.tokEnd + 1 : q.tokEnd
    const t = tokens[k]
    if (
      !t ||
      taken[k] ||
      !isCapWord(t) ||
      !inList(doc, "institution", t.norm) ||
      lineBreakBefore(doc, k) ||
      isCapWord(tokens[k + 1])
    )
      continue
    taken[k] = 1
    out.push(patMention(doc, "organization", k, k + 1, "entity.institution.v1", 0.7))
  }
  return out
}
