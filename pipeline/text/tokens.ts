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
// (an ASCII character answers from its code, without a case conversion: the same answer, no string made)
const isUpper = (c: string | undefined): boolean => {
  if (c === undefined) return false
  const k = c.charCodeAt(0)
  return k < 128 ? k >= 65 && k <= 90 : c !== c.toLowerCase() && c === c.toUpperCase()
}
const capJoined = (w: string): boolean => {
  if (!isUpper(w[0])) return false
  for (let i = 1; i < w.length - 1; i++) if ((w[i] === "-" || w[i] === "–") && isUpper(w[i + 1])) return true
  return false
}

/** Tokenise a text (or a slice of it: `offset` is added to every position). */
export const tokenize = (text: string, offset = 0): Array<Token> => {
  const out: Array<Token> = []
  scanWords(text, (start, end) => {
    const whole = text.slice(start, end)
    const parts = splitWord(whole)
    if (parts === null) {
      out.push(makeToken(whole, start + offset))
      return
    }
    let pos = start + offset
    for (const part of parts) {
      out.push(makeToken(part, pos))
      pos += part.length
    }
  })
  return out
}

/** The token texts of a phrase, split exactly as `tokenize` splits (for lexicon keys: no Token records). */
export const tokenTexts = (text: string): Array<string> => {
  const out: Array<string> = []
  scanWords(text, (start, end) => {
    const whole = text.slice(start, end)
    const parts = splitWord(whole)
    if (parts === null) out.push(whole)
    else out.push(...parts)
  })
  return out
}

// == the scanner: TOKEN_RE's matches, found from character classes
// (the same [start, end) as TOKEN_RE.exec in a loop, without a match array and a regex run per word: tokenising was
// the largest single cost of extraction after the lexicon lookups; tests/text/tokens.test.ts compares the two)

/** Character classes: a space (\s), a letter or mark, a number, anything else. */
const SPACE = 0
const LETTER_OR_MARK = 1
const NUMBER = 2
const OTHER = 3
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    ? LETTER_OR_MARK
    : c >= 48 && c <= 57
      ? NUMBER
      : (c >= 9 && c <= 13) || c === 32
        ? SPACE
        : OTHER
)
const WIDE_LETTER_OR_MARK = /^[\p{L}\p{M}]$/u
const WIDE_NUMBER = /^\p{N}$/u
const WIDE_SPACE = /^\s$/u
// the class of each non-ASCII code point met (a pure function of the code point, remembered)
const wideClasses = new Map<number, number>()
const wideClass = (cp: number): number => {
  let c = wideClasses.get(cp)
  if (c === undefined) {
    const ch = String.fromCodePoint(cp)
    c = WIDE_LETTER_OR_MARK.test(ch)
      ? LETTER_OR_MARK
      : WIDE_NUMBER.test(ch)
        ? NUMBER
        : WIDE_SPACE.test(ch)
          ? SPACE
          : OTHER
    wideClasses.set(cp, c)
  }
  return c
}
const classAt = (text: string, p: number): number => {
  const u = text.charCodeAt(p)
  return u < 128 ? ASCII_CLASS[u]! : wideClass(text.codePointAt(p)!)
}
/** UTF-16 length of the code point at p. */
const widthAt = (text: string, p: number): number => (text.codePointAt(p)! > 0xffff ? 2 : 1)
/** Joiners inside a word ([-–'’.+&]) and inside a number ([.,:+]), each kept only before a character of the part. */
const isWordJoiner = (u: number): boolean =>
  u === 45 || u === 0x2013 || u === 39 || u === 0x2019 || u === 46 || u === 43 || u === 38
const isNumberJoiner = (u: number): boolean => u === 46 || u === 44 || u === 58 || u === 43

/** The end of the word or number that starts at p with a character of class `first`. */
const partEnd = (text: string, p: number, first: number): number => {
  const word = first === LETTER_OR_MARK
  const n = text.length
  while (p < n) {
    const c = classAt(text, p)
    if (c === NUMBER || (word && c === LETTER_OR_MARK)) {
      p += widthAt(text, p)
      continue
    }
    const u = text.charCodeAt(p)
    if (p + 1 < n && (word ? isWordJoiner(u) : isNumberJoiner(u))) {
      const next = classAt(text, p + 1)
      if (next === NUMBER || (word && next === LETTER_OR_MARK)) {
        p += 1 + widthAt(text, p + 1)
        continue
      }
    }
    break
  }
  return p
}

/** Every match of TOKEN_RE in text, in order, as [start, end). */
export const scanWords = (text: string, each: (start: number, end: number) => void): void => {
  const n = text.length
  let p = 0
  while (p < n) {
    const c = classAt(text, p)
    const w = widthAt(text, p)
    if (c === SPACE) {
      p += w
      continue
    }
    const end = c === OTHER ? p + w : partEnd(text, p + w, c)
    each(p, end)
    p = end
  }
}

/** The tokens' pattern, as a regular expression (what the scanner above finds; kept for tests/text/tokens.test.ts). */
export const TOKEN_PATTERN = TOKEN_RE

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

/** Kind and capital of a token whose first character is not an ASCII letter or digit (nor an apostrophe). */
const PUNCT = { kind: "punct", cap: false } as const
const WORD = { kind: "word", cap: false } as const
const CAP_WORD = { kind: "word", cap: true } as const
const NUM = { kind: "num", cap: false } as const

/**
 * A token's kind and capital: a digit starts a number; a letter or a lone possessive makes a word, capitalised when its
 * first character has a lower case of its own. ASCII answers from the character code (the same answers, no string or
 * regex test); any other first character, and the apostrophe of "'s", are tested as words.
 */
const kindOf = (t: string): { readonly kind: Token["kind"]; readonly cap: boolean } => {
  const c = t.charCodeAt(0)
  if (c >= 48 && c <= 57) return NUM
  if (c >= 65 && c <= 90) return CAP_WORD
  if (c >= 97 && c <= 122) return WORD
  if (c < 128 && c !== 39) return PUNCT
  const isWord = LETTER.test(t[0]!) || LONE_POSSESSIVE.test(t)
  return isWord ? (t[0] !== t[0]!.toLowerCase() ? CAP_WORD : WORD) : PUNCT
}

const makeToken = (t: string, start: number): Token => {
  const k = kindOf(t)
  return {
    text: t,
    start,
    end: start + t.length,
    norm: normWord(t),
    cap: k.cap,
    kind: k.kind
  }
}
