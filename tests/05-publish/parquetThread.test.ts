/**
 * Parquet made on a second thread is byte for byte the Parquet made in line, and reaches the sink
 * under the same paths; a table written batch by batch gives the bytes of the whole table in one batch.
 */

import { describe, expect, it } from "@effect/vitest"
import { Bool, Float64, Int32, Table, tableFromArrays, tableToIPC, Utf8, vectorFromArray } from "apache-arrow"
import { Effect } from "effect"
import { writeContentFiles, writeReleaseFiles } from "../../pipeline/05-publish/files.js"
import { arrowToParquet, parquetStream } from "../../pipeline/05-publish/parquet.js"
import { startParquetThread } from "../../pipeline/05-publish/parquetThread.js"
import { memorySink } from "../../pipeline/05-publish/sink.js"
import { fixedMeta, seedsTables } from "../lib/build.js"

describe("the Parquet thread", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live("gives a release the same files as Parquet made in line", () =>
    Effect.gen(function* () {
      const built = yield* seedsTables()
      const meta = fixedMeta(built)
      const release = (parquetThreadRows: number) => {
        const sink = memorySink()
        writeContentFiles(built.tables, built.texts, sink)
        writeReleaseFiles(built.tables, meta, sink, undefined, parquetThreadRows)
        return sink
      }
      const inline = release(Infinity)
      const threaded = release(0)
      const parquet = [...inline.bytes.keys()].filter((p) => p.endsWith(".parquet"))
      expect(parquet).toHaveLength(6)
      expect([...threaded.bytes.keys()].sort()).toEqual([...inline.bytes.keys()].sort())
      for (const [p, b] of inline.bytes)
        expect(Buffer.from(threaded.bytes.get(p)!).equals(Buffer.from(b)), p).toBe(true)
    })
  )

  it("hands back each table's Parquet file", () => {
    const thread = startParquetThread()
    thread.add("data/ok.parquet", tableFromArrays({ x: Int32Array.from([1, 2]) }).batches[0]!)
    thread.end("data/ok.parquet")
    const [[path, bytes]] = thread.finish()
    expect(path).toBe("data/ok.parquet")
    expect(Buffer.from(bytes!.subarray(0, 4)).toString("latin1")).toBe("PAR1")
  })

  // 5,000 rows cut into batches of 1,024 (and a short last one); strings that repeat (dictionary
  // pages), long and non-ASCII ones, nulls in every column
  const wide = new Table({
    id: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => `row-${String(i).padStart(5, "0")}`),
      new Utf8()
    ),
    kind: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : ["meeting", "visit", "call", "Алматы 🇰🇿"][i % 4]!)),
      new Utf8()
    ),
    text: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => (i % 11 === 0 ? null : "word ".repeat(i % 50))),
      new Utf8()
    ),
    n: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => (i % 13 === 0 ? null : i * 7)),
      new Int32()
    ),
    x: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => (i % 17 === 0 ? null : i / 3)),
      new Float64()
    ),
    b: vectorFromArray(
      Array.from({ length: 5000 }, (_, i) => (i % 19 === 0 ? null : i % 2 === 0)),
      new Bool()
    )
  })
  const batches = (t: Table, rows: number) =>
    Array.from({ length: Math.ceil(t.numRows / rows) }, (_, k) => t.slice(k * rows, (k + 1) * rows).batches[0]!)
  const whole = Buffer.from(arrowToParquet(wide))

  it("writes a table batch by batch to the bytes of the whole table", async () => {
    const stream = parquetStream()
    for (const b of batches(wide, 1024)) stream.add(tableToIPC(new Table(b.schema, [b]), "stream"))
    expect(Buffer.from(await stream.end()).equals(whole)).toBe(true)
    // and a table of many batches, written in one go
    expect(Buffer.from(arrowToParquet(new Table(wide.schema, batches(wide, 2048)))).equals(whole)).toBe(true)
  })

  it("takes a table's batches as they come and hands back the bytes of the whole table", () => {
    const thread = startParquetThread()
    for (const b of batches(wide, 1024)) thread.add("data/wide.parquet", b)
    thread.add("data/small.parquet", wide.slice(0, 10).batches[0]!)
    thread.end("data/small.parquet")
    thread.end("data/wide.parquet")
    const [[first, small], [second, sliced]] = thread.finish()
    expect([first, second]).toEqual(["data/small.parquet", "data/wide.parquet"])
    expect(Buffer.from(sliced!).equals(whole)).toBe(true)
    expect(Buffer.from(small!).equals(Buffer.from(arrowToParquet(wide.slice(0, 10))))).toBe(true)
  })

  it("cuts the batches it is given into slices of its size (build --memory), to the same bytes", () => {
    const thread = startParquetThread(1024)
    for (const b of batches(wide, 4096)) thread.add("data/wide.parquet", b)
    thread.end("data/wide.parquet")
    const [[, sliced]] = thread.finish()
    expect(Buffer.from(sliced!).equals(whole)).toBe(true)
    // a slice that would move the pages or row groups is refused
    expect(() => startParquetThread(1000)).toThrow(/multiple of 1,024/)
  })

  it("reports a table that fails on the thread", () => {
    const thread = startParquetThread()
    thread.end("data/none.parquet")
    expect(() => thread.finish()).toThrow(/Parquet of data\/none.parquet failed on its thread/)
  })
})
