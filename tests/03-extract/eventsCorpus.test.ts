/**
 * Runs the event rules' corpus (events.corpus.json): handmade phrasings, each naming an event it must
 * yield (type, trigger lemma, actors and targets by canonical name, evidence quote, modality), and
 * negatives naming events they must not yield.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

interface Expected {
  readonly type: string
  readonly trigger?: string
  readonly actors?: ReadonlyArray<string>
  readonly targets?: ReadonlyArray<string>
  readonly quote?: string
  readonly modality?: string
}
interface Corpus {
  readonly groups: ReadonlyArray<{
    readonly rule: string
    readonly phrasings: ReadonlyArray<{ readonly text: string; readonly expect: ReadonlyArray<Expected> }>
    readonly negatives: ReadonlyArray<{ readonly text: string; readonly reject: ReadonlyArray<Expected> }>
  }>
}

const corpus = JSON.parse(readFileSync(new URL("./events.corpus.json", import.meta.url), "utf8")) as Corpus
const lex = loadLexicons()

interface Found {
  readonly type: string
  readonly trigger: string
  readonly actors: ReadonlyArray<string>
  readonly targets: ReadonlyArray<string>
  readonly quotes: ReadonlyArray<string>
  readonly modality: string
}

/** The events of a text with participants by canonical name. */
const eventsOf = (text: string): Array<Found> => {
  const x = extractArticle({ sourceId: "src_test", text, published: { value: "2025-11-07", precision: "day" } }, lex)
  const name = new Map(x.entities.map((e) => [e.key, e.name]))
  return x.events.map((e) => ({
    type: e.type,
    trigger: e.trigger,
    actors: e.participants.filter((p) => p.role === "actor").map((p) => name.get(p.key)!),
    targets: e.participants.filter((p) => p.role !== "actor").map((p) => name.get(p.key)!),
    quotes: e.spans.map((s) => s.quote),
    modality: e.modality
  }))
}

const fits = (f: Found, x: Expected): boolean =>
  f.type === x.type &&
  (x.trigger === undefined || f.trigger === x.trigger) &&
  (x.actors ?? []).every((a) => f.actors.includes(a)) &&
  (x.targets ?? []).every((t) => f.targets.includes(t)) &&
  (x.quote === undefined || f.quotes.includes(x.quote)) &&
  (x.modality === undefined || f.modality === x.modality)

describe("event rules corpus", () => {
  for (const g of corpus.groups) {
    describe(g.rule, () => {
      for (const p of g.phrasings)
        it(`yields: ${p.text}`, () => {
          const found = eventsOf(p.text)
          for (const x of p.expect) expect(found.some((f) => fits(f, x)), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(true)
        })
      for (const n of g.negatives)
        it(`not: ${n.text}`, () => {
          const found = eventsOf(n.text)
          for (const x of n.reject) expect(found.some((f) => fits(f, x)), `${JSON.stringify(x)} in ${JSON.stringify(found)}`).toBe(false)
        })
    })
  }
})
