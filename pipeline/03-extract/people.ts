/**
 * People named without a title or a known given name, found by the shape around the name:
 * a patronymic in the middle ("Ilan Mironovich Shor"), an age ("18-year-old Dana Whitfield",
 * "Dana Whitfield, 65,"), a byline or owner ("By Dana Whitfield", "written by", "owned by"), a
 * title with its state or body before a comma ("the Prime Minister of Japan, Sanae Takaichi,",
 * "Tokayev's spokesman, Ruslan Zheldibay,") and a name with its state after it in a list of
 * officials ("Mukhtar Tileuberdi of Kazakhstan"). Pure; the caller takes the mentions in order.
 */
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import { isCapWord, isJoin, lineBreakBefore, PATRONYMIC, patMention, personRun } from "./nameRuns.js"

const BY = new Set(["by"])
const BYLINE_VERBS = new Set([
  "written",
  "reported",
  "compiled",
  "edited",
  "owned",
  "controlled",
  "founded",
  "photographed",
  "translated",
  "interviewed",
  "reporting",
  "writing",
  "editing"
])

/** Every person mention the shape rules find, given the tokens already taken (updated). */
export const personShapeMentions = (doc: Doc, taken: Uint8Array): Array<Mention> => {
  const { tokens } = doc
  const out: Array<Mention> = []
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isCapWord(tokens[i]) || isJoin(doc, i - 1) || inList(doc, "non_name", tokens[i]!.norm)) continue
    const end = personRun(doc, i, taken)
    const len = end - i
    if (
      len < 2 ||
      len > 5 ||
      !tokens
        .slice(i, end)
        .every(
          (t) =>
            t.kind !== "word" ||
            /^\p{Lu}[\p{Ll}'’.-]|^\p{Lu}$|^(bin|bint|ibn|al|el|de|van|von|der|da|dos|du|la|le|ul|ud)$/u.test(t.text)
        )
    )
      continue
    const method = cue(doc, i, end)
    if (!method) continue
    for (let k = i; k < end; k++) taken[k] = 1
    out.push(patMention(doc, "person", i, end, method, 0.7))
    i = end - 1
  }
  return out
}

/** The rule whose cue surrounds the name [i, j), if any. */
const cue = (doc: Doc, i: number, j: number): string | null => {
  const { tokens } = doc
  const prev = tokens[i - 1]
  const next = tokens[j]
  if (j - i === 3 && PATRONYMIC.test(tokens[i + 1]!.text)) return "entity.patronymic-person.v1"
  // "18-year-old Dana Whitfield", "Dana Whitfield, 65,"
  if (
    /(^|-)years?-old$/.test(prev?.norm ?? "") ||
    (next?.text === "," &&
      tokens[j + 1]?.kind === "num" &&
      /^\d{1,2}$/.test(tokens[j + 1]!.text) &&
      tokens[j + 2]?.text === ",")
  )
    return "entity.age-person.v1"
  // "By Dana Whitfield" opening a line; "written by", "owned by"
  if (
    BY.has(prev?.norm ?? "") &&
    (i === 1 || lineBreakBefore(doc, i - 1) || BYLINE_VERBS.has(tokens[i - 2]?.norm ?? ""))
  )
    return "entity.byline-person.v1"
  // "Author: Dana Whitfield"
  if (prev?.text === ":" && /^authors?$/.test(tokens[i - 2]?.norm ?? "") && (i === 2 || lineBreakBefore(doc, i - 2)))
    return "entity.byline-person.v1"
  // "the Prime Minister of Japan, Sanae Takaichi," / "Tokayev's spokesman, Ruslan Zheldibay,"
  if (prev?.text === "," && /^[,.;]$|^(and|said|says|who)$/.test(next?.norm ?? ".") && titleBefore(doc, i - 1))
    return "entity.title-apposition-person.v1"
  // "Mukhtar Tileuberdi of Kazakhstan" among officials
  if (
    next?.norm === "of" &&
    stateAt(doc, j + 1) &&
    (prev?.text === "," || prev?.norm === "and" || prev?.norm === "minister" || titleBefore(doc, i)) &&
    !isCapWord(tokens[j + 2])
  )
    return "entity.name-of-state-person.v1"
  return null
}

/** Does a title (with "of <state or body>" or a possessive holder before it) end right before token k? */
const titleBefore = (doc: Doc, k: number): boolean => {
  const { tokens } = doc
  for (let s = Math.max(0, k - 6); s < k; s++) {
    const hit = doc.lex.titles.longest(tokens, s)
    if (!hit) continue
    const e = s + hit.length
    if (e === k) return true
    // "Prime Minister of Japan", "spokesman of the ministry"
    if (tokens[e]?.norm === "of") {
      let x = e + 1
      if (tokens[x]?.norm === "the") x++
      while (x < k && isCapWord(tokens[x])) x++
      if (x === k) return true
    }
  }
  return false
}

/** Is a state named at token k (by the gazetteer)? */
const stateAt = (doc: Doc, k: number): boolean => {
  const hit = doc.lex.names.longest(doc.tokens, k)
  return !!hit && hit.values.some((id) => id.startsWith("country:"))
}
