/**
 * Organisations known by their shape rather than a lexicon: web domains ("Vlast.kz", "24.kg"),
 * legal forms ("OJSC Keremet Bank", "JSC «Steppe Grain»"), a company noun before or after the
 * name ("the Canadian company Centerra Gold", "Gazprom, the Russian gas giant,"), the body a
 * person heads ("CEO of Arctic Lithium"), outlets that report ("Trend reports", "an Interfax
 * correspondent") and dateline credits ("BISHKEK (Interfax) -", "MOSCOW, May 5. /TASS/.").
 * They run before the gazetteer (a place inside a company's name, "Volga Credit", is the company's);
 * a name the gazetteer holds as it stands is left to it. Pure; the caller takes the mentions in order.
 */
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import { capRun, FUNCTION_WORDS, isCapWord, isJoin, lineBreakBefore, patMention } from "./nameRuns.js"

/** Words that may stand between an article and a company noun: "a Canadian miner", "the state-owned lender". */
const MAX_MODIFIERS = 3
/** Outlet verbs and nouns after a name: "Trend reports", "an Interfax correspondent". */
const REPORTS = new Set(["reports", "correspondent", "correspondents", "reporter"])
const QUOTES = new Set(['"', "“", "”", "«", "»", "'", "‘", "’"])
const DOMAIN_END = /^[a-z]{2,6}$/
const DOMAIN_TOKEN = /^[\p{L}\p{N}][\p{L}\p{N}-]*\.[a-z]{2,6}$/u
const NOT_DOMAINS = new Set(["e.g", "i.e", "a.m", "p.m", "vs", "etc"])
/** Tokens that close an apposition after its noun. */
const CLOSERS = new Set([
  ",",
  ".",
  ";",
  ")",
  "—",
  "–",
  "that",
  "which",
  "based",
  "headquartered",
  "of",
  "in",
  "with",
  "whose"
])

/** The organisation mentions found so far and the tokens taken (before or by them). */
interface ShapeScan {
  readonly doc: Doc
  readonly mine: Uint8Array
  readonly out: Array<Mention>
}

/** Takes tokens [i, j) as an organisation, unless any is taken or the gazetteer holds the name as it stands. */
const addOrganisation = (
  scan: ShapeScan,
  i: number,
  j: number,
  method: string,
  confidence: number,
  name?: string
): void => {
  const { doc, mine } = scan
  for (let k = i; k < j; k++) if (mine[k]) return
  // a name the gazetteer holds as it stands is left to the gazetteer
  const gaz = doc.lex.names.longest(doc.tokens, i)
  if (gaz && gaz.length === j - i) return
  for (let k = i; k < j; k++) mine[k] = 1
  scan.out.push(patMention(doc, "organization", i, j, method, confidence, name))
}

/** A shape rule at token i: the token after what it took, or undefined when it does not apply. */
type TokenRule = (scan: ShapeScan, i: number) => number | undefined
/** A shape rule on the name run [i, end): the token after what it took, or undefined when it does not apply. */
type NameRule = (scan: ShapeScan, i: number, end: number) => number | undefined

/** A web domain: "Vlast.kz", "24.kg". */
const domainOutlet: TokenRule = (scan, i) => {
  const { doc } = scan
  const end = domainAt(doc, i)
  if (end <= i) return undefined
  const name = doc.text.slice(doc.tokens[i]!.start, doc.tokens[end - 1]!.end).replace(/^www\./i, "")
  addOrganisation(scan, i, end, "entity.domain-outlet.v1", 0.75, name)
  return end
}

/** A legal form before the name: "OJSC Keremet Bank", "JSC «Steppe Grain»". */
const legalFormPrefix: TokenRule = (scan, i) => {
  const { doc, mine } = scan
  const { tokens } = doc
  const token = tokens[i]!
  if (!(token.cap && inList(doc, "legal_form_prefix", token.norm))) return undefined
  const nameStart = QUOTES.has(tokens[i + 1]?.text ?? "") ? i + 2 : i + 1
  const end = capRun(doc, nameStart, mine, 6)
  if (end <= nameStart) return undefined
  const close = QUOTES.has(tokens[end]?.text ?? "") ? end + 1 : end
  const name = doc.text.slice(tokens[nameStart]!.start, tokens[end - 1]!.end)
  addOrganisation(scan, i, close, "entity.legal-form.v1", 0.8, name)
  return close
}

/** A company noun before the name: "the Canadian company Centerra Gold", "news agency Interfax". */
const companyCueBefore: TokenRule = (scan, i) => {
  const { doc, mine } = scan
  const token = doc.tokens[i]!
  if (token.cap || !inList(doc, "org_cue", token.norm) || doc.lex.titles.longest(doc.tokens, i + 1)) return undefined
  const end = capRun(doc, i + 1, mine, 6)
  if (!(end > i + 1 && !personLike(doc, i + 1, end))) return undefined
  addOrganisation(scan, i + 1, end, "entity.company-cue.v1", 0.7)
  return end
}

/**
 * The companies a business noun lists: "executives from Vantex, Morgan Hale and Oriel" (a given name first does not
 * make a person here).
 */
const companiesListed: TokenRule = (scan, i) => {
  const { doc } = scan
  const { tokens } = doc
  const next = tokens[i + 1]?.norm
  if (!((next === "from" || next === "of" || next === "at") && inList(doc, "company_people", tokens[i]!.norm)))
    return undefined
  const items = companyList(doc, i + 2, scan.mine)
  for (const [start, end] of items) addOrganisation(scan, start, end, "entity.company-list.v1", 0.7)
  return items.length > 0 ? items[items.length - 1]![1] : undefined
}

/** After the name: "Gazprom, the Russian gas giant," / "Trend reports" / ", Trend reported.". */
const cueAfterName: NameRule = (scan, i, end) => {
  const { doc } = scan
  const { tokens } = doc
  const after = tokens[end]
  const reports = REPORTS.has(after?.norm ?? "")
  if (
    !(
      (after?.text === "," && cueAfterArticle(doc, end + 1)) ||
      reports ||
      (after?.norm === "reported" && tokens[i - 1]?.text === "," && /^[.,]$/.test(tokens[end + 1]?.text ?? ""))
    )
  )
    return undefined
  const method = reports || after?.norm === "reported" ? "entity.reporting-outlet.v1" : "entity.company-cue.v1"
  addOrganisation(scan, i, end, method, 0.7)
  return end
}

/** What only a company has: "Vantex shareholders", "shares of Vantex", "Vantex's subsidiary", "Vantex shares fell". */
const companyHolder: NameRule = (scan, i, end) => {
  if (!companyHolding(scan.doc, i, end)) return undefined
  addOrganisation(scan, i, end, "entity.company-holding.v1", 0.7)
  return end
}

/**
 * A title of an organisation after the name, its holder next: "Vantex chief executive Mara Ruiz", "Ruiz, Vantex CEO,
 * said".
 */
const orgTitle: NameRule = (scan, i, end) => {
  const titled = orgTitleEnd(scan.doc, i, end)
  if (titled <= i) return undefined
  addOrganisation(scan, i, titled, "entity.org-title.v1", 0.7)
  return titled
}

/** The body a person heads: "CEO of Arctic Lithium", "Chairman of the Board of Steppe Power". */
const bodyHeaded: NameRule = (scan, i, end) => {
  const { doc } = scan
  if (!headedBody(doc, i) || (end - i === 1 && inList(doc, "org_suffix", doc.tokens[i]!.norm))) return undefined
  const full = capRun(doc, i, scan.mine, 8)
  addOrganisation(scan, i, full, "entity.title-of-org.v1", 0.7)
  return full
}

/** A dateline credit: "BISHKEK, May 5 (Interfax) -", "MOSCOW, May 5. /TASS/.". */
const datelineAgency: NameRule = (scan, i, end) => {
  if (!datelineCredit(scan.doc, i, end)) return undefined
  addOrganisation(scan, i, end, "entity.dateline-agency.v1", 0.8)
  return end
}

/** The rules tried at every free token, in order. */
const TOKEN_RULES: ReadonlyArray<TokenRule> = [domainOutlet, legalFormPrefix, companyCueBefore, companiesListed]
/** The rules tried on a capitalised name run, in order. */
const NAME_RULES: ReadonlyArray<NameRule> = [cueAfterName, companyHolder, orgTitle, bodyHeaded, datelineAgency]

/** Does a name start at token i: a capitalised word, not a function word, not continuing a capitalised run? */
const nameStartsAt = (doc: Doc, i: number): boolean => {
  const token = doc.tokens[i]!
  const prev = doc.tokens[i - 1]
  return !(
    !isCapWord(token) ||
    FUNCTION_WORDS.has(token.norm) ||
    (isCapWord(prev) && !FUNCTION_WORDS.has(prev!.norm) && !lineBreakBefore(doc, i))
  )
}

/** Every organisation mention the shape rules find, given the tokens already taken (not changed). */
export const orgShapeMentions = (doc: Doc, taken: Uint8Array): Array<Mention> => {
  const scan: ShapeScan = { doc, mine: new Uint8Array(taken), out: [] }
  const { mine } = scan
  for (let i = 0; i < doc.tokens.length; i++) {
    if (mine[i]) continue
    let after: number | undefined
    for (const rule of TOKEN_RULES) {
      after = rule(scan, i)
      if (after !== undefined) break
    }
    if (after === undefined && nameStartsAt(doc, i)) {
      const end = nameRun(doc, i, mine)
      if (end === i || personLike(doc, i, end)) continue
      for (const rule of NAME_RULES) {
        after = rule(scan, i, end)
        if (after !== undefined) break
      }
    }
    if (after !== undefined) i = after - 1
  }
  return scan.out
}

/** A name: 1–4 capitalised words (or one all-capitals or mixed-case word), none taken, on one line. */
const nameRun = (doc: Doc, i: number, taken: Uint8Array): number => {
  const { tokens } = doc
  let j = i
  while (
    j < tokens.length &&
    j - i < 4 &&
    !taken[j] &&
    isCapWord(tokens[j]) &&
    !inList(doc, "non_name", tokens[j]!.norm) &&
    !(j > i && lineBreakBefore(doc, j))
  )
    j++
  // "Prospectors & Developers": an ampersand joins two capitalised words
  if (j > i && tokens[j]?.text === "&" && isCapWord(tokens[j + 1]) && !taken[j + 1]) return nameRun(doc, j + 1, taken)
  return j
}

/** A person's name rather than a body: a given name first, or a title right before. */
const personLike = (doc: Doc, i: number, j: number): boolean =>
  (j - i >= 2 && inList(doc, "given_names", doc.tokens[i]!.norm)) ||
  inList(doc, "person_prefix", doc.tokens[i - 1]?.norm ?? "")

/** ", a Canadian miner" / ", the state-owned lender": an article, a few modifiers, a company noun. */
const cueAfterArticle = (doc: Doc, k: number): boolean => {
  const { tokens } = doc
  if (!["a", "an", "the"].includes(tokens[k]?.norm ?? "")) return false
  for (let x = k + 1; x <= k + 1 + MAX_MODIFIERS && x < tokens.length; x++) {
    const t = tokens[x]!
    if (t.kind !== "word") return false
    // the apposition closes right after its noun ("X, a Canadian miner, said"; not "Then, the company said")
    if (inList(doc, "org_cue", t.norm))
      return !doc.lex.titles.longest(tokens, x) && CLOSERS.has(tokens[x + 1]?.norm ?? ".")
  }
  return false
}

/** Is the name at i the body a title heads ("CEO of", "Chairman of the Board of")? */
const headedBody = (doc: Doc, i: number): boolean => {
  const { tokens } = doc
  let k = i - 1
  if (tokens[k]?.norm === "the") k--
  if (tokens[k]?.norm !== "of") return false
  // "of the Board of": the board is the body's own
  if (tokens[k - 1]?.norm === "board" && tokens[k - 2]?.norm === "the" && tokens[k - 3]?.norm === "of") k -= 3
  for (let s = Math.max(0, k - 4); s < k; s++) {
    const hit = doc.lex.titles.longest(tokens, s)
    if (hit && s + hit.length === k) return hit.values.some((v) => v.holder_of === "organization")
  }
  return false
}

/** "(Interfax) -" or "/TASS/" within the first words of a line that opens with a place or a date. */
const datelineCredit = (doc: Doc, i: number, j: number): boolean => {
  const { tokens } = doc
  const open = tokens[i - 1]?.text
  const close = tokens[j]?.text
  if (!((open === "(" && close === ")") || (open === "/" && close === "/")) || j - i > 2) return false
  let s = i - 1
  while (s > 0 && !lineBreakBefore(doc, s) && i - s < 15) s--
  if (!(s === 0 || lineBreakBefore(doc, s)) || s >= i - 1) return false
  // right after the dateline's day or its place in capitals: "May 5 (Interfax)", "May 5. /TASS/", "ASTANA (Reuters)"
  const prev = tokens[i - 2]!
  const day = prev.kind === "num" || (prev.text === "." && tokens[i - 3]?.kind === "num")
  return day || (prev.kind === "word" && prev.text.length > 2 && prev.text === prev.text.toUpperCase())
}

/** End of a web domain starting at token i ("Vlast.kz"; "24.kg" as three tokens), else i. */
const domainAt = (doc: Doc, i: number): number => {
  const { tokens } = doc
  const t = tokens[i]!
  // cheap guards first: a domain token holds a dot; a split domain has a glued "." next
  if (t.kind === "word" && t.text.includes(".")) {
    const host = t.text.replace(/^www\./i, "")
    if (
      host.includes(".") &&
      DOMAIN_TOKEN.test(host) &&
      !NOT_DOMAINS.has(host.toLowerCase()) &&
      /\p{L}{2}/u.test(host.split(".")[0]!)
    )
      return i + 1
  }
  const dot = tokens[i + 1]
  if (dot === undefined || dot.text !== "." || dot.start !== t.end) return i
  const tld = tokens[i + 2]
  const glued = tokens[i + 3] && tokens[i + 3]!.start === tld?.end && tokens[i + 3]!.kind !== "punct"
  if ((t.kind === "num" || t.kind === "word") && tld && tld.start === dot.end && DOMAIN_END.test(tld.text) && !glued)
    return t.kind === "num" || /^www$/i.test(t.text) ? i + 3 : i
  return i
}

/** Is the name at [i, j) shown to be a company by what it holds (cue lists `company_holding`, `share_move`)? */
const holdingAt = (doc: Doc, k: number): boolean => {
  const { tokens } = doc
  return (
    inList(doc, "company_holding", tokens[k]?.norm ?? "") &&
    (tokens[k]!.norm !== "board" || (tokens[k + 1]?.norm === "of" && tokens[k + 2]?.norm === "directors"))
  )
}
const companyHolding = (doc: Doc, i: number, j: number): boolean => {
  const { tokens } = doc
  // "X's shareholders", "X’s subsidiary"
  if (tokens[j]?.norm === "'s" && holdingAt(doc, j + 1)) return true
  // "X shareholders approved", "X shares fell", "X stock rallied"
  const next = tokens[j]?.norm ?? ""
  if (next === "shareholders" || next === "stockholders") return true
  if ((next === "shares" || next === "stock") && inList(doc, "share_move", tokens[j + 1]?.norm ?? "")) return true
  // "shares of X", "a subsidiary of X"
  return (
    tokens[i - 1]?.norm === "of" &&
    holdingAt(doc, i - 2) &&
    tokens[i - 2]!.norm !== "board" &&
    tokens[i - 2]!.norm !== "stock"
  )
}

/**
 * Where the name starting at i ends if an organisation's title follows it (within its capitalised
 * run or right after it, j), with the holder's name next or the whole in apposition
 * ("Vantex CEO Mara Ruiz", "Mara Ruiz, Vantex chief executive,"); else i.
 */
const orgTitleEnd = (doc: Doc, i: number, j: number): number => {
  const { tokens } = doc
  let e = i + 1
  while (e < j && !doc.lex.titles.longest(tokens, e)) e++
  for (let k = i; k < e; k++)
    if (inList(doc, "title_modifier", tokens[k]!.norm) || doc.lex.titles.longest(tokens, k)) return i
  // a lone company noun is no name ("Company CEO Mara Ruiz")
  if (e - i === 1 && (inList(doc, "org_cue", tokens[i]!.norm) || tokens[i]!.norm === "board")) return i
  const hit = doc.lex.titles.longest(tokens, e)
  if (!hit?.values.some((v) => v.holder_of === "organization")) return i
  const after = tokens[e + hit.length]
  const holderNext = isCapWord(after) && !lineBreakBefore(doc, e + hit.length)
  const apposition =
    tokens[i - 1]?.text === "," && (after?.text === "," || after?.text === "." || after?.norm === "said")
  return holderNext || apposition ? e : i
}

/**
 * The names of a list from token k ("Vantex, Morgan Hale, and Oriel"): each a name run, dash-joined parts kept
 * together.
 */
const companyList = (doc: Doc, k: number, taken: Uint8Array): Array<[number, number]> => {
  const { tokens } = doc
  const out: Array<[number, number]> = []
  let s = k
  while (s < tokens.length && out.length < 12) {
    if (!isCapWord(tokens[s]) || FUNCTION_WORDS.has(tokens[s]!.norm)) break
    let e = nameRun(doc, s, taken)
    while (e > s && isJoin(doc, e) && isCapWord(tokens[e + 1])) e = nameRun(doc, e + 1, taken)
    if (e === s) break
    out.push([s, e])
    // ", " / " and " / ", and " before the next name
    let n = e
    if (tokens[n]?.text === ",") n++
    if (tokens[n]?.norm === "and") n++
    if (n === e || lineBreakBefore(doc, n)) break
    s = n
  }
  return out
}
