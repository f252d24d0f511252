/**
 * The coordinator's side of a clustered build: a run/pool.ts Pool whose tasks are ArticleUnit messages instead of
 * worker threads, so the build (run/tables.ts) is the local one, message for task: the same order, the same
 * resolution, the same bytes. The cluster's sharding is built once for the scope; a database that cannot be reached
 * fails the build before any article is sent (ClusterUnreachable), and one that stops answering mid-build fails it
 * as a defect carrying ClusterUnreachable, which `clustered` turns back into that failure before anything is published.
 */
import { SqlClient } from "@effect/sql"
import { Cause, Context, Deferred, Effect, Layer, Option, Schema, type Scope } from "effect"
import { CachedArticle } from "../../schemas/CachedArticle.js"
import { ArticleExtraction } from "../../schemas/Extraction.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { interner, reviveExtraction } from "../run/articleWork.js"
import { cacheKey } from "../run/cache.js"
import type { Pool } from "../run/pool.js"
import { readSpilled } from "../run/spill.js"
import type { DayOutcome, DayTask, Outcome } from "../run/task.js"
import { ArticleUnit } from "./ArticleUnit.js"
import { ClusterUnreachable } from "./errors.js"
import { clientSharding, redactUrl, retryStart, said, watchdog } from "./layers.js"
import { saltOf } from "./Runner.js"

/** Messages in flight: enough to keep every runner busy (replies are read from PostgreSQL in rounds). */
const SIZE = 8
const BATCH = 8

const decodeExtraction = Schema.decodeUnknownSync(ArticleExtraction)

/** A pool over the cluster: the coordinator's lexicons give the salt every runner must share. */
export type RemotePool = (lex: LexiconBundle) => Pool

/** The cluster pool of a built sharding context. */
const poolOf =
  (url: string, client: Effect.Effect.Success<typeof ArticleUnit.client>, gone: Deferred.Deferred<never>): RemotePool =>
  (lex) => {
    const salt = saltOf(lex)
    const config = { dir: "", salt }
    const intern = interner()
    const lost = (e: unknown) => Effect.die(new ClusterUnreachable({ url: redactUrl(url), detail: said(e) }))
    // a unit's answer, or the watchdog's word that the database is gone (the unit is not interrupted: Uninterruptible)
    const watched = <A>(call: Effect.Effect<A>) => Effect.raceFirst(call, Deferred.await(gone))
    return {
      size: SIZE,
      batch: BATCH,
      run: (src: IngestedSource) => {
        const key = cacheKey(config, src)
        return client(key)
          .Extract({ salt, key, source: src })
          .pipe(
            Effect.map((r): Outcome => ({ result: CachedArticle.decodeSync(r.result), times: r.times, cache: "off" })),
            Effect.catchAll(lost),
            watched
          )
      },
      reextract: (task: DayTask) => {
        const key = cacheKey(config, task.source)
        const first = readSpilled(task.first.path, task.first.where)
        return client(key)
          .Reextract({ salt, key, day: task.day, source: task.source, first })
          .pipe(
            Effect.map(
              (r): DayOutcome => ({
                extraction: reviveExtraction(decodeExtraction(r.extraction), intern),
                times: r.times,
                cache: "off"
              })
            ),
            Effect.catchAll(lost),
            watched
          )
      }
    }
  }

/** The cluster at `url` for the scope, as a pool factory (fails ClusterUnreachable when PostgreSQL does not answer). */
export const openCluster = (url: string): Effect.Effect<RemotePool, ClusterUnreachable, Scope.Scope> =>
  Effect.gen(function* () {
    const ctx = yield* retryStart(Layer.build(clientSharding(url))).pipe(
      Effect.mapError((e) => new ClusterUnreachable({ url: redactUrl(url), detail: said(e) }))
    )
    const client = yield* Effect.provide(ArticleUnit.client, ctx)
    const gone = yield* watchdog(url, Context.get(ctx, SqlClient.SqlClient))
    return poolOf(url, client, gone)
  })

/**
 * Run `use` with the cluster at `url` (none: `use(undefined)`, the local build); a lost database mid-build, a defect
 * inside the build's stream, comes back as the ClusterUnreachable failure it carries.
 */
export const clustered = <A, E, R>(
  url: Option.Option<string>,
  use: (remote: RemotePool | undefined) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | ClusterUnreachable, R> =>
  Option.isNone(url)
    ? use(undefined)
    : Effect.scoped(
        Effect.flatMap(openCluster(url.value), (remote) =>
          use(remote).pipe(
            Effect.catchAllCause((cause): Effect.Effect<never, E | ClusterUnreachable> => {
              const lost = Cause.find(cause, (c) =>
                c._tag === "Die" && c.defect instanceof ClusterUnreachable ? Option.some(c.defect) : Option.none()
              )
              return Option.isSome(lost) ? Effect.fail(lost.value) : Effect.failCause(cause)
            })
          )
        )
      )
