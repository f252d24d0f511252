/** The command line as a user meets it in a pipe or a CI log: plain text, the pipeline's version, every option. */
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { PIPELINE_VERSION } from "../../schemas/version.js"
import { repoRoot } from "../lib/tmp.js"

const cli = (args: ReadonlyArray<string>, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "pipeline", "bin.ts"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env }
  })

describe("help in a pipe", () => {
  it("has no colour codes, names the pipeline's version, the build options and their defaults", () => {
    const r = cli(["--help"])
    expect(r.status).toBe(0)
    expect(r.stdout).not.toMatch(/\u001b\[/)
    expect(r.stdout).toContain(`pipeline ${PIPELINE_VERSION}`)
    const b = cli(["build", "--help"])
    expect(b.stdout).not.toMatch(/\u001b\[/)
    for (const o of ["--memory", "--no-progress", "--workers", "--timings"]) expect(b.stdout).toContain(o)
    for (const d of ["Default: seeds", "Default: dist", "Default: 500.", "Default: latest."])
      expect(b.stdout).toContain(d)
  }, 60_000)

  it("a usage error is plain too, and exits 2", () => {
    const r = cli(["build", "--memory", "10"])
    expect(r.status).toBe(2)
    expect(`${r.stdout}${r.stderr}`).toContain("--memory must be at least 100")
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\u001b\[/)
  }, 60_000)
})

describe("verify an older release", () => {
  it("is accepted, and a release built by other code is said to be before the files that differ", () => {
    const r = cli(["verify", "dist/2.0.0"])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain("note: dist/2.0.0 was built by pipeline 0.1.0; this checkout is")
    expect(r.stderr).toContain("[not-reproducible]")
  }, 120_000)
})
