import { describe, expect, it } from "vitest"
import { predictionsFromRelease } from "../../pipeline/eval/fromRelease.js"
import { matchEvents } from "../../pipeline/eval/match.js"
import { golds, readText, tables } from "./release.js"

describe("predictionsFromRelease", () => {
  const docs = predictionsFromRelease(tables, readText)

  it("builds one document per source, with the rows that have evidence there", () => {
    expect(
      docs.map((d) => [
        d.doc,
        d.text.length,
        d.entities.map((e) => e.id),
        d.events.map((e) => e.id),
        d.relations.map((r) => r.id)
      ])
    ).toEqual([
      ["a.txt", 40, ["ent_rubio", "ent_tokayev", "ent_astana", "ent_kz"], ["evt_1"], ["rel_1"]],
      ["b.txt", 48, ["ent_rubio", "ent_tokayev", "ent_astana"], ["evt_1"], []],
      ["c.txt", 12, ["ent_rubio"], [], []]
    ])
  })

  it("per-article aliases: canonical name, that article's evidence quotes, the aliases column", () => {
    expect(docs.map((d) => [d.doc, d.entities[0]!.aliases])).toEqual([
      ["a.txt", ["Marco Rubio", "Rubio", "Secretary Rubio"]],
      ["b.txt", ["Marco Rubio", "Secretary Rubio"]],
      ["c.txt", ["Marco Rubio", "Rubio", "Secretary Rubio"]]
    ])
  })

  it("events carry that article's spans, joined participants, location, date, precision, modality", () => {
    expect(
      docs.slice(0, 2).map((d) => {
        const e = d.events[0]!
        return [
          d.doc,
          e.spans,
          e.actors.map((x) => x.id),
          e.targets.map((x) => x.id),
          e.location?.id,
          e.date,
          e.precision,
          e.modality
        ]
      })
    ).toEqual([
      ["a.txt", [{ start: 0, end: 27 }], ["ent_rubio"], ["ent_tokayev"], "ent_astana", "2025-11-03", "day", "asserted"],
      ["b.txt", [{ start: 0, end: 37 }], ["ent_rubio"], ["ent_tokayev"], "ent_astana", "2025-11-03", "day", "asserted"]
    ])
  })

  it("a multi-article event is matched once in each article it has evidence in", () => {
    expect(
      docs.slice(0, 2).map((d, i) => matchEvents(d, golds[i]!).matched.map((m) => [d.doc, m.pred.id, m.gold.id]))
    ).toEqual([[["a.txt", "evt_1", "e1"]], [["b.txt", "evt_1", "e1"]]])
  })
})
