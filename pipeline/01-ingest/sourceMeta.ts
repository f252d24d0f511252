/** Metadata of one source, merged from the folder manifest, a sidecar, or nothing (inferred later). */

import type { ManifestSource, Sidecar } from "../../schemas/SourceMeta.js"
import type { DateBasis, DatePrecision, MetadataOrigin, TextPolicy } from "../../schemas/vocab.js"

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
  /** What a release may publish of the text, when the metadata says (else textPolicyOf decides). */
  readonly texts: TextPolicy | null
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
  texts: m.texts ?? null,
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
  texts: s.texts ?? null,
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
  texts: null,
  origin: "inferred"
}

/**
 * Licences that allow redistributing a text in full: SPDX ids of open content licences (no NC or ND clause) and public
 * domain dedications, matched exactly (case and surrounding space aside). A licence note in words ("Copyright of the
 * publisher ...") is not one of them.
 */
export const OPEN_LICENCES: ReadonlySet<string> = new Set(
  [
    "CC0-1.0",
    "CC-PDDC",
    "PDDL-1.0",
    "CC-BY-4.0",
    "CC-BY-3.0",
    "CC-BY-2.5",
    "CC-BY-2.0",
    "CC-BY-SA-4.0",
    "CC-BY-SA-3.0",
    "ODC-By-1.0",
    "public domain"
  ].map((id) => id.toLowerCase())
)

/**
 * What a release publishes of a source's text: what its metadata says (`texts`); else `full` for an open licence
 * (OPEN_LICENCES); else the build's default (`build --texts`, full unless told otherwise).
 */
export const textPolicyOf = (meta: SourceMeta, fallback: TextPolicy): TextPolicy =>
  meta.texts ?? (meta.licence !== null && OPEN_LICENCES.has(meta.licence.trim().toLowerCase()) ? "full" : fallback)
