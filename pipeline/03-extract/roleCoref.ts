/**
 * Coreference of role descriptions: "the Kazakh leader", "the U.S. president", "Uzbekistan's
 * foreign minister", "the senator" refer back to the person the article last named with that
 * role (by a title before the name, "Kazakh President Kassym-Jomart Tokayev", an apposition
 * after it, "Tokayev, the president of Kazakhstan", or a gazetteer position held at the
 * article's date). Only earlier persons of the article are candidates. Pure.
 */
import type { TitleEntry } from "../../schemas/Lexicon.js"
import { tokenize } from "../text/tokens.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

/** Titles that a generic "leader" may stand for. */
const LEADER_TITLES = new Set([
  "title.leader",
  "title.president",
  "title.prime-minister",
  "title.king",
  "title.chancellor"
])
const DETERMINERS = new Set(["the", "this", "that"])

interface Role {
  readonly title: string
  readonly holder: string | null
  readonly person: Mention
}

const compatible = (described: string, held: string): boolean =>
  described === held || (described === "title.leader" && LEADER_TITLES.has(held))

/** A country (or organisation) mention ending right before token k, possibly with "'s". */
const holderBefore = (doc: Doc, byEnd: ReadonlyMap<number, Mention>, k: number): Mention | undefined => {
  const poss = doc.tokens[k - 1]?.norm === "'s"
  const m = byEnd.get(poss ? k - 1 : k)
  return m && (m.type === "country" || m.type === "organization") ? m : undefined
}

/** The title that ends exactly at token k (the longest of the titles starting up to 4 tokens earlier). */
const titleEndingAt = (doc: Doc, k: number): { readonly entry: TitleEntry; readonly start: number } | null => {
  for (let s = Math.max(0, k - 4); s < k; s++) {
    const hit = doc.lex.titles.longest(doc.tokens, s)
    if (hit && s + hit.length === k) return { entry: hit.values[0]!, start: s }
  }
  return null
}

const validAt = (
  p: { readonly from?: string | undefined; readonly to?: string | undefined },
  day: string | null
): boolean => day === null || ((p.from === undefined || p.from <= day) && (p.to === undefined || day <= p.to))

/**
 * New person mentions for the role descriptions of a document, given its mentions so far and
 * the tokens they take (descriptions over taken tokens are skipped).
 */
export const roleMentions = (doc: Doc, mentions: ReadonlyArray<Mention>, taken: Uint8Array): Array<Mention> => {
  const { tokens, lex } = doc
  const byStart = new Map<number, Mention>()
  const byEnd = new Map<number, Mention>()
  for (const m of mentions) {
    if (!byStart.has(m.tokStart)) byStart.set(m.tokStart, m)
    byEnd.set(m.tokEnd, m)
  }
  // a gazetteer position's role ("Secretary of State") read as a title of the lexicon
  const titleIds = new Map<string, string | null>()
  const titleOfRole = (role: string): string | null => {
    if (!titleIds.has(role)) {
      const ts = tokenize(role)
      const hit = lex.titles.longest(ts, 0)
      titleIds.set(role, hit && hit.length === ts.length ? hit.values[0]!.id : null)
    }
    return titleIds.get(role)!
  }
  // the roles the article gives its people, in order of mention
  const roles: Array<Role & { readonly at: number }> = []
  const sorted = [...mentions].sort((a, b) => a.tokStart - b.tokStart)
  for (const p of sorted) {
    if (p.type !== "person") continue
    const before = titleEndingAt(doc, p.tokStart)
    if (before)
      roles.push({
        title: before.entry.id,
        holder: holderBefore(doc, byEnd, before.start)?.key ?? null,
        person: p,
        at: p.tokStart
      })
    // apposition: "Tokayev, the president of Kazakhstan"
    if (tokens[p.tokEnd]?.text === "," && DETERMINERS.has(tokens[p.tokEnd + 1]?.norm ?? "")) {
      const t = lex.titles.longest(tokens, p.tokEnd + 2)
      if (t) {
        const after = p.tokEnd + 2 + t.length
        const of = tokens[after]?.norm === "of" ? byStart.get(after + 1) : undefined
        roles.push({
          title: t.values[0]!.id,
          holder: of?.key ?? null,
          person: p,
          at: p.tokStart
        })
      }
    }
    for (const pos of p.gaz?.positions ?? []) {
      const id = titleOfRole(pos.role)
      if (id !== null && validAt(pos, doc.ref.value))
        roles.push({
          title: id,
          holder: `gaz:${pos.of}`,
          person: p,
          at: p.tokStart
        })
    }
  }
  if (roles.length === 0) return []

  const out: Array<Mention> = []
  for (let i = 0; i < tokens.length; i++) {
    const hit = lex.titles.longest(tokens, i)
    if (!hit) continue
    const j = i + hit.length
    const entry = hit.values[0]!
    let skip = false
    for (let k = i; k < j; k++) if (taken[k]) skip = true
    // a title before a name is that name's, not a description ("President Tokayev")
    if (skip || entry.holder_of === "none" || (tokens[j]?.cap && tokens[j]!.kind === "word")) {
      i = j - 1
      continue
    }
    // the holder is named before the title ("the Kazakh leader", "Uzbekistan's president") or after it ("the president of Tajikistan")
    const after = tokens[j]?.norm === "of" ? byStart.get(j + 1) : undefined
    const holder =
      holderBefore(doc, byEnd, i) ??
      (after && (after.type === "country" || after.type === "organization") ? after : undefined)
    const first = holder && holder.tokEnd <= i ? holder.tokStart : i
    const determined =
      DETERMINERS.has(tokens[first - 1]?.norm ?? "") || (holder !== undefined && tokens[i - 1]?.norm === "'s")
    if (!determined || /s$/.test(tokens[j - 1]!.norm)) {
      i = j - 1
      continue
    }
    const candidates = roles.filter(
      (r) => r.at < i && compatible(entry.id, r.title) && (holder === undefined || r.holder === holder.key)
    )
    // without a stated holder, "the president" is resolved only when one person of the article can be meant
    const found = candidates.at(-1)
    if (found && (holder !== undefined || candidates.every((r) => r.person.key === found.person.key))) {
      const p = found.person
      out.push({
        ...p,
        tokStart: i,
        tokEnd: j,
        start: tokens[i]!.start,
        end: tokens[j - 1]!.end,
        via: "description",
        method: "entity.role-coref.v1",
        confidence: Math.min(p.confidence, 0.7)
      })
    }
    i = j - 1
  }
  return out
}
