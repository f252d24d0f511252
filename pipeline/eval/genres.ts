/**
 * Article genres for the per-genre figures of `eval`: read from the corpus folder's README.md
 * (a Markdown table with a `file` column and a `genre` column, file names in backticks or plain),
 * then grouped into a few families by the words of the genre ("government press release (U.S.
 * House member)" → "press release or readout"), so that each family holds several articles.
 * An article without a genre is "unspecified". Pure, apart from the one file read in `readGenres`.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"

/** The family of an article without a stated genre. */
export const UNSPECIFIED = "unspecified"

/** Genre families, first match wins (order matters: "news analysis" is analysis, "news agency report" is wire). */
const FAMILIES: ReadonlyArray<readonly [family: string, words: RegExp]> = [
  ["opinion", /\b(op-?ed|opinion|column|commentary)\b/i],
  ["explainer or list", /\b(explainer|list|q&a|faq)\b/i],
  ["press release or readout", /\b(press release|readout|statement by|communiqu)/i],
  ["analysis", /\b(analysis|analyses|think-tank|think tank|institute|advocacy|ngo|research)\b/i],
  ["feature", /\b(feature|reportage|profile|interview)\b/i],
  ["wire or agency report", /\b(wire|agency|agencies)\b/i],
  ["news report", /\b(news|report|article|story)\b/i]
]

/** The family of a genre as written in a corpus README. */
export const genreFamily = (genre: string | null | undefined): string => {
  if (genre === null || genre === undefined || genre.trim() === "") return UNSPECIFIED
  for (const [family, words] of FAMILIES) if (words.test(genre)) return family
  return genre.trim().toLowerCase()
}

const cells = (line: string): Array<string> =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim())

/**
 * Article file → genre as stated in a Markdown table: the first table whose header has a `file`
 * column and a `genre` column. Rows whose file cell is not a file name are skipped.
 */
export const genresFromMarkdown = (markdown: string): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  const lines = markdown.split("\n")
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim().startsWith("|")) continue
    const head = cells(lines[i]!).map((c) => c.toLowerCase())
    const fileCol = head.indexOf("file")
    const genreCol = head.indexOf("genre")
    if (fileCol < 0 || genreCol < 0) continue
    for (let k = i + 2; k < lines.length && lines[k]!.trim().startsWith("|"); k++) {
      const row = cells(lines[k]!)
      const file = (row[fileCol] ?? "").replace(/`/g, "").trim()
      if (/^[^\s/]+\.txt$/.test(file) && (row[genreCol] ?? "") !== "") out.set(file, row[genreCol]!)
    }
    break
  }
  return out
}

/** Genres of the articles of a sources folder, from its README.md (empty when there is none). */
export const readGenres = (sourcesDir: string): ReadonlyMap<string, string> => {
  const readme = join(sourcesDir, "README.md")
  return existsSync(readme) ? genresFromMarkdown(readFileSync(readme, "utf8")) : new Map()
}
