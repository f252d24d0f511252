import { describe, expect, it } from "vitest"
import { genreFamily, genresFromMarkdown, UNSPECIFIED } from "../../pipeline/eval/genres.js"
import { evaluate } from "../../pipeline/eval/report.js"
import { gold, predicted } from "./handmade.js"

describe("genres of a corpus README", () => {
  it("reads the file and genre columns of the first table that has both", () => {
    const md = [
      "# A corpus",
      "",
      "| id | kind |",
      "| --- | --- |",
      "| `x.txt` | core |",
      "",
      "| file | genre | url |",
      "| --- | --- | --- |",
      "| `a01_one.txt` | wire report (agency reprint) | https://example.org/a |",
      "| a02_two.txt | company press release | https://example.org/b |",
      "| not a file | opinion | |",
      "",
      "| file | genre |",
      "| --- | --- |",
      "| `later.txt` | feature |"
    ].join("\n")
    expect([...genresFromMarkdown(md)]).toEqual([
      ["a01_one.txt", "wire report (agency reprint)"],
      ["a02_two.txt", "company press release"]
    ])
  })

  it("a README without such a table gives no genres", () => {
    expect(genresFromMarkdown("| file | kind |\n| --- | --- |\n| `a.txt` | core |").size).toBe(0)
  })

  it("groups genres into families by their words, first family first", () => {
    expect(
      [
        "opinion / op-ed (by a minister)",
        "explainer / list ('five things to know', wire)",
        "government press release (a parliament member)",
        "government readout (a foreign ministry)",
        "news analysis (international magazine)",
        "think-tank analysis",
        "feature / reportage",
        "news agency report (based on a press service)",
        "wire report",
        "regional news report (a local outlet)",
        "",
        "poem"
      ].map(genreFamily)
    ).toEqual([
      "opinion",
      "explainer or list",
      "press release or readout",
      "press release or readout",
      "analysis",
      "analysis",
      "feature",
      "wire or agency report",
      "wire or agency report",
      "news report",
      UNSPECIFIED,
      "poem"
    ])
    expect(genreFamily(null)).toBe(UNSPECIFIED)
  })
})

describe("figures per genre", () => {
  it("an article's figures go to its genre family; articles without a genre are unspecified", () => {
    const other = { ...predicted, doc: "h02_other.txt" }
    const r = evaluate([predicted, other], [gold, { ...gold, doc: "h02_other.txt" }], {
      genres: new Map([["h01_handmade.txt", "company press release"]])
    })
    expect(r.by_genre.map((g) => [g.genre, g.articles, g.tables.events.tp])).toEqual([
      ["press release or readout", 1, 3],
      [UNSPECIFIED, 1, 3]
    ])
    expect(r.per_doc.map((d) => [d.doc, d.genre, d.genre_family])).toEqual([
      ["h01_handmade.txt", "company press release", "press release or readout"],
      ["h02_other.txt", null, UNSPECIFIED]
    ])
    // the whole is the sum of its genres
    expect(r.tables.events.tp).toBe(r.by_genre.reduce((n, g) => n + g.tables.events.tp, 0))
  })
})
