/**
 * Row ids are derived from content, never from counters: prefix + "_" + the first 16 hex
 * digits of a SHA-256 over the parts that identify the thing. A leading letter keeps every
 * id formula-safe in spreadsheets.
 */
import { hash } from "node:crypto"
import { Schema } from "effect"

/** Id prefixes by table. */
export const ID_PREFIX = {
  source: "src",
  entity: "ent",
  event: "evt",
  participant: "par",
  relation: "rel",
  evidence: "evd"
} as const
export type IdPrefix = (typeof ID_PREFIX)[keyof typeof ID_PREFIX]

/** A branded id schema for one prefix. */
export const makeId = <B extends string>(prefix: IdPrefix, brand: B) =>
  Schema.String.pipe(Schema.pattern(new RegExp(`^${prefix}_[0-9a-f]{16}$`)), Schema.brand(brand))

export const SourceId = makeId("src", "SourceId")
export type SourceId = typeof SourceId.Type
export const EntityId = makeId("ent", "EntityId")
export type EntityId = typeof EntityId.Type
export const EventId = makeId("evt", "EventId")
export type EventId = typeof EventId.Type
export const RelationId = makeId("rel", "RelationId")
export type RelationId = typeof RelationId.Type

/** Derive an id from its identifying parts (joined with U+001F, which never occurs in names). */
export const deriveId = (prefix: IdPrefix, ...parts: ReadonlyArray<string | number | null>): string =>
  `${prefix}_${hash("sha256", parts.map((p) => (p === null ? "\u0000" : String(p))).join("\u001f"), "hex").slice(0, 16)}`
