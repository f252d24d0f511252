/**
 * A published CSV file read record by record from disk (a few megabytes at a time, never the
 * whole file), each record as the text of its line without the line break; and the cells of one
 * such line. The CSV is ours (05-publish/csv.ts: RFC 4180, CRLF): a record ends at a line break
 * outside quotes.
 */
import * as fs from "node:fs"

const CHUNK = 1 << 22
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * The records of a CSV file in file order, header first, each without its line break (read `chunk` bytes at a time).
 */
export function* csvFileLines(path: string, chunk = CHUNK): Generator<string> {
  const fd = fs.openSync(path, "r")
  try {
    let buf = Buffer.allocUnsafe(Math.max(2, chunk))
    // bytes [from, to) of buf are read and not yet given out; the search for the record's end goes on at `scan`
    let from = 0
    let to = 0
    let scan = 0
    let quotes = 0
    // the first quote at or after `scan` (to: none before `to`; -1: not looked for)
    let nextQuote = -1
    const countQuotes = (end: number) => {
      for (;;) {
        if (nextQuote < scan) {
          const q = buf.indexOf(QUOTE, scan)
          nextQuote = q < 0 || q >= to ? to : q
        }
        if (nextQuote >= end) break
        quotes++
        scan = nextQuote + 1
      }
      scan = end
    }
    let eof = false
    for (;;) {
      const nl = buf.indexOf(LF, scan)
      if (nl >= 0 && nl < to) {
        // the record ends here when the quotes before it are balanced
        countQuotes(nl)
        scan = nl + 1
        if (quotes % 2 === 1) continue
        yield buf.toString("utf8", from, nl > from && buf[nl - 1] === CR ? nl - 1 : nl)
        from = scan
        quotes = 0
        continue
      }
      countQuotes(to)
      if (eof) {
        if (to > from) yield buf.toString("utf8", from, to)
        return
      }
      // keep the unfinished record at the front (a record longer than half the buffer grows it) and read on
      const rest = to - from
      if (rest > buf.length / 2) {
        const bigger = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(bigger, 0, from, to)
        buf = bigger
      } else buf.copy(buf, 0, from, to)
      scan -= from
      from = 0
      to = rest
      nextQuote = -1
      const n = fs.readSync(fd, buf, to, buf.length - to, null)
      if (n === 0) eof = true
      to += n
    }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The header and the lines (without the header) of a CSV file, and its path, as a RowLookup gives them to the diff;
 * nothing for an empty file.
 */
export const csvFileTable = (
  path: string
): { readonly header?: string; readonly lines?: () => Iterable<string>; readonly file?: string } => {
  const it = csvFileLines(path)
  const first = it.next()
  it.return(undefined)
  if (first.done) return {}
  const lines = function* () {
    const all = csvFileLines(path)
    all.next()
    yield* all
  }
  return { header: first.value, lines, file: path }
}

/** The cells of one CSV record (quotes removed, doubled quotes undone). */
export const csvLineCells = (line: string): Array<string> => {
  const out: Array<string> = []
  let i = 0
  for (;;) {
    if (line.charCodeAt(i) === QUOTE) {
      let cell = ""
      let j = i + 1
      for (;;) {
        const q = line.indexOf('"', j)
        if (q < 0) {
          // an unclosed quote: the rest of the line
          cell += line.slice(j)
          i = line.length
          break
        }
        cell += line.slice(j, q)
        if (line.charCodeAt(q + 1) === QUOTE) {
          cell += '"'
          j = q + 2
        } else {
          i = q + 1
          break
        }
      }
      out.push(cell)
      const c = line.indexOf(",", i)
      if (c < 0) return out
      i = c + 1
    } else {
      const c = line.indexOf(",", i)
      if (c < 0) {
        out.push(line.slice(i))
        return out
      }
      out.push(line.slice(i, c))
      i = c + 1
    }
  }
}
