/**
 * Arrow IPC file format (Feather v2, uncompressed) with declared types: Utf8, one
 * Dictionary<Utf8, Int32> per categorical column, Int32, Float64, Bool, DateDay, List<Utf8>.
 * Schema and field metadata describe the table and each column.
 *
 * A table is written in record batches of BATCH_ROWS rows (one batch when it has no more), each
 * made from its rows' column values, written and let go before the next one is made; every batch
 * of a column shares one dictionary (the file format allows no other), listing the column's
 * values in order of first appearance.
 */

import {
  AsyncByteQueue,
  Bool,
  type Data,
  DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  Vector
} from "apache-arrow"
import type { Column, TableDef } from "../../schemas/Column.js"
import { columnValues, type Rows } from "../../schemas/ReleaseTables.js"

/**
 * Arrow type of a column; dictionary ids are explicit (the column index) because arrow-js would otherwise take them
 * from a process-global counter, and the bytes would depend on what ran before.
 */
const arrowType = (c: Column, index: number): DataType => {
  switch (c.kind) {
    case "id":
    case "text":
      return new Utf8()
    case "category":
      return new Dictionary(new Utf8(), new Int32(), index)
    case "int":
      return new Int32()
    case "float":
      return new Float64()
    case "bool":
      return new Bool()
    case "date":
      return new DateDay()
    case "list":
      return new List(new Field("item", new Utf8(), false))
  }
}

/** The Arrow schema of a table. */
export const arrowSchema = (table: TableDef<Record<string, Column>>, metadata: ReadonlyMap<string, string>): Schema =>
  new Schema(
    Object.entries(table.columns).map(
      ([name, c], index) =>
        new Field(
          name,
          arrowType(c, index),
          c.nullable,
          new Map([
            ["description", c.description],
            ...(c.values ? [["values", c.values.join("|")] as [string, string]] : [])
          ])
        )
    ),
    new Map([["table", table.name], ["description", table.description], ...metadata])
  )

/** Validity bitmap (bit i set: row i is not null), or undefined when no value is null. */
const validity = (values: ReadonlyArray<unknown>): { bitmap: Uint8Array | undefined; nulls: number } => {
  let nulls = 0
  for (const v of values) if (v === null || v === undefined) nulls++
  if (nulls === 0) return { bitmap: undefined, nulls }
  const bitmap = new Uint8Array(((values.length + 63) >> 6) << 3)
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) bitmap[i >> 3]! |= 1 << (i & 7)
  })
  return { bitmap, nulls }
}

/** Strings encoded at once: a run of ASCII strings is one piece of text whose offsets are its strings' lengths. */
const RUN = 4096

/** UTF-8 bytes of strings end to end, with their offsets (null counts as ""). */
export const utf8Buffers = (
  values: ReadonlyArray<string | null | undefined>
): { offsets: Int32Array; bytes: Uint8Array } => {
  const offsets = new Int32Array(values.length + 1)
  // runs of RUN values: an all-ASCII run (its byte length is its length) is written by one call;
  // any other run value by value (joined, two lone surrogates would become one character)
  const runs: Array<string | null> = []
  let size = 0
  for (let from = 0; from < values.length; from += RUN) {
    const to = Math.min(values.length, from + RUN)
    const text = values.slice(from, to).join("")
    const ascii = Buffer.byteLength(text, "utf8") === text.length
    runs.push(ascii ? text : null)
    for (let i = from; i < to; i++) {
      const v = values[i]
      size += v ? (ascii ? v.length : Buffer.byteLength(v, "utf8")) : 0
      offsets[i + 1] = size
    }
  }
  const bytes = Buffer.allocUnsafe(size)
  runs.forEach((text, r) => {
    const from = r * RUN
    if (text !== null) bytes.write(text, offsets[from]!, "latin1")
    else
      for (let i = from; i < Math.min(values.length, from + RUN); i++) {
        const v = values[i]
        if (v) bytes.write(v, offsets[i]!, "utf8")
      }
  })
  return {
    offsets,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, size)
  }
}

const utf8Data = (values: ReadonlyArray<string | null | undefined>) => {
  const { bitmap, nulls } = validity(values)
  const { offsets, bytes } = utf8Buffers(values)
  return makeData({
    type: new Utf8(),
    length: values.length,
    nullCount: nulls,
    nullBitmap: bitmap,
    valueOffsets: offsets,
    data: bytes
  })
}

/**
 * Rows per record batch: a multiple of 1,024 that divides 1,048,576, so that the Parquet made from the batches is that
 * of one batch (parquet.ts).
 */
export const BATCH_ROWS = 131_072

/** Throws unless `size` is a multiple of 1,024 dividing 1,048,576 (rows per batch giving the same Parquet bytes). */
export const checkBatchRows = (size: number): void => {
  if (size % 1024 !== 0 || 1_048_576 % size !== 0)
    throw new Error(`a record batch must be a multiple of 1,024 rows dividing 1,048,576 (got ${size})`)
}

/** A categorical column's dictionary: its values' codes, and the dictionary vector every batch shares. */
type Dict = {
  readonly codes: ReadonlyMap<string, number>
  readonly vector: Vector
}

/**
 * The Arrow data of one column, built from typed arrays (no per-value builder calls); a
 * categorical column's codes are those of its dictionary.
 */
const columnData = (c: Column, type: DataType, values: ReadonlyArray<unknown>, dict: Dict | undefined): Data => {
  const { bitmap, nulls } = validity(values)
  const n = values.length
  switch (c.kind) {
    case "id":
    case "text":
      return utf8Data(values as ReadonlyArray<string | null>)
    case "category": {
      const codes = new Int32Array(n)
      values.forEach((v, i) => {
        if (v !== null && v !== undefined) codes[i] = dict!.codes.get(v as string)!
      })
      return makeData({
        type: type as Dictionary<Utf8, Int32>,
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        data: codes,
        dictionary: dict!.vector
      })
    }
    case "int":
      return makeData({
        type: new Int32(),
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        data: Int32Array.from(values, (v) => (v as number | null) ?? 0)
      })
    case "float":
      return makeData({
        type: new Float64(),
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        data: Float64Array.from(values, (v) => (v as number | null) ?? 0)
      })
    case "bool": {
      const bits = new Uint8Array(((n + 63) >> 6) << 3)
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3]! |= 1 << (i & 7)
      })
      return makeData({
        type: new Bool(),
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        data: bits
      })
    }
    case "date":
      return makeData({
        type: new DateDay(),
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        data: Int32Array.from(values, (v) =>
          v === null || v === undefined ? 0 : Math.floor(Date.parse(`${v as string}T00:00:00Z`) / 86_400_000)
        )
      })
    case "list": {
      const offsets = new Int32Array(n + 1)
      const items: Array<string> = []
      values.forEach((v, i) => {
        for (const x of (v as ReadonlyArray<string> | null) ?? []) items.push(x)
        offsets[i + 1] = items.length
      })
      return makeData({
        type: type as List<Utf8>,
        length: n,
        nullCount: nulls,
        nullBitmap: bitmap,
        valueOffsets: offsets,
        child: utf8Data(items)
      })
    }
  }
}

/**
 * The row ranges of a table's batches: [from, to) by `size` rows, at least one (an empty table has one empty batch).
 */
const batchRanges = (length: number, size: number): Array<readonly [number, number]> => {
  checkBatchRows(size)
  const out: Array<readonly [number, number]> = []
  for (let from = 0; from < length || from === 0; from += size) out.push([from, Math.min(length, from + size)])
  return out
}

/** The record batches of a table's rows, `batchRows` at a time, each made when it is asked for. */
export function* arrowBatches(
  table: TableDef<Record<string, Column>>,
  rows: Rows<Record<string, unknown>>,
  schema: Schema,
  batchRows = BATCH_ROWS
): Generator<RecordBatch> {
  const ranges = batchRanges(rows.length, batchRows)
  // each categorical column's values in order of first appearance, read batch by batch
  const dicts = new Map<string, Dict>()
  for (const f of schema.fields) {
    if (table.columns[f.name]!.kind !== "category") continue
    const codes = new Map<string, number>()
    for (const [from, to] of ranges)
      for (const v of columnValues(rows, f.name, from, to))
        if (v !== null && v !== undefined && !codes.has(v as string)) codes.set(v as string, codes.size)
    dicts.set(f.name, {
      codes,
      vector: new Vector([utf8Data([...codes.keys()])])
    })
  }
  for (const [from, to] of ranges) {
    const children = schema.fields.map((f) =>
      columnData(table.columns[f.name]!, f.type, columnValues(rows, f.name, from, to), dicts.get(f.name))
    )
    yield new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: to - from,
        nullCount: 0,
        children
      })
    )
  }
}

/** The Arrow table of a table's rows (record batches of `batchRows`, one dictionary per categorical column). */
export const arrowTable = (
  table: TableDef<Record<string, Column>>,
  rows: Rows<Record<string, unknown>>,
  metadata: ReadonlyMap<string, string>,
  batchRows = BATCH_ROWS
): Table => {
  const schema = arrowSchema(table, metadata)
  return new Table(schema, [...arrowBatches(table, rows, schema, batchRows)])
}

/** Hands each piece arrow-js writes straight on (arrow-js takes a byte queue as its sink). */
class Forward extends AsyncByteQueue {
  constructor(private readonly out: (chunk: Uint8Array) => void) {
    super()
  }
  override write(value: Uint8Array | ArrayBufferView): void {
    this.out(value instanceof Uint8Array ? value : new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
  }
}

/**
 * Write record batches as an Arrow IPC file piece by piece (the file is never one buffer: its
 * pieces are views of the columns), one batch at a time; `each` is given every batch once it is
 * written, before the next one is made.
 */
export const writeArrowFile = (
  schema: Schema,
  batches: Iterable<RecordBatch>,
  out: (chunk: Uint8Array) => void,
  each: (batch: RecordBatch) => void = () => {}
): void => {
  const writer = new RecordBatchFileWriter()
  writer.reset(new Forward(out), schema)
  for (const batch of batches) {
    writer.write(batch)
    each(batch)
  }
  writer.finish()
}

/**
 * Serialise rows of a table as an Arrow IPC file (record batches of BATCH_ROWS, one dictionary per categorical column).
 */
export const toArrow = (
  table: TableDef<Record<string, Column>>,
  rows: ReadonlyArray<Record<string, unknown>>,
  metadata: ReadonlyMap<string, string>
): Uint8Array => tableToIPC(arrowTable(table, rows, metadata), "file")

/** Read an Arrow IPC file back into plain rows (dates as YYYY-MM-DD, lists as arrays). */
export const fromArrow = (
  bytes: Uint8Array
): {
  readonly fields: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, unknown>>
} => {
  const t = tableFromIPC(bytes)
  const fields = t.schema.fields.map((f) => f.name)
  const rows: Array<Record<string, unknown>> = []
  for (let i = 0; i < t.numRows; i++) {
    const r: Record<string, unknown> = {}
    for (const f of t.schema.fields) {
      const v = t.getChild(f.name)!.get(i)
      if (v === null || v === undefined) r[f.name] = null
      else if (DataType.isDate(f.type)) r[f.name] = new Date(v as number).toISOString().slice(0, 10)
      else if (DataType.isList(f.type)) r[f.name] = [...(v as Iterable<string>)]
      else r[f.name] = v
    }
    rows.push(r)
  }
  return { fields, rows }
}
