/**
 * The in-memory shape of a release's tables (rows exactly as published): what resolution builds and publishing,
 * diff, validation and evaluation read. The evidence table's builder is in pipeline/04-resolve/evidenceTable.ts.
 */
import type { Entity } from "./Entity.js"
import type { Event } from "./Event.js"
import type { EventParticipant } from "./EventParticipant.js"
import type { Evidence } from "./Evidence.js"
import type { Relation } from "./Relation.js"
import type { Source } from "./Source.js"

type Row<T> = { -readonly [K in keyof T]: T[K] }

/** Rows of every table, each sorted by primary key. */
export interface ReleaseTables {
  readonly sources: ReadonlyArray<Row<Source>>
  readonly entities: ReadonlyArray<Row<Entity>>
  readonly events: ReadonlyArray<Row<Event>>
  readonly event_participants: ReadonlyArray<Row<EventParticipant>>
  readonly relations: ReadonlyArray<Row<Relation>>
  readonly evidence: EvidenceTable
}

export type SourceRow = Row<Source>
export type EntityRow = Row<Entity>
export type EventRow = Row<Event>
export type ParticipantRow = Row<EventParticipant>
export type RelationRow = Row<Relation>
export type EvidenceRow = Row<Evidence>

/**
 * Rows read by position: a ReadonlyArray, or a table that makes its rows on demand. A table held
 * in columns (the evidence table) also reads its columns without making rows: the optional
 * members, which writers and checks use when they are there.
 */
export interface Rows<T> extends Iterable<T> {
  readonly length: number
  at(i: number): T | undefined
  /** The values of one column, in row order (of rows `from` to `to`, when given). */
  column?(name: keyof T, from?: number, to?: number): Array<unknown>
  /**
   * Row k's value of column `name` as `format` writes it, without making the row: a value that
   * repeats down the column (row ids, methods, sources, dates) is formatted once.
   */
  cellFormatter?<A>(name: keyof T, format: (v: unknown) => A): (k: number) => A
  /**
   * Each value column `name` holds, once (the distinct strings of a repeated column; every value of the others), in no
   * set order: what a check of every cell needs to see, without making rows.
   */
  distinctValues?(name: keyof T): Iterable<unknown>
  /**
   * "string" when every value of column `name` is a string by construction (the evidence quotes, sliced from their
   * texts): a check that asks no more than that need not read the column.
   */
  valueType?(name: keyof T): "string" | undefined
}

/** The values of one column of rows (of rows `from` to `to`): a columnar table gives them without making its rows. */
export const columnValues = (
  rows: Rows<Record<string, unknown>>,
  name: string,
  from = 0,
  to = rows.length
): Array<unknown> => {
  if (rows.column) return rows.column(name, from, to)
  const out = new Array<unknown>(to - from)
  for (let i = from; i < to; i++) out[i - from] = rows.at(i)![name]
  return out
}

/** The evidence table: rows in evidence_id order, made on demand. */
export interface EvidenceTable extends Rows<EvidenceRow> {
  column(name: keyof EvidenceRow, from?: number, to?: number): Array<unknown>
  /** Row positions by row_id (each list in row order; undefined for a row id with no evidence). */
  byRowId(): { get(rowId: string): ReadonlyArray<number> | undefined }
  /** Every row (what JSON.stringify writes). */
  toJSON(): Array<EvidenceRow>
  cellFormatter<A>(name: keyof EvidenceRow, format: (v: unknown) => A): (k: number) => A
  distinctValues(name: keyof EvidenceRow): Iterable<unknown>
  valueType(name: keyof EvidenceRow): "string" | undefined
}
