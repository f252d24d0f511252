/** The commands the CI workflows call: the reproducible packer, and candidate.sh's refusal of an unknown base (the
 * simulated pull request in pullRequest.test.ts runs it and release.sh in full). */

import { execFileSync, spawnSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { sha256 } from "../../pipeline/shared/hash.js"
import { buildSeeds } from "../lib/build.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

describe("CI scripts", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live("pack.sh makes the same .tar.gz twice, with a checksum file that matches", () =>
    Effect.gen(function* () {
      const dist = tmpDir()
      yield* buildSeeds(dist)
      const [a, b] = [tmpDir(), tmpDir()]
      for (const out of [a, b]) execFileSync("bash", [join(repoRoot, "pipeline/ci/pack.sh"), "1.0.0", dist, out])
      const name = "central-asia-relations-1.0.0.tar.gz"
      const bytes = readFileSync(join(a, name))
      expect(bytes.equals(readFileSync(join(b, name)))).toBe(true)
      expect(readFileSync(join(a, `${name}.sha256`), "utf8")).toBe(`${sha256(bytes)}  ${name}\n`)
      expect(execFileSync("tar", ["-tzf", join(a, name)]).toString()).toContain("1.0.0/manifest.json")
    })
  )

  it("candidate.sh stops before building when the base ref does not exist, saying how to get it", () => {
    const work = tmpDir()
    const r = spawnSync(
      "bash",
      [join(repoRoot, "pipeline/ci/candidate.sh"), "seeds", work, join(work, "s.md"), "no-such-ref"],
      {
        encoding: "utf8"
      }
    )
    expect([r.status, r.stderr.trim()]).toEqual([
      1,
      "candidate: base ref 'no-such-ref' not found: fetch it (git fetch origin main; actions/checkout with fetch-depth: 0) or pass it as the 4th argument"
    ])
    expect(readdirSync(work)).toEqual([])
  })
})
