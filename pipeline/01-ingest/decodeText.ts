/**
 * Raw bytes → published text. Strict UTF-8; BOM removed; CRLF / CR → LF; Unicode NFC.
 * The published text is what every evidence offset indexes.
 */
import { Either } from "effect"
import { codePointLength } from "../shared/codepoints.js"
import { splitSentences } from "../text/sentences.js"
import {
  BidiControl,
  BinaryFile,
  type DecodeError,
  EmptyFile,
  FileTooLarge,
  HtmlDocument,
  InvalidUtf8,
  NotEnglish,
  SentenceTooLong,
  UnsupportedEncoding,
  WhitespaceOnly
} from "./errors.js"

/** Largest accepted article, in bytes (documented in the README). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024

/**
 * Longest accepted sentence, in characters (documented in the README). Extraction's time grows
 * faster than a sentence's length (one of 200,000 characters takes tens of seconds, a 4 MiB one
 * hours); news sentences run to a few hundred.
 */
export const MAX_SENTENCE_CHARS = 10_000

/**
 * The first sentence longer than MAX_SENTENCE_CHARS, split as extraction splits them (a line
 * break always ends a sentence, so only lines longer than the limit are split): its start and
 * length in characters (code points), or null.
 */
export const overlongSentence = (text: string): { readonly offset: number; readonly chars: number } | null => {
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf("\n", start)
    const end = nl < 0 ? text.length : nl
    if (end - start > MAX_SENTENCE_CHARS) {
      const line = text.slice(start, end)
      const long = splitSentences(line).find(
        (s) => s.end - s.start > MAX_SENTENCE_CHARS && codePointLength(s.text) > MAX_SENTENCE_CHARS
      )
      if (long)
        return {
          offset: codePointLength(text.slice(0, start + long.start)),
          chars: codePointLength(long.text)
        }
    }
    start = end + 1
  }
  return null
}

/** English function words; an article of 40+ words with fewer than 8% of them is not English. */
const FUNCTION_WORDS = new Set(
  (
    "the of and to in a is that for on with as by at from was were are be has have had it its this which will an or " +
    "not but said their after over"
  ).split(" ")
)

const LETTER = /^\p{L}$/u
const letters = new Map<number, boolean>()
/** Is code point `cp` a letter (\p{L})? ASCII by range, the rest by the regex, remembered. */
const isLetter = (cp: number): boolean => {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)
  let l = letters.get(cp)
  if (l === undefined) letters.set(cp, (l = LETTER.test(String.fromCodePoint(cp))))
  return l
}

/**
 * Share of English function words among the first 2,000 words (null when the text is too short
 * to tell). A word is a run of letters (\p{L}) of the lower-cased first 20,000 characters: what
 * `.match(/\p{L}+/gu)` finds, scanned without making the list of every word.
 */
export const englishRatio = (text: string): number | null => {
  const t = text.slice(0, 20_000).toLowerCase()
  let words = 0
  let hits = 0
  let start = -1
  for (let i = 0; i <= t.length && words < 2000; ) {
    const cp = i < t.length ? t.codePointAt(i)! : -1
    const letter = cp >= 0 && isLetter(cp)
    if (letter && start < 0) start = i
    else if (!letter && start >= 0) {
      words++
      if (FUNCTION_WORDS.has(t.slice(start, i))) hits++
      start = -1
    }
    i += cp > 0xffff ? 2 : 1
  }
  if (words < 40) return null
  return hits / words
}

const firstInvalidUtf8 = (b: Uint8Array): number => {
  let i = 0
  while (i < b.length) {
    const c = b[i]!
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (n < 0) return i
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i
    i += n + 1
  }
  return -1
}

/** Decode one source file's bytes into its published text, or say why it cannot be. */
export const decodeText = (file: string, bytes: Uint8Array): Either.Either<string, DecodeError> => {
  if (bytes.length === 0) return Either.left(new EmptyFile({ file }))
  if (bytes.length > MAX_SOURCE_BYTES)
    return Either.left(new FileTooLarge({ file, bytes: bytes.length, limit: MAX_SOURCE_BYTES }))
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return Either.left(
      new UnsupportedEncoding({
        file,
        encoding: bytes[0] === 0xff ? "UTF-16LE" : "UTF-16BE"
      })
    )
  const nul = bytes.indexOf(0)
  if (nul >= 0) return Either.left(new BinaryFile({ file, offset: nul }))
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return Either.left(new InvalidUtf8({ file, offset: Math.max(0, firstInvalidUtf8(bytes)) }))
  }
  text = text.replace(/\r\n?/g, "\n").normalize("NFC")
  if (text.trim().length === 0) return Either.left(new WhitespaceOnly({ file }))
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024))) return Either.left(new HtmlDocument({ file }))
  const bidi = text.search(/[\u202A-\u202E\u2066-\u2069]/)
  if (bidi >= 0) return Either.left(new BidiControl({ file, offset: bidi }))
  const ratio = englishRatio(text)
  if (ratio !== null && ratio < 0.08) return Either.left(new NotEnglish({ file, ratio }))
  const long = overlongSentence(text)
  if (long !== null) return Either.left(new SentenceTooLong({ file, ...long, limit: MAX_SENTENCE_CHARS }))
  return Either.right(text)
}
