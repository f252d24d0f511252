/** The commands the CI workflows call: the candidate-release script and the reproducible packer. */

import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
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

  it("candidate.sh builds, validates and summarises a candidate release without touching dist/", () => {
    const work = tmpDir()
    const summary = join(work, "summary.md")
    execFileSync("bash", [join(repoRoot, "pipeline/ci/candidate.sh"), "seeds", join(work, "w"), summary], {
      cwd: repoRoot,
      stdio: "pipe"
    })
    const text = readFileSync(summary, "utf8")
    expect(text).toMatch(/^## Candidate release \d+\.\d+\.\d+/)
    expect(text).toContain("entities")
  }, 180_000)
})
