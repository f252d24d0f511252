import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Entity } from "../../schemas/Entity.js"
import { Event } from "../../schemas/Event.js"
import { Evidence } from "../../schemas/Evidence.js"
import { PartialIsoDate } from "../../schemas/SourceMeta.js"

const entity = {
  entity_id: "ent_0123456789abcdef",
  entity_type: "country",
  name: "Kazakhstan",
  aliases: ["Kazakhstan"],
  iso_alpha2: "KZ",
  iso_alpha3: "KAZ",
  wikidata_qid: null,
  gazetteer_key: "country:KAZ",
  detection: "gazetteer",
  confidence: 0.95,
  source_count: 1,
  mention_count: 2
}
const decode =
  <A, I>(s: Schema.Schema<A, I>) =>
  (v: unknown) =>
    Schema.decodeUnknownEither(s)(v)._tag

describe("schemas reject bad rows", () => {
  it("accepts a good entity row", () => expect(decode(Entity)(entity)).toBe("Right"))
  it.each([
    ["an id without its prefix", { ...entity, entity_id: "0123456789abcdef" }],
    ["an id that could be a spreadsheet formula", { ...entity, entity_id: "=cmd|x" }],
    ["an unknown entity type", { ...entity, entity_type: "planet" }],
    ["a confidence above 1", { ...entity, confidence: 1.5 }],
    ["a negative count", { ...entity, mention_count: -1 }],
    ["a fractional count", { ...entity, source_count: 1.5 }],
    ["aliases that are not a list", { ...entity, aliases: "Kazakhstan" }],
    ["a missing column", (({ name: _n, ...rest }) => rest)(entity)]
  ])("rejects %s", (_why, row) => expect(decode(Entity)(row)).toBe("Left"))

  it("rejects an event with an unknown modality, a non-date date_start or a bare CAMEO code", () => {
    const ev = {
      event_id: "evt_0123456789abcdef",
      event_type: "meeting",
      cameo_code: "CAMEO:040",
      plover_type: "CONSULT",
      summary: "s",
      trigger: "meet",
      date: "2025-11-06",
      date_start: "2025-11-06",
      date_end: null,
      date_precision: "day",
      modality: "asserted",
      location_id: null,
      source_count: 1,
      evidence_count: 1,
      date_conflict: false,
      confidence: 0.7
    }
    expect(decode(Event)(ev)).toBe("Right")
    expect(decode(Event)({ ...ev, modality: "rumoured" })).toBe("Left")
    expect(decode(Event)({ ...ev, date_start: "6 Nov 2025" })).toBe("Left")
    // a bare CAMEO code reads as a number in CSV readers (leading zero lost): published only as CAMEO:<code>
    expect(decode(Event)({ ...ev, cameo_code: "040" })).toBe("Left")
  })

  it("rejects evidence with negative offsets", () => {
    const e = {
      evidence_id: "evd_0123456789abcdef",
      row_id: "ent_0123456789abcdef",
      row_table: "entities",
      source_id: "src_0123456789abcdef",
      text_sha256: "x",
      char_start: -1,
      char_end: 3,
      quote: "abc",
      method: "m.v1",
      pipeline_version: "0.1.0",
      confidence: 0.5,
      reported_date: null,
      reported_precision: null,
      reported_modality: null,
      conflict: false
    }
    expect(decode(Evidence)(e)).toBe("Left")
    expect(decode(Evidence)({ ...e, char_start: 0 })).toBe("Right")
  })

  it("partial dates must exist", () => {
    expect(decode(PartialIsoDate)("2025-02-28")).toBe("Right")
    expect(decode(PartialIsoDate)("2025-02-30")).toBe("Left")
    expect(decode(PartialIsoDate)("2025-13")).toBe("Left")
    expect(decode(PartialIsoDate)("not a date")).toBe("Left")
  })
})
