/** The text policy of a source: what its metadata says, else full for an open licence, else the build's default. */
import { describe, expect, it } from "vitest"
import { inferredMeta, type SourceMeta, textPolicyOf } from "../../pipeline/01-ingest/sourceMeta.js"
import { Sidecar } from "../../schemas/SourceMeta.js"

const meta = (licence: string | null, texts: SourceMeta["texts"] = null): SourceMeta => ({
  ...inferredMeta,
  licence,
  texts
})

describe("textPolicyOf", () => {
  it("an explicit texts field decides, whatever the licence and the default", () => {
    expect([
      textPolicyOf(meta("CC-BY-4.0", "quotes"), "full"),
      textPolicyOf(meta(null, "full"), "quotes"),
      textPolicyOf(meta("Copyright of the publisher", "full"), "quotes")
    ]).toEqual(["quotes", "full", "full"])
  })

  it("an open licence (SPDX id, case and space aside) publishes the full text under --texts quotes", () => {
    expect(
      ["CC0-1.0", " cc-by-4.0 ", "CC-BY-SA-4.0", "Public domain", "PDDL-1.0"].map((l) =>
        textPolicyOf(meta(l), "quotes")
      )
    ).toEqual(["full", "full", "full", "full", "full"])
  })

  it("no licence, a rights note in words, or a licence with NC/ND takes the build's default", () => {
    const licences = [null, "Copyright of the publisher; reproduced as a seed excerpt", "CC-BY-NC-4.0", "CC-BY-ND-4.0"]
    expect(licences.map((l) => textPolicyOf(meta(l), "quotes"))).toEqual(["quotes", "quotes", "quotes", "quotes"])
    expect(licences.map((l) => textPolicyOf(meta(l), "full"))).toEqual(["full", "full", "full", "full"])
  })

  it("a sidecar's texts field is full or quotes", () => {
    expect(() => Sidecar.make({ texts: "quotes" })).not.toThrow()
    expect(() => Sidecar.make({ texts: "some" as "quotes" })).toThrow()
  })
})
