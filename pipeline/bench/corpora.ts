/**
 * The bench's two corpora behind one shape: `realistic` (paragraphs of real articles, the default and the source of
 * the README's figures) and `seeds` (seed sentences with other lexicon names put in, the former generator).
 */

import { seedModel, writeCorpus } from "./corpus.js"
import { article } from "./generate.js"
import { realisticModel, writeRealisticCorpus } from "./realisticCorpus.js"

/** The corpus kinds of `--corpus`. */
export const CORPUS_KINDS = ["realistic", "seeds"] as const
export type CorpusKind = (typeof CORPUS_KINDS)[number]

/** A corpus the bench can write: articles `from` ≤ i < `to` of a seed, into a folder. */
export interface BenchCorpus {
  readonly kind: CorpusKind
  /** Part of the cache folder's name: changes when the model does. */
  readonly label: string
  /** What fed the model, for stderr and the figures. */
  readonly describe: string
  readonly write: (
    dir: string,
    seed: number,
    to: number,
    from?: number
  ) => { readonly bytes: number; readonly names: ReadonlyArray<string> }
}

/** The corpus of a `--corpus` value (realistic when none). */
export const benchCorpus = (kind: string | undefined): BenchCorpus => {
  if (kind === "seeds") {
    const model = seedModel()
    return {
      kind,
      label: "seeds",
      describe: "seed sentences of seeds/ with other lexicon names of the same type put in",
      write: (dir, seed, to, from = 0) => ({
        bytes: writeCorpus(dir, seed, to, from, model),
        names: Array.from(
          { length: Math.max(0, Math.min(to - from, 100)) },
          (_, k) => article(model, seed, from + k).name
        )
      })
    }
  }
  if (kind !== undefined && kind !== "realistic")
    throw new Error(`--corpus: expected one of ${CORPUS_KINDS.join(", ")}, got ${JSON.stringify(kind)}`)
  const model = realisticModel()
  const missing = model.missing.length > 0 ? `; not on this machine: ${model.missing.join(", ")}` : ""
  return {
    kind: "realistic",
    label: `realistic-${model.fingerprint}`,
    describe: `${model.describe}${missing}`,
    write: (dir, seed, to, from = 0) => writeRealisticCorpus(dir, seed, to, from, model.articles)
  }
}
