/**
 * A runner of a clustered build (`pipeline runner --cluster URL`): one process that takes its share of the unit
 * shards and answers their messages with the same pure work as a local build, in its main thread: ArticleUnit with the
 * per-article work (run/task.ts, run/articleWork.ts), ResolveBlock with clusterBlock. Holds no state between messages;
 * the lexicons are loaded once.
 */
import { SqlClient } from "@effect/sql"
import { Console, Context, Deferred, Effect, Layer, Option } from "effect"
import type { IngestedSource } from "../01-ingest/Ingest.js"
import type { NormalisedSource } from "../02-normalise/Normalise.js"
import { type LexiconBundle, loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { clusterBlock, type EventBlock } from "../04-resolve/blocks.js"
import { reextract } from "../run/articleWork.js"
import { cacheConfig } from "../run/cache.js"
import { runTask } from "../run/task.js"
import { ArticleUnit } from "./ArticleUnit.js"
import { ClusterUnreachable } from "./errors.js"
import { freePort, redactUrl, retryStart, runnerSharding, said, watchdog } from "./layers.js"
import { blockSalt, ResolveBlock } from "./ResolveBlock.js"

/** The salt of this code and these lexicons (run/cache.ts): the coordinator's must be the same. */
export const saltOf = (lex: LexiconBundle): string => cacheConfig("", lex.hash).salt

/** Plain data as JSON keeps it: what the coordinator decodes, as it decodes a cache entry. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/**
 * A runner whose code differs from the coordinator's must not answer (a stored answer would be final): it says why
 * and exits, and its shards go to the other runners.
 */
const refuse = (runner: string, coordinator: string) =>
  Effect.flatMap(
    Effect.logError(
      `this runner's code and lexicons (salt ${runner.slice(0, 12)}) are not the coordinator's (${coordinator.slice(0, 12)}): it stops without answering, and another runner takes its units; start every runner from the coordinator's checkout`
    ),
    () => Effect.sync(() => process.exit(3))
  )

/** The handlers of ArticleUnit's messages over these lexicons. */
export const articleHandlers = (lex: LexiconBundle) => {
  const salt = saltOf(lex)
  return ArticleUnit.toLayer(
    ArticleUnit.of({
      Extract: ({ payload }) =>
        payload.salt !== salt
          ? refuse(salt, payload.salt)
          : Effect.sync(() => {
              const o = runTask(payload.source as IngestedSource, lex, null)
              return { result: asJson(o.result), times: o.times }
            }),
      Reextract: ({ payload }) =>
        payload.salt !== salt
          ? refuse(salt, payload.salt)
          : Effect.sync(() => {
              const t0 = performance.now()
              const first = payload.first as Parameters<typeof reextract>[3]
              const x = reextract(
                payload.source as NormalisedSource,
                lex,
                { value: payload.day, precision: "day" },
                first
              )
              return { extraction: asJson(x), times: { reextract: performance.now() - t0 } }
            })
    }),
    // many articles at once in one entity is never needed: each article is its own entity
    { concurrency: 1 }
  )
}

/** The handler of ResolveBlock's message: clusterBlock, under this code's salt. */
export const blockHandlers = () => {
  const salt = blockSalt()
  return ResolveBlock.toLayer(
    ResolveBlock.of({
      Cluster: ({ payload }) =>
        payload.salt !== salt
          ? refuse(salt, payload.salt)
          : Effect.sync(() => clusterBlock(payload.block as EventBlock))
    }),
    { concurrency: 1 }
  )
}

/** One runner: listens on host:port, registers in the cluster's PostgreSQL and answers until interrupted. */
export const runnerLayer = (url: string, host: string, port: number) =>
  Layer.unwrapEffect(Effect.sync(() => Layer.merge(articleHandlers(loadLexicons()), blockHandlers()))).pipe(
    Layer.provideMerge(runnerSharding(url, host, port))
  )

/** Run one runner until interrupted (Ctrl-C, SIGTERM); a database it cannot reach fails it (ClusterUnreachable). */
export const runRunner = (url: string, host: string, port: number) =>
  Effect.gen(function* () {
    const at = port === 0 ? yield* freePort(host) : port
    yield* Console.error(`runner ${host}:${at}: joining the cluster at ${redactUrl(url)}`)
    // the runner lives until the database stops answering; then its cluster state (shards, messages read but not
    // answered) is dropped and built again, up to 4 times a second apart, before the runner gives up
    const live = Effect.scoped(
      Effect.gen(function* () {
        const ctx = yield* Layer.build(runnerLayer(url, host, at))
        const gone = yield* watchdog(url, Context.get(ctx, SqlClient.SqlClient))
        return yield* Deferred.await(gone)
      })
    )
    return yield* retryStart(live).pipe(
      Effect.catchSomeDefect((d) => (d instanceof ClusterUnreachable ? Option.some(Effect.fail(d)) : Option.none())),
      Effect.mapError((e) =>
        e instanceof ClusterUnreachable ? e : new ClusterUnreachable({ url: redactUrl(url), detail: said(e) })
      )
    )
  })
