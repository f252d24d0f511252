/**
 * Tokens with UTF-16 offsets. Names, abbreviations (U.S), formats (C5+1) and hyphenated
 * names (Kassym-Jomart) stay one token; aliases are tokenised the same way before matching.
 */

/** One token of the text. */
export interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
  /** Lower-cased text with typographic apostrophes and dashes unified (matching key). */
  readonly norm: string
  /** Starts with an upper-case letter (or a digit-letter code such as C5+1). */
  readonly cap: boolean
  readonly kind: "word" | "num" | "punct"
}

// A word: letters/marks/digits, joined by single inner hyphens, dashes, apostrophes, dots, plus or ampersand.
// (each character after the first is a word character, or a joiner followed by one: linear, no nested quantifiers)
const TOKEN_RE =
  /[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|[-–'’.+&](?=[\p{L}\p{M}\p{N}]))*|\p{N}(?:\p{N}|[.,:+](?=\p{N}))*|[^\s\p{L}\p{M}\p{N}]/gu

/** Matching key of a token or alias word: lower case, ’ → ', – → -, diacritics kept. */
export const normWord = (s: string): string => {
  const lower = s.toLowerCase()
  return TYPOGRAPHIC.test(lower) ? lower.replace(/[’‘`]/g, "'").replace(/[–—‑]/g, "-") : lower
}
const TYPOGRAPHIC = /[’‘`–—‑]/

// A hyphen or dash joining two capitalised parts ("Central Asia-United States", "US-Kazakhstan",
// "Kassym-Jomart") is its own token, so each name is found; name runs rejoin across it.
const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase()
const capJoined = (w: string): boolean => {
  if (!isUpper(w[0])) return false
  for (let i = 1; i < w.length - 1; i++) if ((w[i] === "-" || w[i] === "–") && isUpper(w[i + 1])) return true
  return false
}

/** Tokenise a text (or a slice of it: `offset` is added to every position). */
export const tokenize = (text: string, offset = 0): Array<Token> => {
  const out: Array<Token> = []
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const parts = splitWord(m[0])
    if (parts === null) {
      out.push(makeToken(m[0], m.index + offset))
      continue
    }
    let pos = m.index + offset
    for (const part of parts) {
      out.push(makeToken(part, pos))
      pos += part.length
    }
  }
  return out
}

/** The token texts of a phrase, split exactly as `tokenize` splits (for lexicon keys: no Token records). */
export const tokenTexts = (text: string): Array<string> => {
  const out: Array<string> = []
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const parts = splitWord(m[0])
    if (parts === null) out.push(m[0])
    else out.push(...parts)
  }
  return out
}

/**
 * The parts a matched word is split into, or null when it stays whole: a dash between two
 * capitalised parts is a token of its own; a possessive 's / ’s is its own token, so
 * "Kazakhstan’s" is found as Kazakhstan.
 */
const splitWord = (whole: string): Array<string> | null => {
  if (capJoined(whole)) return whole.split(/([-–])/).filter((part) => part !== "")
  // (the possessive pattern is tried only on a word ending in 's or ’s: most words do not)
  const n = whole.length
  if (n < 3 || whole[n - 1] !== "s" || (whole[n - 2] !== "'" && whole[n - 2] !== "’")) return null
  const poss = POSSESSIVE.exec(whole)
  return poss && poss[1]!.length > 1 ? [poss[1]!, poss[2]!] : null
}

const POSSESSIVE = /^(.+?)(['’]s)$/u

const LETTER = /[\p{L}\p{M}]/u
const LONE_POSSESSIVE = /^['’]s$/
const makeToken = (t: string, start: number): Token => {
  {
    const c = t.charCodeAt(0)
    const isNum = c >= 48 && c <= 57
    const isWord = !isNum && (LETTER.test(t[0]!) || LONE_POSSESSIVE.test(t))
    return {
      text: t,
      start,
      end: start + t.length,
      norm: normWord(t),
      cap: isWord && t[0] !== t[0]!.toLowerCase(),
      kind: isNum ? "num" : isWord ? "word" : "punct"
    }
  }
}
