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
const events = (text: string, type: string) =>
  run(text)
    .events.filter((e) => e.type === type)
    .map((e) => [e.spans.length, e.participants.map((p) => [p.role, p.key])])

describe("a verb's form after an article is its noun", () => {
  it("'the freeze' refers back to the pause told before it", () => {
    expect(
      events(
        "The United States paused visa processing for Kazakhstan on Monday. The freeze also covers Kyrgyzstan.",
        "restriction"
      )
    ).toEqual([
      [
        2,
        [
          ["actor", "gaz:country:USA"],
          ["target", "gaz:country:KAZ"],
          ["participant", "gaz:country:KGZ"]
        ]
      ]
    ])
  })

  it("a participle after an article modifies the noun after it ('the proposed corridor'): not read as a noun", () => {
    expect(
      run("Tokayev discussed the proposed corridor with Mirziyoyev.").events.map((e) => [e.trigger, e.method])
    ).toEqual([
      ["discuss", "event.verb-trigger.v1"],
      ["propose", "event.verb-trigger.v1"]
    ])
  })
})

describe("an event noun's complement runs over a title before a name", () => {
  it("'Trump's conversation with President X': X is the target, and two such conversations stay two", () => {
    expect(
      events(
        "Trump's conversation with President Sadyr Japarov was brief. Trump's conversation with Prime Minister Keir Starmer was long.",
        "phone_call"
      )
    ).toEqual([
      [
        1,
        [
          ["actor", "gaz:person:donald-trump"],
          ["target", "gaz:person:sadyr-japarov"]
        ]
      ],
      [
        1,
        [
          ["actor", "gaz:person:donald-trump"],
          ["target", "pat:person:keir starmer"]
        ]
      ]
    ])
  })
})

describe("clauses and named definites", () => {
  it("'before/after + -ing' opens a clause of its own without a comma", () => {
    const es = run("Japarov met with Chinese investors on Monday before attending the SCO forum in Astana.").events
    expect(es.map((e) => [e.trigger, e.spans[0]!.quote])).toEqual([
      ["meet", "Japarov met with Chinese investors on Monday"],
      ["forum", "the SCO forum in Astana."]
    ])
  })

  it("'the Pentagon summit' (a name that takes its article in) refers back to the summit told before", () => {
    const es = run(
      "Kazakh generals arrived for a summit with Pete Hegseth. Japarov met bankers on Monday before attending the Pentagon summit."
    ).events
    expect(es.filter((e) => e.type === "meeting").map((e) => [e.trigger, e.spans.length])).toEqual([
      ["summit", 2],
      ["meet", 1]
    ])
  })
})

describe("gatherings and foundings", () => {
  it("a webinar by an organisation is a meeting it holds; a caucus co-founded by two senators is an event of theirs", () => {
    const es = run(
      "Japarov spoke at a webinar by the Atlantic Council. Marco Rubio co-founded the caucus with Joe Biden."
    ).events
    expect(es.map((e) => [e.type, e.trigger, e.participants.map((p) => [p.role, p.key])])).toEqual([
      ["meeting", "seminar", [["actor", "gaz:organization:atlantic-council"]]],
      [
        "other",
        "found",
        [
          ["actor", "gaz:person:marco-rubio"],
          ["target", "gaz:person:joe-biden"]
        ]
      ]
    ])
  })
})

describe("generic nouns and open questions", () => {
  it("a bare 'other' noun names a kind of event ('resolving regional conflicts'); with a determiner in its phrase it is one", () => {
    expect(
      run("Japarov praised Kazakhstan for resolving regional conflicts.").events.filter((e) => e.type === "other")
    ).toEqual([])
    expect(
      run("Japarov warned Kazakhstan of a looming water crisis.")
        .events.filter((e) => e.type === "other")
        .map((e) => e.trigger)
    ).toEqual(["crisis"])
  })

  it("'whether X will visit' is hypothetical, not planned", () => {
    expect(
      run("Analysts doubt whether Xi Jinping will visit Tajikistan in 2027.").events.map((e) => [e.type, e.modality])
    ).toEqual([["visit", "hypothetical"]])
  })
})

describe("a date between the article and the noun", () => {
  it("'the Nov. 3 letter' refers back to the letter told before and dates it", () => {
    const es = run(
      "Activists sent an open letter to Xi Jinping about Uyghur detainees. In the Nov. 3 letter, they urged Beijing to free prisoners."
    ).events
    expect(es.filter((e) => e.trigger === "letter").map((e) => [e.spans.length, e.date])).toEqual([
      [2, { value: "2025-11-03", precision: "day" }]
    ])
  })
})

describe("gerunds of means and purpose", () => {
  it("'a plan for engaging Tajikistan' is no meeting; 'after meeting Japarov' is one", () => {
    expect(
      run("Xi Jinping outlined a plan for engaging Tajikistan.").events.filter((e) => e.type === "meeting")
    ).toEqual([])
    expect(
      run("Xi Jinping spoke to reporters after meeting Japarov.")
        .events.filter((e) => e.type === "meeting")
        .map((e) => e.trigger)
    ).toEqual(["meet"])
  })
})

describe("one event told at two precisions", () => {
  it("'a meeting in Astana in 2024' and 'in June 2024, a summit took place in Astana' are one meeting, dated by the finer date", () => {
    const es = run(
      "Kazakhstan has deepened ties with China, including a high-level meeting in Astana in 2024. In June 2024, a summit took place in Astana between Tokayev and Xi Jinping."
    ).events
    expect(es.filter((e) => e.type === "meeting").map((e) => [e.spans.length, e.date])).toEqual([
      [2, { value: "2024-06", precision: "month" }]
    ])
  })
})

describe("questions and endings", () => {
  it("'asked about ...' is a question, not an appeal; 'asked Beijing to ...' is one", () => {
    expect(
      run("Asked about the pipeline, Japarov said Kyrgyzstan would wait.").events.filter((e) => e.type === "appeal")
    ).toEqual([])
    expect(
      run("Japarov asked Beijing to delay the pipeline.")
        .events.filter((e) => e.type === "appeal")
        .map((e) => e.trigger)
    ).toEqual(["ask"])
  })

  it("'the collapse of the Soviet Union' is an event of its own beside the clause's verb event", () => {
    const es = run(
      "Japan recognized Turkmenistan in early 1992, following the collapse of the Soviet Union."
    ).events.filter((e) => e.type === "other")
    expect(es.map((e) => e.trigger)).toEqual(["recognize", "collapse"])
  })
})

describe("a dated anaphor", () => {
  it("'the Nov. 12 summit' joins and dates the summit even when its clause names no one", () => {
    const es = run(
      "Tokayev will attend a summit with Xi Jinping. Few expect the Nov. 12 summit to bring deals."
    ).events.filter((e) => e.type === "meeting")
    expect(es.map((e) => [e.spans.length, e.date])).toEqual([[2, { value: "2025-11-12", precision: "day" }]])
  })
})

describe("a letter of interest", () => {
  it("is an offer to finance or buy (economic), not a request; an open letter is an appeal", () => {
    const types = (text: string) => run(text).events.map((e) => [e.trigger, e.type])
    expect(
      types("Japan's export credit agency sent Uzbekistan a letter of interest for $300 million in loans.")
    ).toContainEqual(["letter of interest", "economic"])
    expect(types("A Kyrgyz opposition group sent Japan an open letter about jailed reporters.")).toContainEqual([
      "letter",
      "appeal"
    ])
  })
})
