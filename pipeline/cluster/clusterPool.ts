/**
 * The coordinator's side of the article units: a run/pool.ts Pool whose tasks are ArticleUnit messages instead of
 * worker threads, so the build (run/tables.ts) is the local one, message for task: the same order, the same
 * resolution, the same bytes. A database that stops answering mid-build fails a unit's call as a defect carrying
 * ClusterUnreachable (coordinator.ts turns it back into that failure before anything is published).
 */
import { Deferred, Effect, Schema } from "effect"
import { CachedArticle } from "../../schemas/CachedArticle.js"
import { ArticleExtraction } from "../../schemas/Extraction.js"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { LexiconBundle } from "../03-extract/lexicon/Lexicons.js"
import { interner, reviveExtraction } from "../run/articleWork.js"
import { cacheKey } from "../run/cache.js"
import type { Pool } from "../run/pool.js"
import { readSpilled } from "../run/spill.js"
import type { DayOutcome, DayTask, Outcome } from "../run/task.js"
import type { ArticleUnit } from "./ArticleUnit.js"
import { ClusterUnreachable } from "./errors.js"
import { redactUrl, said } from "./layers.js"
import { saltOf } from "./Runner.js"

/** Messages in flight: enough to keep every runner busy (replies are read from PostgreSQL in rounds). */
const SIZE = 8
const BATCH = 8

const decodeExtraction = Schema.decodeUnknownSync(ArticleExtraction)

/** A pool over the cluster: the coordinator's lexicons give the salt every runner must share. */
export type RemotePool = (lex: LexiconBundle) => Pool

/**
 * A unit's call, watched: its answer, or the watchdog's word that the database is gone (`gone` fails first); a call that
 * fails is the database's failure too. The unit is not interrupted (its messages are Uninterruptible).
 */
export const watchedBy =
  (url: string, gone: Deferred.Deferred<never>) =>
  <A, E>(call: Effect.Effect<A, E>): Effect.Effect<A> =>
    Effect.raceFirst(
      Effect.catchAll(call, (e) => Effect.die(new ClusterUnreachable({ url: redactUrl(url), detail: said(e) }))),
      Deferred.await(gone)
    )

/** The article units answered so far (the extract step's record). */
export interface UnitCounts {
  articles: number
  reextracted: number
}

/** The cluster pool over a client of ArticleUnit, counting the units it sends into `counts`. */
export const poolOf =
  (
    url: string,
    client: Effect.Effect.Success<typeof ArticleUnit.client>,
    gone: Deferred.Deferred<never>,
    counts: UnitCounts
  ): RemotePool =>
  (lex) => {
    const salt = saltOf(lex)
    const config = { dir: "", salt }
    const intern = interner()
    const watched = watchedBy(url, gone)
    return {
      size: SIZE,
      batch: BATCH,
      run: (src: IngestedSource) => {
        const key = cacheKey(config, src)
        return client(key)
          .Extract({ salt, key, source: src })
          .pipe(
            Effect.map((r): Outcome => {
              counts.articles++
              return { result: CachedArticle.decodeSync(r.result), times: r.times, cache: "off" }
            }),
            watched
          )
      },
      reextract: (task: DayTask) => {
        const key = cacheKey(config, task.source)
        const first = readSpilled(task.first.path, task.first.where)
        return client(key)
          .Reextract({ salt, key, day: task.day, source: task.source, first })
          .pipe(
            Effect.map((r): DayOutcome => {
              counts.reextracted++
              return {
                extraction: reviveExtraction(decodeExtraction(r.extraction), intern),
                times: r.times,
                cache: "off"
              }
            }),
            watched
          )
      }
    }
  }
