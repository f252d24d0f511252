/**
 * The bad-input matrix: one build over a folder holding a good article and 30+ defective
 * sources, each a fixture named for its defect. Each bad source is reported with its exact
 * code; every other source, and the good article in full, is still published.
 */
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { parse } from "csv-parse/sync"
import pl from "nodejs-polars"
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { build } from "../../pipeline/Build.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const FIX = join(repoRoot, "tests", "fixtures")
const GOOD = readFileSync(join(repoRoot, "seeds", "001_fccaafa6b50e0d75.txt"))
const ROOT = process.getuid?.() === 0

/** file → expected code (null: accepted). */
const EXPECTED: Record<string, string | null> = {
  "good.txt": null,
  "empty.txt": "empty-file",
  "whitespace-only.txt": "whitespace-only",
  "binary.txt": "binary-file",
  "invalid-utf8.txt": "invalid-utf8",
  "utf16-bom.txt": "unsupported-encoding",
  "utf8-bom.txt": null,
  "crlf.txt": null,
  "lone-cr.txt": null,
  "nfc.txt": null,
  "nfd.txt": "duplicate-source",
  "mixed-scripts.txt": null,
  "zero-width.txt": null,
  "bidi-override.txt": "bidi-control",
  "html-page.txt": "html-document",
  "not-english.txt": "not-english",
  "csv-hostile.txt": null,
  "one-megabyte-line.txt": null,
  "too-large.txt": "file-too-large",
  "same-bytes-other-name.txt": "duplicate-source",
  "same-article-other-boilerplate.txt": "near-duplicate-source",
  "sidecar-not-json.txt": "invalid-sidecar",
  "sidecar-unknown-field.txt": "invalid-sidecar",
  "sidecar-impossible-date.txt": "invalid-sidecar",
  "sidecar-future-date.txt": "invalid-sidecar",
  "sidecar-bad-url.txt": "invalid-sidecar",
  "missing-from-disk.txt": "missing-file",
  "../outside.txt": "path-not-allowed",
  "/etc/hostname": "path-not-allowed",
  "symlink-out.txt": "path-not-allowed",
  "dangling-symlink.txt": "missing-file",
  "a directory.txt": "path-not-allowed",
  "name with spaces & $(echo shell) ünïcödé.txt": null,
  "mode-000.txt": ROOT ? null : "unreadable-file"
}

let out: string
let src: string
beforeAll(async () => {
  src = tmpDir()
  writeFileSync(join(src, "good.txt"), GOOD)
  for (const f of readdirSync(join(FIX, "bad-inputs"))) if (f.endsWith(".txt") && f !== "bom-crlf.txt") cpSync(join(FIX, "bad-inputs", f), join(src, f))
  for (const f of readdirSync(join(FIX, "bad-sidecars"))) cpSync(join(FIX, "bad-sidecars", f), join(src, f))
  const sentence = "Kazakh President Kassym-Jomart Tokayev met U.S. Secretary of State Marco Rubio in Astana to discuss critical minerals and trade. "
  writeFileSync(join(src, "one-megabyte-line.txt"), sentence.repeat(Math.ceil(1_048_576 / sentence.length)) + "\n")
  writeFileSync(join(src, "too-large.txt"), sentence.repeat(Math.ceil((5 * 1_048_576) / sentence.length)))
  writeFileSync(join(src, "same-bytes-other-name.txt"), GOOD)
  writeFileSync(join(src, "same-article-other-boilerplate.txt"), `A headline that differs from any other\n\n${GOOD.toString("utf8")}\nTags\n`)
  writeFileSync(join(src, "..", "outside.txt"), "Tokayev met Rubio in Astana.\n")
  symlinkSync("/etc/hostname", join(src, "symlink-out.txt"))
  symlinkSync(join(src, "no-such-target"), join(src, "dangling-symlink.txt"))
  mkdirSync(join(src, "a directory.txt"))
  writeFileSync(join(src, "name with spaces & $(echo shell) ünïcödé.txt"), "Turkmen President Serdar Berdimuhamedow met Chinese President Xi Jinping in Beijing.\n")
  writeFileSync(join(src, "mode-000.txt"), "Tajik President Emomali Rahmon visited Moscow.\n")
  chmodSync(join(src, "mode-000.txt"), 0o000)
  const row = (file: string) =>
    `    { "file": ${JSON.stringify(file)}, "publisher": null, "url": null, "published": "2025-11-06", "published_precision": "day", "published_basis": "metadata", "published_note": "test", "language": "en", "licence": "test" }`
  writeFileSync(join(src, "sources.json"), `{\n  "sources": [\n${["good.txt", "missing-from-disk.txt", "../outside.txt", "/etc/hostname"].map(row).join(",\n")}\n  ]\n}\n`)
  out = tmpDir()
  await Effect.runPromise(build({ sources: src, out, version: Option.none(), strict: false }).pipe(Effect.provide(NodeContext.layer)))
}, 120_000)

describe("bad-input matrix", () => {
  it(`has at least 30 defective inputs`, () => expect(Object.values(EXPECTED).filter((c) => c !== null).length + 10).toBeGreaterThanOrEqual(30))

  it("reports each bad source with its exact code and publishes every other source", () => {
    const m = JSON.parse(readFileSync(join(out, "1.0.0", "manifest.json"), "utf8"))
    const rejected = Object.fromEntries((m.rejected as Array<{ file: string; code: string }>).map((r) => [r.file, r.code]))
    const published = new Set((m.sources as Array<{ file_name: string }>).map((s) => s.file_name))
    for (const [file, code] of Object.entries(EXPECTED)) {
      if (code === null) expect([file, published.has(file)]).toEqual([file, true])
      else expect([file, rejected[file]]).toEqual([file, code])
    }
    expect(Object.keys(rejected).length + published.size).toBe(Object.keys(EXPECTED).length)
  })

  it("publishes the good article in full: its exact text and its facts", () => {
    const rel = join(out, "1.0.0")
    const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>
    const good = sources.find((s) => s.file_name === "good.txt")!
    expect(readFileSync(join(rel, good.text_path!), "utf8")).toBe(GOOD.toString("utf8"))
    const evidence = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>
    expect(evidence.filter((e) => e.source_id === good.source_id && e.row_table === "events").length).toBeGreaterThan(3)
  })

  it("normalises BOM, CRLF and lone CR, and NFD to NFC, in the published text", () => {
    const rel = join(out, "1.0.0")
    const sources = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>
    const text = (f: string) => readFileSync(join(rel, sources.find((s) => s.file_name === f)!.text_path!), "utf8")
    expect(text("utf8-bom.txt").charCodeAt(0)).not.toBe(0xfeff)
    expect(text("crlf.txt")).not.toContain("\r")
    expect(text("lone-cr.txt")).toBe("Turkmen President Serdar Berdimuhamedow visited Moscow.\nHe met Russian President Vladimir Putin.\n")
    expect(text("nfc.txt")).toBe(text("nfc.txt").normalize("NFC"))
  })

  it("CSV-hostile text round-trips unchanged through CSV and Arrow", () => {
    const rel = join(out, "1.0.0")
    const hostile = "=cmd|' /C calc'!A0, \"quoted\", +1, -5, @SUM(A1)"
    const csv = parse(readFileSync(join(rel, "data/sources.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>
    const viaCsv = csv.find((s) => s.file_name === "csv-hostile.txt")!
    expect(viaCsv.title).toBe(hostile)
    const df = pl.readIPC(readFileSync(join(rel, "data/sources.arrow")))
    const viaArrow = df.toRecords().find((r) => r["file_name"] === "csv-hostile.txt")!
    expect(viaArrow["title"]).toBe(hostile)
    const ev = parse(readFileSync(join(rel, "data/evidence.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>
    const quotes = ev.filter((e) => e.source_id === viaCsv.source_id).map((e) => e.quote)
    expect(quotes.some((q) => q!.includes('"yes, ""no"", maybe"'))).toBe(true)
  })
})
