/**
 * The bad-input matrix: one build over a folder holding a good article and 30+ defective
 * sources, each a fixture named for its defect. Each bad source is reported with its exact
 * code; every other source, and the good article in full, is still published.
 */

import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { parse } from "csv-parse/sync"
import { Effect, Option } from "effect"
import pl from "nodejs-polars"
import { beforeAll, describe, expect, it } from "vitest"
import { build } from "../../pipeline/Build.js"
import { expectedCodes, makeMatrix, matrixMismatches } from "../../pipeline/reliability/matrix.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const FIX = join(repoRoot, "tests", "fixtures")
const GOOD = readFileSync(join(repoRoot, "seeds", "001_fccaafa6b50e0d75.txt"))
const EXPECTED = expectedCodes(process.getuid?.() === 0)

let out: string
beforeAll(async () => {
  const src = tmpDir()
  makeMatrix(src, FIX, GOOD)
  out = tmpDir()
  await Effect.runPromise(
    build({ sources: src, out, version: Option.none(), strict: false }).pipe(Effect.provide(NodeContext.layer))
  )
}, 120_000)

describe("bad-input matrix", () => {
  it(`has at least 30 defective inputs`, () =>
    expect(Object.values(EXPECTED).filter((c) => c !== null).length + 10).toBeGreaterThanOrEqual(30))

  it("reports each bad source with its exact code and publishes every other source", () => {
    expect(matrixMismatches(join(out, "1.0.0", "manifest.json"), EXPECTED)).toEqual([])
    const m = JSON.parse(readFileSync(join(out, "1.0.0", "manifest.json"), "utf8"))
    expect(m.rejected.length + m.sources.length).toBe(Object.keys(EXPECTED).length)
  })

  it("publishes the good article in full: its exact text and its facts", () => {
    const rel = join(out, "1.0.0")
    const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), {
      columns: true
    }) as Array<Record<string, string>>
    const good = sources.find((s) => s.file_name === "good.txt")!
    expect(readFileSync(join(rel, good.text_path!), "utf8")).toBe(GOOD.toString("utf8"))
    const evidence = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<
      Record<string, string>
    >
    expect(evidence.filter((e) => e.source_id === good.source_id && e.row_table === "events").length).toBeGreaterThan(3)
  })

  it("normalises BOM, CRLF and lone CR, and NFD to NFC, in the published text", () => {
    const rel = join(out, "1.0.0")
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

  it("CSV-hostile text round-trips unchanged through CSV and Arrow", () => {
    const rel = join(out, "1.0.0")
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
})
