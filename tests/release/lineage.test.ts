/**
 * Issue 4's scenario: a sixth article added to a copy of the seeds yields a new MINOR release
 * whose changes list exactly the new rows, whose existing rows keep their ids, and whose
 * datapackage.json passes the Frictionless-style check; `verify` fails when a file is edited.
 */

import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Context, Effect, Layer, Option } from "effect"
import { parseCsv } from "../../pipeline/05-publish/csv.js"
import { build, verify } from "../../pipeline/Build.js"
import { checkDataPackage } from "../../pipeline/validate/datapackage.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const DEV = join(repoRoot, "..", "shared", "corpus", "dev")
const NEW = "d07_g20-miami-invitations"
const ids = (dir: string, table: string) =>
  new Set(parseCsv(readFileSync(join(dir, "data", `${table}.csv`), "utf8")).rows.map((r) => Object.values(r)[0]!))

/** A copy of the seeds (`src`) built into `out` as 1.0.0, then with a sixth article as 1.1.0, once for the file. */
class Lineage extends Context.Tag("test/Lineage")<Lineage, { readonly src: string; readonly out: string }>() {}
const lineage = Layer.effect(
  Lineage,
  Effect.gen(function* () {
    const src = tmpDir()
    const out = tmpDir()
    cpSync(join(repoRoot, "seeds"), src, { recursive: true })
    const opts = {
      sources: src,
      out,
      version: Option.none<string>(),
      strict: true
    }
    yield* build(opts)
    // a sixth article: a real article from the dev corpus (or, without it, a seed's text with one extra sentence)
    if (existsSync(join(DEV, `${NEW}.txt`))) {
      cpSync(join(DEV, `${NEW}.txt`), join(src, `${NEW}.txt`))
      cpSync(join(DEV, `${NEW}.meta.json`), join(src, `${NEW}.meta.json`))
    } else
      writeFileSync(
        join(src, `${NEW}.txt`),
        "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on June 17, 2025.\n"
      )
    yield* build(opts)
    return { src, out }
  })
).pipe(Layer.provideMerge(NodeContext.layer))

// without the test services: a build reads the live clock ("today", for future publication dates)
layer(lineage, { excludeTestServices: true })("a new source makes a new minor release", (it) => {
  it.effect("is 1.1.0 and names 1.0.0 as its previous version", () =>
    Effect.gen(function* () {
      const { out } = yield* Lineage
      const m = JSON.parse(readFileSync(join(out, "1.1.0", "manifest.json"), "utf8"))
      expect([m.version, m.previous_version]).toEqual(["1.1.0", "1.0.0"])
      expect(JSON.parse(readFileSync(join(out, "latest.json"), "utf8")).version).toBe("1.1.0")
    })
  )

  it.effect("keeps every existing row's id and lists exactly the new rows as added", () =>
    Effect.gen(function* () {
      const { out } = yield* Lineage
      const changes = JSON.parse(readFileSync(join(out, "1.1.0", "changes.json"), "utf8"))
      for (const t of ["sources", "entities", "events", "event_participants", "relations", "evidence"]) {
        const before = ids(join(out, "1.0.0"), t)
        const after = ids(join(out, "1.1.0"), t)
        expect(
          [...before].filter((id) => !after.has(id)),
          `${t} rows lost`
        ).toEqual([])
        expect(changes.tables[t].removed, t).toEqual([])
        expect(new Set(changes.tables[t].added), t).toEqual(new Set([...after].filter((id) => !before.has(id))))
      }
      expect(changes.sources.added).toHaveLength(1)
      expect(changes.events_lineage).toEqual({
        tombstones: [],
        merged: [],
        split: []
      })
      const changelog = readFileSync(join(out, "1.1.0", "CHANGELOG.md"), "utf8")
      for (const id of changes.tables.events.added) expect(changelog).toContain(id)
      for (const id of changes.tables.entities.added) expect(changelog).toContain(id)
    })
  )

  it.effect("building again changes nothing: no 1.1.1, the same bytes", () =>
    Effect.gen(function* () {
      const { src, out } = yield* Lineage
      const before = readFileSync(join(out, "1.1.0", "SHA256SUMS"))
      const r = yield* build({ sources: src, out, version: Option.none(), strict: true })
      expect([r.version, r.status]).toEqual(["1.1.0", "unchanged"])
      expect(existsSync(join(out, "1.1.1"))).toBe(false)
      expect(readFileSync(join(out, "1.1.0", "SHA256SUMS")).equals(before)).toBe(true)
    })
  )

  it.effect("passes the Frictionless-style check of datapackage.json (hashes, types, keys, foreign keys)", () =>
    Effect.gen(function* () {
      const { out } = yield* Lineage
      expect(checkDataPackage(join(out, "1.1.0"))).toEqual([])
      expect(checkDataPackage(join(out, "1.0.0"))).toEqual([])
    })
  )

  it.effect("verify rebuilds the newest release byte for byte, and fails on a hand-edited file", () =>
    Effect.gen(function* () {
      const { src, out } = yield* Lineage
      const n = yield* verify(src, out, join(out, "1.1.0"))
      expect(n).toBeGreaterThan(20)
      const tampered = tmpDir()
      cpSync(out, tampered, { recursive: true })
      appendFileSync(
        join(tampered, "1.1.0", "data", "entities.csv"),
        "ent_0000000000000000,person,Nobody,[],,,,,pattern,0.1,1,1\r\n"
      )
      const err = yield* Effect.flip(verify(src, tampered, join(tampered, "1.1.0")))
      expect(err._tag).toBe("NotReproducible")
      expect(err.message).toContain("data/entities.csv")
    })
  )
})
