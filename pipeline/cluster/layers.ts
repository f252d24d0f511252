/**
 * The cluster's layers: PostgreSQL (`@effect/sql-pg`) holding messages, replies and runners (SqlMessageStorage,
 * SqlRunnerStorage: no separate shard manager), sockets between processes (NodeClusterSocket's protocol), and the
 * sharding configuration. Two shard groups: `default` (the units: ArticleUnit, ResolveBlock), taken by the runners, and
 * `coordinator` (the build's workflow), taken by the coordinator alone, so the workflow and its publishing step run where
 * `--out` is. Composed here rather than with NodeClusterSocket.layer, which reads the sharding configuration from the
 * environment.
 */
import * as net from "node:net"
import { RunnerAddress, RunnerHealth, Runners, ShardingConfig, SocketRunner } from "@effect/cluster"
import * as SqlMessageStorage from "@effect/cluster/SqlMessageStorage"
import * as SqlRunnerStorage from "@effect/cluster/SqlRunnerStorage"
import { NodeClusterSocket } from "@effect/platform-node"
import { RpcSerialization } from "@effect/rpc"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Deferred, Duration, Effect, Layer, Option, Redacted, Schedule } from "effect"
import { ClusterUnreachable } from "./errors.js"

/** The first line of what an error says. */
export const said = (e: unknown): string => {
  // the innermost cause says it best (PersistenceError → SqlError → the driver's error)
  let inner = e as { cause?: unknown; message?: string } | undefined
  while (inner?.cause !== undefined && inner.cause !== null && typeof inner.cause === "object")
    inner = inner.cause as typeof inner
  return String(inner?.message ?? e).split("\n")[0]!
}

/** A postgres:// URL with its password hidden (for messages). */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")

/**
 * Timings of the cluster: a dead runner is noticed by the others within seconds (its PostgreSQL session ends, which
 * frees its advisory shard locks; health pings every 2 s), and unprocessed messages of shards taken over are read
 * from storage every second.
 */
const shardingConfig = (address: RunnerAddress.RunnerAddress, group: string) =>
  ShardingConfig.layer({
    runnerAddress: Option.some(address),
    // every process must list the same groups (they number the shard locks); each takes the shards of its own
    availableShardGroups: [COORDINATOR_GROUP, "default"],
    assignedShardGroups: [group],
    shardsPerGroup: 60,
    entityMessagePollInterval: Duration.seconds(1),
    entityReplyPollInterval: Duration.millis(100),
    refreshAssignmentsInterval: Duration.seconds(1),
    runnerHealthCheckInterval: Duration.seconds(2),
    entityMaxIdleTime: Duration.seconds(10),
    entityMailboxCapacity: "unbounded",
    // messages to a runner in this process cross no wire: no need to simulate it
    simulateRemoteSerialization: false
  })

/** The shard group of the build workflow: only coordinators take its shards. */
export const COORDINATOR_GROUP = "coordinator"

/** The PostgreSQL client of `url` (fails with SqlError when it cannot connect). */
export const pgLayer = (url: string) =>
  PgClient.layer({
    url: Redacted.make(url),
    // a connection waits for a free one of the pool too: long enough for a loaded machine, short enough to fail
    connectTimeout: Duration.seconds(30),
    maxConnections: 16,
    applicationName: "car-cluster"
  })

const storage = Layer.mergeAll(Layer.orDie(SqlMessageStorage.layer), Layer.orDie(SqlRunnerStorage.layer))

/**
 * Sharding for a process listening on `host:port` (the address other processes reach it at: their health pings) that
 * takes the shards of `group`: a runner (`default`) or a coordinator (COORDINATOR_GROUP).
 */
const sharding = (url: string, host: string, port: number, group: string) => {
  const config = shardingConfig(new RunnerAddress.RunnerAddress({ host, port }), group)
  const health = RunnerHealth.layerPing.pipe(
    Layer.provide(Runners.layerRpc),
    Layer.provide(NodeClusterSocket.layerClientProtocol)
  )
  return SocketRunner.layer.pipe(
    Layer.provide([NodeClusterSocket.layerSocketServer, NodeClusterSocket.layerClientProtocol, health]),
    Layer.provideMerge(storage),
    Layer.provide([config, RpcSerialization.layerMsgPack]),
    // the process also asks the database itself whether it still answers (watchdog, below)
    Layer.provideMerge(pgLayer(url))
  )
}

/** Sharding for a runner: it takes the units' shards. */
export const runnerSharding = (url: string, host: string, port: number) => sharding(url, host, port, "default")

/** Sharding for a coordinator: it sends the units and takes the build workflow's shards, no unit's. */
export const coordinatorSharding = (url: string, host: string, port: number) =>
  sharding(url, host, port, COORDINATOR_GROUP)

/** A free TCP port on `host` (the system picks it). */
export const freePort = (host: string) =>
  Effect.async<number>((resume) => {
    const server = net.createServer()
    server.listen(0, host, () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resume(Effect.succeed(port)))
    })
  })

/**
 * Start again, up to 4 times a second apart, when starting fails: processes started together on a new database race to
 * create the cluster's tables (the loser's CREATE fails; on the next try the tables are there).
 */
export const retryStart = <A, E, R>(start: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  start.pipe(Effect.sandbox, Effect.retry({ times: 4, schedule: Schedule.spaced("1 second") }), Effect.unsandbox)

/**
 * How often and how patiently the coordinator and each runner ask PostgreSQL whether it answers: replies are read from it in rounds
 * that retry quietly, so without the question a database gone for good would leave the build waiting (and a runner holding
 * messages it read before the database went, which it would never answer).
 */
const WATCH_EVERY = Duration.seconds(2)
const WATCH_PATIENCE = Duration.seconds(20)

/** A Deferred that fails (as a ClusterUnreachable defect) once PostgreSQL has not answered for WATCH_PATIENCE. */
export const watchdog = (url: string, sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const gone = yield* Deferred.make<never>()
    const ask = sql`SELECT 1`.pipe(
      Effect.timeoutFail({
        duration: WATCH_PATIENCE,
        onTimeout: () => new Error(`no answer in ${Duration.format(WATCH_PATIENCE)}`)
      }),
      Effect.retry(Schedule.spaced(WATCH_EVERY).pipe(Schedule.upTo(WATCH_PATIENCE)))
    )
    yield* ask.pipe(
      Effect.repeat(Schedule.spaced(WATCH_EVERY)),
      Effect.catchAll((e) => Deferred.die(gone, new ClusterUnreachable({ url: redactUrl(url), detail: said(e) }))),
      Effect.forkScoped
    )
    return gone
  })
