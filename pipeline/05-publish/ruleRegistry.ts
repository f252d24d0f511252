/**
 * Reads the rule registry (pipeline/03-extract/rules.v1.jsonl), the versioned list of every rule id the evidence
 * table's `method` column can hold. Decoded line by line; a bad line fails with the file and line.
 */
import { readFileSync } from "node:fs"
import { Effect, Schema } from "effect"
import { RuleEntry, RuleRegistryHeader } from "../../schemas/RuleRegistry.js"
import { RuleRegistryInvalid } from "./errors.js"

/** Where the registry lives, relative to the repository root (it names the file in the codebook and in errors). */
export const RULE_REGISTRY_PATH = "pipeline/03-extract/rules.v1.jsonl"

/** The registry: its header and its rules, sorted by id as in the file. */
export interface RuleRegistry {
  readonly file: string
  readonly header: RuleRegistryHeader
  readonly rules: ReadonlyArray<RuleEntry>
}

const decodeLine = <A, I>(schema: Schema.Schema<A, I>, file: string, line: number, text: string): A => {
  try {
    return Schema.decodeUnknownSync(schema)(JSON.parse(text))
  } catch (e) {
    throw new RuleRegistryInvalid({ file, line, detail: (e as Error).message.split("\n").slice(0, 6).join(" ") })
  }
}

/** Decode a registry file's text (pure; throws RuleRegistryInvalid naming `file` and the line). */
export const parseRuleRegistry = (text: string, file: string = RULE_REGISTRY_PATH): RuleRegistry => {
  const lines = text.split("\n")
  const header = decodeLine(RuleRegistryHeader, file, 1, lines[0] ?? "")
  const rules: Array<RuleEntry> = []
  const seen = new Set<string>()
  lines.slice(1).forEach((text, k) => {
    if (text.trim() === "") return
    const rule = decodeLine(RuleEntry, file, k + 2, text)
    if (seen.has(rule.id))
      throw new RuleRegistryInvalid({ file, line: k + 2, detail: `rule ${rule.id} is listed twice` })
    seen.add(rule.id)
    rules.push(rule)
  })
  return { file, header, rules }
}

/** The repository's rule registry, read and decoded (fails with RuleRegistryInvalid on a bad line). */
export const loadRuleRegistry = Effect.fn("Publish.ruleRegistry")(function* () {
  return yield* Effect.try({
    try: () => parseRuleRegistry(readFileSync(new URL(`../../${RULE_REGISTRY_PATH}`, import.meta.url), "utf8")),
    catch: (e) =>
      e instanceof RuleRegistryInvalid
        ? e
        : new RuleRegistryInvalid({ file: RULE_REGISTRY_PATH, line: 0, detail: String(e) })
  })
})
