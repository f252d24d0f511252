/**
 * The realistic bench corpus: articles recombined from whole paragraphs of real articles (their own names and dates,
 * nothing substituted or made up), each with sidecar metadata taken from its lead article. Pure and deterministic
 * from a seed number; articles come one by one (a generator), only a short key per article is kept.
 */
import { createHash } from "node:crypto"
import { rng } from "./generate.js"

/** One real article of the model: where it comes from, its paragraphs (non-empty lines, verbatim) and metadata. */
export interface ModelArticle {
  readonly corpus: string
  readonly file: string
  readonly paragraphs: ReadonlyArray<string>
  readonly meta: {
    readonly title: string | null
    readonly publisher: string | null
    readonly url: string | null
    readonly published: string | null
  }
}

/** A paragraph is a non-empty line, kept verbatim (a trailing carriage return dropped). */
export const paragraphsOf = (text: string): Array<string> =>
  text.split("\n").flatMap((l) => {
    const p = l.replace(/\r$/, "")
    return p.trim() === "" ? [] : [p]
  })

/** The paragraphs of `text` that are no paragraph of the model (none for a generated article). */
export const madeUpParagraphs = (text: string, model: ReadonlyArray<ModelArticle>): Array<string> => {
  const known = new Set(model.flatMap((a) => a.paragraphs))
  return paragraphsOf(text).filter((p) => !known.has(p))
}

/**
 * Article sizes: log-normal with a mean of 4.5 KB (the size the independent run cites, and the mean of the
 * five full articles of seeds/: 2.4–7.3 KB, log-sd 0.47), cut to 0.8–16 KB. The dev corpora hold excerpts cut at
 * about 2 KB, so their sizes are not a model of article sizes.
 */
export const SIZE = { meanBytes: 4500, sigma: 0.47, min: 800, max: 16_000 } as const

const sizeTarget = (r: ReturnType<typeof rng>): number => {
  const z = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next())
  const mu = Math.log(SIZE.meanBytes) - SIZE.sigma ** 2 / 2
  return Math.min(SIZE.max, Math.max(SIZE.min, Math.round(Math.exp(mu + SIZE.sigma * z))))
}

/** One drawn article: the paragraphs (as [article, paragraph] indices) in order. */
const draw = (model: ReadonlyArray<ModelArticle>, r: ReturnType<typeof rng>) => {
  const target = sizeTarget(r)
  const lead = r.int(model.length)
  const picked: Array<readonly [number, number]> = []
  const used = new Set<string>()
  let bytes = 0
  // false when the paragraph would take the article further from its target than it is
  const add = (a: number, p: number): boolean => {
    const para = model[a]!.paragraphs[p]
    if (para === undefined || used.has(`${a}:${p}`)) return true
    const n = Buffer.byteLength(para) + 2
    if (picked.length > 0 && bytes + n - target > target - bytes) return false
    picked.push([a, p])
    used.add(`${a}:${p}`)
    bytes += n
    return true
  }
  // the lead article from its start (title, dateline, first paragraphs) up to part of the target
  const leadShare = target * (0.3 + 0.7 * r.next())
  for (let p = 0; p < model[lead]!.paragraphs.length && bytes < leadShare; p++) if (!add(lead, p)) break
  // then runs of 1–3 consecutive paragraphs of other articles, as background and context
  for (let tries = 0; bytes < target && tries < 200; tries++) {
    const a = r.int(model.length)
    const start = r.int(model[a]!.paragraphs.length)
    const run = 1 + r.int(3)
    let fits = true
    for (let p = start; p < start + run && fits; p++) fits = add(a, p)
    if (!fits) break
  }
  return { lead, picked }
}

/** One generated article: file name, text, sidecar and its body key (for telling duplicates apart). */
export const realisticArticle = (model: ReadonlyArray<ModelArticle>, seed: number, i: number, attempt = 0) => {
  const r = rng((seed * 1_000_003 + i + Math.imul(attempt, 0x9e3779b9)) >>> 0)
  const { lead, picked } = draw(model, r)
  const paragraphs = picked.map(([a, p]) => model[a]!.paragraphs[p]!)
  const name = `gen_${String(i).padStart(6, "0")}`
  const from = model[lead]!
  const others = new Set(picked.map(([a]) => a)).size - 1
  const meta = {
    title: from.meta.title,
    publisher: from.meta.publisher,
    url: from.meta.url === null ? null : `${from.meta.url.replace(/#.*$/, "")}#bench-${name}`,
    published: from.meta.published,
    retrieved_via: `npm run bench (seed ${seed}): ${paragraphs.length} paragraphs, led by ${from.corpus}/${from.file} with ${others} other article(s)`
  }
  // the body as the pipeline would see it, roughly: paragraphs long enough never to be boilerplate or a title
  const body = paragraphs.filter((p) => p.length >= 100).join("\n")
  const key = createHash("sha256").update(body).digest("base64").slice(0, 22)
  return { name, text: paragraphs.join("\n\n") + "\n", meta, key }
}

/**
 * Articles 0, 1, 2, … of the corpus of `seed`: an article whose body repeats an earlier one's (the pipeline would
 * reject it as a duplicate) is drawn again, so article i depends on the ones before it, never on a clock.
 */
export function* realisticArticles(model: ReadonlyArray<ModelArticle>, seed: number) {
  const seen = new Set<string>()
  for (let i = 0; ; i++) {
    for (let attempt = 0; ; attempt++) {
      const a = realisticArticle(model, seed, i, attempt)
      if (seen.has(a.key) && attempt < 50) continue
      seen.add(a.key)
      yield a
      break
    }
  }
}
