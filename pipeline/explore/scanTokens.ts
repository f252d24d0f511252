/**
 * The search tokens of a quote as `tokens` (format.ts) makes them, in one scan where its Unicode passes change
 * nothing: a text of ASCII characters and of other characters that fold to themselves and are no part of a word (’ “ –
 * and the like) is cut at those and lower-cased as it is scanned. Any other text goes to `tokens`. Build-side only (the
 * page's search uses `tokens`). Pure.
 */
import { STOPWORDS, tokens } from "./format.js"

const [UNKNOWN, SEPARATOR, WORD, OTHER] = [0, 1, 2, 3]

/** What each UTF-16 unit is to the scan, found the first time it is met. */
const kinds = new Uint8Array(0x10000)

const kindOf = (c: number): number => {
  let kind = kinds[c]!
  if (kind === UNKNOWN) {
    const ch = String.fromCharCode(c)
    // an ASCII letter or digit is a word's (lower-cased); any other letter, number, mark or surrogate is left to `tokens`
    kind =
      c >= 0xd800 && c <= 0xdfff
        ? OTHER
        : /[\p{L}\p{N}]/u.test(ch)
          ? c < 0x80
            ? WORD
            : OTHER
          : ch.normalize("NFKD") === ch && ch.toLowerCase() === ch && !/\p{M}/u.test(ch)
            ? SEPARATOR
            : OTHER
    kinds[c] = kind
  }
  return kind
}

/** The search tokens of `q` (the distinct ones of `tokens(q)`, in the order met; a token may come more than once). */
export const scanTokens = (q: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  let start = -1
  for (let i = 0; i <= q.length; i++) {
    const kind = i === q.length ? SEPARATOR : kindOf(q.charCodeAt(i))
    if (kind === WORD) {
      if (start < 0) start = i
    } else if (kind === SEPARATOR) {
      if (start >= 0 && i - start >= 2) {
        const word = q.slice(start, i).toLowerCase()
        if (!STOPWORDS.has(word)) out.push(word)
      }
      start = -1
    } else return tokens(q)
  }
  return out
}
