/**
 * Quotes-only sources (text_policy quotes): the release holds their hash, offsets and quotes but not their text;
 * validate checks quote lengths, and with the original articles (--texts DIR) their hashes and every span.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Context, Effect, Layer, Option } from "effect"
import { parseCsv } from "../../pipeline/05-publish/csv.js"
import { build } from "../../pipeline/Build.js"
import { validateRelease } from "../../pipeline/validate/checks.js"
import type { TextPolicy } from "../../schemas/vocab.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

/** The seeds with sources.json saying: the first article quotes only, the second under CC-BY-4.0. */
const sourcesDir = (): string => {
  const dir = tmpDir("car-src-")
  for (const f of readdirSync(join(repoRoot, "seeds")).filter((f) => f.endsWith(".txt")))
    cpSync(join(repoRoot, "seeds", f), join(dir, f))
  const manifest = JSON.parse(readFileSync(join(repoRoot, "seeds", "sources.json"), "utf8"))
  manifest.sources[0].texts = "quotes"
  manifest.sources[1].licence = "CC-BY-4.0"
  writeFileSync(join(dir, "sources.json"), JSON.stringify(manifest, null, 2))
  return dir
}

class Releases extends Context.Tag("test/QuotesReleases")<
  Releases,
  { readonly src: string; readonly full: string; readonly quotes: string }
>() {}
const releases = Layer.effect(
  Releases,
  Effect.gen(function* () {
    const src = sourcesDir()
    const at = (texts: TextPolicy) =>
      Effect.gen(function* () {
        const out = tmpDir()
        yield* build({ sources: src, out, version: Option.some("1.0.0"), strict: true, texts, progress: false })
        return join(out, "1.0.0")
      })
    return { src, full: yield* at("full"), quotes: yield* at("quotes") }
  })
).pipe(Layer.provide(NodeContext.layer))

const sourcesOf = (rel: string) => parseCsv(readFileSync(join(rel, "data", "sources.csv"), "utf8")).rows
const policies = (rel: string) => sourcesOf(rel).map((s) => [s.file_name, s.text_policy, s.text_path === ""])
const copy = (rel: string) => {
  const dir = join(tmpDir(), "release")
  cpSync(rel, dir, { recursive: true })
  return dir
}
/** Rewrites the first evidence row of a quotes-only source with `edit` (the CSV's hash no longer matches either). */
const editQuote = (rel: string, edit: (quote: string) => string): void => {
  const quotesOnly = new Set(
    sourcesOf(rel)
      .filter((s) => s.text_policy === "quotes")
      .map((s) => s.source_id)
  )
  const path = join(rel, "data", "evidence.csv")
  const lines = readFileSync(path, "utf8").split("\n")
  const { rows } = parseCsv(lines.join("\n"))
  const i = rows.findIndex((r) => quotesOnly.has(r.source_id!) && /^[A-Za-z ]+$/.test(r.quote!))
  lines[i + 1] = lines[i + 1]!.replace(`,${rows[i]!.quote},`, `,${edit(rows[i]!.quote!)},`)
  writeFileSync(path, lines.join("\n"))
}
const codes = (rel: string, texts: string | null = null) => [...new Set(validateRelease(rel, texts).map((p) => p.code))]

layer(releases, { excludeTestServices: true, timeout: "120 seconds" })("quotes-only sources", (it) => {
  it.effect("the metadata, an open licence and --texts decide each source's policy; quotes publish no text", () =>
    Effect.map(Releases, ({ full, quotes }) => {
      const [first, second] = sourcesOf(full)
        .map((s) => s.file_name!)
        .sort()
      expect(policies(full).filter(([, p]) => p === "quotes")).toEqual([[first, "quotes", true]])
      expect(policies(quotes).filter(([, p]) => p === "full")).toEqual([[second, "full", false]])
      expect(readdirSync(join(full, "texts")).length).toBe(sourcesOf(full).length - 1)
      expect(readdirSync(join(quotes, "texts")).length).toBe(1)
    })
  )

  it.effect("validate passes with and without the originals, and says when an original is missing", () =>
    Effect.map(Releases, ({ src, quotes }) => {
      expect(validateRelease(quotes)).toEqual([])
      expect(validateRelease(quotes, src)).toEqual([])
      const empty = tmpDir()
      expect(validateRelease(quotes, empty).map((p) => p.code)).toEqual(
        Array(sourcesOf(quotes).length - 1).fill("file-missing")
      )
    })
  )

  it.effect("a quote of another length is found without the texts; a changed quote of the same length with them", () =>
    Effect.map(Releases, ({ src, quotes }) => {
      // the edited CSV no longer matches its hashes, size and Arrow twin either: look at the span checks only
      const spanCodes = (rel: string, texts: string | null = null) =>
        codes(rel, texts).filter((c) => ["span-mismatch", "span-out-of-range"].includes(c))
      const longer = copy(quotes)
      editQuote(longer, (q) => `${q}x`)
      expect(spanCodes(longer)).toEqual(["span-mismatch"])
      const same = copy(quotes)
      editQuote(same, (q) => q.toUpperCase())
      expect(spanCodes(same)).toEqual([])
      expect(spanCodes(same, src)).toEqual(["span-mismatch"])
    })
  )

  it.effect("an original that is not the text the offsets refer to is a text-hash-mismatch", () =>
    Effect.map(Releases, ({ quotes }) => {
      const originals = tmpDir()
      mkdirSync(originals, { recursive: true })
      for (const s of sourcesOf(quotes)) writeFileSync(join(originals, `${s.source_id}.txt`), "another text\n")
      expect(codes(quotes, originals)).toEqual(["text-hash-mismatch"])
    })
  )
})
