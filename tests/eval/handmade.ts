/**
 * A tiny handmade article with its gold file and predictions whose figures are known by hand
 * (see the comments on each prediction).
 */

import type { PredEntity, PredEvent, PredictedDoc } from "../../pipeline/eval/types.js"
import { GoldDocument } from "../../schemas/Gold.js"

/** The flag emoji is 2 code points but 4 UTF-16 units: gold spans shift by 2 when converted. */
export const TEXT =
  "🇺🇸 Secretary of State Marco Rubio met Kazakh President Kassym-Jomart Tokayev in Astana on 5 November 2025. " +
  "Rubio will visit Tashkent next year. The United States signed a deal with Kazakhstan."

export const gold = new GoldDocument({
  doc: "h01_handmade.txt",
  published: { date: "2025-11-05", precision: "day", basis: "handmade" },
  entities: [
    {
      name: "Marco Rubio",
      type: "person",
      aliases: ["Marco Rubio", "Rubio"],
      quote: "Marco Rubio"
    },
    {
      name: "Kassym-Jomart Tokayev",
      type: "person",
      aliases: ["Kassym-Jomart Tokayev"],
      quote: "Kassym-Jomart Tokayev"
    },
    { name: "Astana", type: "location", aliases: ["Astana"], quote: "Astana" },
    {
      name: "Kazakhstan",
      type: "country",
      aliases: ["Kazakhstan", "Kazakh"],
      quote: "Kazakhstan"
    }
  ],
  events: [
    {
      id: "e1",
      type: "meeting",
      actors: ["Marco Rubio"],
      targets: ["Kassym-Jomart Tokayev"],
      location: "Astana",
      date: "2025-11-05",
      date_precision: "day",
      modality: "asserted",
      quote: "Marco Rubio met Kazakh President Kassym-Jomart Tokayev in Astana on 5 November 2025"
    },
    {
      id: "e2",
      type: "visit",
      actors: ["Marco Rubio"],
      targets: [],
      location: null,
      date: "2026",
      date_precision: "year",
      modality: "planned",
      quote: "Rubio will visit Tashkent next year"
    },
    {
      id: "e3",
      type: "agreement",
      actors: ["Kazakhstan"],
      targets: [],
      location: null,
      date: null,
      date_precision: "unknown",
      modality: "asserted",
      quote: "The United States signed a deal with Kazakhstan"
    }
  ],
  relations: [
    {
      subject: "Kassym-Jomart Tokayev",
      predicate: "holds_position",
      object: "Kazakhstan",
      role: "President",
      quote: "Kazakh President Kassym-Jomart Tokayev"
    },
    {
      subject: "Astana",
      predicate: "located_in",
      object: "Kazakhstan",
      quote: "Astana"
    }
  ]
})

const ent = (id: string, name: string, type: PredEntity["type"], aliases: ReadonlyArray<string> = []): PredEntity => ({
  id,
  name,
  type,
  aliases
})
export const rubio = ent("ent_rubio", "Rubio", "person", ["Marco Rubio"]) // TP (alias)
export const tokayev = ent("ent_tokayev", "Kassym–Jomart Tokayev", "person") // TP (en dash folds to hyphen)
export const astanaAsCountry = ent("ent_astana", "Astana", "country") // FP: type disagrees with gold location
export const kazakhstan = ent("ent_kz", "Kazakhstan", "country", ["Kazakh"]) // not listed: only a relation object
export const usa = ent("ent_us", "United States", "country")

const event = (e: Partial<PredEvent> & Pick<PredEvent, "id" | "type" | "spans">): PredEvent => ({
  actors: [],
  targets: [],
  participants: [],
  location: null,
  date: null,
  precision: "unknown",
  modality: "asserted",
  ...e
})

export const events: ReadonlyArray<PredEvent> = [
  // TP for e1 (overlap 83): type right, date wrong (less precise), precision wrong, modality right
  event({
    id: "p1",
    type: "meeting",
    spans: [{ start: 22, end: 105 }],
    actors: [rubio],
    date: "2025-11",
    precision: "month"
  }),
  // FP: also overlaps e1 with a Rubio actor, but only by 15 code points, so p1 wins
  event({
    id: "p2",
    type: "statement",
    spans: [{ start: 22, end: 37 }],
    actors: [rubio]
  }),
  // TP for e2: type wrong, date "2026-01" right at gold year precision, precision wrong, modality wrong
  event({
    id: "p3",
    type: "meeting",
    spans: [{ start: 107, end: 142 }],
    participants: [rubio],
    date: "2026-01",
    precision: "month"
  }),
  // TP for e3 by its span alone: e3's only gold participant (Kazakhstan) is not predicted in the
  // article, so the participant test is waived (the entity table counts the missing name)
  event({
    id: "p4",
    type: "agreement",
    spans: [{ start: 144, end: 191 }],
    actors: [usa]
  })
]

export const predicted: PredictedDoc = {
  doc: "h01_handmade.txt",
  text: TEXT,
  entities: [rubio, tokayev, astanaAsCountry],
  events,
  relations: [
    {
      id: "r1",
      predicate: "holds_position",
      subject: tokayev,
      object: kazakhstan,
      role: "president"
    }, // TP
    {
      id: "r2",
      predicate: "member_of",
      subject: tokayev,
      object: kazakhstan,
      role: null
    } // FP: predicate differs
  ]
}
