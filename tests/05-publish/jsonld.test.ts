/**
 * release.jsonld's text (tests/05-publish/jsonldRdf.test.ts reads it as RDF): the graph of toJsonLd in the streaming
 * key order, one node per line; dates typed by their precision; intervals and conflicting reports where rows have them.
 */

import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { graphNodes, jsonLdBytes, toJsonLd } from "../../pipeline/05-publish/jsonld.js"
import { CONTEXT, decimal, typedDate } from "../../pipeline/05-publish/jsonldContext.js"
import { buildTables } from "../../pipeline/run/tables.js"
import { repoRoot } from "../lib/tmp.js"

/** The keys of every object at every depth that break the order `type`, `id`, then the rest sorted. */
const outOfOrder = (v: unknown, path = ""): Array<string> => {
  if (Array.isArray(v)) return v.flatMap((x, i) => outOfOrder(x, `${path}[${i}]`))
  if (v === null || typeof v !== "object") return []
  const keys = Object.keys(v)
  const head = ["type", "id"].filter((k) => k in v)
  const want = [...head, ...keys.filter((k) => !head.includes(k)).sort()]
  const here = keys.join() === want.join() ? [] : [`${path}: ${keys.join()}`]
  return [...here, ...Object.entries(v).flatMap(([k, x]) => (k === "@context" ? [] : outOfOrder(x, `${path}.${k}`)))]
}

const seeds = () => buildTables(join(repoRoot, "seeds")).pipe(Effect.provide(NodeContext.layer))

describe("release.jsonld bytes", () => {
  it.live("are the graph of toJsonLd with its context inline, keys in streaming order, one node per line", () =>
    Effect.gen(function* () {
      const { tables: t } = yield* seeds()
      const meta = { version: "9.9.9" }
      const text = Buffer.from(jsonLdBytes(t, meta)).toString("utf8")
      const doc = JSON.parse(text)
      expect(doc).toEqual(toJsonLd(t, meta))
      expect(doc["@context"]).toEqual(CONTEXT["@context"])
      expect(outOfOrder(doc.graph)).toEqual([])
      const nodes = text.split("\n").filter((l) => l.startsWith("    {"))
      const rows = t.sources.length + t.entities.length + t.events.length + t.event_participants.length
      expect(nodes.length).toBe(1 + rows + t.relations.length)
      expect(JSON.parse(nodes[0]!.replace(/,$/, ""))).toEqual({
        type: "schema:Dataset",
        name: "central-asia-relations",
        version: "9.9.9"
      })
    })
  )

  it.live("give an interval's end, and a report's conflict, in both the objects and the text", () =>
    Effect.gen(function* () {
      const { tables: t } = yield* seeds()
      const dated = t.events.find((e) => e.date_precision === "day")!
      const events = t.events.map((e) =>
        e === dated ? { ...e, date_end: `${e.date!.slice(0, 8)}28`, date: `${e.date!.slice(0, 8)}25` } : e
      )
      const first = t.evidence.at(0)!
      const evidence = {
        ...t.evidence,
        cellFormatter: <A>(name: Parameters<typeof t.evidence.cellFormatter>[0], f: (v: unknown) => A) =>
          name === "conflict" ? (k: number) => f(k === 0) : t.evidence.cellFormatter(name, f)
      }
      const tables = { ...t, events, evidence }
      const text = Buffer.from(jsonLdBytes(tables, { version: "9.9.9" })).toString("utf8")
      expect(JSON.parse(text)).toEqual(toJsonLd(tables, { version: "9.9.9" }))
      const nodes = [...graphNodes(tables, "9.9.9")] as Array<Record<string, unknown>>
      const node = nodes.find((n) => n.identifier === dated.event_id)!
      expect([node.startDate, node.endDate]).toEqual([
        { "@type": "xsd:date", "@value": `${dated.date!.slice(0, 8)}25` },
        { "@type": "xsd:date", "@value": `${dated.date!.slice(0, 8)}28` }
      ])
      const annotations = nodes.flatMap((n) => (n.evidence ?? []) as Array<Record<string, unknown>>)
      expect(annotations.length).toBe(t.evidence.length)
      expect(annotations.filter((a) => a.conflict === true).map((a) => a.identifier)).toEqual([first.evidence_id])
    })
  )
})

describe("literals", () => {
  it("types a date by its precision and refuses a date whose form is not its precision's", () => {
    expect(typedDate("2023", "year", "r")).toEqual({ "@type": "xsd:gYear", "@value": "2023" })
    expect(typedDate("2023-04", "month", "r")).toEqual({ "@type": "xsd:gYearMonth", "@value": "2023-04" })
    expect(typedDate("2023-04-09", "day", "r")).toEqual({ "@type": "xsd:date", "@value": "2023-04-09" })
    expect(() => typedDate("2023-01-01", "year", "evt_1")).toThrow(
      /evt_1 has the date "2023-01-01" with precision year/
    )
    expect(() => typedDate("2023", "day", "r")).toThrow(/precision day/)
    expect(() => typedDate("2023", "unknown", "r")).toThrow(/precision unknown/)
    expect(() => typedDate("2023", null, "r")).toThrow(/precision null/)
  })

  it("writes confidences as xsd:decimal text, never in exponent form", () => {
    expect([0.7, 1, 0, 0.95].map(decimal)).toEqual(["0.7", "1", "0", "0.95"])
    expect(decimal(1e-7)).toBe("0.0000001")
    expect(decimal(1e-7)).toMatch(/^\d+\.\d+$/)
  })
})
