/**
 * Offsets: JS strings index UTF-16 code units, the published offsets count Unicode code
 * points (W3C TextPositionSelector, Python str indexing). These helpers convert between them.
 */

/** UTF-16 positions of the low halves of the text's surrogate pairs, in order. */
const lowHalves = (text: string): Array<number> => {
  const lows: Array<number> = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        lows.push(i + 1)
        i++
      }
    }
  }
  return lows
}

/** How many of the sorted values are below x (binary search). */
const countBelow = (sorted: ReadonlyArray<number>, x: number): number => {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A converter from UTF-16 offsets to code-point offsets for one text (O(n) once, O(log n) per call). */
export const makeCodePointIndex = (text: string): ((utf16: number) => number) => {
  // each low half of a surrogate pair before an offset shifts it by 1
  const lows = lowHalves(text)
  return lows.length === 0 ? (u) => u : (u) => u - countBelow(lows, u)
}

/** Number of code points in a string. */
export const codePointLength = (s: string): number => {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** Slice by code points (what a Python user does with text[start:end]). */
export const sliceCodePoints = (s: string, start: number, end: number): string => [...s].slice(start, end).join("")

/** A converter from code-point offsets to UTF-16 offsets for one text (the inverse of makeCodePointIndex). */
export const makeUtf16Index = (text: string): ((codePoint: number) => number) => {
  // code-point positions of the characters written as surrogate pairs (the k-th pair's high half
  // stands k units after its code point); each one before an offset lengthens it by 1
  const pairs = lowHalves(text).map((low, k) => low - 1 - k)
  return pairs.length === 0 ? (c) => c : (c) => c + countBelow(pairs, c)
}
