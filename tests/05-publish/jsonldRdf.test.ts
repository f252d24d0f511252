/**
 * release.jsonld read as RDF by an independent parser (jsonld-streaming-parser, offline), checked against the
 * release's CSV tables: every row is the same absolute IRI, dates carry the datatype of their precision, every
 * evidence row is one Web Annotation whose selectors slice its quote from the text, and the number of triples is the
 * one docs/linked-data.md states for these tables. jsonld.js (what verify-release uses) reads the same graph.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import type * as RDF from "@rdfjs/types"
import { parse } from "csv-parse/sync"
import { Effect } from "effect"
import jsonld from "jsonld"
import { buildSeeds } from "../lib/build.js"
import { bySubject, parseJsonLdFile, termKey, treeLines } from "../lib/rdf.js"
import { tmpDir } from "../lib/tmp.js"

const BASE = "https://w3id.org/central-asia-relations/id/"
const [SCHEMA, OA, CAR, XSD] = [
  "https://schema.org/",
  "http://www.w3.org/ns/oa#",
  "https://w3id.org/central-asia-relations/ns#",
  "http://www.w3.org/2001/XMLSchema#"
]
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
const DATATYPE: Record<string, string> = { year: "gYear", month: "gYearMonth", day: "date" }

type Row = Record<string, string>
let rel = ""
const tables: Record<string, Array<Row>> = {}
let quads: Array<RDF.Quad> = []
let requested: Array<string> = []

beforeAll(async () => {
  const out = tmpDir()
  await Effect.runPromise(buildSeeds(out))
  rel = join(out, "1.0.0")
  for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"])
    tables[t] = parse(readFileSync(join(rel, "data", `${t}.csv`), "utf8"), { columns: true }) as Array<Row>
  ;({ quads, requested } = await parseJsonLdFile(join(rel, "release.jsonld")))
})

/** The typed literal a date of the tables should become, as a term key. */
const typed = (value: string, precision: string) => `${JSON.stringify(value)}^^<${XSD}${DATATYPE[precision]}>`

/** Distinct sources quoted by each row's evidence. */
const sourcesByRow = () => {
  const out = new Map<string, Set<string>>()
  for (const e of tables.evidence!) out.set(e.row_id!, (out.get(e.row_id!) ?? new Set()).add(e.source_id!))
  return (id: string) => out.get(id)?.size ?? 0
}

/**
 * The triples the tables should give (docs/linked-data.md): dataset 3; source 5 + [published] + [url]; entity
 * 5 + aliases other than the name + [iso2] + [iso3] + [wikidata] + sources; event 11 + [date] + [date_end] +
 * [location] + participants + sources; participation 6 + sources; relation 7 + [role_title] + sources; evidence row
 * 17 + [reported_date] + [reported_modality] + [conflict].
 */
const expectedTriples = (): number => {
  const sources = sourcesByRow()
  const n = (v: string | undefined) => (v ? 1 : 0)
  const participants = new Map<string, number>()
  for (const p of tables.event_participants!) participants.set(p.event_id!, (participants.get(p.event_id!) ?? 0) + 1)
  const sum = (rows: Array<Row>, f: (r: Row) => number) => rows.reduce((acc, r) => acc + f(r), 0)
  return (
    3 +
    sum(tables.sources!, (s) => 5 + n(s.published) + n(s.url)) +
    sum(tables.entities!, (e) => {
      const aliases = (JSON.parse(e.aliases!) as Array<string>).filter((a) => a !== e.name).length
      return 5 + aliases + n(e.iso_alpha2) + n(e.iso_alpha3) + n(e.wikidata_qid) + sources(e.entity_id!)
    }) +
    sum(tables.events!, (e) => {
      const extra = n(e.date) + n(e.date_end) + n(e.location_id) + (participants.get(e.event_id!) ?? 0)
      return 11 + extra + sources(e.event_id!)
    }) +
    sum(tables.event_participants!, (p) => 6 + sources(p.participant_id!)) +
    sum(tables.relations!, (r) => 7 + n(r.role_title) + sources(r.relation_id!)) +
    sum(tables.evidence!, (e) => 17 + n(e.reported_date) + n(e.reported_modality) + (e.conflict === "true" ? 1 : 0))
  )
}

describe("release.jsonld read by jsonld-streaming-parser, offline", () => {
  it("loads nothing, keeps every triple in the default graph, and gives the triple count of the tables", () => {
    expect(requested).toEqual([])
    // the context shipped alone is the one inline in the document
    const inline = JSON.parse(readFileSync(join(rel, "release.jsonld"), "utf8"))["@context"]
    expect(JSON.parse(readFileSync(join(rel, "context.jsonld"), "utf8"))).toEqual({ "@context": inline })
    expect(quads.filter((q) => q.graph.termType !== "DefaultGraph")).toEqual([])
    const distinct = new Set(quads.map((q) => [q.subject, q.predicate, q.object].map(termKey).join(" ")))
    expect(distinct.size).toBe(quads.length)
    expect(quads.length).toBe(expectedTriples())
    const iris = quads.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === "NamedNode")
    expect(iris.filter((t) => !/^https?:\/\//.test(t.value)).map((t) => t.value)).toEqual([])
  })

  it("gives every row of every table the same absolute IRI, with its table id as schema:identifier", () => {
    const g = bySubject(quads)
    const keys = { sources: "source_id", entities: "entity_id", events: "event_id", relations: "relation_id" }
    const all = { ...keys, event_participants: "participant_id", evidence: "evidence_id" }
    for (const [t, key] of Object.entries(all)) {
      expect(tables[t]!.length, t).toBeGreaterThan(0)
      for (const r of tables[t]!) {
        const id = r[key]!
        expect(g.one(`<${BASE}${id}>`, `${SCHEMA}identifier`), `${t} ${id}`).toBe(`"${id}"^^<${XSD}string>`)
      }
    }
    const ours = [...g.subjects()].filter((s) => s.startsWith(`<${BASE}`))
    expect(ours.length).toBe(Object.keys(all).reduce((n, t) => n + tables[t]!.length, 0))
  })

  it("types every event date and publication date by its precision, and states no date the tables lack", () => {
    const g = bySubject(quads)
    const dates = (s: string, p: string) => g.objects(`<${BASE}${s}>`, `${SCHEMA}${p}`).map(termKey)
    let typedCount = 0
    for (const e of tables.events!) {
      expect(dates(e.event_id!, "startDate"), e.event_id).toEqual(e.date ? [typed(e.date, e.date_precision!)] : [])
      expect(dates(e.event_id!, "endDate"), e.event_id).toEqual(
        e.date_end ? [typed(e.date_end, e.date_precision!)] : []
      )
      typedCount += e.date ? 1 : 0
    }
    for (const s of tables.sources!)
      expect(dates(s.source_id!, "datePublished")).toEqual(
        s.published ? [typed(s.published, s.published_precision!)] : []
      )
    // the seeds have dates at each precision
    expect(new Set(tables.events!.filter((e) => e.date).map((e) => e.date_precision))).toEqual(
      new Set(["year", "month", "day"])
    )
    expect(typedCount).toBeGreaterThan(0)
  })

  it("makes every evidence row one Web Annotation of its row, whose selectors slice its quote from the text", () => {
    const g = bySubject(quads)
    const annotations = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${OA}Annotation`)
    expect(annotations.length).toBe(tables.evidence!.length)
    const texts = new Map<string, Array<string>>()
    const textOf = (src: string) => {
      if (!texts.has(src)) texts.set(src, [...readFileSync(join(rel, "texts", `${src}.txt`), "utf8")])
      return texts.get(src)!
    }
    const value = (s: string, p: string) => JSON.parse(g.one(s, p).split("^^")[0]!) as string
    for (const e of tables.evidence!) {
      const a = `<${BASE}${e.evidence_id}>`
      expect(g.one(a, `${OA}hasBody`)).toBe(`<${BASE}${e.row_id}>`)
      const target = g.one(a, `${OA}hasTarget`)
      expect(g.one(target, `${OA}hasSource`)).toBe(`<${BASE}${e.source_id}>`)
      const selectors = g.objects(target, `${OA}hasSelector`).map(termKey)
      const kind = (t: string) => selectors.find((s) => g.one(s, RDF_TYPE) === `<${OA}${t}>`)!
      const [position, quote] = [kind("TextPositionSelector"), kind("TextQuoteSelector")]
      const [start, end] = [Number(value(position, `${OA}start`)), Number(value(position, `${OA}end`))]
      expect([start, end, value(quote, `${OA}exact`)]).toEqual([Number(e.char_start), Number(e.char_end), e.quote])
      expect(textOf(e.source_id!).slice(start, end).join(""), e.evidence_id).toBe(e.quote)
      if (e.reported_date) expect(g.one(a, `${CAR}reportedDate`)).toBe(typed(e.reported_date, e.reported_precision!))
    }
    const tablesCovered = new Set(tables.evidence!.map((e) => e.row_table))
    expect(tablesCovered).toEqual(new Set(["entities", "events", "event_participants", "relations"]))
  })
})

describe("release.jsonld read by jsonld.js, offline and in safe mode", () => {
  it("is the same graph as jsonld-streaming-parser's, blank nodes aside", async () => {
    const refused: Array<string> = []
    const documentLoader = async (url: string) => {
      refused.push(url)
      throw new Error(`offline: refused ${url}`)
    }
    const path = join(rel, "release.jsonld")
    const doc = JSON.parse(readFileSync(path, "utf8"))
    const theirs = (await jsonld.toRDF(doc, { documentLoader, base: `file://${path}`, safe: true } as never)) as never
    expect(refused).toEqual([])
    const lines = treeLines(theirs)
    expect(lines.length).toBeGreaterThan(1000)
    expect(lines).toEqual(treeLines(quads))
  })
})
