/**
 * The per-article units of a clustered build as one `@effect/cluster` entity, keyed by the article's content key
 * (run/cache.ts's cacheKey: text, metadata, pipeline version, lexicon and code hashes). Two persisted messages:
 * `Extract` (the ingested source → what the extraction cache would hold) and `Reextract` (an undated article against a
 * reference day). Their primary keys make a message sent twice (a coordinator run again) answer from the stored reply.
 */
import { ClusterSchema, Entity } from "@effect/cluster"
import { Rpc } from "@effect/rpc"
import { Schema } from "effect"

/** Milliseconds per stage on the runner (timings only: never in a release). */
const Times = Schema.Record({ key: Schema.String, value: Schema.Number })

/**
 * `Extract`: one ingested source (run/articleWork.ts's IngestedSource, plain data). `salt` is the coordinator's cache
 * salt: a runner whose own differs must not answer.
 */
export const Extract = Rpc.make("Extract", {
  payload: { salt: Schema.String, key: Schema.String, source: Schema.Unknown },
  // the reply: CachedArticle's JSON (decoded by the coordinator, as a cache read is) and the runner's times
  success: Schema.Struct({ result: Schema.Unknown, times: Times }),
  primaryKey: (p) => `article/${p.key}`
})

/** `Reextract`: a normalised source without a publication day, its first extraction, and the reference day. */
export const Reextract = Rpc.make("Reextract", {
  payload: {
    salt: Schema.String,
    key: Schema.String,
    day: Schema.String,
    source: Schema.Unknown,
    first: Schema.Unknown
  },
  success: Schema.Struct({ extraction: Schema.Unknown, times: Times }),
  primaryKey: (p) => `day/${p.key}/${p.day}`
})

/** The entity: messages persisted in PostgreSQL, so a killed runner's units are delivered again to another runner. */
export const ArticleUnit = Entity.make("ArticleUnit", [Extract, Reextract])
  .annotateRpcs(ClusterSchema.Persisted, true)
  // a coordinator that stops (a failure elsewhere, Ctrl-C) must not store "interrupted" as a unit's final answer
  .annotateRpcs(ClusterSchema.Uninterruptible, true)
