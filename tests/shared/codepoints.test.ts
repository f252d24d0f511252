/** Offsets between UTF-16 units and code points, both ways, on texts with characters outside the BMP. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { codePointLength, makeCodePointIndex, makeUtf16Index } from "../../pipeline/shared/codepoints.js"

const text = fc
  .array(fc.oneof(fc.constantFrom("a", "é", "’", "😀", "𝄞", " "), fc.string({ maxLength: 3, unit: "grapheme" })), {
    maxLength: 30
  })
  .map((xs) => xs.join(""))

describe("code-point offsets", () => {
  it("makeUtf16Index undoes makeCodePointIndex at every character boundary", () => {
    fc.assert(
      fc.property(text, (t) => {
        const toCp = makeCodePointIndex(t)
        const toUtf16 = makeUtf16Index(t)
        let u = 0
        for (const ch of [...t, ""]) {
          expect(toCp(u)).toBe(codePointLength(t.slice(0, u)))
          expect(toUtf16(toCp(u))).toBe(u)
          u += ch.length
        }
      }),
      { numRuns: 200, seed: 7 }
    )
  })
})
