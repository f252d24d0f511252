/**
 * The coordinator of a clustered build (`build --cluster URL`): the local build (Build.ts), run as the steps of the
 * BuildWorkflow on the cluster's workflow engine (ClusterWorkflowEngine: its record in PostgreSQL), its article units
 * and event blocks sent to the runners. The coordinator is a runner of the coordinator shard group only, so the
 * workflow runs here. A database that cannot be reached fails the build before anything is sent, one that stops
 * answering fails it mid-build (ClusterUnreachable); either way nothing is published.
 */
import { ClusterWorkflowEngine, EntityAddress, EntityId, EntityType, MessageStorage, Sharding } from "@effect/cluster"
import { SqlClient } from "@effect/sql"
import { Cause, Console, Context, Effect, Exit, Layer, Logger, LogLevel, Option, Scope } from "effect"
import { clusterHost } from "../Config.js"
import type { RemoteResolution } from "../run/articleStream.js"
import { ArticleUnit } from "./ArticleUnit.js"
import { BuildWorkflow, buildWorkflowLayer } from "./BuildWorkflow.js"
import { poolOf, type RemotePool, type UnitCounts, watchedBy } from "./clusterPool.js"
import { ClusterUnreachable } from "./errors.js"
import { COORDINATOR_GROUP, coordinatorSharding, freePort, redactUrl, retryStart, said, watchdog } from "./layers.js"
import { type BuildInputs, planOf } from "./plan.js"
import { blockKey, blockSalt, ResolveBlock } from "./ResolveBlock.js"
import { type Checkpoints, makeSession, type Published, type Session, type Steps } from "./session.js"

export type { BuildInputs } from "./plan.js"

/** What a build runs on in a clustered build: the article units' pool and the resolution by blocks. */
export interface ClusterRun {
  readonly remote: RemotePool
  readonly resolution: RemoteResolution
}

/** Blocks in flight (a block is a few reports to a few thousand: few of them). */
const BLOCKS_IN_FLIGHT = 16

/** The cluster's sharding for the scope, built (fails ClusterUnreachable when PostgreSQL does not answer). */
const openSharding = (url: string) =>
  Effect.gen(function* () {
    const host = yield* Effect.orDie(clusterHost)
    const port = yield* freePort(host)
    const ctx = yield* retryStart(Layer.build(coordinatorSharding(url, host, port))).pipe(
      Effect.mapError((e) => new ClusterUnreachable({ url: redactUrl(url), detail: said(e) })),
      // the cluster's own information ("Listening on", on stdout) is a runner's business, not the build command's
      Logger.withMinimumLogLevel(LogLevel.Warning)
    )
    const engine = yield* Layer.build(ClusterWorkflowEngine.layer).pipe(Effect.provide(ctx))
    return Context.merge(ctx, engine)
  })

type Ctx = Effect.Effect.Success<ReturnType<typeof openSharding>>

/** The resolution of a clustered build: the blocks go to the runners as ResolveBlock messages, in block order. */
const resolutionOf = (
  client: Effect.Effect.Success<typeof ResolveBlock.client>,
  watched: ReturnType<typeof watchedBy>,
  checkpoints: Checkpoints,
  counts: UnitCounts
): RemoteResolution => ({
  clusterBlocks: (blocks) =>
    Effect.gen(function* () {
      yield* checkpoints.extracted({ articles: counts.articles, reextracted: counts.reextracted })
      const salt = blockSalt()
      const clustered = yield* Effect.forEach(
        blocks,
        (block) => {
          const key = blockKey(salt, block)
          return watched(client(key).Cluster({ salt, key, block }))
        },
        { concurrency: BLOCKS_IN_FLIGHT }
      )
      yield* checkpoints.resolved({ blocks: blocks.length, reports: blocks.reduce((n, b) => n + b.reports.length, 0) })
      return clustered
    })
})

/** Forget a finished workflow (its steps' records; the units' replies stay): the same command then builds again. */
const forget = (ctx: Ctx, executionId: string) =>
  Effect.gen(function* () {
    const sharding = yield* Sharding.Sharding
    const storage = yield* MessageStorage.MessageStorage
    const entityId = EntityId.make(executionId)
    const shardId = sharding.getShardId(entityId, COORDINATOR_GROUP)
    yield* storage.clearAddress(
      new EntityAddress.EntityAddress({
        entityType: EntityType.EntityType.make(`Workflow/${BuildWorkflow.name}`),
        entityId,
        shardId
      })
    )
  }).pipe(
    Effect.provide(ctx),
    Effect.catchAll((e) => Console.error(`cluster: workflow ${executionId.slice(0, 12)} not forgotten: ${said(e)}`))
  )

/** The lost database a cause carries (a defect: ClusterUnreachable), if it does. */
const lostIn = <E>(cause: Cause.Cause<E>): Option.Option<ClusterUnreachable> =>
  Cause.find(cause, (c) =>
    c._tag === "Die" && c.defect instanceof ClusterUnreachable ? Option.some(c.defect) : Option.none()
  )

/** A lost database as that failure; any other cause as it is. */
const lostAsFailure = <A, E>(cause: Cause.Cause<E>): Effect.Effect<A, E | ClusterUnreachable> => {
  const lost = lostIn(cause)
  return Option.isSome(lost) ? Effect.fail(lost.value) : Effect.failCause(cause)
}

/** The build as the workflow of `inputs` on the cluster at `url`, everything it opens in the scope. */
const workflowRun = <A extends Published, E, R>(
  url: string,
  inputs: BuildInputs,
  build: (cluster: ClusterRun) => Effect.Effect<A, E, R>
) =>
  Effect.gen(function* () {
    const plan = yield* planOf(inputs)
    const ctx = yield* openSharding(url)
    const gone = yield* watchdog(url, Context.get(ctx, SqlClient.SqlClient))
    const watched = watchedBy(url, gone)
    const articles = yield* Effect.provide(ArticleUnit.client, ctx)
    const blocks = yield* Effect.provide(ResolveBlock.client, ctx)
    const runtime = yield* Effect.runtime<R>()
    const scope = yield* Effect.scope
    const newSession = () => {
      const counts: UnitCounts = { articles: 0, reextracted: 0 }
      return makeSession(
        (checkpoints) =>
          Effect.provide(
            build({
              remote: poolOf(url, articles, gone, counts),
              resolution: resolutionOf(blocks, watched, checkpoints, counts)
            }),
            runtime
          ),
        (a): Published => ({ version: a.version, status: a.status }),
        scope
      )
    }
    let session: Session<A, E> = yield* newSession()
    // the workflow's steps run on whichever session is this process's current one
    const steps: Steps = {
      extract: Effect.suspend(() => session.extract),
      resolve: Effect.suspend(() => session.resolve),
      publish: Effect.suspend(() => session.publish)
    }
    yield* Layer.build(buildWorkflowLayer(plan.key, steps)).pipe(Effect.provide(ctx))
    const executionId = yield* BuildWorkflow.executionId(plan)
    const run = (again: boolean): Effect.Effect<A, E | ClusterUnreachable> =>
      Effect.gen(function* () {
        yield* Console.error(`cluster: workflow ${executionId.slice(0, 12)} (${plan.files} source files)`)
        yield* watched(Effect.exit(Effect.provide(BuildWorkflow.execute(plan), ctx)))
        const ended = session.exit()
        // a database lost mid-build keeps the workflow: the same command resumes it once the database is back
        if (Option.isSome(ended) && Exit.isFailure(ended.value) && Option.isSome(lostIn(ended.value.cause)))
          return yield* lostAsFailure<A, E>(ended.value.cause)
        yield* forget(ctx, executionId)
        if (Option.isSome(ended)) return yield* ended.value
        if (again) return yield* Effect.dieMessage(`workflow ${executionId}: ended twice without this build`)
        yield* Console.error(`cluster: workflow ${executionId.slice(0, 12)}: an earlier run's record; run again`)
        yield* session.stop
        session = yield* newSession()
        return yield* run(true)
      })
    return yield* Effect.catchAllCause(run(false), (cause) => lostAsFailure<A, E | ClusterUnreachable>(cause))
  })

/** How long a coordinator whose database is gone waits for the cluster's shutdown (which waits on the database). */
const LOST_SHUTDOWN = "5 seconds"

/**
 * Run `build` as the workflow of `inputs` on the cluster at `url` (none: `build(undefined)`, the local build). The
 * command's value and failure are the build's own, from this process's session; a workflow whose record ends without
 * this process's build (an earlier run's record) is forgotten and run once more.
 */
export const clusteredBuild = <A extends Published, E, R>(
  url: Option.Option<string>,
  inputs: BuildInputs,
  build: (cluster: ClusterRun | undefined) => Effect.Effect<A, E, R>
): Effect.Effect<A, E | ClusterUnreachable, R> =>
  Option.isNone(url)
    ? build(undefined)
    : Effect.gen(function* () {
        const scope = yield* Scope.make()
        const exit = yield* Effect.exit(Scope.extend(workflowRun(url.value, inputs, build), scope))
        const lost =
          Exit.isFailure(exit) && Option.exists(Cause.failureOption(exit.cause), (e) => e instanceof ClusterUnreachable)
        // with the database gone, the cluster's shutdown waits on it (its storage calls retry): not for long; and what
        // it leaves open (a listening socket, the database pool's retries) must not keep the process alive once the
        // command has said why it failed
        if (lost) {
          yield* Effect.ignore(Effect.timeout(Effect.disconnect(Scope.close(scope, exit)), LOST_SHUTDOWN))
          yield* Effect.sync(() => setTimeout(() => process.exit(1), 2000).unref())
        } else yield* Scope.close(scope, exit)
        return yield* exit
      })
