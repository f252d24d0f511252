/**
 * The rule registry (pipeline/03-extract/rules.v1.jsonl) against the code and the data: every rule id the code can
 * write into `method` has an entry and every entry is a rule id of the code; every method of the committed release
 * has one; each entry's example, written for it, yields what the entry says by that rule; a bad line names the file
 * and the line.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { parseRuleRegistry, RULE_REGISTRY_PATH } from "../../pipeline/05-publish/ruleRegistry.js"
import type { RuleEntry } from "../../schemas/RuleRegistry.js"
import { extractPhrasing } from "../lib/ruleCorpus.js"
import { repoRoot } from "../lib/tmp.js"

const registry = parseRuleRegistry(readFileSync(join(repoRoot, RULE_REGISTRY_PATH), "utf8"))
const ids = registry.rules.map((r) => r.id)

/** Method ids written in the code but never into an evidence row: a mention that stands for a state inside the
 * relation rules (its relations carry their own rule's id). */
const INTERNAL = ["relation.country-anaphor.v1"]

const tsFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )
/** Every rule-id literal in the pipeline's code. */
const inCode = [
  ...new Set(
    tsFiles(join(repoRoot, "pipeline")).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/"((?:entity|event|relation)\.[a-z0-9-]+\.v\d+)"/g)].map((m) => m[1]!)
    )
  )
].sort()

describe("the rule registry", () => {
  it("decodes, one entry per rule id, in id order", () => {
    expect(registry.header.kind).toBe("rules")
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([...ids].sort())
  })

  it("has an entry for every rule id of the code, and no entry the code does not use", () => {
    expect(inCode.length).toBeGreaterThan(50)
    expect(inCode.filter((m) => !ids.includes(m) && !INTERNAL.includes(m))).toEqual([])
    expect(ids.filter((id) => !inCode.includes(id))).toEqual([])
    expect(ids.filter((id) => INTERNAL.includes(id))).toEqual([])
  })

  it("has an entry for every method of the committed release", () => {
    const latest = JSON.parse(readFileSync(join(repoRoot, "dist", "latest.json"), "utf8")) as { path: string }
    const evidence = parse(readFileSync(join(repoRoot, "dist", latest.path, "data", "evidence.csv")), {
      columns: true
    }) as Array<{ method: string }>
    const methods = [...new Set(evidence.map((row) => row.method))].sort()
    expect(methods.length).toBeGreaterThan(20)
    expect(methods.filter((m) => !ids.includes(m))).toEqual([])
  })

  it("names the file and the line of a bad entry", () => {
    const [header, first] = readFileSync(join(repoRoot, RULE_REGISTRY_PATH), "utf8").split("\n")
    const bad = JSON.stringify({ ...JSON.parse(first!), table: "sources" })
    expect(() => parseRuleRegistry([header, first, bad].join("\n"), "rules.v1.jsonl")).toThrow(/^rules\.v1\.jsonl:3: /)
    expect(() => parseRuleRegistry([header, first, first].join("\n"), "rules.v1.jsonl")).toThrow(
      /rules\.v1\.jsonl:3: rule .* is listed twice/
    )
    expect(() => parseRuleRegistry("{}", "rules.v1.jsonl")).toThrow(/^rules\.v1\.jsonl:1: /)
  })
})

/** Does the example of a rule yield, by that rule, what its entry says? */
const yieldsAsListed = (rule: RuleEntry): { ok: boolean; found: unknown } => {
  const x = extractPhrasing(rule.example)
  const name = new Map(x.entities.map((e) => [e.key, e.name]))
  const y = rule.yields as Record<string, string>
  switch (rule.table) {
    case "entities": {
      const found = x.mentions.filter((m) => m.method === rule.id).map((m) => [m.span.quote, m.type])
      return { ok: found.some(([quote, type]) => quote === y.quote && type === y.entity_type), found }
    }
    case "events": {
      const found = x.events.filter((e) => e.method === rule.id).map((e) => [e.type, e.trigger])
      return { ok: found.some(([type, trigger]) => type === y.event_type && trigger === y.trigger), found }
    }
    case "event_participants": {
      const found = x.events.flatMap((e) => e.participants.map((p) => [name.get(p.key), p.role]))
      return { ok: found.some(([entity, role]) => entity === y.entity && role === y.role), found }
    }
    case "relations": {
      const found = x.relations
        .filter((r) => r.method === rule.id)
        .map((r) => [r.predicate, name.get(r.subject), name.get(r.object)])
      return {
        ok: found.some(([p, s, o]) => p === y.predicate && s === y.subject && o === y.object),
        found
      }
    }
  }
}

describe("each rule's example", () => {
  for (const rule of registry.rules)
    it(`${rule.id}: ${rule.example.replace(/\n/g, " / ")}`, () => {
      const { ok, found } = yieldsAsListed(rule)
      expect(ok, `${JSON.stringify(rule.yields)} not in ${JSON.stringify(found)}`).toBe(true)
    })

  it("a wrong yield is caught (the check above can fail)", () => {
    const rule = registry.rules.find((r) => r.id === "entity.gazetteer.v1")!
    expect(yieldsAsListed({ ...rule, yields: { quote: "Atlantis", entity_type: "country" } } as RuleEntry).ok).toBe(
      false
    )
  })
})
