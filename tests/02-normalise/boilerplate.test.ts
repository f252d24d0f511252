/** Line segmentation: given an article's lines, expect the kind of each boilerplate line. */
import { describe, expect, it } from "vitest"
import { segment } from "../../pipeline/02-normalise/boilerplate.js"

const kinds = (text: string, title: string | null = null) =>
  segment(text, title).boilerplate.map((b) => [b.kind, b.text])

describe("segment", () => {
  it("short lines without final punctuation between paragraphs are subheadings; the last line is not judged", () => {
    const text =
      "Leaders meet in Astana\n\nThe leaders met on Monday.\n\nTalks with the president\n\nThey signed a deal.\n\nThe excerpt ends mid"
    expect(kinds(text)).toEqual([["subheading", "Talks with the president"]])
  })

  it("a bracketed position cue marks a photo caption, even as a full sentence", () => {
    expect(
      kinds(
        "Title of the piece here\n\nJoe Doe (center) meets ministers in Bishkek on Monday.\n\nBody text follows here."
      )
    ).toEqual([["caption", "Joe Doe (center) meets ministers in Bishkek on Monday."]])
  })

  it("long lines without punctuation and sentences are body", () => {
    const text =
      "Headline\n\nA sentence.\n\nthis line has no final punctuation but it runs on for more than ten words in all\n\nEnd."
    expect(kinds(text)).toEqual([])
  })
})

describe("page scraps before the body are not body", () => {
  it("navigation, widget and counter lines, a date alone on its line, the title again in another case or after a breadcrumb", () => {
    const text = [
      "Skip to main content",
      "Tajik and Afghan ministers reopen the river crossing",
      "Follow us on Telegram",
      "Tuesday, March 4, 2025",
      "1843",
      "NewsAsiaTajik and Afghan ministers reopen the river crossing",
      "tajik and afghan ministers reopen the river crossing",
      "The crossing opened on Tuesday after two years of repairs.",
      "It was built in 2005."
    ].join("\n")
    expect(kinds(text, "Tajik and Afghan ministers reopen the river crossing")).toEqual([
      ["navigation", "Skip to main content"],
      ["repeated_title", "Tajik and Afghan ministers reopen the river crossing"],
      ["navigation", "Follow us on Telegram"],
      ["dateline", "Tuesday, March 4, 2025"],
      ["page_chrome", "1843"],
      ["repeated_title", "NewsAsiaTajik and Afghan ministers reopen the river crossing"],
      ["repeated_title", "tajik and afghan ministers reopen the river crossing"]
    ])
  })

  it("a date in figures alone on its line and a widget line; body lines with a figure or 'home' stay body", () => {
    expect(
      kinds(
        "Headline of a wire story here\n\n04/11/2024\n\nSubscribe now\n\nExports rose 12 percent.\n\nHe returned home on Friday."
      )
    ).toEqual([
      ["dateline", "04/11/2024"],
      ["navigation", "Subscribe now"]
    ])
  })

  it("a sentence that mentions the title's words is body", () => {
    expect(
      kinds(
        "Ministers reopen the river crossing\n\nOfficials said ministers reopen the river crossing each spring, as before.\n\nMore text.",
        "Ministers reopen the river crossing"
      )
    ).toEqual([])
  })
})
