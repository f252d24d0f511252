/** stableStringifyTo writes, in pieces, exactly the text of stableStringify. */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { joinBytes, stableStringify, stableStringifyTo } from "../../pipeline/shared/stableJson.js"

const pieces = (v: unknown) => {
  const out: Array<string> = []
  stableStringifyTo(v, (s) => out.push(s))
  return out
}

describe("stableStringifyTo", () => {
  it("joins to stableStringify's text for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(pieces(v).join("")).toBe(stableStringify(v))
      }),
      { numRuns: 300 }
    )
  })

  it("leaves out undefined keys and writes undefined array items as null, as JSON does", () => {
    const v = {
      b: [1, undefined, { z: undefined, y: "x" }],
      a: undefined,
      c: {},
      d: [],
      e: 'é\u2028"'
    }
    expect(pieces(v).join("")).toBe(stableStringify(v))
  })

  it("never makes one long string: a million ids come in pieces", () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `evd_${i.toString(16).padStart(16, "0")}`)
    const parts = pieces({ tables: { evidence: { added: ids } } })
    expect(parts.reduce((m, p) => Math.max(m, p.length), 0)).toBeLessThan(100)
    expect(
      Buffer.from(joinBytes((push) => stableStringifyTo({ tables: { evidence: { added: ids } } }, push))).toString(
        "utf8"
      )
    ).toBe(stableStringify({ tables: { evidence: { added: ids } } }))
  })
})
