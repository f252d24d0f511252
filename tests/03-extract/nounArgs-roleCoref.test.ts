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
const roles = (text: string, type: string) =>
  run(text)
    .events.filter((e) => e.type === type)
    .map((e) => e.participants.map((p) => [p.role, p.key]))

describe("event nouns take the arguments of their own phrase", () => {
  it("'between X and Y': the first acts, the second is acted upon; the clause's other names stay out", () => {
    expect(roles("Rubio spoke about the war between Armenia and Azerbaijan at length in Astana.", "other")).toEqual([
      [
        ["actor", "gaz:country:ARM"],
        ["target", "gaz:country:AZE"]
      ]
    ])
  })

  it("a possessor acts ('Kazakhstan's entry into the Abraham Accords')", () => {
    const e = run("Officials in Washington welcomed Kazakhstan's entry into the Abraham Accords.").events.find(
      (x) => x.type === "accession"
    )
    expect(e?.participants.map((p) => [p.role, p.key])).toEqual([
      ["actor", "gaz:country:KAZ"],
      ["target", "gaz:initiative:abraham-accords"]
    ])
  })

  it("two 'other' events in one clause stay two events", () => {
    const es = run("The minister cited the war between Russia and Ukraine and the crisis in Iran.").events.filter(
      (x) => x.type === "other"
    )
    expect(es.map((e) => e.participants.map((p) => p.key))).toEqual([
      ["gaz:country:RUS", "gaz:country:UKR"],
      ["gaz:country:IRN"]
    ])
  })

  it("'the C5+1 summit' joins the earlier C5+1 meeting, whose actors stay the clause's people", () => {
    const es = run(
      "Tokayev and Mirziyoyev attended a C5+1 summit in Washington. Analysts praised the C5+1 summit. The SCO summit ended."
    ).events
    expect(
      es.filter((e) => e.type === "meeting").map((e) => [e.spans.length, e.participants.map((p) => [p.role, p.key])])
    ).toEqual([
      [
        2,
        [
          ["actor", "gaz:person:kassym-jomart-tokayev"],
          ["actor", "gaz:person:shavkat-mirziyoyev"],
          ["target", "gaz:initiative:c5-plus-1"]
        ]
      ],
      [1, [["actor", "gaz:organization:sco"]]]
    ])
  })

  it("a bare economic noun names an activity, not an event; with an article or a possessor it is one", () => {
    expect(run("For Kazakhstan, steady investment remains key.").events.filter((e) => e.type === "economic")).toEqual(
      []
    )
    expect(roles("Kazakhstan welcomed China's investments.", "economic")).toEqual([[["actor", "gaz:country:CHN"]]])
  })

  it("a noun the clause is told against ('shortly after the collapse of X') takes only its own arguments, and the verb's targets stop before it", () => {
    expect(
      roles("Turkmenistan recognized Japan in 1991, soon after the dissolution of the Soviet Union.", "other")
    ).toEqual([
      [
        ["actor", "gaz:country:TKM"],
        ["target", "gaz:country:JPN"]
      ],
      [["target", "gaz:country:SUN"]]
    ])
  })

  it("a participle in an apposition to a name ('X, a pact signed ...') is done to that name; the clause's subject takes no part", () => {
    expect(
      roles("Japan praised the Middle Corridor, a route launched by Azerbaijan and Georgia, at the forum.", "other")
    ).toEqual([
      [
        ["target", "gaz:initiative:middle-corridor"],
        ["actor", "gaz:country:AZE"],
        ["actor", "gaz:country:GEO"]
      ]
    ])
  })

  it("a participle opening an apposition to a person ('X, nominated by Y for ...') is done to X by Y", () => {
    expect(
      roles(
        "Sadyr Japarov praised Aigerim Bekova, nominated by Vladimir Putin for the post of envoy, in Osaka.",
        "other"
      )
    ).toEqual([
      [
        ["target", "pat:person:aigerim bekova"],
        ["actor", "gaz:person:vladimir-putin"]
      ]
    ])
  })

  it("a noun without arguments of its own falls back to the clause", () => {
    expect(roles("Tokayev and Mirziyoyev held a summit.", "meeting")[0]?.map((r) => r[1])).toEqual([
      "gaz:person:kassym-jomart-tokayev",
      "gaz:person:shavkat-mirziyoyev"
    ])
  })
})

describe("role descriptions refer back to the person named with the role", () => {
  const people = (text: string) =>
    run(text)
      .mentions.filter((m) => m.method === "entity.role-coref.v1")
      .map((m) => [m.span.quote, m.key])

  it("'the Kazakh leader' after 'Kazakh President ...'", () => {
    expect(
      people("Kazakh President Kassym-Jomart Tokayev arrived on Monday. The Kazakh leader met investors.")
    ).toEqual([["leader", "gaz:person:kassym-jomart-tokayev"]])
  })

  it("a holder after the title must agree ('the president of Uzbekistan' is not Tokayev)", () => {
    expect(
      people(
        "Kazakh President Kassym-Jomart Tokayev arrived. The press service of the president of Uzbekistan said nothing."
      )
    ).toEqual([])
  })

  it("an unqualified 'the president' is resolved only when one person can be meant", () => {
    expect(people("President Kassym-Jomart Tokayev spoke. The president left.")).toEqual([
      ["president", "gaz:person:kassym-jomart-tokayev"]
    ])
    expect(people("President Kassym-Jomart Tokayev met President Shavkat Mirziyoyev. The president left.")).toEqual([])
  })

  it("a title before a name is not a description, and nobody named earlier means no mention", () => {
    expect(people("The president Sadyr Japarov spoke.")).toEqual([])
    expect(people("The Kazakh leader spoke first.")).toEqual([])
  })
})

describe("speakers and reporting verbs", () => {
  it("names inside a quotation are not its speaker", () => {
    const e = run("“Kazakhstan is a strong partner,” Rubio said on Monday.").events.find((x) => x.type === "statement")
    expect(e?.participants.map((p) => [p.role, p.key]).sort()).toEqual([
      ["actor", "gaz:person:marco-rubio"],
      ["target", "gaz:country:KAZ"]
    ])
  })

  it("hearsay ('is said to') states nothing of anyone's", () => {
    expect(
      run("The Kazakh plan is said to include new railways.").events.filter((x) => x.type === "statement")
    ).toEqual([])
  })

  it("'he' continues with the person who last acted, not the last person named", () => {
    const es = run(
      "Rubio met Senator Steve Daines, who founded a caucus with Senator Gary Peters. He emphasized the region's importance."
    ).events
    expect(es.find((x) => x.type === "statement")?.participants.find((p) => p.role === "actor")?.key).toBe(
      "gaz:person:marco-rubio"
    )
  })

  it("welcoming leaders is hosting them; welcoming a decision is praise", () => {
    expect(run("Trump welcomed the leaders of Kazakhstan and Uzbekistan.").events.map((e) => e.type)).toEqual([
      "meeting"
    ])
    expect(run("Kazakhstan welcomed the decision of the United States.").events.map((e) => e.type)).toEqual([
      "statement"
    ])
  })

  it("'the delegation' and 'the two leaders' are the people of the latest event with such a party", () => {
    const es = run(
      "Sergio Gor and Christopher Landau visited Tashkent on Monday. The delegation also met with business leaders."
    ).events
    expect(
      es
        .find((x) => x.type === "meeting")
        ?.participants.filter((p) => p.role === "actor")
        .map((p) => p.key)
    ).toEqual(["gaz:person:sergio-gor", "gaz:person:christopher-landau"])
    // a number that does not fit the party names nobody
    const three = run(
      "Sergio Gor and Christopher Landau visited Tashkent on Monday. The three leaders also met with business leaders."
    ).events
    expect(three.find((x) => x.type === "meeting")?.participants.filter((p) => p.role === "actor")).toBeUndefined()
  })

  it("an event noun of the same sentence naming no one new retells the event", () => {
    const es = run(
      "Vice President Dick Cheney visited Astana in May 2006, as part of a three-country tour."
    ).events.filter((e) => e.type === "visit")
    expect(es.map((e) => e.spans.length)).toEqual([2])
  })

  it("offering is economic only with money, credit or a contract", () => {
    expect(run("Astana offers Washington a reliable partner.").events.filter((e) => e.type === "economic")).toEqual([])
    expect(run("The bank offered $900 million to Kazakhstan.").events.map((e) => e.type)).toContain("economic")
  })

  it("names inside a title apposition describe the person, they do not take part", () => {
    const e = run(
      "Sergio Gor, the U.S. ambassador to India and Trump's special envoy, travelled to Kazakhstan on Monday."
    ).events.find((x) => x.type === "visit")
    expect(e?.participants.map((p) => p.key)).toEqual(["gaz:person:sergio-gor", "gaz:country:KAZ"])
  })
})

describe("places as the other side of an event noun", () => {
  it("'tensions with Europe over Greenland': the places are its targets; 'talks in Astana' keep the place as the venue", () => {
    expect(roles("China voiced concern about the (growing) tensions with Europe over Greenland.", "other")).toEqual([
      [
        ["actor", "gaz:country:CHN"],
        ["target", "gaz:location:europe"],
        ["target", "gaz:country:GRL"]
      ]
    ])
    expect(
      run("Japarov held talks in Astana.").events.map((e) => [e.participants.map((p) => p.key), e.location])
    ).toEqual([[["gaz:person:sadyr-japarov"], "gaz:location:astana"]])
  })
})

describe("a summit involving a region", () => {
  it("'hope for a summit involving Central Asian states': the region takes part, and the summit is hypothetical", () => {
    const es = run("Xi Jinping expressed hope for a summit involving Central Asian states.").events.filter(
      (e) => e.type === "meeting"
    )
    expect(es.map((e) => [e.modality, e.participants.map((p) => p.key)])).toEqual([
      ["hypothetical", ["gaz:person:xi-jinping", "gaz:location:central-asia"]]
    ])
  })
})

describe("a possessor that acted refers back", () => {
  it("'Xi's invitation' after 'Xi invited ...' is that invitation; 'Kazakhstan's visit' after a visit to Kazakhstan is not", () => {
    const es = run(
      "Xi Jinping invited Japarov to Beijing on Monday. Kyrgyzstan welcomed Xi Jinping's invitation."
    ).events.filter((e) => e.type === "invitation")
    expect(es.map((e) => e.spans.length)).toEqual([2])
    const vs = run(
      "Xi Jinping visited Kazakhstan in May. Officials praised Kazakhstan's visit to Beijing in June."
    ).events.filter((e) => e.type === "visit")
    expect(vs.length).toBe(2)
  })
})

describe("a received event noun", () => {
  it("'X received an invitation from Y': Y invites, X is invited", () => {
    expect(roles("Japarov received an official invitation from Xi Jinping.", "invitation")).toEqual([
      [
        ["target", "gaz:person:sadyr-japarov"],
        ["actor", "gaz:person:xi-jinping"]
      ]
    ])
  })
})
