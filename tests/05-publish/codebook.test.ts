/**
 * The codebook (codebook.json, CODEBOOK.md) covers every table and column of schemas/Tables.ts, gives a meaning to
 * every value of every category, names every CAMEO code the trigger lexicons assign, lists every rule of the registry,
 * and refuses a release whose evidence names a rule the registry lacks.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { CODE_COLUMNS, codebook, VOCABULARIES, vocabularyOf } from "../../pipeline/05-publish/codebook.js"
import { renderCodebook } from "../../pipeline/05-publish/codebookMarkdown.js"
import { parseRuleRegistry, RULE_REGISTRY_PATH } from "../../pipeline/05-publish/ruleRegistry.js"
import type { Column, TableDef } from "../../schemas/Column.js"
import { CAMEO_NAMES } from "../../schemas/meanings.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import * as vocab from "../../schemas/vocab.js"
import { repoRoot } from "../lib/tmp.js"

const registry = parseRuleRegistry(readFileSync(join(repoRoot, RULE_REGISTRY_PATH), "utf8"))

/** Tables with only what the codebook reads: the events' codes and the evidence's methods. */
const tables = (
  events: ReadonlyArray<{ cameo_code: string; event_type: string; plover_type: string }>,
  methods: ReadonlyArray<string>
) => ({ events, evidence: { column: () => [...methods] } }) as unknown as ReleaseTables

const book = codebook(
  tables(
    [
      { cameo_code: "042", event_type: "visit", plover_type: "CONSULT" },
      { cameo_code: "042", event_type: "visit", plover_type: "CONSULT" }
    ],
    ["entity.gazetteer.v1", "entity.gazetteer.v1", "event.verb-trigger.v1"]
  ),
  registry
)
const markdown = renderCodebook(book)
const defs = TABLES as unknown as ReadonlyArray<TableDef<Record<string, Column>>>

describe("the codebook", () => {
  it("lists every table and column with its type, nullability and description", () => {
    expect(book.tables.map((t) => t.name)).toEqual(defs.map((d) => d.name))
    for (const d of defs) {
      const t = book.tables.find((x) => x.name === d.name)!
      expect(t.primary_key).toBe(d.primaryKey)
      expect(t.columns.map((c) => [c.name, c.nullable, c.description])).toEqual(
        Object.entries(d.columns).map(([name, c]) => [name, c.nullable, c.description])
      )
      for (const c of t.columns) expect(markdown).toContain(`| \`${c.name}\` | \`${c.type}\` |`)
    }
  })

  it("gives every category column a vocabulary, and every value of it a meaning", () => {
    for (const d of defs)
      for (const [name, c] of Object.entries(d.columns))
        if (c.values) {
          const v = VOCABULARIES.find((x) => x.name === vocabularyOf(d.name, name, c.values!))!
          expect(Object.keys(v.meanings)).toEqual([...c.values])
          for (const value of c.values) expect(markdown).toContain(`| \`${value}\` | ${v.meanings[value]}`)
        }
    expect(() => vocabularyOf("t", "c", ["yes", "no"])).toThrow(/t\.c has categories/)
  })

  it("has a meaning for every value of every vocabulary of schemas/vocab.ts", () => {
    const lists = (Object.values(vocab) as Array<unknown>).filter((v): v is ReadonlyArray<string> => Array.isArray(v))
    expect(lists.length).toBe(VOCABULARIES.length)
    for (const list of lists)
      expect(VOCABULARIES.some((v) => Object.keys(v.meanings).join() === list.join())).toBe(true)
  })

  it("names exactly the CAMEO codes the trigger lexicons assign", () => {
    const dir = join(repoRoot, "pipeline", "lexicons")
    const codes = new Set<string>()
    for (const f of readdirSync(dir).filter((f) => f.startsWith("triggers")))
      for (const line of readFileSync(join(dir, f), "utf8").split("\n").slice(1))
        if (line.trim() !== "") codes.add((JSON.parse(line) as { cameo: string }).cameo)
    expect(Object.keys(CAMEO_NAMES).sort()).toEqual([...codes].sort())
    expect(book.cameo_codes.find((c) => c.code === "042")!.in_release).toEqual([
      { event_type: "visit", plover_type: "CONSULT", events: 2 }
    ])
  })

  it("points the code columns at their sections, and those columns exist", () => {
    const named = book.tables.flatMap((t) => t.columns.filter((c) => "codes" in c).map((c) => c.name))
    expect(named.sort()).toEqual(Object.keys(CODE_COLUMNS).sort())
    expect(markdown).toContain("## CAMEO codes")
    expect(markdown).toContain("## Rules: the method column")
  })

  it("lists every rule of the registry with its example and its rows in the release", () => {
    expect(book.rules.map((r) => r.id)).toEqual(registry.rules.map((r) => r.id))
    expect(book.rules.find((r) => r.id === "entity.gazetteer.v1")!.evidence_rows).toBe(2)
    for (const r of registry.rules) expect(markdown).toContain(`| \`${r.id}\` |`)
    // a description's angle brackets are escaped, not taken for HTML
    expect(renderCodebook({ ...book, rules: [{ ...book.rules[0]!, description: "X and <region>" }] })).toContain(
      "X and &lt;region>"
    )
  })

  it("refuses evidence whose method the registry lacks", () => {
    expect(() => codebook(tables([], ["entity.unknown-rule.v1"]), registry)).toThrow(
      /methods missing from pipeline\/03-extract\/rules\.v1\.jsonl: entity\.unknown-rule\.v1/
    )
  })
})
