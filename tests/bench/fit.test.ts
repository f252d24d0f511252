/** The bench's growth exponent and its extrapolation of a size not yet run. */
import { describe, expect, it } from "vitest"
import { extrapolate, growthExponent } from "../../pipeline/bench/fit.js"

describe("growthExponent", () => {
  it("is the slope of log y against log n", () => {
    expect(
      growthExponent([
        [1000, 10],
        [10_000, 100],
        [100_000, 1000]
      ])
    ).toBeCloseTo(1, 10)
    expect(
      growthExponent([
        [1000, 10],
        [10_000, 1000]
      ])
    ).toBeCloseTo(2, 10)
    expect(growthExponent([[1000, 10]])).toBeNull()
  })
})

describe("extrapolate", () => {
  it("follows the line through the two largest sizes: a fixed part and a part per item", () => {
    // 300 fixed + 0.2 per item
    expect(
      extrapolate(
        [
          [100, 999],
          [1000, 500],
          [10_000, 2300]
        ],
        100_000
      )
    ).toBeCloseTo(20_300, 6)
  })

  it("is proportional from one point and unknown from none", () => {
    expect(extrapolate([[10_000, 2000]], 100_000)).toBe(20_000)
    expect(extrapolate([], 100_000)).toBeNull()
  })

  it("never falls below the largest measurement", () => {
    expect(
      extrapolate(
        [
          [1000, 900],
          [10_000, 800]
        ],
        100_000
      )
    ).toBe(800)
  })
})
