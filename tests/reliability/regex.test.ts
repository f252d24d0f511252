/**
 * No catastrophic backtracking: every regular expression literal in pipeline/ and every pattern
 * in the lexicons passes safe-regex2, and a 100 KB adversarial line goes through extraction in
 * well under the (generous) bound; the real figure is in `npm run reliability`.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import safeRegex from "safe-regex2"
import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"
import { ADVERSARIAL_LINES } from "../../pipeline/reliability/generate.js"
import { repoRoot } from "../lib/tmp.js"

const walk = (d: string): Array<string> =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))

const ADVERSARIAL = ADVERSARIAL_LINES

describe("regular expressions", () => {
  it("every regex literal in pipeline/ is safe (safe-regex2)", () => {
    const unsafe: Array<string> = []
    let n = 0
    for (const f of walk(join(repoRoot, "pipeline")).filter((f) => f.endsWith(".ts"))) {
      const src = readFileSync(f, "utf8")
      for (const m of src.matchAll(
        /(?<![\w)\]])\/((?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n*\\[])(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\[])*)\/([dgimsuvy]*)/g
      )) {
        let re: RegExp
        try {
          re = new RegExp(m[1]!, m[2]!.replace("g", ""))
        } catch {
          continue
        }
        n++
        if (!safeRegex(re)) unsafe.push(`${f.slice(repoRoot.length + 1)}: /${m[1]}/`)
      }
    }
    expect(n).toBeGreaterThan(30)
    expect(unsafe).toEqual([])
  })

  it("every date and boilerplate rule is safe", async () => {
    const { DATE_RULES } = await import("../../pipeline/text/dates.js")
    const { LINE_RULES } = await import("../../pipeline/02-normalise/boilerplate.js")
    for (const r of DATE_RULES) expect([r.id, safeRegex(r.re)]).toEqual([r.id, true])
    expect(LINE_RULES.length).toBeGreaterThan(5)
  })

  it("every lexicon pattern is safe", () => {
    const lex = loadLexicons()
    expect(lex.modality.length).toBeGreaterThan(5)
    for (const c of lex.modality) expect([c.entry.id, safeRegex(c.re)]).toEqual([c.entry.id, true])
  })

  it.each(ADVERSARIAL.map((s, i) => [i, s] as const))("adversarial line %i finishes (bound 10 s)", (_i, line) => {
    const lex = loadLexicons()
    const t = performance.now()
    const x = extractArticle(
      {
        sourceId: "src_0000000000000000",
        text: line,
        published: { value: "2025-11-06", precision: "day" }
      },
      lex
    )
    expect(performance.now() - t).toBeLessThan(10_000)
    expect(x.sourceId).toBe("src_0000000000000000")
  })
})
