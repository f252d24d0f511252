/**
 * Stage 02 — normalise: an ingested source → title, boilerplate segments and a publication
 * date (from metadata, else stated in the text, the url, or inferred). Never extracts entities.
 */

import type { DateBasis, DatePrecision } from "../../schemas/vocab.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import { type Boilerplate, segment } from "./boilerplate.js"
import { inferPublicationDate } from "./publicationDate.js"

/** A source ready for extraction. */
export interface NormalisedSource extends IngestedSource {
  readonly title: string | null
  /** UTF-16 span of the title line when the text opens with it. */
  readonly titleSpan: { readonly start: number; readonly end: number } | null
  readonly boilerplate: ReadonlyArray<Boilerplate>
  readonly published: {
    readonly value: string | null
    readonly precision: DatePrecision
    readonly basis: DateBasis
    readonly note: string | null
  }
}

/** Normalise one source (pure). */
export const normalise = (src: IngestedSource): NormalisedSource => {
  const seg = segment(src.text, src.meta.title)
  const published =
    src.meta.published !== null
      ? {
          value: src.meta.published,
          precision: src.meta.publishedPrecision,
          basis: src.meta.publishedBasis,
          note: src.meta.publishedNote
        }
      : inferPublicationDate({
          text: src.text,
          url: src.meta.url,
          metadataDate: null
        })
  const titleSpan = seg.titleLine ? { start: seg.titleLine.start, end: seg.titleLine.end } : null
  return {
    ...src,
    title: seg.title,
    titleSpan,
    boilerplate: seg.boilerplate,
    published
  }
}
