/** Line segmentation: given an article's lines, expect the kind of each boilerplate line. */
import { describe, expect, it } from "vitest"
import { segment } from "../../pipeline/02-normalise/boilerplate.js"

const kinds = (text: string, title: string | null = null) => segment(text, title).boilerplate.map((b) => [b.kind, b.text])

describe("segment", () => {
  it("short lines without final punctuation between paragraphs are subheadings; the last line is not judged", () => {
    const text = "Leaders meet in Astana\n\nThe leaders met on Monday.\n\nTalks with the president\n\nThey signed a deal.\n\nThe excerpt ends mid"
    expect(kinds(text)).toEqual([["subheading", "Talks with the president"]])
  })

  it("a bracketed position cue marks a photo caption, even as a full sentence", () => {
    expect(kinds("Title of the piece here\n\nJoe Doe (center) meets ministers in Bishkek on Monday.\n\nBody text follows here.")).toEqual([
      ["caption", "Joe Doe (center) meets ministers in Bishkek on Monday."]
    ])
  })

  it("long lines without punctuation and sentences are body", () => {
    const text = "Headline\n\nA sentence.\n\nthis line has no final punctuation but it runs on for more than ten words in all\n\nEnd."
    expect(kinds(text)).toEqual([])
  })
})
