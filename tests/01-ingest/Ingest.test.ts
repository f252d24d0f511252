import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Option } from "effect"
import { decodeText } from "../../pipeline/01-ingest/decodeText.js"
import { ingestFolder } from "../../pipeline/01-ingest/Ingest.js"
import { repoRoot, sourcesWith } from "../lib/tmp.js"

const GOOD = readFileSync(join(repoRoot, "seeds", "001_fccaafa6b50e0d75.txt"))

const ingest = (dir: string) => ingestFolder(dir).pipe(Effect.provide(NodeContext.layer))

describe("01-ingest", () => {
  it.effect("rejects each bad file with its code and keeps the good article", () =>
    Effect.gen(function* () {
      const dir = sourcesWith(
        [
          "bad-inputs/empty.txt",
          "bad-inputs/binary.txt",
          "bad-inputs/invalid-utf8.txt",
          "bad-inputs/whitespace-only.txt"
        ],
        { "good.txt": GOOD, "good-copy.txt": GOOD }
      )
      const r = yield* ingest(dir)
      expect(r.rejected.map((x) => [x.file, x.code])).toEqual([
        ["binary.txt", "binary-file"],
        ["empty.txt", "empty-file"],
        ["good.txt", "duplicate-source"],
        ["invalid-utf8.txt", "invalid-utf8"],
        ["whitespace-only.txt", "whitespace-only"]
      ])
      expect(r.accepted.map((a) => a.file)).toEqual(["good-copy.txt"])
      expect(r.accepted[0]!.text).toBe(GOOD.toString("utf8"))
    })
  )

  it.effect("a BOM and CRLF line endings are normalised, and the raw hash is kept", () =>
    Effect.gen(function* () {
      const r = yield* ingest(sourcesWith(["bad-inputs/bom-crlf.txt"]))
      expect(r.rejected).toEqual([])
      const s = r.accepted[0]!
      expect(s.text).toBe("Tokayev met Rubio in Astana.\nThe talks went well.\n")
      expect(s.rawSha256).not.toBe(s.textSha256)
      expect(s.sourceId).toMatch(/^src_[0-9a-f]{16}$/)
    })
  )

  it.effect("a manifest row naming a missing file is rejected with its line; the rest is published", () =>
    Effect.gen(function* () {
      const row = (file: string) =>
        `    { "file": "${file}", "publisher": null, "url": null, "published": "2025-11-06", "published_precision": "day", "published_basis": "metadata", "published_note": "test", "language": "en", "licence": "test" }`
      const manifest = `{\n  "sources": [\n${row("good.txt")},\n${row("missing.txt")}\n  ]\n}\n`
      const r = yield* ingest(sourcesWith([], { "good.txt": GOOD, "sources.json": manifest }))
      expect(r.rejected.map((x) => [x.file, x.code])).toEqual([["missing.txt", "missing-file"]])
      expect(r.rejected[0]!.message).toContain("line 4")
      expect(r.accepted.map((a) => [a.file, a.meta.published])).toEqual([["good.txt", "2025-11-06"]])
    })
  )

  it.effect("an invalid manifest entry fails the build naming the line", () =>
    Effect.gen(function* () {
      const manifest = `{\n  "sources": [\n    { "file": "good.txt", "publisher": null, "url": "not a url", "published": "2025-02-30", "published_precision": "day", "published_basis": "metadata", "published_note": "x", "language": "en", "licence": "x" }\n  ]\n}\n`
      const r = yield* ingest(sourcesWith([], { "good.txt": GOOD, "sources.json": manifest })).pipe(Effect.flip)
      expect(r._tag).toBe("ManifestInvalid")
      expect(r.message).toMatch(/sources\.json:3: /)
    })
  )

  it("decodeText: UTF-16 with a BOM is named, not garbled", () => {
    const r = decodeText("u16.txt", new Uint8Array([0xff, 0xfe, 0x41, 0x00]))
    expect(Either.isLeft(r) && r.left._tag).toBe("UnsupportedEncoding")
  })
})

describe("build --strict", () => {
  it.effect("fails with strict-rejected when any source is rejected, and publishes nothing", () =>
    Effect.gen(function* () {
      const { build } = yield* Effect.promise(() => import("../../pipeline/Build.js"))
      const { existsSync } = yield* Effect.promise(() => import("node:fs"))
      const { tmpDir } = yield* Effect.promise(() => import("../lib/tmp.js"))
      const out = tmpDir()
      const err = yield* build({
        sources: sourcesWith(["bad-inputs/empty.txt"], { "good.txt": GOOD }),
        out,
        version: Option.none(),
        strict: true
      }).pipe(Effect.flip, Effect.provide(NodeContext.layer))
      expect([err._tag, (err.constructor as unknown as { code: string }).code]).toEqual([
        "StrictRejected",
        "strict-rejected"
      ])
      expect(existsSync(join(out, "latest.json"))).toBe(false)
    })
  )
})
