/**
 * Values that a CSV reader guessing types would change cannot occur in the columns that hold codes: no category
 * value, id or CAMEO code reads as a number, a boolean or a null marker (pandas' defaults, R's `NA`, `T`, `F`), so
 * they load as text without options. Other text columns can (a year alone, Namibia's `NA`): LOADING.md declares
 * their types (tests/examples/ reads such a release).
 */
import { describe, expect, it } from "vitest"
import type { Column, TableDef } from "../../schemas/Column.js"
import { CAMEO_CODE, cameoCodeOf, TABLES } from "../../schemas/Tables.js"

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/
// pandas' default na_values, R's NA and logical spellings, readr's and polars' booleans
const GUESSED = new Set(
  [
    "",
    "#N/A",
    "#N/A N/A",
    "#NA",
    "-1.#IND",
    "-1.#QNAN",
    "-NaN",
    "-nan",
    "1.#IND",
    "1.#QNAN",
    "<NA>",
    "N/A",
    "NA"
  ].concat(["NULL", "NaN", "None", "n/a", "nan", "null", "T", "F", "TRUE", "FALSE", "True", "False", "true", "false"])
)
const guessed = (v: string) => NUMBER.test(v) || GUESSED.has(v) || /^\d{4}-\d{2}(-\d{2})?$/.test(v)

const columns = TABLES.flatMap((t) =>
  Object.entries((t as unknown as TableDef<Record<string, Column>>).columns).map(
    ([n, c]) => [`${t.name}.${n}`, c] as const
  )
)

describe("code-like columns read as text in every CSV reader", () => {
  it("no category value looks like a number, a date, a boolean or a null marker", () => {
    const bad = columns.flatMap(([n, c]) => (c.values ?? []).filter(guessed).map((v) => [n, v]))
    expect(bad).toEqual([])
  })

  it("ids start with a letter and a prefix, so none is numeric", () => {
    for (const [n, c] of columns.filter(([, c]) => c.kind === "id")) {
      expect(c.pattern!.source, n).toMatch(/^\^[a-z]+_/)
      expect(c.pattern!.test("0123456789abcdef"), n).toBe(false)
    }
  })

  it("a CAMEO code is published as CAMEO:<code>, never as digits that lose their leading zero", () => {
    for (const code of ["01", "010", "042", "0871", "190"]) {
      expect(cameoCodeOf(code)).toBe(`CAMEO:${code}`)
      expect(guessed(cameoCodeOf(code))).toBe(false)
      expect(CAMEO_CODE.test(cameoCodeOf(code))).toBe(true)
      expect(CAMEO_CODE.test(code)).toBe(false)
    }
    const cameo = columns.find(([n]) => n === "events.cameo_code")![1]
    expect(cameo.pattern).toBe(CAMEO_CODE)
  })
})
