/**
 * The changes of one table from two of its CSV files in primary-key order (the previous release's and the one just
 * written), read a few megabytes at a time: runs of bytes both files share are skipped whole (a native comparison, no
 * string made), and only around a difference are records read as lines and walked in key order. Gives what the walk
 * over every line gives (diff.ts, walkLines) on files in strict key order: a shared run holds the same records on both
 * sides, which are neither added, removed nor changed. The order of the records inside a shared run is not checked.
 */
import * as fs from "node:fs"
import { compareStrings } from "../shared/compare.js"
import { csvLineCells } from "./csvFile.js"
import type { TableChanges } from "./diff.js"

const CHUNK = 1 << 22
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
/** Bytes compared at once while looking for the first difference. */
const BLOCK = 1 << 16

/** A CSV file read forward, record by record or by runs of bytes, from a window of its bytes. */
const reader = (path: string, chunk: number) => {
  const fd = fs.openSync(path, "r")
  const r = { buf: Buffer.allocUnsafe(Math.max(2, chunk)), at: 0, to: 0, eof: false }
  /** Read on, keeping the bytes from `at` (the buffer doubles when they fill more than half of it). */
  const more = (): boolean => {
    if (r.eof) return false
    const rest = r.to - r.at
    if (rest > r.buf.length / 2) {
      const bigger = Buffer.allocUnsafe(r.buf.length * 2)
      r.buf.copy(bigger, 0, r.at, r.to)
      r.buf = bigger
    } else r.buf.copy(r.buf, 0, r.at, r.to)
    r.at = 0
    r.to = rest
    const n = fs.readSync(fd, r.buf, r.to, r.buf.length - r.to, null)
    if (n === 0) r.eof = true
    r.to += n
    return n > 0
  }
  /** The end of the record starting at `at` (after its line break), or -1 when it does not end before `to`. */
  const recordEnd = (): number => {
    let quotes = 0
    let from = r.at
    for (;;) {
      const nl = r.buf.indexOf(LF, from)
      if (nl < 0 || nl >= r.to) return -1
      for (let q = r.buf.indexOf(QUOTE, from); q >= 0 && q < nl; q = r.buf.indexOf(QUOTE, q + 1)) quotes++
      if (quotes % 2 === 0) return nl + 1
      from = nl + 1
    }
  }
  /** The next record's text without its line break (null at the end of the file). */
  const record = (): string | null => {
    let end = recordEnd()
    while (end < 0 && more()) end = recordEnd()
    if (end < 0) {
      if (r.at >= r.to) return null
      const s = r.buf.toString("utf8", r.at, r.to)
      r.at = r.to
      return s
    }
    const s = r.buf.toString("utf8", r.at, end - 1 > r.at && r.buf[end - 2] === CR ? end - 2 : end - 1)
    r.at = end
    return s
  }
  return { r, more, record, close: () => fs.closeSync(fd) }
}

type Reader = ReturnType<typeof reader>

/** How many bytes from each reader's `at` are the same (within what both windows hold). */
const sharedLength = (a: Reader["r"], b: Reader["r"]): number => {
  const n = Math.min(a.to - a.at, b.to - b.at)
  let k = 0
  while (
    k + BLOCK <= n &&
    a.buf.subarray(a.at + k, a.at + k + BLOCK).equals(b.buf.subarray(b.at + k, b.at + k + BLOCK))
  )
    k += BLOCK
  const m = Math.min(BLOCK, n - k)
  // the first differing byte of the block: a binary search over its equal prefixes
  let [lo, hi] = [0, m]
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (a.buf.subarray(a.at + k, a.at + k + mid).equals(b.buf.subarray(b.at + k, b.at + k + mid))) lo = mid
    else hi = mid - 1
  }
  return k + lo
}

/**
 * The length of the whole records in the first `n` bytes from `at` (ending after a line break outside quotes), those
 * bytes being the same in both files.
 */
const wholeRecords = (r: Reader["r"], n: number): number => {
  let quotes = 0
  let done = 0
  let from = r.at
  const end = r.at + n
  // the next quote at or after `from` (end: none before the end)
  let quote = -1
  for (;;) {
    const nl = r.buf.indexOf(LF, from)
    if (nl < 0 || nl >= end) return done
    for (;;) {
      if (quote < from) {
        const q = r.buf.indexOf(QUOTE, from)
        quote = q < 0 || q >= end ? end : q
      }
      if (quote >= nl) break
      quotes++
      from = quote + 1
    }
    if (quotes % 2 === 0) done = nl + 1 - r.at
    from = nl + 1
  }
}

/**
 * Skip the records both readers have next, byte for byte the same (reading on as far as they go); whether there were
 * any.
 */
const skipShared = (a: Reader, b: Reader): boolean => {
  let skipped = false
  for (;;) {
    const n = sharedLength(a.r, b.r)
    const whole = wholeRecords(a.r, n)
    a.r.at += whole
    b.r.at += whole
    if (whole > 0) skipped = true
    // the shared bytes reach the end of a window: read on and compare again
    const full = n === Math.min(a.r.to - a.r.at + whole, b.r.to - b.r.at + whole)
    if (!full) return skipped
    if (a.r.eof && b.r.eof) {
      // the same last record without a line break on both sides
      if (a.r.to - a.r.at === b.r.to - b.r.at && n - whole === a.r.to - a.r.at && n > whole) {
        a.r.at = a.r.to
        b.r.at = b.r.to
        skipped = true
      }
      return skipped
    }
    const [ma, mb] = [a.more(), b.more()]
    if (!ma && !mb) return skipped
  }
}

/** The key of a record: the text before its first comma, as walkLines reads it (null when the record starts quoted). */
const keyOf = (line: string): string | null => (line.charCodeAt(0) === QUOTE ? null : line.slice(0, line.indexOf(",")))

/**
 * The changes between the CSV files `from` and `to` of one table (header `fields`, the primary key first; the headers
 * are checked by the caller), or null when a record read as a line is out of strict key order or has a quoted key.
 */
export const csvFileChanges = (
  from: string,
  to: string,
  fields: ReadonlyArray<string>,
  chunk = CHUNK
): TableChanges | null => {
  const a = reader(from, chunk)
  const b = reader(to, chunk)
  try {
    const added: Array<string> = []
    const removed: Array<string> = []
    const changed: Array<{ id: string; columns: Array<string> }> = []
    // the headers
    a.record()
    b.record()
    let x: string | null = null
    let y: string | null = null
    let [lastX, lastY] = [null as string | null, null as string | null]
    for (;;) {
      if (x === null && y === null) {
        // a record inside a shared run is not compared with the one read next
        if (skipShared(a, b)) [lastX, lastY] = [null, null]
      }
      x ??= a.record()
      y ??= b.record()
      if (x === null && y === null) return { added, removed, changed }
      const xid: string | null = x === null ? null : keyOf(x)
      const yid: string | null = y === null ? null : keyOf(y)
      if (x !== null && (xid === null || (lastX !== null && compareStrings(lastX, xid) >= 0))) return null
      if (y !== null && (yid === null || (lastY !== null && compareStrings(lastY, yid) >= 0))) return null
      const order = x === null ? 1 : y === null ? -1 : compareStrings(xid!, yid!)
      if (order < 0) removed.push(xid!)
      else if (order > 0) added.push(yid!)
      else if (x !== y) {
        const cx = csvLineCells(x!)
        const cy = csvLineCells(y!)
        const columns = fields.filter((_, i) => cx[i] !== cy[i])
        if (columns.length > 0) changed.push({ id: xid!, columns })
      }
      if (order <= 0) [lastX, x] = [xid, null]
      if (order >= 0) [lastY, y] = [yid, null]
    }
  } finally {
    a.close()
    b.close()
  }
}
