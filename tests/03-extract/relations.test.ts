/**
 * Runs the relation rules' corpora (one relations.<family>.corpus.json per rule family): handmade
 * phrasings with the triples each must yield by the rule named, and negatives with triples they must
 * not yield by any rule. Every rule of pipeline/03-extract/relations has a group of at least five
 * phrasings and two negatives. Names are canonical entity names.
 */
import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { extractPhrasing, type RuleCorpus, readCorpus, thinGroups } from "../lib/ruleCorpus.js"

type Triple = [predicate: string, subject: string, object: string, role?: string]
/** Each group's rule is the evidence method every phrasing must fire with its expected triples. */
type Corpus = RuleCorpus<Triple>

const corpora = readdirSync(new URL(".", import.meta.url))
  .filter((f) => /^relations(\.[a-z-]+)?\.corpus\.json$/.test(f))
  .sort()
  .map((f) => [f, readCorpus<Corpus>(new URL(`./${f}`, import.meta.url))] as const)
const ruleDir = new URL("../../pipeline/03-extract/relations/", import.meta.url)
const rulesInCode = [
  ...new Set(
    readdirSync(ruleDir).flatMap(
      (f) => readFileSync(new URL(f, ruleDir), "utf8").match(/relation\.[a-z-]+\.v\d+/g) ?? []
    )
  )
]
  .filter((m) => m !== "relation.country-anaphor.v1")
  .sort()

/** A relation of a text as [predicate, subject, object, role] with canonical names, and the rule that found it. */
type Found = { readonly triple: Triple; readonly method: string }
const relationsOf = (text: string): Array<Found> => {
  const x = extractPhrasing(text)
  const name = new Map(x.entities.map((e) => [e.key, e.name]))
  return x.relations.map((r) => ({
    triple: [r.predicate, name.get(r.subject)!, name.get(r.object)!, r.role ?? ""],
    method: r.method
  }))
}
const same = (f: Triple, t: Triple) =>
  f[0] === t[0] && f[1] === t[1] && f[2] === t[2] && (t[3] === undefined || f[3] === t[3])
const show = (found: ReadonlyArray<Found>) => JSON.stringify(found.map((f) => [...f.triple, f.method]))

describe("relation rules corpora", () => {
  it("has a group of at least five phrasings and two negatives for every relation rule", () => {
    const groups = corpora.flatMap(([, c]) => c.groups)
    const thin = thinGroups(
      groups.map((g) => ({
        rule: g.rule,
        fire: g.phrasings.length,
        notFire: (g.negatives ?? []).length
      }))
    )
    const untested = rulesInCode.filter((r) => !groups.some((g) => g.rule === r))
    expect([thin, untested]).toEqual([[], []])
  })
  for (const [file, corpus] of corpora)
    describe(file, () => {
      for (const g of corpus.groups)
        describe(g.rule, () => {
          for (const p of g.phrasings)
            it(`yields: ${p.text}`, () => {
              const found = relationsOf(p.text)
              for (const t of p.expect)
                expect(
                  found.some((f) => f.method === g.rule && same(f.triple, t)),
                  `${JSON.stringify(t)} by ${g.rule} in ${show(found)}`
                ).toBe(true)
            })
          for (const n of g.negatives ?? [])
            it(`not: ${n.text}`, () => {
              const found = relationsOf(n.text)
              for (const t of n.reject)
                expect(
                  found.some((f) => same(f.triple, t)),
                  `${JSON.stringify(t)} in ${show(found)}`
                ).toBe(false)
            })
        })
    })
})
