import { describe, expect, it } from "vitest"
import { extractArticle } from "../../pipeline/03-extract/extract.js"
import { loadLexicons } from "../../pipeline/03-extract/lexicon/Lexicons.js"

const lex = loadLexicons()
const run = (text: string, published = "2025-11-20") =>
  extractArticle(
    {
      sourceId: "src_t",
      text,
      published: { value: published, precision: "day" }
    },
    lex
  )
const statements = (text: string) =>
  run(text)
    .events.filter((e) => e.type === "statement")
    .map((e) => [e.trigger, e.modality, e.participants.map((p) => [p.role, p.key])])

describe("inverted attribution: a reporting verb before its speaker", () => {
  it("', said President X': the person after the verb speaks, the names before it are spoken about", () => {
    expect(
      statements(
        "Trade with Turkmenistan will double within five years, said Russian President Vladimir Putin on Friday."
      )
    ).toEqual([
      [
        "say",
        "asserted",
        [
          ["actor", "gaz:person:vladimir-putin"],
          ["target", "gaz:country:TKM"]
        ]
      ]
    ])
  })

  it("'..., predicted X, an economist': the trigger word is not read as a modality cue of itself", () => {
    expect(
      statements("The new pipeline will not reach Tajikistan before 2030, predicted Aigerim Bekova, an economist.")
    ).toEqual([
      [
        "predict",
        "asserted",
        [
          ["actor", "pat:person:aigerim bekova"],
          ["target", "gaz:country:TJK"]
        ]
      ]
    ])
  })

  it("a verb after its subject keeps the usual reading", () => {
    expect(statements("Marco Rubio suggested that Uzbekistan could export more uranium.")).toEqual([
      [
        "suggest",
        "asserted",
        [
          ["actor", "gaz:person:marco-rubio"],
          ["target", "gaz:country:UZB"]
        ]
      ]
    ])
  })
})

describe("raising a topic is a statement", () => {
  it("'raised the issue of ...' with the speaker before it; 'raised tariffs' is none", () => {
    expect(statements("Mirziyoyev raised the issue of water sharing with Tajikistan.")).toEqual([
      [
        "raise",
        "asserted",
        [
          ["actor", "gaz:person:shavkat-mirziyoyev"],
          ["target", "gaz:country:TJK"]
        ]
      ]
    ])
    expect(statements("Kyrgyzstan raised tariffs on Chinese cars.")).toEqual([])
  })
})

describe("one speaker's remarks are one statement until another speaker's turn", () => {
  const speakers = (text: string) =>
    run(text)
      .events.filter((e) => e.type === "statement")
      .map((e) => [e.trigger, e.spans.length, e.participants.filter((p) => p.role === "actor").map((p) => p.key)])

  it("'...,\u201d he said' is the pronoun's person, and far-apart remarks of one speaker stay one statement", () => {
    expect(
      speakers(
        "Aigerim Bekova, an economist in Almaty, said tariffs would fall. Exports of copper rose in May. Imports of grain fell. Trucks wait at the border. \u201cRussia must open its market to Kazakhstan,\u201d she said."
      )
    ).toEqual([["say", 2, ["pat:person:aigerim bekova"]]])
  })

  it("another speaker's statement in between opens a new turn; 'also said' adds a further statement", () => {
    expect(
      speakers(
        "Marco Rubio said the talks went well. Sadyr Japarov noted progress. Rubio stressed the role of trade. Rubio also said more visits would follow."
      )
    ).toEqual([
      ["say", 1, ["gaz:person:marco-rubio"]],
      ["note", 1, ["gaz:person:sadyr-japarov"]],
      ["emphasize", 1, ["gaz:person:marco-rubio"]],
      ["say", 1, ["gaz:person:marco-rubio"]]
    ])
  })

  it("a section heading opens a new turn", () => {
    expect(
      speakers(
        "Marco Rubio said the talks went well.\n\nA new chapter for trade\n\nRubio stressed the role of rail links."
      )
    ).toEqual([
      ["say", 1, ["gaz:person:marco-rubio"]],
      ["emphasize", 1, ["gaz:person:marco-rubio"]]
    ])
    expect(speakers("Marco Rubio said the talks went well.\n\nRubio stressed the role of rail links.")).toEqual([
      ["say", 2, ["gaz:person:marco-rubio"]]
    ])
  })

  it("an announcement reports news of its own: it does not join the speaker's remarks", () => {
    expect(
      speakers("Marco Rubio said the talks went well. Rubio announced a new visa programme for Uzbekistan.")
    ).toEqual([
      ["say", 1, ["gaz:person:marco-rubio"]],
      ["announce", 1, ["gaz:person:marco-rubio"]]
    ])
  })
})

describe("a speaker told after the report", () => {
  it("', X said.' takes no part in the events reported before it", () => {
    const es = run("New talks on water quotas will open in May, Aigerim Bekova said.").events
    expect(es.map((e) => [e.type, e.participants.map((p) => [p.role, p.key])])).toEqual([
      ["statement", [["actor", "pat:person:aigerim bekova"]]]
    ])
  })

  it("'..., X announced that ...' is no report told after: X may take part ('During his visit, X announced ...')", () => {
    const es = run("During his visit to Tashkent, Xi Jinping announced that China will build a railway.").events
    expect(es.filter((e) => e.type === "visit").map((e) => e.participants.map((p) => p.key))).toEqual([
      ["gaz:person:xi-jinping"]
    ])
  })
})

describe("an attribution after the report", () => {
  it("'..., says the Kazakh president' names no party of the events reported before it", () => {
    const es = run("Talks on the new railway will resume soon, says the Kazakh president.").events
    expect(es.filter((e) => e.type === "meeting")).toEqual([])
  })
})
