/**
 * The evidence table in columns. A release has about 200 evidence rows per article; as objects
 * (with an id string and a quote string each) 2M rows are 6M things for the garbage collector
 * to trace at every full collection. Here they are a dozen typed arrays: repeated strings (row
 * ids, methods, dates) are indexes into one table of distinct strings, the id is its 64 bits,
 * and the quote is not stored at all: it is its span of the source text, sliced when a row is read.
 * Rows come out in evidence_id order, made one at a time (`at`); a row added twice (same id)
 * is kept once, as first added.
 */

import type { EvidenceRow, EvidenceTable } from "../../schemas/ReleaseTables.js"
import { PIPELINE_VERSION } from "../../schemas/version.js"
import { makeUtf16Index } from "../shared/codepoints.js"

/** What an evidence row needs of its source. */
export interface EvidenceSource {
  readonly sourceId: string
  readonly textSha256: string
  readonly text: string
}

/** What an event report's evidence row adds. */
export type Reported = Pick<EvidenceRow, "reported_date" | "reported_precision" | "reported_modality" | "conflict">

const TABLE_NAMES = ["entities", "events", "event_participants", "relations"] as const
type TableName = (typeof TABLE_NAMES)[number]

const U32 = ["hi", "lo", "row", "source", "start", "end", "a", "b", "method", "date", "precision", "modality"] as const
const U8 = ["table", "conflict"] as const

/** Growable columns: a Uint32Array per index or offset, a Uint8Array per code, a Float64Array for the confidence. */
class Columns {
  n = 0
  cap = 1 << 12
  u32 = Object.fromEntries(U32.map((k) => [k, new Uint32Array(this.cap)])) as Record<(typeof U32)[number], Uint32Array>
  u8 = Object.fromEntries(U8.map((k) => [k, new Uint8Array(this.cap)])) as Record<(typeof U8)[number], Uint8Array>
  confidence = new Float64Array(this.cap)
  /** Room for one more row; its position. */
  reserve(): number {
    if (this.n === this.cap) {
      this.cap = Math.max(1 << 12, this.cap * 2)
      const grow = <A extends Uint32Array | Uint8Array | Float64Array>(x: A, make: (n: number) => A): A => {
        const y = make(this.cap)
        y.set(x)
        return y
      }
      for (const k of U32) this.u32[k] = grow(this.u32[k], (n) => new Uint32Array(n))
      for (const k of U8) this.u8[k] = grow(this.u8[k], (n) => new Uint8Array(n))
      this.confidence = grow(this.confidence, (n) => new Float64Array(n))
    }
    return this.n++
  }
}

/** Collects evidence rows (`add`) and sorts them into an EvidenceTable (`finish`). */
export const evidenceBuilder = () => {
  const columns = new Columns()
  const strings = stringCodes()
  const sources: Array<EvidenceSource & { readonly toUtf16: (cp: number) => number }> = []
  const sourceIndex = new Map<string, number>()
  /** Quotes that are not the span of their text (never expected: kept as given). */
  const oddQuotes = new Map<number, string>()
  const sourceCode = (src: EvidenceSource): number => {
    let code = sourceIndex.get(src.sourceId)
    if (code === undefined) {
      sourceIndex.set(src.sourceId, (code = sources.length))
      sources.push({ ...src, toUtf16: makeUtf16Index(src.text) })
    }
    return code
  }

  const add = (
    id: string,
    rowId: string,
    table: TableName,
    src: EvidenceSource,
    span: {
      readonly start: number
      readonly end: number
      /** Absent: known to be the span of the text. */
      readonly quote?: string
    },
    method: string,
    confidence: number,
    reported?: Reported
  ): void => {
    const si = sourceCode(src)
    const source = sources[si]!
    const i = columns.reserve()
    const { u32 } = columns
    u32.hi[i] = parseInt(id.slice(4, 12), 16)
    u32.lo[i] = parseInt(id.slice(12, 20), 16)
    u32.row[i] = strings.code(rowId)
    columns.u8.table[i] = TABLE_NAMES.indexOf(table)
    u32.source[i] = si
    u32.start[i] = span.start
    u32.end[i] = span.end
    const a = source.toUtf16(span.start)
    const b = source.toUtf16(span.end)
    u32.a[i] = a
    u32.b[i] = b
    const q = span.quote
    if (q !== undefined && (b - a !== q.length || !source.text.startsWith(q, a))) oddQuotes.set(i, q)
    u32.method[i] = strings.code(method)
    columns.confidence[i] = confidence
    u32.date[i] = strings.code(reported?.reported_date ?? null)
    u32.precision[i] = strings.code(reported?.reported_precision ?? null)
    u32.modality[i] = strings.code(reported?.reported_modality ?? null)
    columns.u8.conflict[i] = reported?.conflict ? 1 : 0
  }

  const finish = (): EvidenceTable => {
    const keep = firstOfEachId(columns)
    gatherRows(columns, keep)
    const oddSorted = new Map<number, string>()
    if (oddQuotes.size > 0)
      for (let k = 0; k < keep.length; k++) if (oddQuotes.has(keep[k]!)) oddSorted.set(k, oddQuotes.get(keep[k]!)!)
    return makeTable(columns, strings.values, strings.index, sources, oddSorted)
  }
  return { add, finish }
}

/** One table of distinct strings: `code` gives a string's index (null is 0), adding it when new. */
const stringCodes = () => {
  const values: Array<string | null> = [null]
  const index = new Map<string, number>()
  const code = (s: string | null): number => {
    if (s === null) return 0
    let k = index.get(s)
    if (k === undefined) {
      index.set(s, (k = values.length))
      values.push(s)
    }
    return k
  }
  return { values, index, code }
}

/** The positions of the rows in id order, one per id: the first added (ties in id keep the order of adding). */
const firstOfEachId = (columns: Columns): Uint32Array => {
  const n = columns.n
  const { hi, lo } = columns.u32
  const sorted = new Uint32Array(n)
  for (let i = 0; i < n; i++) sorted[i] = i
  sorted.sort((x, y) => hi[x]! - hi[y]! || lo[x]! - lo[y]! || x - y)
  let kept = 0
  for (let k = 0; k < n; k++) {
    const i = sorted[k]!
    if (kept > 0) {
      const p = sorted[kept - 1]!
      if (hi[p] === hi[i] && lo[p] === lo[i]) continue
    }
    sorted[kept++] = i
  }
  return sorted.subarray(0, kept)
}

/**
 * Puts the columns in the order of `keep` once, so that every pass over the rows reads them front
 * to back (reading through a permutation misses the CPU caches at every cell).
 */
const gatherRows = (columns: Columns, keep: Uint32Array): void => {
  const m = keep.length
  const gather = <A extends Uint32Array | Uint8Array | Float64Array>(x: A, make: (n: number) => A): A => {
    const y = make(m)
    for (let k = 0; k < m; k++) y[k] = x[keep[k]!]!
    return y
  }
  for (const k of U32) columns.u32[k] = gather(columns.u32[k], (n) => new Uint32Array(n))
  for (const k of U8) columns.u8[k] = gather(columns.u8[k], (n) => new Uint8Array(n))
  columns.confidence = gather(columns.confidence, (n) => new Float64Array(n))
  columns.n = columns.cap = m
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1")

/**
 * Formats "evd_" + 16 hex digits from the id's two halves (through one reused buffer: 10× faster than toString(16)).
 */
const idFormatter = (): ((hi: number, lo: number) => string) => {
  const buf = Buffer.from("evd_0000000000000000", "latin1")
  return (hi, lo) => {
    for (let k = 11; k >= 4; k--, hi >>>= 4) buf[k] = HEX_DIGITS[hi & 15]!
    for (let k = 19; k >= 12; k--, lo >>>= 4) buf[k] = HEX_DIGITS[lo & 15]!
    return buf.toString("latin1", 0, 20)
  }
}

/** A column whose values repeat, held as codes: row i's value is valueOfCode(codes[i]), every code below `size`. */
interface CodedColumn {
  readonly codes: ArrayLike<number>
  readonly size: number
  readonly valueOfCode: (code: number) => unknown
}

/**
 * How one column of the table is read: a value every row shares (`constant`), codes into a
 * list of values (`coded`: formatted and listed once per value), or a value per row (`each`).
 */
type ColumnSpec =
  | { readonly kind: "constant"; readonly value: unknown }
  | { readonly kind: "coded"; readonly column: CodedColumn }
  | { readonly kind: "each"; readonly valueAt: (i: number) => unknown; readonly strings?: true }

/** The table's columns: the one place that says how each column of an evidence row is held. */
const columnSpecs = (
  columns: Columns,
  strings: ReadonlyArray<string | null>,
  sources: ReadonlyArray<EvidenceSource>,
  quote: (i: number) => string
): Record<keyof EvidenceRow, ColumnSpec> => {
  const { hi, lo, row, source, start, end, method, date, precision, modality } = columns.u32
  const { table, conflict } = columns.u8
  const confidence = columns.confidence
  const formatId = idFormatter()
  const each = (valueAt: (i: number) => unknown): ColumnSpec => ({ kind: "each", valueAt })
  const coded = (codes: ArrayLike<number>, size: number, valueOfCode: (code: number) => unknown): ColumnSpec => ({
    kind: "coded",
    column: { codes, size, valueOfCode }
  })
  const string = (c: number) => strings[c]
  const stringOrNull = (c: number) => strings[c] ?? null
  return {
    evidence_id: each((i) => formatId(hi[i]!, lo[i]!)),
    row_id: coded(row, strings.length, string),
    row_table: coded(table, TABLE_NAMES.length, (c) => TABLE_NAMES[c]),
    source_id: coded(source, sources.length, (c) => sources[c]!.sourceId),
    text_sha256: coded(source, sources.length, (c) => sources[c]!.textSha256),
    char_start: each((i) => start[i]),
    char_end: each((i) => end[i]),
    // a string by construction (a slice of its text, or the quote given): the contracts need not slice every row
    quote: { kind: "each", valueAt: quote, strings: true },
    method: coded(method, strings.length, string),
    pipeline_version: { kind: "constant", value: PIPELINE_VERSION },
    confidence: each((i) => confidence[i]),
    reported_date: coded(date, strings.length, stringOrNull),
    reported_precision: coded(precision, strings.length, stringOrNull),
    reported_modality: coded(modality, strings.length, stringOrNull),
    conflict: coded(conflict, 2, (c) => c === 1)
  }
}

/** Row i's value of a column. */
const cellReader = (spec: ColumnSpec): ((i: number) => unknown) => {
  switch (spec.kind) {
    case "constant":
      return () => spec.value
    case "coded": {
      const { codes, valueOfCode } = spec.column
      return (i) => valueOfCode(codes[i]!)
    }
    case "each":
      return spec.valueAt
  }
}

/** Row k's value formatted; a value shared by many rows is formatted once. */
const cellFormatterOf = <A>(spec: ColumnSpec, format: (v: unknown) => A): ((k: number) => A) => {
  switch (spec.kind) {
    case "constant": {
      const formatted = format(spec.value)
      return () => formatted
    }
    case "coded": {
      const { codes, size, valueOfCode } = spec.column
      const formatted = new Array<A>(size)
      const done = new Uint8Array(size)
      return (k) => {
        const code = codes[k]!
        if (done[code] === 0) {
          formatted[code] = format(valueOfCode(code))
          done[code] = 1
        }
        return formatted[code]!
      }
    }
    case "each": {
      const { valueAt } = spec
      return (k) => format(valueAt(k))
    }
  }
}

/** Each value of a column of `n` rows once (a coded column's distinct values; every value of the others). */
function* distinctValuesOf(spec: ColumnSpec, n: number): Generator<unknown> {
  switch (spec.kind) {
    case "constant":
      if (n > 0) yield spec.value
      return
    case "coded": {
      const { codes, size, valueOfCode } = spec.column
      const seen = new Uint8Array(size)
      for (let k = 0; k < n; k++) {
        const code = codes[k]!
        if (seen[code] === 0) {
          seen[code] = 1
          yield valueOfCode(code)
        }
      }
      return
    }
    case "each":
      for (let k = 0; k < n; k++) yield spec.valueAt(k)
  }
}

/** Row positions grouped by code: the rows of code c are positions[starts[c] .. starts[c + 1]). */
const groupByCode = (codes: ArrayLike<number>, size: number, n: number) => {
  const starts = new Uint32Array(size + 1)
  for (let k = 0; k < n; k++) starts[codes[k]! + 1]!++
  for (let c = 0; c < size; c++) starts[c + 1]! += starts[c]!
  const next = starts.slice(0, size)
  const positions = new Uint32Array(n)
  for (let k = 0; k < n; k++) positions[next[codes[k]!]!++] = k
  return { starts, positions }
}

/** Row i made as an object (the columns read directly: what every pass over the rows costs). */
const rowReader = (
  columns: Columns,
  strings: ReadonlyArray<string | null>,
  sources: ReadonlyArray<EvidenceSource>,
  quote: (i: number) => string
): ((i: number) => EvidenceRow) => {
  const { hi, lo, row, source, start, end, method, date, precision, modality } = columns.u32
  const { table, conflict } = columns.u8
  const confidence = columns.confidence
  const formatId = idFormatter()
  return (i) => {
    const s = sources[source[i]!]!
    return {
      evidence_id: formatId(hi[i]!, lo[i]!),
      row_id: strings[row[i]!]!,
      row_table: TABLE_NAMES[table[i]!]!,
      source_id: s.sourceId,
      text_sha256: s.textSha256,
      char_start: start[i]!,
      char_end: end[i]!,
      quote: quote(i),
      method: strings[method[i]!]!,
      pipeline_version: PIPELINE_VERSION,
      confidence: confidence[i]!,
      reported_date: strings[date[i]!] ?? null,
      reported_precision: (strings[precision[i]!] ?? null) as EvidenceRow["reported_precision"],
      reported_modality: (strings[modality[i]!] ?? null) as EvidenceRow["reported_modality"],
      conflict: conflict[i] === 1
    } as EvidenceRow
  }
}

const makeTable = (
  columns: Columns,
  strings: ReadonlyArray<string | null>,
  stringIndex: ReadonlyMap<string, number>,
  sources: ReadonlyArray<EvidenceSource>,
  oddQuotes: ReadonlyMap<number, string>
): EvidenceTable => {
  const n = columns.n
  const { source, a, b, row } = columns.u32
  const quote = (i: number): string =>
    oddQuotes.size > 0 && oddQuotes.has(i) ? oddQuotes.get(i)! : sources[source[i]!]!.text.slice(a[i], b[i])
  const rowAt = rowReader(columns, strings, sources, quote)
  const specs = columnSpecs(columns, strings, sources, quote)
  let rowGroups: ReturnType<typeof groupByCode> | undefined
  return {
    length: n,
    at: (k) => (k >= 0 && k < n ? rowAt(k) : undefined),
    // a plain iterator: a generator costs more than the row it yields
    [Symbol.iterator]: () => {
      let k = 0
      return {
        next: () => (k < n ? { done: false, value: rowAt(k++) } : { done: true, value: undefined })
      } as Iterator<EvidenceRow>
    },
    toJSON: () => Array.from({ length: n }, (_, k) => rowAt(k)),
    column: (name, from = 0, to = n) => {
      const read = cellReader(specs[name])
      const out = new Array<unknown>(to - from)
      for (let k = from; k < to; k++) out[k - from] = read(k)
      return out
    },
    cellFormatter: (name, format) => cellFormatterOf(specs[name], format),
    distinctValues: (name) => distinctValuesOf(specs[name], n),
    valueType: (name) => {
      const spec = specs[name]
      return spec.kind === "each" && spec.strings === true ? "string" : undefined
    },
    byRowId: () => {
      rowGroups ??= groupByCode(row, strings.length, n)
      const { starts, positions } = rowGroups
      return {
        get: (rowId: string) => {
          const c = stringIndex.get(rowId)
          if (c === undefined || starts[c] === starts[c + 1]) return undefined
          // copied by a loop (Array.from of a typed array goes through its iterator: 3 s of a 10,000-article JSON-LD)
          const from = starts[c]!
          const to = starts[c + 1]!
          const out = new Array<number>(to - from)
          for (let j = from; j < to; j++) out[j - from] = positions[j]!
          return out
        }
      }
    }
  }
}
