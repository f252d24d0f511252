/**
 * The release's data card (README.md): Hugging Face front matter with one configuration per table's Parquet file,
 * an honest release date (SOURCE_DATE_EPOCH, else the newest date a source states, never an inferred one), a citation
 * with authors, URL and a DOI field, the licences, and only links to files the release holds; and a seeds build ships
 * CODEBOOK.md and codebook.json, listed in its checksums.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it, layer } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { parse as parseYaml } from "yaml"
import { renderCard } from "../../pipeline/05-publish/card.js"
import { AUTHORS, DATA_LICENCE, REPOSITORY_URL } from "../../pipeline/05-publish/citation.js"
import { describeReleaseDate, newestStatedDate } from "../../pipeline/05-publish/releaseDate.js"
import { releaseDate } from "../../pipeline/Config.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import type { DateBasis, DatePrecision } from "../../schemas/vocab.js"
import { buildSeeds } from "../lib/build.js"
import { tmpDir } from "../lib/tmp.js"

const source = (published: string | null, precision: DatePrecision, basis: DateBasis) => ({
  published,
  published_precision: precision,
  published_basis: basis
})
// the seeds' shape: the newest date is a year inferred from the content, the newest stated one a dateline's day
const seedsLike = [
  source("2025-11-05", "day", "inferred_from_content"),
  source("2025-11-06", "day", "stated_in_text"),
  source("2026", "year", "inferred_from_content"),
  source(null, "unknown", "unknown")
]

/** The YAML front matter of a card, parsed. */
const frontMatterOf = (card: string): Record<string, unknown> => {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(card)
  if (!m) throw new Error("no front matter")
  return parseYaml(m[1]!) as Record<string, unknown>
}

const card = renderCard(
  {
    sources: seedsLike.map((s, k) => ({ ...s, source_id: `src_${k}`, file_name: `${k}.txt`, publisher: null })),
    entities: [],
    events: [],
    event_participants: [],
    relations: [],
    evidence: []
  } as unknown as ReleaseTables,
  {
    version: "3.1.0",
    previousVersion: "3.0.0",
    created: "2025-11-06T00:00:00Z",
    lexiconHash: "0".repeat(64),
    codeSha256: "c".repeat(64),
    rejected: [],
    texts: new Map(),
    contentSha256: "a".repeat(64)
  }
)

describe("the release date", () => {
  it("is the newest date a source states, never a newer one inferred from the content", () => {
    expect(newestStatedDate(seedsLike)).toBe("2025-11-06")
    expect(releaseDate(Option.none(), newestStatedDate(seedsLike))).toBe("2025-11-06T00:00:00Z")
    // at the same first day the more precise date wins; a stated month later than a stated day wins
    expect(newestStatedDate([source("2025-11", "month", "metadata"), source("2025-11-01", "day", "url")])).toBe(
      "2025-11-01"
    )
    expect(newestStatedDate([source("2025-12", "month", "metadata"), source("2025-11-30", "day", "url")])).toBe(
      "2025-12"
    )
    expect(newestStatedDate([source("2026", "year", "inferred_from_content")])).toBeNull()
  })

  it("says where it comes from", () => {
    expect(describeReleaseDate("2025-11-06T00:00:00Z", seedsLike)).toMatch(/^2025-11-06 \(the newest publication date/)
    expect(describeReleaseDate("2026-03-01T12:00:00Z", seedsLike)).toMatch(/SOURCE_DATE_EPOCH\)$/)
    expect(describeReleaseDate("1970-01-01T00:00:00Z", [seedsLike[0]!])).toMatch(/^unknown/)
    expect(card).toContain("- Release date: 2025-11-06 (the newest publication date a source states")
  })
})

describe("the card", () => {
  it("opens with Hugging Face front matter: licence, name, language, tags, a configuration per table's Parquet", () => {
    const fm = frontMatterOf(card)
    expect(fm.license).toBe(DATA_LICENCE.hf)
    expect(fm.pretty_name).toMatch(/3\.1\.0/)
    expect(fm.language).toEqual(["en"])
    expect((fm.tags as Array<string>).length).toBeGreaterThan(2)
    const configs = fm.configs as Array<{ config_name: string; data_files: string; default?: boolean }>
    expect(configs.map((c) => [c.config_name, c.data_files])).toEqual(
      TABLES.map((t) => [t.name, `data/${t.name}.parquet`])
    )
    expect(configs.filter((c) => c.default === true).length).toBe(1)
  })

  it("cites with authors, URL and a DOI field, and states the licences", () => {
    const bib = /```bibtex\n([\s\S]*?)```/.exec(card)![1]!
    for (const a of AUTHORS) expect(bib).toContain(a.name)
    expect(bib).toContain(`url       = {${REPOSITORY_URL}}`)
    expect(bib).toMatch(/doi\s+= \{\}/)
    expect(bib).toContain("version   = {3.1.0}")
    expect(card).toContain(`[${DATA_LICENCE.spdx}](${DATA_LICENCE.url})`)
    expect(card).toMatch(/texts\/`: the article texts remain their publishers'/)
    expect(card).toContain("Apache Parquet")
  })

  it("loads with relative paths and links only release files", () => {
    const loading = /## Loading\n([\s\S]*?)\n## /.exec(card)![1]!
    expect(loading).toContain('pl.read_parquet("data/events.parquet")')
    expect(loading).not.toMatch(/dist\//)
    const links = [...card.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l))
    expect(links.sort()).toEqual(["CODEBOOK.md", "LOADING.md"])
    expect(card).not.toMatch(/gold\/\*|FORMAT\.md/)
  })

  layer(Layer.empty, { excludeTestServices: true })((it) => {
    it.effect(
      "a seeds build ships CODEBOOK.md and codebook.json in its checksums, and its card links only its files",
      () =>
        Effect.gen(function* () {
          const out = tmpDir()
          const { version } = yield* buildSeeds(out)
          const dir = join(out, version)
          const sums = readFileSync(join(dir, "SHA256SUMS"), "utf8")
          expect(sums).toMatch(/ {2}CODEBOOK\.md\n/)
          expect(sums).toMatch(/ {2}codebook\.json\n/)
          const book = JSON.parse(readFileSync(join(dir, "codebook.json"), "utf8"))
          expect(book.tables.map((t: { name: string }) => t.name)).toEqual(TABLES.map((t) => t.name))
          const readme = readFileSync(join(dir, "README.md"), "utf8")
          expect(readme).not.toMatch(/gold\//)
          // the newest stated date of the seeds (a dateline), not the year inferred for the newest article
          expect(readme).toContain("- Release date: 2025-11-06 (")
          for (const doc of ["README.md", "CODEBOOK.md"]) {
            const text = readFileSync(join(dir, doc), "utf8")
            const missing = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
              .map((m) => m[1]!)
              .filter((l) => !/^[a-z]+:/.test(l) && !existsSync(join(dir, l)))
            // LOADING.md is generated by the typed-CSV work (issue 20, item 2); until then it is the only link allowed
            // to name a file the release lacks
            expect(missing.filter((l) => l !== "LOADING.md")).toEqual([])
          }
        }),
      180_000
    )
  })
})
