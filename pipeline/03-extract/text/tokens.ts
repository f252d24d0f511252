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
const TOKEN_RE = /[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|[-–'’.+&](?=[\p{L}\p{M}\p{N}]))*|\p{N}(?:\p{N}|[.,:+](?=\p{N}))*|[^\s\p{L}\p{M}\p{N}]/gu

/** Matching key of a token or alias word: lower case, ’ → ', – → -, diacritics kept. */
export const normWord = (s: string): string => s.toLowerCase().replace(/[’‘`]/g, "'").replace(/[–—‑]/g, "-")

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
  scan(text, (t, start) => out.push(makeToken(t, start + offset)))
  return out
}

/** The token texts of a phrase, split exactly as `tokenize` splits (for lexicon keys: no Token records). */
export const tokenTexts = (text: string): Array<string> => {
  const out: Array<string> = []
  scan(text, (t) => out.push(t))
  return out
}

/** Every token of the text in order, as its text and UTF-16 start. */
const scan = (text: string, emit: (t: string, start: number) => void): void => {
  TOKEN_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const whole = m[0]
    if (capJoined(whole)) {
      let pos = 0
      for (const part of whole.split(/([-–])/)) {
        if (part !== "") emit(part, m.index + pos)
        pos += part.length
      }
      continue
    }
    // a possessive 's / ’s is its own token, so "Kazakhstan’s" is found as Kazakhstan
    const poss = POSSESSIVE.exec(whole)
    if (poss && poss[1]!.length > 1) {
      emit(poss[1]!, m.index)
      emit(poss[2]!, m.index + poss[1]!.length)
      continue
    }
    emit(whole, m.index)
  }
}

const POSSESSIVE = /^(.+?)(['’]s)$/u

const makeToken = (t: string, start: number): Token => {
  {
    const c = t.charCodeAt(0)
    const isNum = c >= 48 && c <= 57
    const isWord = !isNum && (/[\p{L}\p{M}]/u.test(t[0]!) || /^['’]s$/.test(t))
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
