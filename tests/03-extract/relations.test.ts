/**
 * Runs the relation rules' corpus (relations.corpus.json): handmade phrasings with the triples
 * each must yield, and negatives with triples they must not. Names are canonical entity names.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

type Triple = [predicate: string, subject: string, object: string, role?: string]
interface Corpus {
  readonly groups: ReadonlyArray<{
    readonly rule: string
    readonly phrasings: ReadonlyArray<{ readonly text: string; readonly expect: ReadonlyArray<Triple> }>
    readonly negatives?: ReadonlyArray<{ readonly text: string; readonly reject: ReadonlyArray<Triple> }>
  }>
}

const corpus = JSON.parse(readFileSync(new URL("./relations.corpus.json", import.meta.url), "utf8")) as Corpus
const lex = loadLexicons()

/** The relations of a text as [predicate, subject, object, role] with canonical names. */
const relationsOf = (text: string): Array<Triple> => {
  const x = extractArticle({ sourceId: "src_test", text, published: { value: "2025-11-07", precision: "day" } }, lex)
  const name = new Map(x.entities.map((e) => [e.key, e.name]))
  return x.relations.map((r) => [r.predicate, name.get(r.subject)!, name.get(r.object)!, r.role ?? ""])
}
const has = (found: ReadonlyArray<Triple>, t: Triple) => found.some((f) => f[0] === t[0] && f[1] === t[1] && f[2] === t[2] && (t[3] === undefined || f[3] === t[3]))

describe("relation rules corpus", () => {
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      for (const p of g.phrasings)
        it(`yields: ${p.text}`, () => {
          const found = relationsOf(p.text)
          for (const t of p.expect) expect(has(found, t), `${JSON.stringify(t)} in ${JSON.stringify(found)}`).toBe(true)
        })
      for (const n of g.negatives ?? [])
        it(`not: ${n.text}`, () => {
          const found = relationsOf(n.text)
          for (const t of n.reject) expect(has(found, t), `${JSON.stringify(t)} in ${JSON.stringify(found)}`).toBe(false)
        })
    })
  }
})
