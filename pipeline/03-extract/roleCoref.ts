/**
 * Coreference of role descriptions: "the Kazakh leader", "the U.S. president", "Uzbekistan's
 * foreign minister", "the senator" refer back to the person the article last named with that
 * role (by a title before the name, "Kazakh President Kassym-Jomart Tokayev", an apposition
 * after it, "Tokayev, the president of Kazakhstan", or a gazetteer position held at the
 * article's date). Only earlier persons of the article are candidates. Pure.
 */
import type { TitleEntry } from "../../schemas/Lexicon.js"
import { tokenize } from "../text/tokens.js"
import { type Doc, heldAt } from "./doc.js"
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

/** A role the article gives a person, at the person's first token. */
type RoleAt = Role & { readonly at: number }

/** The mentions by first token (the first found) and by end token (the last found). */
const mentionsByEdge = (mentions: ReadonlyArray<Mention>) => {
  const byStart = new Map<number, Mention>()
  const byEnd = new Map<number, Mention>()
  for (const mention of mentions) {
    if (!byStart.has(mention.tokStart)) byStart.set(mention.tokStart, mention)
    byEnd.set(mention.tokEnd, mention)
  }
  return { byStart, byEnd }
}

/** A gazetteer position's role ("Secretary of State") read as a title of the lexicon (looked up once per role). */
const roleTitles = (lex: Doc["lex"]): ((role: string) => string | null) => {
  const titleIds = new Map<string, string | null>()
  return (role) => {
    if (!titleIds.has(role)) {
      const roleTokens = tokenize(role)
      const hit = lex.titles.longest(roleTokens, 0)
      titleIds.set(role, hit && hit.length === roleTokens.length ? hit.values[0]!.id : null)
    }
    return titleIds.get(role)!
  }
}

/**
 * The roles of one person: a title before the name, an apposition after it ("Tokayev, the president of
 * Kazakhstan"), and the gazetteer positions held at the article's date.
 */
const rolesOf = (
  doc: Doc,
  person: Mention,
  edges: ReturnType<typeof mentionsByEdge>,
  titleOfRole: (role: string) => string | null,
  roles: Array<RoleAt>
): void => {
  const { tokens, lex } = doc
  const at = person.tokStart
  const before = titleEndingAt(doc, person.tokStart)
  if (before)
    roles.push({
      title: before.entry.id,
      holder: holderBefore(doc, edges.byEnd, before.start)?.key ?? null,
      person,
      at
    })
  // apposition: "Tokayev, the president of Kazakhstan"
  if (tokens[person.tokEnd]?.text === "," && DETERMINERS.has(tokens[person.tokEnd + 1]?.norm ?? "")) {
    const title = lex.titles.longest(tokens, person.tokEnd + 2)
    if (title) {
      const after = person.tokEnd + 2 + title.length
      const of = tokens[after]?.norm === "of" ? edges.byStart.get(after + 1) : undefined
      roles.push({ title: title.values[0]!.id, holder: of?.key ?? null, person, at })
    }
  }
  for (const position of person.gaz?.positions ?? []) {
    const id = titleOfRole(position.role)
    if (id !== null && heldAt(doc, position)) roles.push({ title: id, holder: `gaz:${position.of}`, person, at })
  }
}

/**
 * The person the role description at tokens [i, j) refers back to, as a mention there; undefined when it is not a
 * determined singular description or no one (or, without a stated holder, more than one person) can be meant.
 */
const describedPerson = (
  doc: Doc,
  i: number,
  j: number,
  entry: TitleEntry,
  edges: ReturnType<typeof mentionsByEdge>,
  roles: ReadonlyArray<RoleAt>
): Mention | undefined => {
  const { tokens } = doc
  // the holder is named before the title ("the Kazakh leader", "Uzbekistan's president") or after it ("the president of
  // Tajikistan")
  const after = tokens[j]?.norm === "of" ? edges.byStart.get(j + 1) : undefined
  const holder =
    holderBefore(doc, edges.byEnd, i) ??
    (after && (after.type === "country" || after.type === "organization") ? after : undefined)
  const first = holder && holder.tokEnd <= i ? holder.tokStart : i
  const determined =
    DETERMINERS.has(tokens[first - 1]?.norm ?? "") || (holder !== undefined && tokens[i - 1]?.norm === "'s")
  if (!determined || /s$/.test(tokens[j - 1]!.norm)) return undefined
  const candidates = roles.filter(
    (r) => r.at < i && compatible(entry.id, r.title) && (holder === undefined || r.holder === holder.key)
  )
  // without a stated holder, "the president" is resolved only when one person of the article can be meant
  const found = candidates.at(-1)
  if (!(found && (holder !== undefined || candidates.every((r) => r.person.key === found.person.key)))) return undefined
  const { person } = found
  return {
    ...person,
    tokStart: i,
    tokEnd: j,
    start: tokens[i]!.start,
    end: tokens[j - 1]!.end,
    via: "description",
    method: "entity.role-coref.v1",
    confidence: Math.min(person.confidence, 0.7)
  }
}

/**
 * New person mentions for the role descriptions of a document, given its mentions so far and
 * the tokens they take (descriptions over taken tokens are skipped).
 */
export const roleMentions = (doc: Doc, mentions: ReadonlyArray<Mention>, taken: Uint8Array): Array<Mention> => {
  const { tokens, lex } = doc
  const edges = mentionsByEdge(mentions)
  const titleOfRole = roleTitles(lex)
  // the roles the article gives its people, in order of mention
  const roles: Array<RoleAt> = []
  for (const person of [...mentions].sort((a, b) => a.tokStart - b.tokStart))
    if (person.type === "person") rolesOf(doc, person, edges, titleOfRole, roles)
  if (roles.length === 0) return []

  const out: Array<Mention> = []
  for (let i = 0; i < tokens.length; i++) {
    const hit = lex.titles.longest(tokens, i)
    if (!hit) continue
    const j = i + hit.length
    const entry = hit.values[0]!
    let overTaken = false
    for (let k = i; k < j; k++) if (taken[k]) overTaken = true
    // a title before a name is that name's, not a description ("President Tokayev")
    const described =
      overTaken || entry.holder_of === "none" || (tokens[j]?.cap && tokens[j]!.kind === "word")
        ? undefined
        : describedPerson(doc, i, j, entry, edges, roles)
    if (described) out.push(described)
    i = j - 1
  }
  return out
}
