/** A token-sequence trie: longest-match lookup of multi-word phrases over a token array. */
import { normWord, tokenize, type Token } from "../text/tokens.js"

interface Node<V> {
  readonly next: Map<string, Node<V>>
  values: Array<{ readonly value: V; readonly words: ReadonlyArray<string>; readonly caseSensitive: boolean }>
}

/** Phrase trie keyed by normalised words. */
export class PhraseTrie<V> {
  private readonly root: Node<V> = { next: new Map(), values: [] }

  /** Add a phrase (tokenised like the text). */
  add(phrase: string, value: V, caseSensitive: boolean): void {
    const words = tokenize(phrase).map((t) => t.text)
    if (words.length === 0) return
    let node = this.root
    for (const w of words) {
      const k = normWord(w)
      let n = node.next.get(k)
      if (!n) {
        n = { next: new Map(), values: [] }
        node.next.set(k, n)
      }
      node = n
    }
    // the same value under another capitalisation ("Batken Region", "Batken region") is kept: case is checked per form
    if (!node.values.some((v) => v.value === value && (!caseSensitive || !v.caseSensitive || v.words.every((w, k) => w === words[k]))))
      node.values.push({ value, words, caseSensitive })
  }

  /** Longest phrase starting at token i whose case constraints hold; returns its length and values. */
  longest(tokens: ReadonlyArray<Token>, i: number): { readonly length: number; readonly values: ReadonlyArray<V> } | null {
    let node: Node<V> | undefined = this.root
    let best: { length: number; values: Array<V> } | null = null
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j]!.norm)
      if (!node) break
      if (node.values.length > 0) {
        const ok: Array<V> = []
        for (const v of node.values) if ((!v.caseSensitive || sameCase(v.words, tokens, i)) && !ok.includes(v.value)) ok.push(v.value)
        if (ok.length > 0) best = { length: j - i + 1, values: ok }
      }
    }
    return best
  }
}

const sameCase = (words: ReadonlyArray<string>, tokens: ReadonlyArray<Token>, i: number): boolean =>
  words.every((w, k) => {
    const t = tokens[i + k]!.text
    const a = w[0]!
    const b = t[0]!
    return (a === a.toLowerCase()) === (b === b.toLowerCase()) || t === t.toUpperCase()
  })
