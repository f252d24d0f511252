import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

const lex = loadLexicons()
const run = (text: string, published = "2025-11-20") => extractArticle({ sourceId: "src_t", text, published: { value: published, precision: "day" } }, lex)
const statements = (text: string) =>
  run(text).events.filter((e) => e.type === "statement").map((e) => [e.trigger, e.modality, e.participants.map((p) => [p.role, p.key])])

describe("inverted attribution: a reporting verb before its speaker", () => {
  it("', said President X': the person after the verb speaks, the names before it are spoken about", () => {
    expect(statements("Trade with Turkmenistan will double within five years, said Russian President Vladimir Putin on Friday.")).toEqual([
      ["say", "asserted", [["actor", "gaz:person:vladimir-putin"], ["target", "gaz:country:TKM"]]]
    ])
  })

  it("'..., predicted X, an economist': the trigger word is not read as a modality cue of itself", () => {
    expect(statements("The new pipeline will not reach Tajikistan before 2030, predicted Aigerim Bekova, an economist.")).toEqual([
      ["predict", "asserted", [["actor", "pat:person:aigerim bekova"], ["target", "gaz:country:TJK"]]]
    ])
  })

  it("a verb after its subject keeps the usual reading", () => {
    expect(statements("Marco Rubio suggested that Uzbekistan could export more uranium.")).toEqual([
      ["suggest", "asserted", [["actor", "gaz:person:marco-rubio"], ["target", "gaz:country:UZB"]]]
    ])
  })
})

describe("raising a topic is a statement", () => {
  it("'raised the issue of ...' with the speaker before it; 'raised tariffs' is none", () => {
    expect(statements("Mirziyoyev raised the issue of water sharing with Tajikistan.")).toEqual([
      ["raise", "asserted", [["actor", "gaz:person:shavkat-mirziyoyev"], ["target", "gaz:country:TJK"]]]
    ])
    expect(statements("Kyrgyzstan raised tariffs on Chinese cars.")).toEqual([])
  })
})
