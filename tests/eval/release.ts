/**
 * A two-article release fixture: one meeting reported by both articles (one event row with
 * evidence in sources a and b), a relation stated in a only, and a third source c without gold.
 */

import type { ReleaseTables, SourceRow } from "../../pipeline/eval/fromRelease.js"
import { GoldDocument } from "../../schemas/Gold.js"

export const TEXTS: Readonly<Record<string, string>> = {
  "texts/a.txt": "Rubio met Tokayev in Astana, Kazakhstan.",
  "texts/b.txt": "Marco Rubio and Tokayev met in Astana on Monday.",
  "texts/c.txt": "Rubio spoke."
}
export const readText = (s: SourceRow): string => (s.text_path === null ? "" : (TEXTS[s.text_path] ?? ""))

const evd = (
  row_table: "entities" | "events" | "relations",
  row_id: string,
  source_id: string,
  char_start: number,
  char_end: number,
  quote: string
) => ({ row_id, row_table, source_id, char_start, char_end, quote })

export const tables: ReleaseTables = {
  sources: [
    { source_id: "src_a", file_name: "a.txt", text_path: "texts/a.txt" },
    { source_id: "src_b", file_name: "b.txt", text_path: "texts/b.txt" },
    { source_id: "src_c", file_name: "c.txt", text_path: "texts/c.txt" }
  ],
  entities: [
    {
      entity_id: "ent_rubio",
      entity_type: "person",
      name: "Marco Rubio",
      aliases: ["Secretary Rubio"]
    },
    {
      entity_id: "ent_tokayev",
      entity_type: "person",
      name: "Kassym-Jomart Tokayev",
      aliases: ["Tokayev"]
    },
    {
      entity_id: "ent_astana",
      entity_type: "location",
      name: "Astana",
      aliases: ["Astana"]
    },
    {
      entity_id: "ent_kz",
      entity_type: "country",
      name: "Kazakhstan",
      aliases: ["Kazakhstan"]
    }
  ],
  events: [
    {
      event_id: "evt_1",
      event_type: "meeting",
      location_id: "ent_astana",
      date: "2025-11-03",
      date_precision: "day",
      modality: "asserted"
    }
  ],
  event_participants: [
    { event_id: "evt_1", entity_id: "ent_rubio", role: "actor" },
    { event_id: "evt_1", entity_id: "ent_tokayev", role: "target" }
  ],
  relations: [
    {
      relation_id: "rel_1",
      predicate: "located_in",
      subject_id: "ent_astana",
      object_id: "ent_kz",
      role_title: null
    }
  ],
  evidence: [
    evd("entities", "ent_rubio", "src_a", 0, 5, "Rubio"),
    evd("entities", "ent_tokayev", "src_a", 10, 17, "Tokayev"),
    evd("entities", "ent_astana", "src_a", 21, 27, "Astana"),
    evd("entities", "ent_kz", "src_a", 29, 39, "Kazakhstan"),
    evd("events", "evt_1", "src_a", 0, 27, "Rubio met Tokayev in Astana"),
    evd("relations", "rel_1", "src_a", 21, 39, "Astana, Kazakhstan"),
    evd("entities", "ent_rubio", "src_b", 0, 11, "Marco Rubio"),
    evd("entities", "ent_tokayev", "src_b", 16, 23, "Tokayev"),
    evd("entities", "ent_astana", "src_b", 31, 37, "Astana"),
    evd("events", "evt_1", "src_b", 0, 37, "Marco Rubio and Tokayev met in Astana"),
    evd("entities", "ent_rubio", "src_c", 0, 5, "Rubio")
  ]
}

const rubio = {
  name: "Marco Rubio",
  type: "person" as const,
  aliases: ["Marco Rubio", "Rubio"],
  quote: "Rubio"
}
const tokayev = {
  name: "Kassym-Jomart Tokayev",
  type: "person" as const,
  aliases: ["Tokayev"],
  quote: "Tokayev"
}
const astana = {
  name: "Astana",
  type: "location" as const,
  aliases: ["Astana"],
  quote: "Astana"
}
const meeting = (quote: string) => ({
  id: "e1",
  type: "meeting" as const,
  actors: ["Marco Rubio"],
  targets: ["Kassym-Jomart Tokayev"],
  location: "Astana",
  date: "2025-11-03",
  date_precision: "day" as const,
  modality: "asserted" as const,
  quote
})
const published = {
  date: "2025-11-03",
  precision: "day" as const,
  basis: "fixture"
}

export const golds: ReadonlyArray<GoldDocument> = [
  new GoldDocument({
    doc: "a.txt",
    published,
    entities: [
      rubio,
      tokayev,
      astana,
      {
        name: "Kazakhstan",
        type: "country",
        aliases: ["Kazakhstan"],
        quote: "Kazakhstan"
      }
    ],
    events: [meeting("Rubio met Tokayev in Astana")],
    relations: [
      {
        subject: "Astana",
        predicate: "located_in",
        object: "Kazakhstan",
        quote: "Astana, Kazakhstan"
      }
    ]
  }),
  new GoldDocument({
    doc: "b.txt",
    published,
    entities: [rubio, tokayev, astana],
    events: [meeting("Marco Rubio and Tokayev met in Astana on Monday")],
    relations: []
  }),
  new GoldDocument({
    doc: "d.txt",
    published,
    entities: [astana],
    events: [],
    relations: []
  })
]
