/**
 * Metadata about source articles as given to the pipeline: the sources folder's manifest
 * (`sources.json`) and `<name>.meta.json` sidecars beside articles.
 */
import { Schema } from "effect"
import { DATE_BASES, DATE_PRECISIONS, TEXT_POLICIES } from "./vocab.js"

const isRealDate = (s: string): boolean => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = m[2] === undefined ? 1 : Number(m[2])
  const d = m[3] === undefined ? 1 : Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  return d <= days
}

/** An ISO 8601 calendar date at day, month or year precision that exists (no 2025-02-30). */
export const PartialIsoDate = Schema.String.pipe(
  Schema.filter(
    (s) => isRealDate(s) || `expected an existing date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(s)}`
  )
)

/** An absolute http(s) URL. */
export const HttpUrl = Schema.String.pipe(
  Schema.filter((s) => {
    try {
      const u = new URL(s)
      return (
        ((u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".")) ||
        `expected an http(s) URL, got ${JSON.stringify(s)}`
      )
    } catch {
      return `expected an http(s) URL, got ${JSON.stringify(s)}`
    }
  })
)

/** One row of a sources folder's `sources.json`. */
export class ManifestSource extends Schema.Class<ManifestSource>("ManifestSource")({
  file: Schema.String,
  title: Schema.optional(Schema.NullOr(Schema.String)),
  publisher: Schema.NullOr(Schema.String),
  url: Schema.NullOr(HttpUrl),
  published: Schema.NullOr(PartialIsoDate),
  published_precision: Schema.Literal(...DATE_PRECISIONS),
  published_basis: Schema.Literal(...DATE_BASES),
  published_note: Schema.String,
  language: Schema.String,
  licence: Schema.String,
  /** What a release may publish of the text; absent: full for an open licence, else the build's --texts. */
  texts: Schema.optional(Schema.Literal(...TEXT_POLICIES))
}) {}

/** A sources folder's `sources.json`. */
export class SourcesManifest extends Schema.Class<SourcesManifest>("SourcesManifest")({
  description: Schema.optional(Schema.String),
  sources: Schema.Array(ManifestSource)
}) {
  static readonly decode = Schema.decodeUnknown(this, {
    onExcessProperty: "error",
    errors: "all"
  })
}

/** A `<name>.meta.json` sidecar (the dev corpus format). Unknown fields are an error. */
export class Sidecar extends Schema.Class<Sidecar>("Sidecar")({
  url: Schema.optional(Schema.NullOr(HttpUrl)),
  publisher: Schema.optional(Schema.NullOr(Schema.String)),
  title: Schema.optional(Schema.NullOr(Schema.String)),
  published: Schema.optional(Schema.NullOr(PartialIsoDate)),
  retrieved_via: Schema.optional(Schema.NullOr(Schema.String)),
  language: Schema.optional(Schema.String),
  licence: Schema.optional(Schema.String),
  /** What a release may publish of the text; absent: full for an open licence, else the build's --texts. */
  texts: Schema.optional(Schema.Literal(...TEXT_POLICIES))
}) {
  static readonly decode = Schema.decodeUnknown(this, {
    onExcessProperty: "error",
    errors: "all"
  })
}
