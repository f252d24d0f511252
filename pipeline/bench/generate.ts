/**
 * The scale corpus of `npm run bench -- --generate N`: articles of realistic shape (1–10 KB; a
 * title, boilerplate lines, a dateline, paragraphs, quotes, bulleted lists) made by recombining
 * the sentences of seeds/ and putting other lexicon names of the same type in place of the names
 * they hold, so the extraction really fires. Deterministic from a seed number (pure generation).
 */

import { LINE_RULES } from "../02-normalise/boilerplate.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { splitSentences } from "../text/sentences.js"

/** A small deterministic PRNG (mulberry32): same seed, same sequence. */
export const rng = (seed: number) => {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(xs: ReadonlyArray<T>): T => xs[int(xs.length)]!
  }
}
type Rng = ReturnType<typeof rng>

/** A seed sentence with its names cut out as typed slots. */
type Template = ReadonlyArray<string | { readonly slot: string }>

const SLOT_TYPES = new Set(["person", "country", "organization", "location", "commodity"])
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/**
 * Sentence templates and name pools from the seed texts and the lexicons (`countries`: the ids of the states the domain
 * overlay lists).
 */
export const corpusModel = (seedTexts: ReadonlyArray<string>, lex: LexiconBundle, countries: ReadonlySet<string>) => {
  const typeOf = new Map<string, string>()
  const pools = new Map<string, Array<string>>()
  for (const e of lex.entities.values()) {
    if (!SLOT_TYPES.has(e.type)) continue
    // countries: the states the gazetteer overlays (the domain's), not all of world-countries
    if (e.type === "country" && !countries.has(e.id)) continue
    // locations: the gazetteer's and world regions, not dependent territories
    if (e.type === "location" && e.id.startsWith("country:")) continue
    for (const a of e.aliases) if (a.length > 2 && !typeOf.has(a)) typeOf.set(a, e.type)
    const pool = pools.get(e.type) ?? []
    pool.push(e.name)
    pools.set(e.type, pool)
  }
  const names = new RegExp(
    [...typeOf.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join("|"),
    "g"
  )
  const template = (s: string): Template => {
    const out: Array<string | { slot: string }> = []
    let last = 0
    for (const m of s.matchAll(names)) {
      if (isWordChar(s[m.index - 1]) || isWordChar(s[m.index + m[0].length])) continue
      out.push(s.slice(last, m.index), { slot: typeOf.get(m[0])! })
      last = m.index + m[0].length
    }
    out.push(s.slice(last))
    return out
  }
  const lines = seedTexts.flatMap((t) =>
    t
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
  )
  // body sentences: lines cut at sentence ends; short lines without a full stop serve as titles
  const sentences = lines
    .flatMap((l) => splitSentences(l).map((s) => s.text))
    .filter((s) => s.length >= 40 && /[.!?]["”]?$/.test(s))
  const boilerplate = (l: string) => /^about the author\b/i.test(l) || LINE_RULES.some((r) => r.test(l))
  const titles = lines.filter((l) => l.length >= 30 && l.length <= 120 && !/[.!?:]$/.test(l) && !boilerplate(l))
  return {
    sentences: sentences.map(template),
    quotes: sentences.filter((s) => /["“]/.test(s)).map(template),
    titles: titles.map(template),
    pools
  }
}
type Model = ReturnType<typeof corpusModel>

const fill = (t: Template, m: Model, r: Rng): string =>
  t.map((p) => (typeof p === "string" ? p : r.pick(m.pools.get(p.slot)!))).join("")

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
]
const CREDITS = [
  "Photo: Reuters",
  "Image credit: Press service",
  "Share this article",
  "3 min read",
  "Related: Central Asia news",
  "Tags: diplomacy, trade, Central Asia"
]
const PUBLISHERS = [
  "Reuters",
  "Associated Press",
  "The Diplomat",
  "Eurasianet",
  "RFE/RL",
  "Kun.uz",
  "Astana Times",
  "Trend News Agency"
]

/** One generated article: file name, text and sidecar metadata (with a publication date). */
export const article = (m: Model, seed: number, i: number) => {
  const r = rng(seed * 1_000_003 + i)
  const y = 2023 + r.int(3)
  const mo = 1 + r.int(y === 2025 ? 10 : 12)
  const d = 1 + r.int(28)
  const published = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`
  const title = fill(r.pick(m.titles), m, r)
  const target = 1024 + r.int(9 * 1024)
  const parts: Array<string> = [
    title,
    "",
    ...(r.next() < 0.5 ? [`${MONTHS[mo - 1]} ${d}, ${y}`, ""] : []),
    ...(r.next() < 0.6 ? [r.pick(CREDITS), ""] : [])
  ]
  let bytes = Buffer.byteLength(parts.join("\n"))
  while (bytes < target) {
    const roll = r.next()
    const para =
      roll < 0.1
        ? ["Key points:", ...Array.from({ length: 2 + r.int(3) }, () => `- ${fill(r.pick(m.sentences), m, r)}`)].join(
            "\n"
          )
        : roll < 0.3
          ? fill(r.pick(m.quotes), m, r)
          : Array.from({ length: 1 + r.int(3) }, () => fill(r.pick(m.sentences), m, r)).join(" ")
    const n = Buffer.byteLength(para) + 2
    if (bytes + n > 10 * 1024 && bytes >= 1024) break
    parts.push(para, "")
    bytes += n
  }
  const syndication = `This article was originally published by ${r.pick(PUBLISHERS)}.`
  if (r.next() < 0.3 && bytes + syndication.length + 1 <= 10 * 1024) parts.push(syndication)
  const name = `gen_${String(i).padStart(6, "0")}`
  const meta = {
    title,
    publisher: r.pick(PUBLISHERS),
    url: `https://news.example.org/${y}/${String(mo).padStart(2, "0")}/${name}`,
    published
  }
  return { name, text: parts.join("\n").trimEnd() + "\n", meta }
}
