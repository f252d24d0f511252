/**
 * The Node example loads the newest release as a user would (from the repository root) and its
 * counts agree with the manifest. The Python script and notebook: python.test.ts.
 */
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot } from "../lib/tmp.js"

describe("examples/load.mjs", () => {
  it("reads the Arrow files of dist/latest.json's release and joins events with participants and entities", () => {
    const latest = JSON.parse(readFileSync(join(repoRoot, "dist", "latest.json"), "utf8")) as {
      version: string
      path: string
    }
    const m = JSON.parse(readFileSync(join(repoRoot, "dist", latest.path, "manifest.json"), "utf8")) as {
      tables: Record<string, { rows: number }>
    }
    const out = execFileSync(process.execPath, ["examples/load.mjs"], {
      cwd: repoRoot,
      encoding: "utf8"
    })
    const lines = out.trim().split("\n")
    expect(lines[0]).toBe(
      `release ${latest.version}: ${m.tables.events!.rows} events, ${m.tables.entities!.rows} entities`
    )
    // each multi-source event line names its participants as role:name
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines.slice(1)) expect(l).toMatch(/^\w+ \S+ \(\w+, \d+ sources\): (actor|target|participant):/)
  })
})
