import { describe, expect, it } from "vitest"
import { predictionsFromRelease } from "../../pipeline/eval/fromRelease.js"
import type { Scores } from "../../pipeline/eval/metrics.js"
import { evaluate, formatReport, toJson } from "../../pipeline/eval/report.js"
import { gold, predicted } from "./handmade.js"
import { golds, readText, tables } from "./release.js"

const tuple = (s: Scores) => [s.tp, s.fp, s.fn]

describe("evaluate", () => {
  it("handmade article: counts per table and attribute accuracies", () => {
    const r = evaluate([predicted], [gold])
    expect([tuple(r.tables.entities), tuple(r.tables.events), tuple(r.tables.relations)]).toEqual([
      [2, 1, 2],
      [3, 1, 0],
      [1, 1, 1]
    ])
    const a = r.events_attributes
    expect(
      [a.type, a.date, a.date_precision, a.undated, a.modality].map((x) => [x.correct, x.total, x.accuracy])
    ).toEqual([
      [2, 3, 2 / 3],
      [1, 2, 0.5],
      [0, 2, 0],
      [1, 1, 1],
      [2, 3, 2 / 3]
    ])
    expect(r.misses.entities.map((m) => [m.doc, m.name])).toEqual([
      ["h01_handmade.txt", "Astana"],
      ["h01_handmade.txt", "Kazakhstan"]
    ])
    expect(r.misses.events).toEqual([])
    expect(r.false_positives.events.map((m) => m.id)).toEqual(["p2"])
    // every wrong attribute of a matched event is listed with both values: p1 date and precision; p3 type, precision,
    // modality
    expect(r.attribute_errors.map((e) => [e.pred_id, e.wrong])).toEqual([
      ["p1", ["date", "date_precision"]],
      ["p3", ["type", "date_precision", "modality"]]
    ])
    for (const e of r.attribute_errors)
      for (const f of e.wrong.filter((x) => x !== "date")) expect(e.predicted[f]).not.toEqual(e.gold[f])
  })

  it("release: micro-average over articles, a shared event counted per article, gold without prediction all missed", () => {
    const r = evaluate(predictionsFromRelease(tables, readText), golds)
    expect([tuple(r.tables.entities), tuple(r.tables.events), tuple(r.tables.relations)]).toEqual([
      [7, 0, 1],
      [2, 0, 0],
      [1, 0, 0]
    ])
    expect([r.tables.entities.precision, r.tables.entities.recall, r.tables.entities.f1]).toEqual([1, 7 / 8, 14 / 15])
    expect([r.not_predicted, r.not_evaluated]).toEqual([["d.txt"], ["c.txt"]])
    expect(
      r.per_doc.map((d) => [d.doc, d.predicted, ...tuple(d.entities), ...tuple(d.baseline_entities)]).slice(2)
    ).toEqual([["d.txt", false, 0, 0, 1, 0, 0, 1]])
    const a = r.events_attributes
    expect([a.type, a.date, a.date_precision, a.modality].map((x) => [x.correct, x.total])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
      [2, 2]
    ])
  })

  it("0/0 is reported as 0 with the counts visible", () => {
    const r = evaluate([], [])
    expect([tuple(r.tables.events), r.tables.events.precision, r.tables.events.recall, r.tables.events.f1]).toEqual([
      [0, 0, 0],
      0,
      0,
      0
    ])
  })

  it("formats a terminal table with 3 decimals, and JSON that round-trips", () => {
    const r = evaluate(predictionsFromRelease(tables, readText), golds)
    const lines = formatReport(r)
      .split("\n")
      .map((l) => l.split(/\s{2,}/))
    expect(lines.find((l) => l[0] === "entities")).toEqual(["entities", "7", "0", "1", "1.000", "0.875", "0.933"])
    expect(lines.find((l) => l[0] === "date (gold dated)")).toEqual(["date (gold dated)", "2", "2", "1.000"])
    expect(JSON.parse(toJson(r))).toEqual(r)
  })
})
