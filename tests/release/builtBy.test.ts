/**
 * A release names the code that built it: package.json's version on every evidence row and in the manifest, and the
 * code hash (shared/codeHash.ts) in the manifest and the release README; the copy of the quality card in quality.json
 * leaves its own code hash out, so a refactoring that changes no row and no figure leaves the release reproducible.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it, layer } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import { Effect, Layer } from "effect"
import { codeSha256, treeHash } from "../../pipeline/shared/codeHash.js"
import { PIPELINE_VERSION } from "../../schemas/version.js"
import { buildSeeds } from "../lib/build.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const packageVersion = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version

describe("the code a release records", () => {
  it("PIPELINE_VERSION is package.json's version", () => {
    expect(PIPELINE_VERSION).toBe(packageVersion)
  })

  layer(Layer.empty, { excludeTestServices: true })((it) => {
    it.effect(
      "a seeds build records the version on every evidence row and the code hash in its manifest and README",
      () =>
        Effect.gen(function* () {
          const out = tmpDir()
          const { version } = yield* buildSeeds(out)
          const dir = join(out, version)
          const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))
          expect(manifest.pipeline_version).toBe(packageVersion)
          expect(manifest.code_sha256).toBe(codeSha256())
          expect(manifest.code_sha256).toMatch(/^[0-9a-f]{64}$/)
          const evidence = parse(readFileSync(join(dir, "data", "evidence.csv")), { columns: true }) as Array<
            Record<string, string>
          >
          expect(evidence.length).toBeGreaterThan(0)
          expect(new Set(evidence.map((row) => row.pipeline_version))).toEqual(new Set([packageVersion]))
          expect(readFileSync(join(dir, "README.md"), "utf8")).toContain(manifest.code_sha256.slice(0, 12))
          const quality = JSON.parse(readFileSync(join(dir, "quality.json"), "utf8"))
          expect(quality.corpora.measured_with).toEqual({ pipeline_version: packageVersion })
        }),
      120_000
    )
  })
})

describe("the code hash", () => {
  const tree = (files: Record<string, string>, deps: Record<string, string> = { effect: "3.22.4" }) => {
    const root = tmpDir()
    writeFileSync(join(root, "package.json"), JSON.stringify({ dependencies: deps }))
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(join(root, path, ".."), { recursive: true })
      writeFileSync(join(root, path), body)
    }
    return root
  }
  const base = { "pipeline/a.ts": "export const a = 1\n", "pipeline/lexicons/x.v1.jsonl": "{}\n" }

  it("is the same for the same files wherever the tree is", () => {
    expect(treeHash(["pipeline"], tree(base))).toBe(treeHash(["pipeline"], tree(base)))
  })

  it("changes with a byte of code, of a lexicon, a file name or a dependency version", () => {
    const hash = treeHash(["pipeline"], tree(base))
    expect(treeHash(["pipeline"], tree({ ...base, "pipeline/a.ts": "export const a = 2\n" }))).not.toBe(hash)
    expect(treeHash(["pipeline"], tree({ ...base, "pipeline/lexicons/x.v1.jsonl": "{ }\n" }))).not.toBe(hash)
    expect(
      treeHash(["pipeline"], tree({ "pipeline/b.ts": base["pipeline/a.ts"], "pipeline/lexicons/x.v1.jsonl": "{}\n" }))
    ).not.toBe(hash)
    expect(treeHash(["pipeline"], tree(base, { effect: "3.22.5" }))).not.toBe(hash)
  })

  it("ignores files that are neither code nor lexicons (notes, generated JSON)", () => {
    const hash = treeHash(["pipeline"], tree(base))
    expect(treeHash(["pipeline"], tree({ ...base, "pipeline/NOTES.md": "x", "pipeline/card.json": "{}" }))).toBe(hash)
  })
})
