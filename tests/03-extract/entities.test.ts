import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

const lex = loadLexicons()
const run = (text: string) =>
  extractArticle(
    {
      sourceId: "src_t",
      text,
      published: { value: "2025-11-20", precision: "day" }
    },
    lex
  )
const quotesOf = (text: string, method: string) =>
  run(text)
    .mentions.filter((m) => m.method === method)
    .map((m) => [m.span.quote, m.type])

describe("entity mentions", () => {
  it("an organisation written with its state before it is also known by the fuller name", () => {
    expect(
      quotesOf(
        "The U.S. Trade Promotion Office and Kyrgyzstan's National Investment Agency met.",
        "entity.qualified-name.v1"
      )
    ).toEqual([
      ["U.S. Trade Promotion Office", "organization"],
      ["Kyrgyzstan's National Investment Agency", "organization"]
    ])
    // states joined by a dash qualify together
    expect(quotesOf("The Kazakhstan–U.S. Business Council opened.", "entity.qualified-name.v1")).toEqual([
      ["Kazakhstan–U.S. Business Council", "organization"]
    ])
    // the state is still a mention of its own
    expect(run("The U.S. Trade Promotion Office met.").mentions.some((m) => m.key === "gaz:country:USA")).toBe(true)
  })

  it("a title and 'of' before a name are not part of it", () => {
    const names = run("Aliya Bekova, CEO of Steppe Mining Company, spoke.").entities.map((e) => [e.name, e.type])
    expect(names).toContainEqual(["Steppe Mining Company", "organization"])
    expect(names.some(([n]) => n!.startsWith("CEO"))).toBe(false)
  })

  it("the Soviet Union is a (former) state, not an organisation", () => {
    expect(run("Kyrgyzstan left the Soviet Union in 1991.").entities.find((e) => e.name === "Soviet Union")?.type).toBe(
      "country"
    )
  })

  it("a name part glued to the word before it does not start a person", () => {
    expect(run("Analysts at Aral-Ken Holding spoke.").entities.filter((e) => e.type === "person")).toEqual([])
  })

  it("an organisation's name starts where its capitalised run starts", () => {
    expect(
      run("The talk was organised by George Washington University last week.").entities.map((e) => e.name)
    ).toContain("George Washington University")
  })

  it("in a Title Case headline capitals do not mark names", () => {
    const names = run("Central Asian Leaders Arriving in Astana for Regional Summit\n\nThe leaders met.").entities.map(
      (e) => e.name
    )
    expect(names.some((n) => /Summit/.test(n))).toBe(false)
  })
})
