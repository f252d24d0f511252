/**
 * `npm run bench`: speed, memory and growth of full builds on generated corpora.
 *   npm run bench -- --generate N [--seed S] [--out DIR]   write a scale corpus (default .bench/corpus-N)
 * Never part of `npm test`.
 */
import { join } from "node:path"
import { ROOT, writeCorpus } from "./corpus.js"

const argv = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}
const log = (s: string) => process.stderr.write(`${s}\n`)

const generate = opt("generate")
if (generate !== undefined) {
  const n = Number(generate)
  const seed = Number(opt("seed") ?? 1)
  const out = opt("out") ?? join(ROOT, ".bench", `corpus-${n}-s${seed}`)
  const bytes = writeCorpus(out, seed, n)
  log(`wrote ${n} articles (${(bytes / 1e6).toFixed(1)} MB of text, seed ${seed}) to ${out}`)
}
