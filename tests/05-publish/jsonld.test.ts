/**
 * The release's JSON-LD expands offline (a loader that serves only the release's own context and refuses the network).
 */

import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import jsonld from "jsonld"
import { jsonLdBytes, toJsonLd } from "../../pipeline/05-publish/jsonld.js"
import { buildTables } from "../../pipeline/run/tables.js"
import { stableStringify } from "../../pipeline/shared/stableJson.js"
import { buildSeeds } from "../lib/build.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

describe("JSON-LD", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live("expands offline in safe mode, with every entity, event and relation id", () =>
    Effect.gen(function* () {
      const out = tmpDir()
      yield* buildSeeds(out, { strict: false })
      const rel = join(out, "1.0.0")
      const refused: Array<string> = []
      const documentLoader = async (url: string) => {
        if (url.endsWith("/context.jsonld"))
          return {
            contextUrl: null,
            documentUrl: url,
            document: JSON.parse(readFileSync(join(rel, "context.jsonld"), "utf8"))
          }
        refused.push(url)
        throw new Error(`offline: refused ${url}`)
      }
      const doc = JSON.parse(readFileSync(join(rel, "release.jsonld"), "utf8"))
      const expanded = yield* Effect.promise(async () =>
        jsonld.expand(doc, {
          documentLoader,
          base: `file://${rel}/release.jsonld`,
          safe: true
        } as never)
      )
      expect(refused).toEqual([])
      const text = JSON.stringify(expanded)
      for (const t of ["entities", "events", "relations"]) {
        const ids = readFileSync(join(rel, `data/${t}.csv`), "utf8")
          .split("\r\n")
          .slice(1)
          .filter(Boolean)
          .map((l) => l.split(",")[0]!)
        expect(ids.length).toBeGreaterThan(0)
        for (const id of ids) expect(text.includes(id), `${t} ${id}`).toBe(true)
      }
      expect(text).toContain("http://www.w3.org/ns/oa#TextPositionSelector")
    })
  )
})

describe("release.jsonld bytes", () => {
  it.live("are the graph of toJsonLd, keys sorted, one node per line", () =>
    Effect.gen(function* () {
      const built = yield* buildTables(join(repoRoot, "seeds")).pipe(Effect.provide(NodeContext.layer))
      const meta = { version: "9.9.9", contextFile: "context.jsonld" }
      const text = Buffer.from(jsonLdBytes(built.tables, meta)).toString("utf8")
      const doc = JSON.parse(text)
      expect(doc).toEqual(toJsonLd(built.tables, meta))
      // every node already has its keys in sorted order, at every depth
      expect(JSON.stringify(doc)).toBe(JSON.stringify(JSON.parse(stableStringify(doc))))
      const lines = text.split("\n")
      const t = built.tables
      expect(lines.filter((l) => l.startsWith("    {")).length).toBe(
        t.sources.length + t.entities.length + t.events.length + t.relations.length
      )
    })
  )
})
