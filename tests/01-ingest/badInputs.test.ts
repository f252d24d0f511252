/**
 * The bad-input matrix: one build over a folder holding a good article and 30+ defective
 * sources, each a fixture named for its defect. Each bad source is reported with its exact
 * code; every other source, and the good article in full, is still published.
 */

import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import { Context, Effect, Layer, Option } from "effect"
import pl from "nodejs-polars"
import { build } from "../../pipeline/Build.js"
import { expectedCodes, makeMatrix, matrixMismatches } from "../../pipeline/reliability/matrix.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const FIX = join(repoRoot, "tests", "fixtures")
const GOOD = readFileSync(join(repoRoot, "seeds", "001_fccaafa6b50e0d75.txt"))
const EXPECTED = expectedCodes(process.getuid?.() === 0)

/** The release of the matrix folder (the good article and every defective source), built once. */
class MatrixRelease extends Context.Tag("test/MatrixRelease")<MatrixRelease, string>() {}
const matrixRelease = Layer.effect(
  MatrixRelease,
  Effect.gen(function* () {
    const src = makeMatrix(tmpDir(), FIX, GOOD)
    const out = tmpDir()
    yield* build({ sources: src, out, version: Option.none(), strict: false })
    return join(out, "1.0.0")
  })
).pipe(Layer.provide(NodeContext.layer))

// without the test services: a build reads the live clock ("today", for future publication dates)
layer(matrixRelease, { excludeTestServices: true, timeout: "120 seconds" })("bad-input matrix", (it) => {
  it(`has at least 30 defective inputs`, () =>
    expect(Object.values(EXPECTED).filter((c) => c !== null).length + 10).toBeGreaterThanOrEqual(30))

  it.effect("reports each bad source with its exact code and publishes every other source", () =>
    Effect.gen(function* () {
      const rel = yield* MatrixRelease
      expect(matrixMismatches(join(rel, "manifest.json"), EXPECTED)).toEqual([])
      const m = JSON.parse(readFileSync(join(rel, "manifest.json"), "utf8"))
      expect(m.rejected.length + m.sources.length).toBe(Object.keys(EXPECTED).length)
    })
  )

  it.effect("publishes the good article in full: its exact text and its facts", () =>
    Effect.gen(function* () {
      const rel = yield* MatrixRelease
      const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      const good = sources.find((s) => s.file_name === "good.txt")!
      expect(readFileSync(join(rel, good.text_path!), "utf8")).toBe(GOOD.toString("utf8"))
      const evidence = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<
        Record<string, string>
      >
      expect(evidence.filter((e) => e.source_id === good.source_id && e.row_table === "events").length).toBeGreaterThan(
        3
      )
    })
  )

  it.effect("normalises BOM, CRLF and lone CR, and NFD to NFC, in the published text", () =>
    Effect.gen(function* () {
      const rel = yield* MatrixRelease
      const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      const text = (f: string) => readFileSync(join(rel, sources.find((s) => s.file_name === f)!.text_path!), "utf8")
      expect(text("utf8-bom.txt").charCodeAt(0)).not.toBe(0xfeff)
      expect(text("crlf.txt")).not.toContain("\r")
      expect(text("lone-cr.txt")).toBe(
        "Turkmen President Serdar Berdimuhamedow visited Moscow.\nHe met Russian President Vladimir Putin.\n"
      )
      expect(text("nfc.txt")).toBe(text("nfc.txt").normalize("NFC"))
    })
  )

  it.effect("CSV-hostile text round-trips unchanged through CSV and Arrow", () =>
    Effect.gen(function* () {
      const rel = yield* MatrixRelease
      const hostile = "=cmd|' /C calc'!A0, \"quoted\", +1, -5, @SUM(A1)"
      const csv = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      const viaCsv = csv.find((s) => s.file_name === "csv-hostile.txt")!
      expect(viaCsv.title).toBe(hostile)
      const df = pl.readIPC(readFileSync(join(rel, "data/sources.arrow")))
      const viaArrow = df.toRecords().find((r) => r["file_name"] === "csv-hostile.txt")!
      expect(viaArrow["title"]).toBe(hostile)
      const ev = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), {
        columns: true
      }) as Array<Record<string, string>>
      const quotes = ev.filter((e) => e.source_id === viaCsv.source_id).map((e) => e.quote)
      expect(quotes.some((q) => q!.includes('"yes, ""no"", maybe"'))).toBe(true)
    })
  )
})
