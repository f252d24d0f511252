/**
 * Resolution per block as one `@effect/cluster` entity: a `Cluster` message carries one EventBlock (reports that can
 * only cluster with each other) and its reply is clusterBlock(block). Keyed and primary-keyed by the block's content key
 * under the resolution code's hash (`blockKey`): the same block under the same code is answered once, in any build;
 * changed resolution code makes new units. Persisted, so a killed runner's blocks go to another runner.
 */
import { ClusterSchema, Entity } from "@effect/cluster"
import { Rpc } from "@effect/rpc"
import { Schema } from "effect"
import type { EventBlock } from "../04-resolve/blocks.js"
import { resolutionSalt } from "../run/cache.js"
import { sha256 } from "../shared/hash.js"

/**
 * `Cluster`: one block (plain data: an EventBlock) and `salt`, the coordinator's resolution salt (a runner whose own differs
 * must not answer); the reply: the block's clusters, each as indexes of its reports.
 */
export const Cluster = Rpc.make("Cluster", {
  payload: { salt: Schema.String, key: Schema.String, block: Schema.Unknown },
  success: Schema.Array(Schema.Array(Schema.Number)),
  primaryKey: (p) => `block/${p.key}`
})

/** The entity: messages persisted in PostgreSQL; a stopping coordinator never stores "interrupted" as an answer. */
export const ResolveBlock = Entity.make("ResolveBlock", [Cluster])
  .annotateRpcs(ClusterSchema.Persisted, true)
  .annotateRpcs(ClusterSchema.Uninterruptible, true)

/**
 * The salt of block units: the store's (run/cache.ts resolutionSalt: the pipeline version and the resolution code; it
 * is not in the article units' salt).
 */
export const blockSalt = resolutionSalt

/** A block's unit key: its content key under the salt. */
export const blockKey = (s: string, block: EventBlock): string => sha256(`${s}\n${block.key}`)
