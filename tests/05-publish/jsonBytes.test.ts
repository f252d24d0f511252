/**
 * The byte writer of release.jsonld (pipeline/05-publish/jsonBytes.ts): every method writes the bytes of
 * `Buffer.from(JSON.stringify(v))`, on awkward strings (quotes, backslashes, control characters, lone surrogates,
 * astral characters, U+2028) and numbers, and a buffer grown past its start or reset keeps them.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ByteWriter } from "../../pipeline/05-publish/jsonBytes.js"

const json = (v: unknown) => Buffer.from(JSON.stringify(v), "utf8")

/** Strings built of the characters JSON.stringify treats apart, mixed with plain and non-ASCII ones. */
const awkward = fc.string({
  unit: fc.constantFrom(
    "a",
    "Z",
    " ",
    '"',
    "\\",
    "/",
    "\n",
    "\t",
    "\u0000",
    "\u001f",
    "\u007f",
    "é",
    "\u2028",
    "\u2029",
    "\ud83d\ude00",
    "\ud800",
    "\udfff",
    "\ufeff"
  ),
  maxLength: 40
})
const anyString = fc.oneof(awkward, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 40 }))

describe("ByteWriter", () => {
  it("writes JSON.stringify's bytes of any string, with and without its quotes", () => {
    fc.assert(
      fc.property(fc.array(anyString, { maxLength: 8 }), (strings) => {
        const w = new ByteWriter(4)
        for (const s of strings) w.jsonString(s)
        w.byte(0x7c)
        for (const s of strings) w.jsonChars(s)
        const quoted = strings.map((s) => JSON.stringify(s)).join("")
        const bare = strings.map((s) => JSON.stringify(s).slice(1, -1)).join("")
        expect(w.view()).toEqual(Buffer.from(`${quoted}|${bare}`, "utf8"))
      }),
      { numRuns: 2000 }
    )
  })

  it("writes JSON.stringify's bytes of any number", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(),
          fc.integer(),
          fc.double(),
          fc.constantFrom(0, 9, 10, 99, 100, 2 ** 32 - 1, 2 ** 32, 1e21, -0)
        ),
        (n) => {
          const w = new ByteWriter(1)
          w.number(n)
          expect(w.view()).toEqual(json(n))
        }
      ),
      { numRuns: 2000 }
    )
  })

  it("keeps what was written when it grows, and starts afresh after a reset", () => {
    const w = new ByteWriter(2)
    const big = "x".repeat(1 << 25)
    w.jsonString("é\u2028")
    w.utf8(big)
    w.bytes(json([1, "a"]))
    // compared whole (toEqual would compare 32 MB byte by byte)
    expect(w.view().equals(Buffer.concat([json("é\u2028"), Buffer.from(big), json([1, "a"])]))).toBe(true)
    w.reset()
    w.jsonString("\ud800")
    expect(w.view()).toEqual(json("\ud800"))
  })
})
