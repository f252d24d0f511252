/**
 * Sinks: a file streamed piece by piece has the bytes, hash and size of the same text put at once; verify's sink finds
 * any difference.
 */

import * as fs from "node:fs"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { comparingSink, memorySink } from "../../pipeline/05-publish/sink.js"
import { sha256 } from "../../pipeline/shared/hash.js"
import { tmpDir } from "../lib/tmp.js"

const piece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("é–€", "\u{1F600}", "x".repeat(400_000), "ж".repeat(200_000))
)

describe("FileSink", () => {
  it("streams strings into the bytes, hash and size of their concatenation (multi-byte characters, pieces larger than its buffer)", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const sink = memorySink()
        sink.stream("a.txt", (push) => pieces.forEach(push))
        const expected = Buffer.from(pieces.join(""), "utf8")
        expect(Buffer.from(sink.bytes.get("a.txt")!).equals(expected)).toBe(true)
        expect(sink.files.get("a.txt")).toEqual({
          sha256: sha256(expected),
          bytes: expected.length
        })
      }),
      { numRuns: 60 }
    )
  })

  it("refuses a path twice", () => {
    const sink = memorySink()
    sink.put("a", new Uint8Array([1]))
    expect(() => sink.put("a", new Uint8Array([1]))).toThrow(/twice/)
  })

  it("the comparing sink names files that differ, are longer, shorter or missing, and no others", () => {
    const dir = tmpDir()
    for (const [p, t] of [
      ["same.txt", "abc".repeat(500_000)],
      ["diff.txt", "abcd"],
      ["short.txt", "abc"],
      ["long.txt", "abcdef"]
    ] as const)
      fs.writeFileSync(join(dir, p), t)
    const sink = comparingSink(dir)
    sink.stream("same.txt", (push) => {
      for (let i = 0; i < 500_000; i++) push("abc")
    })
    sink.put("diff.txt", Buffer.from("abce"))
    sink.put("short.txt", Buffer.from("abcd"))
    sink.put("long.txt", Buffer.from("abc"))
    sink.put("missing.txt", Buffer.from("x"))
    expect([...sink.differing].sort()).toEqual(["diff.txt", "long.txt", "missing.txt", "short.txt"])
  })
})
