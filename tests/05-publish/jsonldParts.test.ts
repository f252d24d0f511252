/**
 * The release's JSON-LD in parts (jsonld.ts emitJsonLdParts): with a cap small enough to split the seeds, every part is
 * a whole document with the inline context, one node per line, no larger than the cap unless it holds one node; the
 * nodes keep their order; and the parts read by an independent parser (jsonld-streaming-parser) give the single
 * document's triples. Under the cap there is one part, byte for byte the single document.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { renderCard } from "../../pipeline/05-publish/card.js"
import {
  CONTEXT,
  emitJsonLdParts,
  JSONLD_PART_BYTES,
  jsonLdBytes,
  jsonLdPartPath
} from "../../pipeline/05-publish/jsonld.js"
import { memorySink } from "../../pipeline/05-publish/sink.js"
import { buildTables } from "../../pipeline/run/tables.js"
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { parseJsonLdFile, treeLines } from "../lib/rdf.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const META = { version: "9.9.9" }
/** Small enough to split the seeds' 0.7 MB into dozens of parts, and smaller than their largest nodes (32 kB). */
const CAP = 20_000

let t: ReleaseTables
let single = ""
beforeAll(async () => {
  ;({ tables: t } = await Effect.runPromise(
    buildTables(join(repoRoot, "seeds")).pipe(Effect.provide(NodeContext.layer))
  ))
  single = Buffer.from(jsonLdBytes(t, META)).toString("utf8")
})

/** The parts written with `cap`, by path, in the order they were written. */
const partsWith = (cap: number) => {
  const sink = memorySink()
  const n = emitJsonLdParts(t, META, (path, emit) => sink.write(path, emit), cap)
  return { n, parts: [...sink.bytes].map(([path, b]) => [path, Buffer.from(b).toString("utf8")] as const) }
}

const nodeLines = (text: string) => text.split("\n").filter((l) => l.startsWith("    {"))

describe("release.jsonld in parts", () => {
  it("is one part, the single document byte for byte, under the cap", () => {
    expect(single.length).toBeLessThan(JSONLD_PART_BYTES)
    const { n, parts } = partsWith(JSONLD_PART_BYTES)
    expect([n, parts.map(([p]) => p)]).toEqual([1, ["release.jsonld"]])
    expect(parts[0]![1]).toBe(single)
    expect(partsWith(Buffer.byteLength(single)).n).toBe(1)
    expect(partsWith(Buffer.byteLength(single) - 1).n).toBe(2)
  })

  it("splits into whole documents named release.jsonld, release-2.jsonld, ..., each within the cap or one node", () => {
    const { n, parts } = partsWith(CAP)
    expect(n).toBeGreaterThan(10)
    expect(parts.map(([p]) => p)).toEqual(Array.from({ length: n }, (_, k) => jsonLdPartPath(k + 1)))
    let alone = 0
    for (const [path, text] of parts) {
      const doc = JSON.parse(text)
      expect(Object.keys(doc), path).toEqual(["@context", "graph"])
      expect(doc["@context"], path).toEqual(CONTEXT["@context"])
      const lines = nodeLines(text)
      expect(doc.graph.length, path).toBe(lines.length)
      if (Buffer.byteLength(text) > CAP) {
        expect(lines.length, path).toBe(1)
        alone++
      }
    }
    expect(alone).toBeGreaterThan(0)
    // the same nodes in the same order, the dataset node first in release.jsonld; the same layout
    expect(parts.flatMap(([, text]) => nodeLines(text).map((l) => l.replace(/,$/, "")))).toEqual(
      nodeLines(single).map((l) => l.replace(/,$/, ""))
    )
    expect(JSON.parse(parts[0]![1]).graph[0]).toEqual({
      type: "schema:Dataset",
      name: "central-asia-relations",
      ...META
    })
    const head = single.slice(0, single.indexOf("\n    {"))
    expect(parts.every(([, text]) => text.startsWith(`${head}\n    {`) && text.endsWith("}\n  ]\n}\n"))).toBe(true)
    // a function of the content alone
    expect(partsWith(CAP).parts).toEqual(parts)
  })

  it("gives, read by jsonld-streaming-parser offline, the triples of the single document", async () => {
    const dir = tmpDir()
    const read = async (name: string, text: string) => {
      writeFileSync(join(dir, name), text)
      const { quads, requested } = await parseJsonLdFile(join(dir, name))
      expect(requested).toEqual([])
      return quads
    }
    const whole = await read("single.jsonld", single)
    const { parts } = partsWith(CAP)
    // each part's blank nodes (annotation targets, selectors, the dataset) lie inside its own nodes, so the parts'
    // trees together are the single document's
    const lines: Array<string> = []
    let triples = 0
    for (const [path, text] of parts) {
      const quads = await read(path, text)
      triples += quads.length
      lines.push(...treeLines(quads))
    }
    expect(triples).toBe(whole.length)
    expect(lines.sort()).toEqual(treeLines(whole))
  })

  it("is described by the card when there is more than one part", () => {
    const card = (jsonLdParts?: number) =>
      renderCard({ ...t, sources: [] } as unknown as ReleaseTables, {
        version: "9.9.9",
        previousVersion: null,
        created: "2025-11-06T00:00:00Z",
        lexiconHash: "0".repeat(64),
        codeSha256: "c".repeat(64),
        rejected: [],
        texts: new Map(),
        contentSha256: "a".repeat(64),
        ...(jsonLdParts === undefined ? {} : { jsonLdParts })
      })
    expect(card(1)).toBe(card())
    expect(card()).not.toMatch(/release-2\.jsonld/)
    expect(card(2)).toMatch(/in 2 parts \(`release\.jsonld`, `release-2\.jsonld`\)/)
    expect(card(20)).toMatch(/in 20 parts \(`release\.jsonld`, `release-2\.jsonld` … `release-20\.jsonld`\)/)
  })
})
