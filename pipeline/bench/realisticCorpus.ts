/**
 * Reading the realistic corpus's model (the real articles of seeds/ and of the shared dev corpora, with their
 * metadata) and writing its articles to disk one by one, each with a `<name>.meta.json` sidecar.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { ROOT } from "./corpus.js"
import { type ModelArticle, paragraphsOf, realisticArticles } from "./realistic.js"

/** The corpora the model reads, by name: seeds/ always, the shared dev corpora where this machine has them. */
export const DEFAULT_CORPORA: ReadonlyArray<readonly [string, string]> = [
  ["seeds", join(ROOT, "seeds")],
  ["dev", join(ROOT, "..", "shared", "corpus", "dev")],
  ["dev-b", join(ROOT, "..", "shared", "corpus", "dev-b")]
]

type Meta = ModelArticle["meta"]
const NO_META: Meta = { title: null, publisher: null, url: null, published: null }

const str = (x: unknown): string | null => (typeof x === "string" && x.trim() !== "" ? x : null)
const metaOf = (m: Record<string, unknown>): Meta => ({
  title: str(m.title),
  publisher: str(m.publisher),
  url: str(m.url),
  published: str(m.published)
})

/** A folder's metadata by file: its `sources.json` rows, else each article's `.meta.json` sidecar. */
const folderMeta = (dir: string): ((file: string) => Meta) => {
  const manifest = join(dir, "sources.json")
  if (existsSync(manifest)) {
    const rows = (JSON.parse(readFileSync(manifest, "utf8")) as { sources: Array<Record<string, unknown>> }).sources
    const byFile = new Map(rows.map((r) => [String(r.file), metaOf(r)]))
    return (file) => byFile.get(file) ?? NO_META
  }
  return (file) => {
    const side = join(dir, file.replace(/\.txt$/, ".meta.json"))
    return existsSync(side) ? metaOf(JSON.parse(readFileSync(side, "utf8")) as Record<string, unknown>) : NO_META
  }
}

/** The model: every `.txt` article of the corpora that exist, in name order, with their metadata. */
export const realisticModel = (corpora: ReadonlyArray<readonly [string, string]> = DEFAULT_CORPORA) => {
  const used = corpora.filter(([, dir]) => existsSync(dir))
  const articles: Array<ModelArticle> = used.flatMap(([corpus, dir]) => {
    const meta = folderMeta(dir)
    return readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((file) => ({
        corpus,
        file,
        paragraphs: paragraphsOf(readFileSync(join(dir, file), "utf8")),
        meta: meta(file)
      }))
      .filter((a) => a.paragraphs.length > 0)
  })
  const count = (c: string) => articles.filter((a) => a.corpus === c).length
  const fingerprint = createHash("sha256")
    .update(JSON.stringify(articles.map((a) => [a.corpus, a.file, a.paragraphs, a.meta])))
    .digest("hex")
    .slice(0, 8)
  return {
    articles,
    fingerprint,
    missing: corpora.filter(([, dir]) => !existsSync(dir)).map(([name]) => name),
    describe: `paragraphs of ${articles.length} real articles (${used.map(([c]) => `${c} ${count(c)}`).join(", ")})`
  }
}

/** Write articles `from` ≤ i < `to` of the corpus of `seed` into `dir` (the ones before are drawn, not written). */
export const writeRealisticCorpus = (
  dir: string,
  seed: number,
  to: number,
  from = 0,
  model: ReadonlyArray<ModelArticle> = realisticModel().articles
) => {
  mkdirSync(dir, { recursive: true })
  let bytes = 0
  const names: Array<string> = []
  let i = 0
  for (const a of realisticArticles(model, seed)) {
    if (i >= to) break
    if (i++ < from) continue
    writeFileSync(join(dir, `${a.name}.txt`), a.text)
    writeFileSync(join(dir, `${a.name}.meta.json`), JSON.stringify(a.meta, null, 2) + "\n")
    bytes += Buffer.byteLength(a.text)
    if (names.length < 100) names.push(a.name)
  }
  return { bytes, names }
}
