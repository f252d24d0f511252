/**
 * Offsets in the page: the release counts Unicode code points, JavaScript strings count UTF-16 units, so every span is
 * converted (shared/codepoints.ts) before the text is cut. Pure, tested in Node.
 */
import { codePointLength, makeUtf16Index } from "../../shared/codepoints.js"

/** A span in code points. */
export interface CpSpan {
  readonly start: number
  readonly end: number
}

/** A run of text between two span boundaries, with the spans that cover it (indices, innermost first). */
export interface Piece {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly cover: ReadonlyArray<number>
}

/** The text cut at every span boundary; each piece lists the spans covering it, the shortest first. */
export const pieces = (text: string, spans: ReadonlyArray<CpSpan>): Array<Piece> => {
  const toUtf16 = makeUtf16Index(text)
  const length = codePointLength(text)
  const cuts = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((c) => c >= 0 && c <= length)
    .sort((a, b) => a - b)
  const out: Array<Piece> = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!]
    const cover = spans
      .map((s, k) => [s, k] as const)
      .filter(([s]) => s.start <= a && s.end >= b)
      .sort(([x], [y]) => x.end - x.start - (y.end - y.start))
      .map(([, k]) => k)
    out.push({ text: text.slice(toUtf16(a), toUtf16(b)), start: a, end: b, cover })
  }
  return out
}

/** A quote in its context: the text before, the quote (cut at its code-point offsets) and after, within its paragraph. */
export interface InContext {
  readonly before: string
  readonly quote: string
  readonly after: string
}

/** The paragraph around a span (at most `room` UTF-16 units each side), cut at the span's code-point offsets. */
export const inContext = (text: string, span: CpSpan, room = 400): InContext => {
  const toUtf16 = makeUtf16Index(text)
  const [a, b] = [toUtf16(span.start), toUtf16(span.end)]
  const lineStart = text.lastIndexOf("\n", a - 1) + 1
  const lineEnd = text.indexOf("\n", b) === -1 ? text.length : text.indexOf("\n", b)
  // never cut a surrogate pair in two
  const low = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00
  let from = Math.max(lineStart, a - room)
  if (low(from)) from++
  let to = Math.min(lineEnd, b + room)
  if (low(to)) to++
  return {
    before: (from > lineStart ? "…" : "") + text.slice(from, a),
    quote: text.slice(a, b),
    after: text.slice(b, to) + (to < lineEnd ? "…" : "")
  }
}
