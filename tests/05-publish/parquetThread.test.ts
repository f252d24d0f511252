/** Parquet made on a second thread is byte for byte the Parquet made in line, and reaches the sink under the same paths. */
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { buildTables } from "../../pipeline/Build.js"
import { writeContentFiles, writeReleaseFiles } from "../../pipeline/05-publish/files.js"
import { memorySink } from "../../pipeline/05-publish/sink.js"
import { startParquetThread } from "../../pipeline/05-publish/parquetThread.js"
import { tableFromArrays } from "apache-arrow"
import { repoRoot } from "../lib/tmp.js"

describe("the Parquet thread", () => {
  it("gives a release the same files as Parquet made in line", async () => {
    const built = await Effect.runPromise(buildTables(join(repoRoot, "seeds")).pipe(Effect.provide(NodeContext.layer)))
    const meta = { version: "9.9.9", previousVersion: null, created: "2026-01-01", lexiconHash: built.lexiconHash, rejected: [], texts: built.texts }
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
    for (const [p, b] of inline.bytes) expect(Buffer.from(threaded.bytes.get(p)!).equals(Buffer.from(b)), p).toBe(true)
  })

  it("hands back each table's Parquet file", () => {
    const thread = startParquetThread()
    thread.submit("data/ok.parquet", tableFromArrays({ x: Int32Array.from([1, 2]) }))
    const [[path, bytes]] = thread.finish()
    expect(path).toBe("data/ok.parquet")
    expect(Buffer.from(bytes!.subarray(0, 4)).toString("latin1")).toBe("PAR1")
  })
})
