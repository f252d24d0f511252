/**
 * Hostile releases: validate reports each kind of tampering with its code and never reads
 * outside the release directory.
 */

import { cpSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Context, Effect, Layer } from "effect"
import { validateRelease } from "../../pipeline/validate/checks.js"
import { checkDataPackage } from "../../pipeline/validate/datapackage.js"
import { buildSeeds } from "../lib/build.js"
import { tmpDir } from "../lib/tmp.js"

/** The seeds' release, built once; each test tampers with a copy. */
class PristineRelease extends Context.Tag("test/PristineRelease")<PristineRelease, string>() {}
const pristineRelease = Layer.effect(
  PristineRelease,
  Effect.gen(function* () {
    const out = tmpDir()
    yield* buildSeeds(out)
    return join(out, "1.0.0")
  })
).pipe(Layer.provide(NodeContext.layer))

/** The codes validate reports on a copy of the pristine release after `f` tampered with it. */
const tampered = (f: (dir: string) => void) =>
  Effect.map(PristineRelease, (pristine) => {
    const dir = join(tmpDir(), "release")
    cpSync(pristine, dir, { recursive: true })
    f(dir)
    return [...validateRelease(dir), ...checkDataPackage(dir)].map((p) => p.code)
  })
const editJson = (path: string, edit: (j: Record<string, unknown>) => void) => {
  const j = JSON.parse(readFileSync(path, "utf8"))
  edit(j)
  writeFileSync(path, JSON.stringify(j))
}

// without the test services: a build reads the live clock ("today", for future publication dates)
layer(pristineRelease, { excludeTestServices: true, timeout: "60 seconds" })("validate on tampered releases", (it) => {
  it.effect("a pristine release has no problems", () =>
    Effect.map(
      tampered(() => {}),
      (codes) => expect(codes).toEqual([])
    )
  )

  it.effect("a manifest path with ../ is reported and not read", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) =>
        editJson(
          join(d, "manifest.json"),
          (m) => ((m.files as Array<{ path: string }>)[0]!.path = "../../../etc/passwd")
        )
      )
      expect(codes).toContain("path-outside-release")
    })
  )

  it.effect("a symlink out of the release is reported and not read", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) => {
        rmSync(join(d, "data", "relations.csv"))
        symlinkSync("/etc/passwd", join(d, "data", "relations.csv"))
      })
      expect(codes).toContain("path-outside-release")
    })
  )

  it.effect("a changed byte is a hash mismatch", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) =>
        writeFileSync(
          join(d, "data", "entities.csv"),
          readFileSync(join(d, "data", "entities.csv"), "utf8").replace("Kazakhstan", "Kazakhstam")
        )
      )
      expect(codes).toContain("hash-mismatch")
    })
  )

  it.effect("a truncated Arrow file is reported", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) =>
        truncateSync(join(d, "data", "events.arrow"), Math.floor(statSync(join(d, "data", "events.arrow")).size / 2))
      )
      expect(codes).toEqual(expect.arrayContaining(["hash-mismatch", "arrow-unreadable"]))
    })
  )

  it.effect("a CSV with an extra column is reported", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) => {
        const p = join(d, "data", "relations.csv")
        writeFileSync(
          p,
          readFileSync(p, "utf8")
            .split("\r\n")
            .map((l) => (l ? `${l},x` : l))
            .join("\r\n")
        )
      })
      expect(codes).toEqual(expect.arrayContaining(["hash-mismatch", "csv-columns"]))
    })
  )

  it.effect("an evidence span past the end of its text is reported", () =>
    Effect.gen(function* () {
      const codes = yield* tampered((d) => {
        const p = join(d, "data", "evidence.csv")
        const lines = readFileSync(p, "utf8").split("\r\n")
        const cols = lines[0]!.split(",")
        const [s, e] = [cols.indexOf("char_start"), cols.indexOf("char_end")]
        const row = lines[1]!.split(",")
        row[s] = "999990"
        row[e] = "999999"
        lines[1] = row.join(",")
        writeFileSync(p, lines.join("\r\n"))
      })
      expect(codes).toContain("span-out-of-range")
    })
  )
})
