/**
 * Positions named by titles: "Chilean President X", "Peru's President X", "X, the Chilean
 * ambassador to Japan", "X is president of Y", "Acme President and CEO X", "Presidents X and Y",
 * "the President of Peru, X", "Presidents X of Chile and Y of Peru", "Special Envoy for the Andes X";
 * occupations at an employer ("X, an economist at the Y"); the party qualifying a title ("Republican Senator X").
 */

import type { TitleEntry } from "../../../schemas/Lexicon.js"
import { heldAt, inList } from "../doc.js"
import type { Mention } from "../entities.js"
import { compoundAgent, type FoundRelation, gazMention, type RelContext, skipArticles, tokSpan } from "./context.js"

export const HOLDER_TYPES = new Set(["country", "organization"])
const ARTICLES = new Set(["the", "a", "an"])

/** The holder a gazetteer person's known positions give for a title (date-bounded first), if any. */
export const knownHolder = (ctx: RelContext, m: Mention, title: TitleEntry): string | null => {
  const ps = m.gaz?.positions ?? []
  const r = title.title.toLowerCase()
  const inTerm = (p: (typeof ps)[number]) => heldAt(ctx.doc, p)
  const same = ps.filter((p) => p.role.toLowerCase() === r)
  const hit = same.find(inTerm) ?? same[0]
  if (hit) return hit.of
  // another office of the same person names the state a state title belongs to ("Deputy Prime Minister" of a known
  // minister)
  if (title.holder_of !== "country") return null
  const state = ps.find((p) => inTerm(p) && p.of.startsWith("country:")) ?? ps.find((p) => p.of.startsWith("country:"))
  return state?.of ?? null
}

/** Words before a title that qualify the office, not the holder ("former", "acting", "then-"). */
export const MODIFIERS = new Set([
  "former",
  "acting",
  "interim",
  "then",
  "then-",
  "current",
  "incoming",
  "outgoing",
  "previous",
  "late",
  "newly",
  "appointed",
  "elected",
  "longtime",
  "long-time",
  "caretaker",
  "sitting",
  "associate",
  "assistant",
  "senior",
  "visiting",
  "adjunct",
  "research",
  "principal"
])
/** Modifiers kept in the role because they say the office is not (or not fully) held now. */
export const ROLE_MODIFIERS = new Set(["former", "acting", "interim", "previous", "caretaker", "incoming", "outgoing"])
/** Participles after a body's name that make it the one that put the holder in office ("Kremlin-appointed"). */
const APPOINTED = new Set(["appointed", "installed", "nominated", "backed", "designated", "elected"])
/** Lower-case units between a body and a title ("the Acme project director"). */
const UNIT_WORDS = new Set([
  "project",
  "board",
  "programme",
  "program",
  "company",
  "group",
  "mission",
  "pipeline",
  "fund",
  "office"
])
/** Forms of address between a title and a name ("Prime Minister Mr. X", "His Excellency President X"). */
const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "h.e.", "hrh", "excellency", "highness", "sheikh", "madam", "sir"])
/** Tokens after a title phrase that close an apposition ("X, the U.S. ambassador, said"). */
const CLOSERS = new Set([
  ",",
  ".",
  ";",
  ":",
  ")",
  "—",
  "–",
  "-",
  "and",
  "who",
  "whose",
  "since",
  "until",
  "from",
  "in",
  "at",
  "for",
  "with"
])
/** Copulas before a title that say the subject holds it ("X is the co-chair of Y", "X has been president since"). */
const COPULAS = new Set(["is", "was", "became", "becomes", "remains", "remained", "been"])
const COPULA_AUX = new Set(["is", "was", "has", "have", "had", "been", "also", "still", "now", "previously", "already"])

/** A person named with a title, and the holder written with that person ("X of Chile"), if any. */
interface Named {
  readonly person: Mention
  holder: Mention | undefined
  readonly end: number
}

/**
 * The people named from token p on: one ("President X", "President X of the Slovak Republic") or, after a plural
 * title, a list ("Presidents X and Y", "foreign ministers X of A, Y of B, and Z of C"); honorifics are skipped.
 */
const namedAfter = (ctx: RelContext, p: number, plural: boolean): Array<Named> => {
  const { tokens } = ctx.doc
  const { at } = ctx
  const out: Array<Named> = []
  for (;;) {
    while (
      HONORIFICS.has(tokens[p]?.norm ?? "") ||
      (tokens[p]?.text === "." && HONORIFICS.has(tokens[p - 1]?.norm ?? ""))
    )
      p++
    const m = at[p]
    if (m?.type !== "person" || m.tokStart !== p) break
    let end = m.tokEnd
    let holder: Mention | undefined
    if (tokens[end]?.norm === "of") {
      const h = at[skipArticles(ctx, end + 1)]
      if (h && HOLDER_TYPES.has(h.type)) {
        holder = h
        end = h.tokEnd
      }
    }
    out.push({ person: m, holder, end })
    if (!plural) break
    p = end
    if (tokens[p]?.text === ",") p++
    if (tokens[p]?.norm === "and") p++
  }
  return out
}

/** Nouns of a unit inside an organisation ("director of the Eurasia program at X"). */
const UNIT_NOUNS = new Set([
  "program",
  "programme",
  "desk",
  "department",
  "centre",
  "center",
  "division",
  "unit",
  "bureau",
  "section",
  "office",
  "service",
  "team"
])

/**
 * The organisation of a unit named after a title: "director of the Eurasia program at the Y", "head of the Asia desk of
 * Y".
 */
const unitOf = (ctx: RelContext, k: number): Mention | undefined => {
  const { tokens } = ctx.doc
  if (tokens[k]?.norm !== "of") return undefined
  let x = skipArticles(ctx, k + 1)
  const stop = x + 5
  while (
    x < stop &&
    tokens[x] &&
    !UNIT_NOUNS.has(tokens[x]!.norm) &&
    (tokens[x]!.cap || tokens[x]!.text === "-" || ctx.at[x])
  )
    x++
  if (!UNIT_NOUNS.has(tokens[x]?.norm ?? "") || (tokens[x + 1]?.norm !== "at" && tokens[x + 1]?.norm !== "of"))
    return undefined
  const m = ctx.at[skipArticles(ctx, x + 2)]
  return m?.type === "organization" ? m : undefined
}

const isParty = (m: Mention | null | undefined): boolean =>
  !!m && m.type === "organization" && /\bparty\b/i.test(m.name)

/** A title found at token i: its entry, token range and whether it is written in the plural ("Presidents"). */
interface TitleAt {
  readonly entry: TitleEntry
  readonly start: number
  readonly end: number
  readonly plural: boolean
}

/** The title at token i, unless it lies inside a longer name ("CEO of X Capital" read as one organisation). */
const titleAtToken = (ctx: RelContext, i: number): TitleAt | null => {
  const { doc, at } = ctx
  const { tokens } = doc
  const title = ctx.titleAt[i]
  if (!title) return null
  const text = doc.text.slice(tokens[i]!.start, tokens[i + title.length - 1]!.end)
  const inside = at[i]
  if (
    inside &&
    inside.type !== "person" &&
    inside.tokStart <= i &&
    inside.tokEnd >= i + title.length &&
    inside.tokEnd - inside.tokStart > title.length
  )
    return null
  const entry = title.values[0]!
  const singular = text.toLowerCase().replace(/s$/, "")
  return {
    entry,
    start: i,
    end: i + title.length,
    plural: singular !== text.toLowerCase() && entry.forms.some((f) => f.toLowerCase() === singular)
  }
}

/** Coordinated titles share the qualifier and the person: "Deputy Prime Minister and Minister of Finance X". */
const titleChain = (ctx: RelContext, first: TitleAt): Array<TitleAt> => {
  const { tokens } = ctx.doc
  const chain: Array<TitleAt> = [first]
  for (;;) {
    const last = chain[chain.length - 1]!
    const next = tokens[last.end]?.norm === "and" ? titleAtToken(ctx, last.end + 1) : null
    if (!next) break
    chain.push(next)
  }
  return chain
}

/** What is written before a title: its modifiers, portfolio and qualifier. */
interface Qualifiers {
  readonly modifiers: Array<string>
  /** The portfolio of a generic title, part of the role: "Agriculture Minister", "Foreign ministers". */
  readonly portfolioText: string
  readonly possessive: boolean
  readonly qualifier: Mention | undefined
  readonly roleStart: number
  readonly qualStart: number
}

/**
 * Qualifiers written before the title: "Kazakh Energy Minister", "Uzbekistan's President", "Republican Senator",
 * "Kazakhstan's former Foreign Minister", "the then Uzbek president", or by whom the holder was put in office ("the
 * Kremlin-appointed governor").
 */
const qualifiersBefore = (ctx: RelContext, first: TitleAt): Qualifiers => {
  const { doc, at } = ctx
  const { tokens } = doc
  let k = first.start - 1
  const modifiers: Array<string> = []
  while (k >= 0 && MODIFIERS.has(tokens[k]!.norm)) modifiers.unshift(tokens[k--]!.norm)
  let portfolio = 0
  while (
    k >= 0 &&
    tokens[k]!.cap &&
    !at[k] &&
    tokens[k]!.kind === "word" &&
    portfolio < 2 &&
    !inList(doc, "non_name", tokens[k]!.norm) &&
    !HONORIFICS.has(tokens[k]!.norm) &&
    !compoundAgent(ctx, k, APPOINTED)
  ) {
    k--
    portfolio++
  }
  // a lower-case unit between a body and its title: "the Acme project director", "the Acme board chairman"
  if (
    portfolio === 0 &&
    UNIT_WORDS.has(tokens[k]?.norm ?? "") &&
    at[k - 1] &&
    at[k - 1]!.type !== "country" &&
    at[k - 1]!.type !== "person"
  ) {
    k--
    portfolio++
  }
  const portfolioText = portfolio > 0 ? doc.text.slice(tokens[k + 1]!.start, tokens[k + portfolio]!.end) : ""
  while (k >= 0 && MODIFIERS.has(tokens[k]!.norm)) modifiers.unshift(tokens[k--]!.norm)
  const possessive = tokens[k]?.norm === "'s" && !!at[k - 1]
  let qualifier = possessive ? at[k - 1] : k >= 0 ? (at[k] ?? compoundAgent(ctx, k, APPOINTED) ?? undefined) : undefined
  // a state's name run into capitalised words before a company title is a company's name ("Peru Rail Chairman")
  if (
    qualifier?.type === "country" &&
    qualifier.via === "name" &&
    !possessive &&
    portfolio > 0 &&
    first.entry.holder_of === "organization"
  )
    qualifier = undefined
  return {
    modifiers,
    portfolioText,
    possessive,
    qualifier,
    roleStart: k + 1,
    qualStart: qualifier ? qualifier.tokStart : k + 1
  }
}

/**
 * The role's written extent after the last title ("ambassador to Japan", "Special Envoy for the Andes"): where the
 * role ends and where the names after it may start.
 */
const roleExtent = (ctx: RelContext, lastTitle: TitleAt): { readonly roleEnd: number; readonly afterRole: number } => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const j = lastTitle.end
  if (tokens[j]?.norm !== "to" && tokens[j]?.norm !== "for") return { roleEnd: j, afterRole: j }
  let x = j + 1
  while (
    x < tokens.length &&
    x - j <= 7 &&
    !(at[x]?.type === "person") &&
    (tokens[x]!.cap || tokens[x]!.norm === "and" || tokens[x]!.norm === "the" || at[x])
  )
    x = at[x] ? at[x]!.tokEnd : x + 1
  if (at[x]?.type === "person" && x > j + 1 && !["and", "the", "'s"].includes(tokens[x - 1]!.norm))
    return { roleEnd: x, afterRole: x }
  if (at[j + 1]) return { roleEnd: at[j + 1]!.tokEnd, afterRole: at[j + 1]!.tokEnd }
  return { roleEnd: j, afterRole: j }
}

/** The holder written right after "of" or "at" at token p: "the President of Uzbekistan(,) X", "head of the Y". */
const holderAfterOf = (ctx: RelContext, p: number): Mention | undefined => {
  const { tokens } = ctx.doc
  if (tokens[p]?.norm !== "of" && tokens[p]?.norm !== "at") return undefined
  const m = ctx.at[skipArticles(ctx, p + 1)]
  return m && HOLDER_TYPES.has(m.type) ? m : undefined
}

/** A title phrase read around its titles. */
interface TitlePhrase extends Qualifiers {
  readonly chain: ReadonlyArray<TitleAt>
  readonly first: TitleAt
  readonly lastTitle: TitleAt
  readonly roleEnd: number
  readonly afterRole: number
  /** The holder written right after the title ("the President of Uzbekistan"). */
  readonly titleOf: Mention | undefined
}

/**
 * The people named right after the title ("President Donald Trump", "the President of Uzbekistan, X", "Presidents X
 * of A and Y of B", "foreign ministers X of A, Y of B and Z of C") or after a comma when a state qualifies the title
 * ("the country's leader, X,"), or a person's ("Boric's spokeswoman, X,").
 */
const peopleAfter = (ctx: RelContext, phrase: TitlePhrase): Array<Named> => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const { titleOf, qualifier, possessive, afterRole: j, lastTitle } = phrase
  let from = titleOf && !qualifier ? titleOf.tokEnd : j
  if (from !== j && tokens[from]?.text === ",") from++
  let people = namedAfter(ctx, from, lastTitle.plural)
  if (people.length === 0 && from !== j) people = namedAfter(ctx, j, lastTitle.plural)
  else if (from !== j && people.length > 0) for (const named of people) named.holder ??= titleOf
  if (
    people.length === 0 &&
    (qualifier?.type === "country" || (possessive && qualifier?.type === "person")) &&
    tokens[j]?.text === "," &&
    at[j + 1]?.type === "person" &&
    [",", ".", "and"].includes(tokens[at[j + 1]!.tokEnd]?.norm ?? ".")
  )
    people.push({ person: at[j + 1]!, holder: undefined, end: at[j + 1]!.tokEnd })
  return people
}

/**
 * The person before the title in an apposition or after a copula that the phrase closes: "X, the U.S. ambassador to
 * Japan, said", "X has been a co-chair of Y" (not "after lunch with X, the Chilean president toured"); or the
 * person of the apposition just before ("X, the Chilean ambassador to Japan and Boric's special envoy to Korea").
 * `sentenceToken` is a token of the title's sentence.
 */
const personBefore = (
  ctx: RelContext,
  phrase: TitlePhrase,
  sentenceToken: number,
  appositive: Appositive | null
): { readonly people: Array<Named>; readonly evStart: number | null } | null => {
  const { doc, at } = ctx
  const { tokens } = doc
  const { qualStart, roleEnd, titleOf } = phrase
  let b = qualStart - 1
  while (b >= 0 && (ARTICLES.has(tokens[b]!.norm) || MODIFIERS.has(tokens[b]!.norm))) b--
  const ofAny =
    unitOf(ctx, roleEnd) ?? (tokens[roleEnd]?.norm === "of" ? at[skipArticles(ctx, roleEnd + 1)] : undefined)
  const close = titleOf ? titleOf.tokEnd : ofAny ? ofAny.tokEnd : roleEnd
  const closed =
    CLOSERS.has(tokens[close]?.norm ?? ".") || close >= doc.sentences[doc.sentenceOf[sentenceToken]!]!.tokEnd
  let c = b
  while (c > 0 && COPULA_AUX.has(tokens[c]!.norm) && COPULA_AUX.has(tokens[c - 1]!.norm)) c--
  if (((tokens[b]?.text === "," && closed) || COPULAS.has(tokens[b]?.norm ?? "")) && at[c - 1]?.type === "person")
    return { people: [{ person: at[c - 1]!, holder: undefined, end: at[c - 1]!.tokEnd }], evStart: at[c - 1]!.tokStart }
  if (tokens[b]?.norm === "and" && appositive?.end === b)
    return {
      people: [{ person: appositive.person, holder: undefined, end: appositive.person.tokEnd }],
      evStart: null
    }
  return null
}

/** The person of an apposition before a title, and where its role ends (a second apposition may follow with "and"). */
interface Appositive {
  readonly person: Mention
  readonly end: number
}

/**
 * The holders: a state or organisation qualifier, "of / at (the) Y" after the title or the name, and one coordinated
 * with it ("the CEO of X Capital and Y Capital"); a project or programme holds the posts of its staff ("the Y
 * corridor project director"). With the end of the evidence, grown to take the holders after the title.
 */
const statedHolders = (
  ctx: RelContext,
  phrase: TitlePhrase,
  people: ReadonlyArray<Named>,
  evEnd: number
): { readonly holders: Array<Mention>; readonly evEnd: number } => {
  const { at } = ctx
  const { tokens } = ctx.doc
  const { qualifier, first, titleOf, roleEnd } = phrase
  const holderType = (m: Mention) =>
    HOLDER_TYPES.has(m.type) || (m.type === "initiative" && first.entry.holder_of === "organization")
  const holders: Array<Mention> = qualifier && !isParty(qualifier) && holderType(qualifier) ? [qualifier] : []
  const lastPerson = people[people.length - 1]!
  const of = titleOf ?? (people.length === 1 ? holderAfterOf(ctx, lastPerson.end) : undefined) ?? unitOf(ctx, roleEnd)
  if (holders.length > 0 || !of) return { holders, evEnd }
  holders.push(of)
  const also = tokens[of.tokEnd]?.norm === "and" ? at[skipArticles(ctx, of.tokEnd + 1)] : undefined
  if (also && also.type === of.type && also.type === "organization") holders.push(also)
  return { holders, evEnd: Math.max(evEnd, holders[holders.length - 1]!.tokEnd) }
}

/** The rows one title of the phrase gives one person. */
interface TitleRows {
  readonly phrase: TitlePhrase
  readonly title: TitleAt
  readonly role: string
  readonly holders: ReadonlyArray<Mention>
  /** A person whose envoy or adviser the holder is: "Boric's special envoy" serves Boric's state. */
  readonly principal: Mention | null
  readonly evStart: number
  readonly evEnd: number
}

/** "a correspondent for Reuters", "a senior fellow with the Y": the employer after "for" / "with", else the holders. */
const affiliationRows = (ctx: RelContext, rows: TitleRows, named: Named, out: Array<FoundRelation>): void => {
  const { tokens } = ctx.doc
  const { title, holders: phraseHolders } = rows
  const span = tokSpan(
    ctx.doc,
    Math.min(rows.evStart, named.person.tokStart),
    Math.max(rows.evEnd, named.person.tokEnd)
  )
  const holders = named.holder ? [named.holder] : phraseHolders
  const employer =
    holders.length === 0 && (tokens[title.end]?.norm === "for" || tokens[title.end]?.norm === "with")
      ? ctx.at[skipArticles(ctx, title.end + 1)]
      : undefined
  for (const holder of employer ? [employer] : holders)
    if (holder.type === "organization")
      out.push({
        predicate: "affiliated_with",
        subject: named.person,
        object: holder,
        role: rows.role,
        start: Math.min(span.start, holder.start),
        end: Math.max(span.end, holder.end),
        method: "relation.occupation-at.v1",
        confidence: 0.7
      })
}

/**
 * A party's member ("Republican Senator X"), and the position held of each holder, else of the one the gazetteer knows.
 */
const positionRowsOf = (ctx: RelContext, rows: TitleRows, named: Named, out: Array<FoundRelation>): void => {
  const { person } = named
  const { qualifier, possessive } = rows.phrase
  const span = tokSpan(ctx.doc, Math.min(rows.evStart, person.tokStart), Math.max(rows.evEnd, person.tokEnd))
  const holders = named.holder ? [named.holder] : rows.holders
  if (isParty(qualifier) && !possessive)
    out.push({
      predicate: "member_of",
      subject: person,
      object: qualifier!,
      role: null,
      ...span,
      method: "relation.party-title.v1",
      confidence: 0.75
    })
  let found = holders.filter((h) => !isParty(h))
  if (found.length === 0 && holders.length === 0) {
    const { entry } = rows.title
    const id =
      knownHolder(ctx, person, entry) ??
      (rows.principal ? knownHolder(ctx, rows.principal, entry) : null) ??
      entry.default_holder ??
      null
    const known = id ? gazMention(ctx, id) : null
    found = known ? [known] : []
  }
  for (const holder of found)
    out.push({
      predicate: "holds_position",
      subject: person,
      object: holder,
      role: rows.role,
      ...span,
      method: "relation.title.v1",
      confidence: holder.tokStart >= 0 ? 0.85 : 0.75
    })
}

/**
 * The role by its title (one row per office however it is written: "Rep." and "Representative"), with its written
 * extent ("ambassador to Japan") and a former or acting office's modifier.
 */
const roleName = (ctx: RelContext, phrase: TitlePhrase, title: TitleAt, prefix: string): string => {
  const { tokens } = ctx.doc
  const { lastTitle, roleEnd, first } = phrase
  const extent =
    title === lastTitle && roleEnd > title.end
      ? ctx.doc.text.slice(tokens[title.end]!.start, tokens[roleEnd - 1]!.end)
      : ""
  return [prefix, title === first ? phrase.portfolioText : "", title.entry.title, extent]
    .filter((part) => part !== "")
    .join(" ")
}

/**
 * The relations of the title phrase of the coordinated titles `chain`: the people it names (after it, or before it in
 * an
 * apposition) hold its positions. Returns the apposition it closes, for a second title joined by "and".
 */
const titlePhraseRelations = (
  ctx: RelContext,
  chain: ReadonlyArray<TitleAt>,
  appositive: Appositive | null,
  out: Array<FoundRelation>
): Appositive | null => {
  const first = chain[0]!
  const lastTitle = chain[chain.length - 1]!
  const qualifiers = qualifiersBefore(ctx, first)
  const { roleEnd, afterRole } = roleExtent(ctx, lastTitle)
  // (the qualifiers' fields spelled out: a spread followed by new fields gives each object a hidden class of its own in
  // Node 20's V8)
  const { modifiers, portfolioText, possessive, qualifier, roleStart, qualStart } = qualifiers
  const phrase: TitlePhrase = {
    modifiers,
    portfolioText,
    possessive,
    qualifier,
    roleStart,
    qualStart,
    chain,
    first,
    lastTitle,
    roleEnd,
    afterRole,
    titleOf: holderAfterOf(ctx, roleEnd)
  }
  let people = peopleAfter(ctx, phrase)
  let evStart = possessive || qualifier ? qualStart : roleStart
  const evEnd = people.length ? Math.max(...people.map((named) => named.end)) : roleEnd
  if (people.length === 0) {
    const before = personBefore(ctx, phrase, lastTitle.end - 1, appositive)
    if (before === null) return appositive
    people = before.people
    if (before.evStart !== null) evStart = before.evStart
  }
  const firstPerson = people[0]!.person
  const closes =
    evStart === firstPerson.tokStart && firstPerson.tokEnd <= first.start ? { person: firstPerson, end: roleEnd } : null
  const holders = statedHolders(ctx, phrase, people, evEnd)
  const prefix = modifiers
    .filter((w) => ROLE_MODIFIERS.has(w))
    .map((w) => w.replace(/-$/, ""))
    .join(" ")
  for (const title of chain) {
    const rows: TitleRows = {
      phrase,
      title,
      role: roleName(ctx, phrase, title, prefix),
      holders: holders.holders,
      principal: possessive && qualifier?.type === "person" ? qualifier : null,
      evStart,
      evEnd: holders.evEnd
    }
    for (const named of people)
      if (title.entry.predicate === "affiliated_with") affiliationRows(ctx, rows, named, out)
      else positionRowsOf(ctx, rows, named, out)
  }
  return closes
}

/** Find holds_position, affiliated_with and party member_of relations cued by titles. */
export const positionRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { tokens } = ctx.doc
  const out: Array<FoundRelation> = []
  let appositive: Appositive | null = null
  for (let i = 0; i < tokens.length; i++) {
    const first = titleAtToken(ctx, i)
    if (!first) continue
    const chain = titleChain(ctx, first)
    // a shorter title inside this one ("Minister" in "Energy Minister") is not read again
    i = chain[chain.length - 1]!.end - 1
    appositive = titlePhraseRelations(ctx, chain, appositive, out)
  }
  return out
}
