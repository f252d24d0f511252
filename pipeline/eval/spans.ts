/**
 * Code-point offset arithmetic for event matching: gold quotes are located with the UTF-16
 * `indexOf`, predicted spans are Unicode code points, so gold spans are converted.
 */
import type { CodePointSpan } from "./types.js"

/** Number of Unicode code points in a string (a surrogate pair counts once). */
export const codePointLength = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

/**
 * Code-point span of the first occurrence of `quote` in `text` (`text.indexOf(quote)`, then the
 * UTF-16 index converted to code points); null when the quote does not occur.
 */
export const quoteSpan = (text: string, quote: string): CodePointSpan | null => {
  const at = text.indexOf(quote)
  if (at < 0 || quote.length === 0) return null
  const start = codePointLength(text.slice(0, at))
  return { start, end: start + codePointLength(quote) }
}

/** Length of the overlap of two half-open spans (0 when they do not overlap). */
export const overlap = (a: CodePointSpan, b: CodePointSpan): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
