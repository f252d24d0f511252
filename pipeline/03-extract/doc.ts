/** The per-article working state shared by the extraction passes (built once, read-only after). */
import type { DatePrecision } from "../../schemas/vocab.js"
import { type Sentence, splitSentences } from "../text/sentences.js"
import { type Token, tokenize } from "../text/tokens.js"
import type { LexiconBundle } from "./lexicon/Lexicons.js"

/** A sentence with its token range [tokStart, tokEnd). */
export interface DocSentence extends Sentence {
  readonly tokStart: number
  readonly tokEnd: number
}

/** An article prepared for extraction. */
export interface Doc {
  readonly text: string
  readonly tokens: ReadonlyArray<Token>
  readonly sentences: ReadonlyArray<DocSentence>
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array
  readonly ref: {
    readonly value: string | null
    readonly precision: DatePrecision
  }
  readonly lex: LexiconBundle
}

/** Tokenise and split an article. */
export const makeDoc = (text: string, ref: Doc["ref"], lex: LexiconBundle): Doc => {
  const tokens = tokenize(text)
  const raw = splitSentences(text)
  const sentenceOf = new Int32Array(tokens.length)
  const sentences: Array<DocSentence> = []
  let t = 0
  raw.forEach((s, si) => {
    while (t < tokens.length && tokens[t]!.end <= s.start) t++
    const tokStart = t
    while (t < tokens.length && tokens[t]!.start < s.end) sentenceOf[t++] = si
    // (fields spelled out: a spread followed by new fields gives each object a hidden class of its own in Node 20's V8)
    sentences.push({ start: s.start, end: s.end, text: s.text, tokStart, tokEnd: t })
  })
  return { text, tokens, sentences, sentenceOf, ref, lex }
}

/** A gazetteer position's term (ISO dates; open at an end that is not given). */
export interface Term {
  readonly from?: string | undefined
  readonly to?: string | undefined
}

/** Is a term running at `day` (at any day when it is unknown)? */
export const termAt = (term: Term, day: string | null): boolean =>
  day === null || ((term.from === undefined || term.from <= day) && (term.to === undefined || day <= term.to))

/**
 * Is a gazetteer position of a person the article mentions held at the article's date? Entities and relations read the
 * reference date only here, and only of the people they found (events read it for their dates): extract.ts's
 * reextractArticle relies on both.
 */
export const heldAt = (doc: Doc, term: Term): boolean => termAt(term, doc.ref.value)

/** Is a cue word in the named list? */
export const inList = (doc: Doc, list: string, norm: string): boolean => doc.lex.cues.get(list)?.has(norm) ?? false

/** Group items with a token range by the sentence they start in (one pass; for per-sentence rules). */
export const bySentence = <T extends { readonly tokStart: number; readonly tokEnd: number }>(
  doc: Doc,
  items: ReadonlyArray<T>
): Array<Array<T>> => {
  const out: Array<Array<T>> = doc.sentences.map(() => [])
  for (const it of items) {
    if (it.tokStart < 0 || it.tokStart >= doc.tokens.length) continue
    const si = doc.sentenceOf[it.tokStart]!
    if (it.tokEnd <= doc.sentences[si]!.tokEnd) out[si]!.push(it)
  }
  return out
}
