/**
 * The committed release must be exactly what the sources and code in this repository build:
 * a change to seeds/, the lexicons or the code without rebuilding dist/ fails here, naming the
 * files that differ. The release must also validate and pass the datapackage.json check.
 */

import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { verify } from "../../pipeline/Build.js"
import { validateRelease } from "../../pipeline/validate/checks.js"
import { checkDataPackage } from "../../pipeline/validate/datapackage.js"
import { repoRoot } from "../lib/tmp.js"

const dist = join(repoRoot, "dist")
const latest = existsSync(join(dist, "latest.json"))
  ? (JSON.parse(readFileSync(join(dist, "latest.json"), "utf8")) as {
      path: string
    })
  : null

describe("dist/", () => {
  it("holds a release", () => expect(latest).not.toBeNull())

  // live: verify rebuilds, and a build reads the clock ("today", for future publication dates)
  it.live(
    "the newest release rebuilds byte for byte from seeds/ and the code (run `npm run build:release` after changing them)",
    () =>
      Effect.gen(function* () {
        const n = yield* verify(join(repoRoot, "seeds"), dist, join(dist, latest!.path)).pipe(
          Effect.provide(NodeContext.layer)
        )
        expect(n).toBeGreaterThan(20)
      })
  )

  it("validates and passes the Frictionless-style datapackage check", () => {
    expect(validateRelease(join(dist, latest!.path))).toEqual([])
    expect(checkDataPackage(join(dist, latest!.path))).toEqual([])
  })
})
