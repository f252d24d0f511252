/** Metadata of one source, merged from the folder manifest, a sidecar, or nothing (inferred later). */

import type { ManifestSource, Sidecar } from "../../schemas/SourceMeta.js"
import type { DateBasis, DatePrecision, MetadataOrigin } from "../../schemas/vocab.js"

/** Metadata as known at ingest; a null `published` is inferred from the text in 02-normalise. */
export interface SourceMeta {
  readonly title: string | null
  readonly publisher: string | null
  readonly url: string | null
  readonly published: string | null
  readonly publishedPrecision: DatePrecision
  readonly publishedBasis: DateBasis
  readonly publishedNote: string | null
  readonly language: string
  readonly licence: string | null
  readonly origin: MetadataOrigin
}

const precisionOf = (d: string): DatePrecision => (d.length === 10 ? "day" : d.length === 7 ? "month" : "year")

/** Metadata from a `sources.json` row. */
export const fromManifest = (m: ManifestSource): SourceMeta => ({
  title: m.title ?? null,
  publisher: m.publisher,
  url: m.url,
  published: m.published,
  publishedPrecision: m.published === null ? "unknown" : m.published_precision,
  publishedBasis: m.published_basis,
  publishedNote: m.published_note,
  language: m.language,
  licence: m.licence,
  origin: "manifest"
})

/** Metadata from a `.meta.json` sidecar. */
export const fromSidecar = (s: Sidecar): SourceMeta => ({
  title: s.title ?? null,
  publisher: s.publisher ?? null,
  url: s.url ?? null,
  published: s.published ?? null,
  publishedPrecision: s.published ? precisionOf(s.published) : "unknown",
  publishedBasis: s.published ? "metadata" : "unknown",
  publishedNote: s.published ? "publication date from the sidecar .meta.json" : null,
  language: s.language ?? "en",
  licence: s.licence ?? null,
  origin: "sidecar"
})

/** No metadata given: everything is inferred from the text later. */
export const inferredMeta: SourceMeta = {
  title: null,
  publisher: null,
  url: null,
  published: null,
  publishedPrecision: "unknown",
  publishedBasis: "unknown",
  publishedNote: null,
  language: "en",
  licence: null,
  origin: "inferred"
}
