/**
 * The release policy read through one manifest reader: a manifest that does not decode is named
 * by its field, not read through a cast; the version a build publishes follows the change, and a
 * requested version is refused unless it fits (or starts a series after --base none).
 */

import { cpSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Either, Exit, Option } from "effect"
import { decodeManifest, readManifest } from "../../pipeline/release/manifest.js"
import { changeOf, releaseVersion } from "../../pipeline/release/version.js"
import { SCHEMA_VERSION } from "../../schemas/version.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const newest = () => {
  const latest = JSON.parse(readFileSync(join(repoRoot, "dist", "latest.json"), "utf8")) as { path: string }
  return join(repoRoot, "dist", latest.path)
}
const copyWith = (edit: (manifest: Record<string, unknown>) => unknown) => {
  const dir = tmpDir()
  cpSync(join(newest(), "manifest.json"), join(dir, "manifest.json"))
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(edit(manifest)))
  return dir
}

describe("the manifest reader", () => {
  it("decodes the newest committed release", () => {
    const decoded = decodeManifest(newest())
    expect(Either.isRight(decoded)).toBe(true)
  })

  it("names the field of a manifest that does not decode, and a file that is not JSON or missing", () => {
    const noVersion = copyWith((m) => ({ ...m, version: "two" }))
    expect(decodeManifest(noVersion)).toEqual(Either.left(expect.stringMatching(/^version: /)))
    const notJson = tmpDir()
    writeFileSync(join(notJson, "manifest.json"), "{")
    expect(decodeManifest(notJson)).toEqual(Either.left("not valid JSON"))
    expect(decodeManifest(tmpDir())).toEqual(Either.left("missing"))
  })

  it.effect("dies naming the file when a release the command relies on has a broken manifest", () =>
    Effect.gen(function* () {
      const dir = copyWith((m) => ({ ...m, sources: "none" }))
      const exit = yield* Effect.exit(readManifest(dir))
      expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
      expect(String(Exit.isFailure(exit) ? Cause.squash(exit.cause) : "")).toContain(join(dir, "manifest.json"))
    })
  )
})

describe("the version policy", () => {
  // the newest release as if built with this schema, so that only sources and content change
  const previous = { ...Either.getOrThrow(decodeManifest(newest())), schema_version: SCHEMA_VERSION }
  const sources = previous.sources.map((s) => ({ source_id: s.source_id }))
  const version = (requested: string | null, latest: string | null, skipped: string | null, content: string) =>
    Effect.either(releaseVersion(Option.fromNullable(requested), latest, skipped, changeOf(previous, sources, content)))

  it.effect(
    "publishes nothing when the content is the same, a patch when it differs, a minor when sources change",
    () =>
      Effect.gen(function* () {
        expect(changeOf(previous, sources, previous.content_sha256)).toEqual({
          schemaChanged: false,
          sourcesChanged: false,
          contentChanged: false
        })
        expect(changeOf(previous, sources.slice(1), previous.content_sha256).sourcesChanged).toBe(true)
        expect(changeOf(null, sources, previous.content_sha256).contentChanged).toBe(true)
        expect(changeOf({ ...previous, schema_version: "0" }, sources, previous.content_sha256).schemaChanged).toBe(
          true
        )
        expect(yield* version(null, "2.0.0", null, previous.content_sha256)).toEqual(Either.right(null))
        expect(yield* version(null, "2.0.0", null, "other")).toEqual(Either.right("2.0.1"))
      })
  )

  it.effect(
    "refuses a requested version that does not fit, and allows any version after the one --base none skipped",
    () =>
      Effect.gen(function* () {
        const refused = yield* version("9.9.9", "2.0.0", null, "other")
        expect(Either.isLeft(refused) && refused.left._tag).toBe("VersionMismatch")
        expect(yield* version("3.0.0", null, "2.0.0", "other")).toEqual(Either.right("3.0.0"))
        const notAfter = yield* version("1.5.0", null, "2.0.0", "other")
        expect(Either.isLeft(notAfter) && notAfter.left.message).toContain(
          "built with --base none: a version after 2.0.0"
        )
        expect(yield* version("0.3.0", null, null, "other")).toEqual(Either.right("0.3.0"))
      })
  )
})
