/**
 * Contract of an extraction cache entry: what per-article work (normalise + extract) adds to an
 * ingested source. Entries are decoded with this schema when read back, so a damaged entry is
 * detected rather than published.
 */
import { Schema } from "effect"
import { ArticleExtraction } from "./Extraction.js"
import { DATE_BASES, DATE_PRECISIONS } from "./vocab.js"

const Range = Schema.Struct({ start: Schema.Int, end: Schema.Int })

/** The per-article result of normalising and extracting one source. */
export class CachedArticle extends Schema.Class<CachedArticle>("CachedArticle")({
  title: Schema.NullOr(Schema.String),
  /** UTF-16 span of the title line when the text opens with it. */
  titleSpan: Schema.NullOr(Range),
  boilerplate: Schema.Array(
    Schema.Struct({
      kind: Schema.String,
      start: Schema.Int,
      end: Schema.Int,
      text: Schema.String
    })
  ),
  published: Schema.Struct({
    value: Schema.NullOr(Schema.String),
    precision: Schema.Literal(...DATE_PRECISIONS),
    basis: Schema.Literal(...DATE_BASES),
    note: Schema.NullOr(Schema.String)
  }),
  extraction: ArticleExtraction,
  /** Hash of the article body (lines minus boilerplate and title, whitespace collapsed): finds near-duplicates. */
  bodyKey: Schema.String,
  /**
   * Month-days and weekdays the text states without a year (text/dates.ts's dayHints), for an article without a
   * publication day (empty otherwise): what lets other articles give it a reference day.
   */
  dayHints: Schema.Struct({ monthDays: Schema.Array(Schema.String), weekdays: Schema.Array(Schema.Int) }),
  /** The latest past date the text states, for an article without a publication day (null otherwise). */
  notBefore: Schema.NullOr(Schema.String)
}) {
  static readonly decodeSync = Schema.decodeUnknownSync(this)
}
