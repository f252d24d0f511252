/**
 * Writing a generated scale corpus to disk: `<name>.txt` articles with `<name>.meta.json`
 * sidecars (publisher, title, url, publication date), built from seeds/ and the lexicons.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { LEXICON_DIR, loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { article, corpusModel } from "./generate.js"

/** The repository root. */
export const ROOT = new URL("../../", import.meta.url).pathname

/** The generator's model: the seed articles' sentences and the lexicons' names. */
export const seedModel = () => {
  const seeds = join(ROOT, "seeds")
  const texts = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(seeds, f), "utf8"))
  const countries = new Set(
    readFileSync(join(LEXICON_DIR, "countries.v1.jsonl"), "utf8")
      .split("\n")
      .flatMap((l) => (l.trim() ? [(JSON.parse(l) as { id?: string }).id] : []))
      .filter((x): x is string => !!x)
  )
  return corpusModel(texts, loadLexicons(), countries)
}

/** Write articles `from` ≤ i < `to` of the corpus of `seed` into `dir`; returns the bytes of article text written. */
export const writeCorpus = (dir: string, seed: number, to: number, from = 0, model = seedModel()): number => {
  mkdirSync(dir, { recursive: true })
  let bytes = 0
  for (let i = from; i < to; i++) {
    const a = article(model, seed, i)
    writeFileSync(join(dir, `${a.name}.txt`), a.text)
    writeFileSync(join(dir, `${a.name}.meta.json`), JSON.stringify(a.meta, null, 2) + "\n")
    bytes += Buffer.byteLength(a.text)
  }
  return bytes
}
