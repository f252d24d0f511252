/**
 * End-to-end: build the seeds twice into temporary folders; the releases are byte-identical,
 * validate cleanly, every evidence span re-slices to its quote (JS code points and the
 * published text), and an independent reader (polars) sees the same rows as the CSV.
 */

import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { Effect, Option } from "effect"
import pl from "nodejs-polars"
import { beforeAll, describe, expect, it } from "vitest"
import { build } from "../../pipeline/Build.js"
import { validateRelease } from "../../pipeline/validate/checks.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const buildInto = (out: string) =>
  Effect.runPromise(
    build({
      sources: join(repoRoot, "seeds"),
      out,
      version: Option.none(),
      strict: true
    }).pipe(Effect.provide(NodeContext.layer))
  )

const walk = (d: string, base = d): Array<string> =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name), base) : [join(d, e.name).slice(base.length + 1)]
  )

let a: string
let b: string
beforeAll(async () => {
  a = tmpDir()
  b = tmpDir()
  await buildInto(a)
  await buildInto(b)
})

describe("release of the seeds", () => {
  it("two builds are byte-identical", () => {
    const fa = walk(a).sort()
    expect(fa).toEqual(walk(b).sort())
    for (const f of fa) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true)
  })

  it("validates: hashes, CSV = Arrow, keys, foreign keys, provenance, spans", () => {
    expect(validateRelease(join(a, "1.0.0"))).toEqual([])
  })

  it("every evidence span re-slices to its quote", () => {
    const rel = join(a, "1.0.0")
    const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
      columns: true
    }) as Array<Record<string, string>>
    const evidence = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<
      Record<string, string>
    >
    const texts = new Map(sources.map((s) => [s.source_id!, [...readFileSync(join(rel, s.text_path!), "utf8")]]))
    expect(evidence.length).toBeGreaterThan(0)
    for (const e of evidence)
      expect(texts.get(e.source_id!)!.slice(Number(e.char_start), Number(e.char_end)).join("")).toBe(e.quote)
  })

  it("polars reads every Parquet file with the CSV's rows and the Arrow file's types", () => {
    const rel = join(a, "1.0.0")
    for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"]) {
      const pq = pl.readParquet(readFileSync(join(rel, `data/${t}.parquet`)))
      const ipc = pl.readIPC(readFileSync(join(rel, `data/${t}.arrow`)))
      expect(pq.height, t).toBe(ipc.height)
      expect(pq.columns, t).toEqual(ipc.columns)
      expect(Object.values(pq.schema).map(String), t).toEqual(Object.values(ipc.schema).map(String))
      expect(JSON.stringify(pq.toRecords()), t).toBe(JSON.stringify(ipc.toRecords()))
    }
  })

  it("polars reads every Arrow file with the CSV's rows and real types", () => {
    const rel = join(a, "1.0.0")
    for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"]) {
      const df = pl.readIPC(readFileSync(join(rel, `data/${t}.arrow`)))
      const csv = parse(readFileSync(join(rel, `data/${t}.csv`), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      expect(df.height, t).toBe(csv.length)
      expect(df.columns, t).toEqual(Object.keys(csv[0] ?? Object.fromEntries(df.columns.map((c) => [c, ""]))))
      if (csv.length > 0) expect(String(df.getColumn(df.columns[0]!).get(0))).toBe(csv[0]![df.columns[0]!])
    }
    const ev = pl.readIPC(readFileSync(join(rel, "data/evidence.arrow")))
    expect(String(ev.getColumn("char_start").dtype)).toBe("DataType(Int32)")
    expect(String(ev.getColumn("row_table").dtype)).toBe("DataType(Categorical)")
    const src = pl.readIPC(readFileSync(join(rel, "data/sources.arrow")))
    expect(String(src.getColumn("published_date").dtype)).toBe("DataType(Date)")
  })
})
