/**
 * The base release is checked before a build carries ids over from it or diffs against it:
 * a tampered file, SHA256SUMS, latest.json or an older release's manifest is named and the build
 * refused with base-release-invalid; `--base none` publishes without a diff, says so in the
 * changelog, and rebuilds to the same bytes.
 */

import { createHash } from "node:crypto"
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import { build, verify } from "../../pipeline/Build.js"
import { baseProblems, readPointer } from "../../pipeline/release/base.js"
import { buildThrough, type Fixture, makeFixture } from "../../pipeline/reliability/faults.js"
import { tree } from "../../pipeline/reliability/harness.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const copyOfDist = () => {
  const out = tmpDir()
  cpSync(join(repoRoot, "dist"), out, { recursive: true })
  return out
}
const problemsOf = (out: string) => {
  const p = readPointer(out)
  return p._tag === "found" ? baseProblems(out, p.latest) : p._tag === "invalid" ? [p.problem] : []
}
const editCell = (file: string) => {
  const text = readFileSync(file, "utf8")
  const at = text.indexOf("\n") + 10
  writeFileSync(file, text.slice(0, at) + (text[at] === "x" ? "y" : "x") + text.slice(at + 1))
}

describe("base release check", () => {
  it("passes the committed releases", () => {
    expect(problemsOf(copyOfDist())).toEqual([])
  })

  it("names an edited cell, an edited SHA256SUMS, an older release's manifest, and a latest.json that is not a pointer", () => {
    const latest = readPointer(join(repoRoot, "dist"))
    if (latest._tag !== "found") throw new Error("no committed release")
    const v = latest.latest.version
    const cell = copyOfDist()
    editCell(join(cell, v, "data", "entities.csv"))
    expect(problemsOf(cell)).toEqual([`${v}/data/entities.csv: SHA-256 differs from SHA256SUMS`])

    const sums = copyOfDist()
    editCell(join(sums, v, "data", "entities.csv"))
    const lines = readFileSync(join(sums, v, "SHA256SUMS"), "utf8").replace(
      /^[0-9a-f]{64}(?= {2}data\/entities\.csv$)/m,
      createHash("sha256")
        .update(readFileSync(join(sums, v, "data", "entities.csv")))
        .digest("hex")
    )
    writeFileSync(join(sums, v, "SHA256SUMS"), lines)
    expect(problemsOf(sums)).toEqual([
      `${v}/SHA256SUMS: its SHA-256 is not the one latest.json records`,
      `${v}/manifest.json: data/entities.csv: SHA-256 differs from SHA256SUMS`
    ])

    const older = copyOfDist()
    appendFileSync(join(older, "1.0.0", "manifest.json"), " ")
    expect(problemsOf(older)).toEqual(["1.0.0/manifest.json: SHA-256 differs from SHA256SUMS"])

    const pointer = copyOfDist()
    writeFileSync(join(pointer, "latest.json"), "{")
    expect(problemsOf(pointer)).toEqual(["latest.json: not valid JSON"])
  })

  it("hashes the files a build reads; a file no build reads must be there at the size manifest.json records", () => {
    const latest = readPointer(join(repoRoot, "dist"))
    if (latest._tag !== "found") throw new Error("no committed release")
    const v = latest.latest.version
    const cut = copyOfDist()
    const card = join(cut, v, "README.md")
    const bytes = readFileSync(card)
    writeFileSync(card, bytes.subarray(0, bytes.length - 1))
    expect(problemsOf(cut)).toEqual([
      `${v}/README.md: ${bytes.length - 1} bytes, but manifest.json records ${bytes.length}`
    ])
    const gone = copyOfDist()
    rmSync(join(gone, v, "README.md"))
    const missing = problemsOf(gone)
    expect([missing.length, missing[0]?.startsWith(`${v}/README.md: `)]).toEqual([1, true])
    // an edit that keeps the size is not seen there: no build reads the file (validate and sha256sum -c see it)
    const same = copyOfDist()
    editCell(join(same, v, "README.md"))
    expect(problemsOf(same)).toEqual([])
  })
})

describe("build over a tampered base", () => {
  let fx: Fixture
  beforeAll(async () => {
    fx = await makeFixture()
  }, 120_000)

  it("is refused with base-release-invalid naming the file; nothing is written", async () => {
    const out = tmpDir()
    cpSync(fx.before, out, { recursive: true })
    editCell(join(out, "1.0.0", "data", "entities.csv"))
    const was = tree(out)
    const r = await buildThrough(fx.sources, out)
    expect(r.code).toBe("base-release-invalid")
    expect(r.message).toContain("1.0.0/data/entities.csv: SHA-256 differs from SHA256SUMS")
    expect(r.message).toContain("--base none")
    expect(tree(out)).toEqual(was)
  }, 60_000)

  // live: a build reads the clock ("today", for future publication dates)
  it.live(
    "--base none publishes the next minor version without a diff, says so, and rebuilds to the same bytes",
    () =>
      Effect.gen(function* () {
        const out = tmpDir()
        cpSync(fx.before, out, { recursive: true })
        editCell(join(out, "1.0.0", "data", "entities.csv"))
        const r = yield* build({
          sources: fx.sources,
          out,
          version: Option.none(),
          strict: false,
          base: "none"
        })
        expect([r.version, r.status]).toEqual(["1.1.0", "published"])
        const changelog = readFileSync(join(out, "1.1.0", "CHANGELOG.md"), "utf8")
        expect(changelog).toContain("Not compared with 1.0.0: built with `--base none`")
        const manifest = JSON.parse(readFileSync(join(out, "1.1.0", "manifest.json"), "utf8")) as {
          previous_version: string | null
        }
        expect(manifest.previous_version).toBe(null)
        expect(yield* verify(fx.sources, out, join(out, "1.1.0"))).toBeGreaterThan(20)
      }).pipe(Effect.provide(NodeContext.layer)),
    120_000
  )
})
