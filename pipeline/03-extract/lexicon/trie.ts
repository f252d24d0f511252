/** A token-sequence trie: longest-match lookup of multi-word phrases over a token array. */
import { normWord, type Token, tokenTexts } from "../../text/tokens.js"

interface Entry<V> {
  readonly value: V
  readonly words: ReadonlyArray<string>
  readonly caseSensitive: boolean
}

interface Node<V> {
  readonly next: Map<string, Node<V>>
  readonly values: Array<Entry<V>>
  /** The distinct values in insertion order, when no entry has a case constraint (the answer needs no check). */
  plain: ReadonlyArray<V> | null
}

const EMPTY: ReadonlyArray<never> = []

/** A phrase found: its length in tokens and its values. */
export interface Hit<V> {
  readonly length: number
  readonly values: ReadonlyArray<V>
}

const MEMO_MIN = 32

/** Phrase trie keyed by normalised words. */
export class PhraseTrie<V> {
  private readonly root: Node<V> = {
    next: new Map(),
    values: [],
    plain: EMPTY
  }

  /** Add a phrase (tokenised like the text). */
  add(phrase: string, value: V, caseSensitive: boolean): void {
    const words = tokenTexts(phrase)
    if (words.length === 0) return
    let node = this.root
    for (const w of words) {
      const k = normWord(w)
      let n = node.next.get(k)
      if (!n) {
        n = { next: new Map(), values: [], plain: EMPTY }
        node.next.set(k, n)
      }
      node = n
    }
    // the same value under another capitalisation ("Batken Region", "Batken region") is kept: case is checked per form
    this.memoTokens = null
    if (
      !node.values.some(
        (v) => v.value === value && (!caseSensitive || !v.caseSensitive || v.words.every((w, k) => w === words[k]))
      )
    ) {
      node.values.push({ value, words, caseSensitive })
      node.plain = node.values.some((v) => v.caseSensitive) ? null : [...new Set(node.values.map((v) => v.value))]
    }
  }

  // The answers for the last long token array asked about (an article's tokens, read-only once built): the
  // passes ask about the same positions many times. Short arrays (a phrase tokenised on the spot) are not kept.
  private memoTokens: ReadonlyArray<Token> | null = null
  private memo: Array<Hit<V> | null | undefined> = []

  /** Longest phrase starting at token i whose case constraints hold; returns its length and values. */
  longest(tokens: ReadonlyArray<Token>, i: number): Hit<V> | null {
    if (tokens.length < MEMO_MIN || i < 0 || i >= tokens.length) return this.find(tokens, i)
    if (tokens !== this.memoTokens) {
      this.memoTokens = tokens
      this.memo = new Array(tokens.length)
    }
    let hit = this.memo[i]
    if (hit === undefined) {
      hit = this.find(tokens, i)
      this.memo[i] = hit
    }
    return hit
  }

  private find(tokens: ReadonlyArray<Token>, i: number): Hit<V> | null {
    let node: Node<V> | undefined = this.root
    let bestLength = 0
    let bestValues: ReadonlyArray<V> = EMPTY
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j]!.norm)
      if (!node) break
      if (node.values.length === 0) continue
      const ok = node.plain ?? checked(node.values, tokens, i)
      if (ok.length > 0) {
        bestLength = j - i + 1
        bestValues = ok
      }
    }
    return bestLength > 0 ? { length: bestLength, values: bestValues } : null
  }
}

/** The distinct values of the entries whose case constraints hold at token i. */
const checked = <V>(entries: ReadonlyArray<Entry<V>>, tokens: ReadonlyArray<Token>, i: number): Array<V> => {
  const ok: Array<V> = []
  for (const v of entries)
    if ((!v.caseSensitive || sameCase(v.words, tokens, i)) && !ok.includes(v.value)) ok.push(v.value)
  return ok
}

const sameCase = (words: ReadonlyArray<string>, tokens: ReadonlyArray<Token>, i: number): boolean => {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[i + k]!.text
    const a = words[k]![0]!
    const b = t[0]!
    if ((a === a.toLowerCase()) !== (b === b.toLowerCase()) && t !== t.toUpperCase()) return false
  }
  return true
}
