/** Written piece by piece, a document has the bytes of its one-string serialisation. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stableBytes, stableStringify } from "../../pipeline/shared/stableJson.js"

describe("stableBytes", () => {
  it("equals stableStringify for any JSON value, large arrays included", () => {
    const big = fc.array(fc.jsonValue(), { minLength: 60, maxLength: 200 })
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), big, fc.dictionary(fc.string(), fc.oneof(big, fc.jsonValue()))), (v) => {
        expect(Buffer.from(stableBytes(v)).toString("utf8")).toBe(stableStringify(v))
      }),
      { numRuns: 300 }
    )
  })
})
