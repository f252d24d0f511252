/**
 * The release date, honestly: SOURCE_DATE_EPOCH when the build sets it, else the newest publication date a source
 * states (its metadata, a dateline or its URL), never one inferred from the content (a year guessed from the text
 * would become a day nobody stated). The card says which of the two it is.
 */
import { Option } from "effect"
import type { DateBasis, DatePrecision } from "../../schemas/vocab.js"
import { releaseDate } from "../Config.js"

/** The bases of a publication date that a source states rather than the pipeline infers. */
export const STATED_BASES: ReadonlySet<DateBasis> = new Set<DateBasis>(["metadata", "stated_in_text", "url"])

/** What the release date reads of a source. */
export interface DatedSource {
  readonly published: string | null
  readonly published_precision: DatePrecision
  readonly published_basis: DateBasis
}

/** The newest stated publication date (compared by first day; at a tie the more precise), or null when none is. */
export const newestStatedDate = (sources: Iterable<DatedSource>): string | null => {
  let best: string | null = null
  for (const s of sources) {
    if (s.published === null || !STATED_BASES.has(s.published_basis)) continue
    const first = releaseDate(Option.none(), s.published)
    const bestFirst = best === null ? null : releaseDate(Option.none(), best)
    if (bestFirst === null || first > bestFirst || (first === bestFirst && s.published.length > best!.length))
      best = s.published
  }
  return best
}

/** How the card words a release date: which rule gave it, and the date at the precision it is known. */
export const describeReleaseDate = (created: string, sources: Iterable<DatedSource>): string => {
  const stated = newestStatedDate(sources)
  if (stated !== null && releaseDate(Option.none(), stated) === created)
    return `${stated} (the newest publication date a source states; the build set no SOURCE_DATE_EPOCH)`
  if (stated === null && created === releaseDate(Option.none(), null))
    return "unknown (no source states its publication date and the build set no SOURCE_DATE_EPOCH; the metadata's 1970-01-01 stands for no date)"
  return `${created} (the build's SOURCE_DATE_EPOCH)`
}
