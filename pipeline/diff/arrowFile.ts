/**
 * An Arrow IPC file read one record batch at a time: its footer says where each batch lies, and each batch is read
 * from disk and decoded alone (with the schema and the dictionaries), so a walk down a large table never holds more
 * than one batch of it.
 */
import * as fs from "node:fs"
import { type Data, DataType, type RecordBatch, Table, tableFromIPC, tableToIPC } from "apache-arrow"
import { Footer } from "apache-arrow/ipc/metadata/file"

/** The end-of-stream marker of the Arrow IPC stream format. */
const EOS = Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])

/** Read `length` bytes at `at` of the file into `into` from `offset`. */
const readInto = (fd: number, into: Buffer, offset: number, at: number, length: number): void => {
  let done = 0
  while (done < length) {
    const n = fs.readSync(fd, into, offset + done, length - done, at + done)
    if (n === 0) throw new Error(`unexpected end of an Arrow file at byte ${at + done}`)
    done += n
  }
}

const readAt = (fd: number, at: number, length: number): Buffer => {
  const b = Buffer.allocUnsafe(length)
  readInto(fd, b, 0, at, length)
  return b
}

/**
 * The record batches of the Arrow IPC file at `path`, in file order, each read when asked for. A batch holds views of
 * one buffer that the next batch is read into: it is valid until the next one is asked for (reusing the buffer spares
 * V8 a collection of the whole heap per batch, which fresh large buffers cause).
 */
export function* arrowFileBatches(path: string): Generator<RecordBatch> {
  const fd = fs.openSync(path, "r")
  try {
    const size = fs.fstatSync(fd).size
    // the file ends with the footer's length and the magic "ARROW1"
    const footerLength = readAt(fd, size - 10, 4).readInt32LE(0)
    const footer = Footer.decode(readAt(fd, size - 10 - footerLength, footerLength))
    // the footer's schema as a stream's first message (a stream of no rows, without its end marker)
    const empty = tableToIPC(new Table(footer.schema), "stream")
    const schema = Buffer.from(empty.buffer, empty.byteOffset, empty.byteLength - EOS.length)
    const length = (b: { metaDataLength: number; bodyLength: number | bigint }) =>
      b.metaDataLength + Number(b.bodyLength)
    // each batch as a stream of its own: schema, dictionaries, the batch, end of stream
    const head = Buffer.concat([
      schema,
      ...[...footer.dictionaryBatches()].map((b) => readAt(fd, Number(b.offset), length(b)))
    ])
    let buf = Buffer.alloc(0)
    for (const b of [...footer.recordBatches()]) {
      const n = head.length + length(b) + EOS.length
      if (buf.length < n) {
        buf = Buffer.allocUnsafe(Math.max(n, Math.ceil(buf.length * 1.5)))
        head.copy(buf, 0)
      }
      readInto(fd, buf, head.length, Number(b.offset), length(b))
      EOS.copy(buf, head.length + length(b))
      yield* tableFromIPC(buf.subarray(0, n)).batches
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** A fingerprint of a string's UTF-8 bytes [from, to): its length and its last four bytes. */
const fingerprint = (bytes: Uint8Array, from: number, to: number): number => {
  let h = to - from
  for (let k = Math.max(from, to - 4); k < to; k++) h = (Math.imul(h, 257) + bytes[k]!) | 0
  return h
}

/**
 * A test of row i of one batch's string column (Utf8, or a dictionary of Utf8): does it hold one of `values`? It reads
 * the column's bytes and decodes a value only when its fingerprint is one of theirs (the walks of the diff look for a
 * few ids among millions of rows).
 */
export const holdsOneOf = (data: Data, values: ReadonlySet<string>): ((i: number) => boolean) => {
  const valid = data.nullCount > 0 ? (i: number) => data.getValid(i) : () => true
  if (DataType.isDictionary(data.type)) {
    const dictionary = data.dictionary!
    const hit = new Uint8Array(dictionary.length)
    for (let c = 0; c < dictionary.length; c++) hit[c] = values.has(dictionary.get(c) as string) ? 1 : 0
    const codes = data.values as Int32Array
    return (i) => hit[codes[i]!] === 1 && valid(i)
  }
  const offsets = data.valueOffsets as Int32Array
  const bytes = data.values as Uint8Array
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const prints = new Set<number>()
  for (const v of values) {
    const b = Buffer.from(v, "utf8")
    prints.add(fingerprint(b, 0, b.length))
  }
  return (i) => {
    const [from, to] = [offsets[i]!, offsets[i + 1]!]
    return prints.has(fingerprint(bytes, from, to)) && valid(i) && values.has(text.toString("utf8", from, to))
  }
}
