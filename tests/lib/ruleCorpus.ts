/**
 * What the rule-family corpora of tests/03-extract share: their shape (groups of freshly written
 * phrasings per rule, with what each must and must not yield), how they are read, the floor every
 * family must reach (five phrasings that fire it, two that must not), and how one phrasing is extracted.
 */
import { readFileSync } from "node:fs"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

/** Phrasings that must yield their `expect`, and negatives that must not yield their `reject`, per rule. */
export interface RuleCorpus<E, R = E> {
  readonly groups: ReadonlyArray<{
    /** The rule (evidence method, or the mechanism's name) the group tests. */
    readonly rule: string
    readonly phrasings: ReadonlyArray<{
      readonly text: string
      readonly expect: ReadonlyArray<E>
    }>
    readonly negatives?: ReadonlyArray<{
      readonly text: string
      readonly reject: ReadonlyArray<R>
    }>
  }>
}

/** A corpus file next to the test (`new URL("./x.corpus.json", import.meta.url)`). */
export const readCorpus = <C>(url: URL): C => JSON.parse(readFileSync(url, "utf8")) as C

/** The rules of the groups below the floor: fewer than five phrasings that fire or two that must not. */
export const thinGroups = (
  groups: ReadonlyArray<{
    readonly rule: string
    readonly fire: number
    readonly notFire: number
  }>
): Array<string> => groups.filter((g) => g.fire < 5 || g.notFire < 2).map((g) => g.rule)

let lex: ReturnType<typeof loadLexicons> | undefined
/** One phrasing extracted as an article published on 2025-11-07 (relative dates resolve against that day). */
export const extractPhrasing = (text: string): ReturnType<typeof extractArticle> =>
  extractArticle(
    {
      sourceId: "src_test",
      text,
      published: { value: "2025-11-07", precision: "day" }
    },
    (lex ??= loadLexicons())
  )
