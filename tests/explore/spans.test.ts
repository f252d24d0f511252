/** Offsets in the page: code points in the data, UTF-16 in JavaScript; a span cut in the browser equals the quote. */
import { describe, expect, it } from "vitest"
import { inContext, pieces } from "../../pipeline/explore/web/spans.js"

// astral characters (two UTF-16 units each) before, inside and after the spans
const TEXT = "𝐀𝐁 Tokayev met 😀 Biden.\nNext 𝐂 line."
const cp = (s: string, a: number, b: number) => [...s].slice(a, b).join("")

describe("pieces", () => {
  const spans = [
    { start: 3, end: 10 }, // Tokayev
    { start: 3, end: 22 }, // Tokayev met 😀 Biden
    { start: 17, end: 22 } // Biden
  ]
  const ps = pieces(TEXT, spans)
  it("cuts the text at code-point offsets: every piece is the text's code points between its bounds", () => {
    for (const p of ps) expect(p.text).toBe(cp(TEXT, p.start, p.end))
    expect(ps.map((p) => p.text).join("")).toBe(TEXT)
  })
  it("lists the spans over each piece, innermost first", () =>
    expect(ps.filter((p) => p.cover.length > 0).map((p) => [p.text, p.cover])).toEqual([
      ["Tokayev", [0, 1]],
      [" met 😀 ", [1]],
      ["Biden", [2, 1]]
    ]))
  it("a text without spans is one piece", () =>
    expect(pieces("a😀b", [])).toEqual([{ text: "a😀b", start: 0, end: 3, cover: [] }]))
})

describe("inContext", () => {
  it("marks the quote at its code points, within its paragraph", () =>
    expect(inContext(TEXT, { start: 17, end: 22 })).toEqual({
      before: "𝐀𝐁 Tokayev met 😀 ",
      quote: "Biden",
      after: "."
    }))
  it("the next paragraph: offsets after astral characters", () =>
    expect(inContext(TEXT, { start: 31, end: 32 }).quote).toBe(cp(TEXT, 31, 32)))
  it("trims a long paragraph without cutting a surrogate pair", () => {
    const long = `${"😀".repeat(10)}x${"😀".repeat(10)}`
    const c = inContext(long, { start: 10, end: 11 }, 3)
    expect(c.quote).toBe("x")
    expect(c.before).toBe("…😀")
    expect(c.after).toBe("😀😀…")
  })
})
