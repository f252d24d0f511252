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
  const g = new Columns()
  const strings: Array<string | null> = [null]
  const stringIndex = new Map<string, number>()
  const str = (s: string | null): number => {
    if (s === null) return 0
    let k = stringIndex.get(s)
    if (k === undefined) {
      stringIndex.set(s, (k = strings.length))
      strings.push(s)
    }
    return k
  }
  const sources: Array<EvidenceSource & { readonly toUtf16: (cp: number) => number }> = []
  const sourceIndex = new Map<string, number>()
  /** Quotes that are not the span of their text (never expected: kept as given). */
  const odd = new Map<number, string>()

  const add = (
    id: string,
    rowId: string,
    table: TableName,
    src: EvidenceSource,
    span: {
      readonly start: number
      readonly end: number
      readonly quote: string
    },
    method: string,
    confidence: number,
    reported?: Reported
  ): void => {
    let si = sourceIndex.get(src.sourceId)
    if (si === undefined) {
      sourceIndex.set(src.sourceId, (si = sources.length))
      sources.push({ ...src, toUtf16: makeUtf16Index(src.text) })
    }
    const s = sources[si]!
    const i = g.reserve()
    g.u32.hi[i] = parseInt(id.slice(4, 12), 16)
    g.u32.lo[i] = parseInt(id.slice(12, 20), 16)
    g.u32.row[i] = str(rowId)
    g.u8.table[i] = TABLE_NAMES.indexOf(table)
    g.u32.source[i] = si
    g.u32.start[i] = span.start
    g.u32.end[i] = span.end
    const a = s.toUtf16(span.start)
    const b = s.toUtf16(span.end)
    g.u32.a[i] = a
    g.u32.b[i] = b
    if (b - a !== span.quote.length || !s.text.startsWith(span.quote, a)) odd.set(i, span.quote)
    g.u32.method[i] = str(method)
    g.confidence[i] = confidence
    g.u32.date[i] = str(reported?.reported_date ?? null)
    g.u32.precision[i] = str(reported?.reported_precision ?? null)
    g.u32.modality[i] = str(reported?.reported_modality ?? null)
    g.u8.conflict[i] = reported?.conflict ? 1 : 0
  }

  const finish = (): EvidenceTable => {
    const n = g.n
    const { hi, lo } = g.u32
    const sorted = new Uint32Array(n)
    for (let i = 0; i < n; i++) sorted[i] = i
    sorted.sort((x, y) => hi[x]! - hi[y]! || lo[x]! - lo[y]! || x - y)
    // one row per id: the first added
    let m = 0
    for (let k = 0; k < n; k++) {
      const i = sorted[k]!
      if (m > 0) {
        const p = sorted[m - 1]!
        if (hi[p] === hi[i] && lo[p] === lo[i]) continue
      }
      sorted[m++] = i
    }
    // the columns put in that order once, so that every pass over the rows reads them front to back
    // (reading through a permutation misses the CPU caches at every cell)
    const keep = sorted.subarray(0, m)
    const gather = <A extends Uint32Array | Uint8Array | Float64Array>(x: A, make: (n: number) => A): A => {
      const y = make(m)
      for (let k = 0; k < m; k++) y[k] = x[keep[k]!]!
      return y
    }
    for (const k of U32) g.u32[k] = gather(g.u32[k], (n) => new Uint32Array(n))
    for (const k of U8) g.u8[k] = gather(g.u8[k], (n) => new Uint8Array(n))
    g.confidence = gather(g.confidence, (n) => new Float64Array(n))
    const oddSorted = new Map<number, string>()
    if (odd.size > 0) for (let k = 0; k < m; k++) if (odd.has(keep[k]!)) oddSorted.set(k, odd.get(keep[k]!)!)
    g.n = g.cap = m
    return makeTable(g, strings, stringIndex, sources, oddSorted)
  }
  return { add, finish }
}

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1")

/** Formats "evd_" + 16 hex digits from the id's two halves (through one reused buffer: 10× faster than toString(16)). */
const idFormatter = (): ((hi: number, lo: number) => string) => {
  const buf = Buffer.from("evd_0000000000000000", "latin1")
  return (hi, lo) => {
    for (let k = 11; k >= 4; k--, hi >>>= 4) buf[k] = HEX_DIGITS[hi & 15]!
    for (let k = 19; k >= 12; k--, lo >>>= 4) buf[k] = HEX_DIGITS[lo & 15]!
    return buf.toString("latin1", 0, 20)
  }
}

const makeTable = (
  g: Columns,
  strings: ReadonlyArray<string | null>,
  stringIndex: ReadonlyMap<string, number>,
  sources: ReadonlyArray<EvidenceSource>,
  odd: ReadonlyMap<number, string>
): EvidenceTable => {
  const { hi, lo, row, source, start, end, a, b, method, date, precision, modality } = g.u32
  const { table, conflict } = g.u8
  const confidence = g.confidence
  const quote = (i: number): string =>
    odd.size > 0 && odd.has(i) ? odd.get(i)! : sources[source[i]!]!.text.slice(a[i], b[i])
  const format = idFormatter()
  const value = (i: number, name: keyof EvidenceRow): unknown => {
    switch (name) {
      case "evidence_id":
        return format(hi[i]!, lo[i]!)
      case "row_id":
        return strings[row![i]!]
      case "row_table":
        return TABLE_NAMES[table![i]!]
      case "source_id":
        return sources[source![i]!]!.sourceId
      case "text_sha256":
        return sources[source![i]!]!.textSha256
      case "char_start":
        return start![i]
      case "char_end":
        return end![i]
      case "quote":
        return quote(i)
      case "method":
        return strings[method![i]!]
      case "pipeline_version":
        return PIPELINE_VERSION
      case "confidence":
        return confidence![i]
      case "reported_date":
        return strings[date![i]!]
      case "reported_precision":
        return strings[precision![i]!]
      case "reported_modality":
        return strings[modality![i]!]
      case "conflict":
        return conflict![i] === 1
    }
  }
  const rowAt = (i: number): EvidenceRow => {
    const s = sources[source![i]!]!
    return {
      evidence_id: format(hi[i]!, lo[i]!),
      row_id: strings[row![i]!]!,
      row_table: TABLE_NAMES[table![i]!]!,
      source_id: s.sourceId,
      text_sha256: s.textSha256,
      char_start: start![i]!,
      char_end: end![i]!,
      quote: quote(i),
      method: strings[method![i]!]!,
      pipeline_version: PIPELINE_VERSION,
      confidence: confidence![i]!,
      reported_date: strings[date![i]!] ?? null,
      reported_precision: (strings[precision![i]!] ?? null) as EvidenceRow["reported_precision"],
      reported_modality: (strings[modality![i]!] ?? null) as EvidenceRow["reported_modality"],
      conflict: conflict![i] === 1
    } as EvidenceRow
  }
  // positions grouped by row id: the rows of string code c are positions[starts[c] .. starts[c + 1])
  let groups: { starts: Uint32Array; positions: Uint32Array } | undefined
  /** The codes of a column whose values repeat: row i's value is values(code(i)). */
  const coded = (
    name: keyof EvidenceRow
  ): {
    readonly codes: ArrayLike<number>
    readonly size: number
    readonly valueOf: (c: number) => unknown
  } | null => {
    switch (name) {
      case "row_id":
        return {
          codes: row!,
          size: strings.length,
          valueOf: (c) => strings[c]
        }
      case "method":
        return {
          codes: method!,
          size: strings.length,
          valueOf: (c) => strings[c]
        }
      case "reported_date":
        return {
          codes: date!,
          size: strings.length,
          valueOf: (c) => strings[c] ?? null
        }
      case "reported_precision":
        return {
          codes: precision!,
          size: strings.length,
          valueOf: (c) => strings[c] ?? null
        }
      case "reported_modality":
        return {
          codes: modality!,
          size: strings.length,
          valueOf: (c) => strings[c] ?? null
        }
      case "row_table":
        return {
          codes: table!,
          size: TABLE_NAMES.length,
          valueOf: (c) => TABLE_NAMES[c]
        }
      case "source_id":
        return {
          codes: source!,
          size: sources.length,
          valueOf: (c) => sources[c]!.sourceId
        }
      case "text_sha256":
        return {
          codes: source!,
          size: sources.length,
          valueOf: (c) => sources[c]!.textSha256
        }
      case "conflict":
        return { codes: conflict!, size: 2, valueOf: (c) => c === 1 }
      default:
        return null
    }
  }
  return {
    length: g.n,
    at: (k) => (k >= 0 && k < g.n ? rowAt(k) : undefined),
    // a plain iterator: a generator costs more than the row it yields
    [Symbol.iterator]: () => {
      let k = 0
      return {
        next: () => (k < g.n ? { done: false, value: rowAt(k++) } : { done: true, value: undefined })
      } as Iterator<EvidenceRow>
    },
    toJSON: () => Array.from({ length: g.n }, (_, k) => rowAt(k)),
    column: (name, from = 0, to = g.n) => {
      const out = new Array<unknown>(to - from)
      for (let k = from; k < to; k++) out[k - from] = value(k, name)
      return out
    },
    cellFormatter: <A>(name: keyof EvidenceRow, format: (v: unknown) => A) => {
      if (name === "pipeline_version") {
        const s = format(PIPELINE_VERSION)
        return () => s
      }
      const c = coded(name)
      if (c === null) return (k: number) => format(value(k, name))
      const { codes, valueOf: valueAt } = c
      const formatted = new Array<A>(c.size)
      const done = new Uint8Array(c.size)
      return (k: number) => {
        const code = codes[k]!
        if (done[code] === 0) {
          formatted[code] = format(valueAt(code))
          done[code] = 1
        }
        return formatted[code]!
      }
    },
    distinctValues: function* (name) {
      if (name === "pipeline_version") {
        if (g.n > 0) yield PIPELINE_VERSION
        return
      }
      const c = coded(name)
      if (c === null) {
        for (let k = 0; k < g.n; k++) yield value(k, name)
        return
      }
      const seen = new Uint8Array(c.size)
      for (let k = 0; k < g.n; k++) {
        const code = c.codes[k]!
        if (seen[code] === 0) {
          seen[code] = 1
          yield c.valueOf(code)
        }
      }
    },
    byRowId: () => {
      if (groups === undefined) {
        const starts = new Uint32Array(strings.length + 1)
        for (let k = 0; k < g.n; k++) starts[row![k]! + 1]!++
        for (let c = 0; c < strings.length; c++) starts[c + 1]! += starts[c]!
        const next = starts.slice(0, strings.length)
        const positions = new Uint32Array(g.n)
        for (let k = 0; k < g.n; k++) positions[next[row![k]!]!++] = k
        groups = { starts, positions }
      }
      const { starts, positions } = groups
      return {
        get: (rowId: string) => {
          const c = stringIndex.get(rowId)
          return c === undefined || starts[c] === starts[c + 1]
            ? undefined
            : Array.from(positions.subarray(starts[c], starts[c + 1]))
        }
      }
    }
  }
}
