/**
 * Sentence splitting with offsets. Line breaks always end a sentence; . ! ? end one when the
 * next word starts a sentence and the word before is not an abbreviation or an initial.
 */

/** A sentence (UTF-16 offsets into the text, trimmed). */
export interface Sentence {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Words after which a period does not end a sentence. */
export const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sen",
  "rep",
  "gov",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "st",
  "jr",
  "sr",
  "vs",
  "etc",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "no",
  "nos",
  "inc",
  "corp",
  "co",
  "ltd",
  "dept",
  "univ",
  "approx",
  "est",
  "fig",
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "d.c",
  "a.m",
  "p.m",
  "e.g",
  "i.e"
])

const END_RE = /[.!?]["”’)\]]*(?=\s)/g

/** Split one line (no newline inside) into sentences. */
const splitLine = (text: string, lineStart: number, lineEnd: number, out: Array<Sentence>): void => {
  const line = text.slice(lineStart, lineEnd)
  let segStart = 0
  END_RE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = END_RE.exec(line)) !== null) {
    const cut = m.index + m[0].length
    const before = /([\p{L}.]+)\.?$/u.exec(line.slice(Math.max(0, m.index - 12), m.index + 1))
    const word = before ? before[1]!.replace(/\.$/, "").toLowerCase() : ""
    const after = line.slice(cut).trimStart()
    const nextIsStart = /^["“‘'([]?[\p{Lu}\p{N}]/u.test(after)
    const isInitial = /^\p{Lu}$/u.test(before ? before[1]!.replace(/\.$/, "") : "")
    if (line[m.index] === "." && (ABBREVIATIONS.has(word) || isInitial || !nextIsStart)) continue
    if (line[m.index] !== "." && !nextIsStart) continue
    pushSegment(text, lineStart + segStart, lineStart + cut, out)
    segStart = cut
  }
  pushSegment(text, lineStart + segStart, lineEnd, out)
}

/** The trimmed text of [s, e) as a sentence, when it holds any. */
const pushSegment = (text: string, s: number, e: number, out: Array<Sentence>): void => {
  const seg = text.slice(s, e)
  const lead = seg.length - seg.trimStart().length
  const t = seg.trim()
  if (t.length > 0) out.push({ start: s + lead, end: s + lead + t.length, text: t })
}

/** Split a whole text into sentences. */
export const splitSentences = (text: string): Array<Sentence> => {
  const out: Array<Sentence> = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i > start) splitLine(text, start, i, out)
      start = i + 1
    }
  }
  return out
}
