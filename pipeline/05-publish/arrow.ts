/**
 * Arrow IPC file format (Feather v2, uncompressed) with declared types: Utf8, one
 * Dictionary<Utf8, Int32> per categorical column, Int32, Float64, Bool, DateDay, List<Utf8>.
 * Schema and field metadata describe the table and each column.
 */
import {
  Bool,
  DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray
} from "apache-arrow"
import type { Column, TableDef } from "../../schemas/Column.js"

/** Arrow type of a column; dictionary ids are explicit (the column index) because arrow-js would otherwise take them from a process-global counter, and the bytes would depend on what ran before. */
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

const toArrowValue = (c: Column, v: unknown): unknown => {
  if (v === null || v === undefined) return null
  if (c.kind === "date") return new Date(`${v as string}T00:00:00Z`)
  return v
}

/** The Arrow schema of a table. */
export const arrowSchema = (table: TableDef<Record<string, Column>>, metadata: ReadonlyMap<string, string>): Schema =>
  new Schema(
    Object.entries(table.columns).map(
      ([name, c], index) =>
        new Field(name, arrowType(c, index), c.nullable, new Map([["description", c.description], ...(c.values ? [["values", c.values.join("|")] as [string, string]] : [])]))
    ),
    new Map([["table", table.name], ["description", table.description], ...metadata])
  )

/** Serialise rows of a table as an Arrow IPC file (one record batch, one dictionary per column). */
export const toArrow = (table: TableDef<Record<string, Column>>, rows: ReadonlyArray<Record<string, unknown>>, metadata: ReadonlyMap<string, string>): Uint8Array => {
  const schema = arrowSchema(table, metadata)
  const children = schema.fields.map((f) => {
    const c = table.columns[f.name]!
    return vectorFromArray(rows.map((r) => toArrowValue(c, r[f.name])) as Array<never>, f.type).data[0]!
  })
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children })
  const t = new Table(schema, [new RecordBatch(schema, data)])
  return tableToIPC(t, "file")
}

/** Read an Arrow IPC file back into plain rows (dates as YYYY-MM-DD, lists as arrays). */
export const fromArrow = (bytes: Uint8Array): { readonly fields: ReadonlyArray<string>; readonly rows: ReadonlyArray<Record<string, unknown>> } => {
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
