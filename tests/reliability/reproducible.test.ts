/**
 * Reproducible anywhere: the seeds built under other time zones, locales, working directories
 * and source orders (files copied into the folder in reverse order) give byte-identical releases.
 */
import { spawn } from "node:child_process"
import { copyFileSync, readdirSync, mkdirSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const buildIn = (cwd: string, sources: string, out: string, env: Record<string, string>) =>
  new Promise<number | null>((resolve) => {
    // tsx by absolute URL: a bare "tsx" would be resolved from the working directory
    const c = spawn(process.execPath, ["--import", pathToFileURL(join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href, join(repoRoot, "pipeline", "bin.ts"), "build", "--sources", sources, "--out", out], {
      cwd,
      env: { ...process.env, ...env },
      stdio: "ignore"
    })
    c.on("close", (code) => resolve(code))
  })

describe("reproducible builds", () => {
  it("TZ, LANG/LC_ALL, working directory and source order change no byte", async () => {
    const seeds = join(repoRoot, "seeds")
    const reversed = tmpDir()
    const files = readdirSync(seeds, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort().reverse()
    for (const f of files) copyFileSync(join(seeds, f), join(reversed, f))
    mkdirSync(join(reversed, "gold"))
    for (const f of readdirSync(join(seeds, "gold")).sort().reverse()) copyFileSync(join(seeds, "gold", f), join(reversed, "gold", f))
    const runs: Array<[string, string, Record<string, string>]> = [
      [repoRoot, seeds, { TZ: "UTC", LANG: "C", LC_ALL: "C" }],
      [repoRoot, seeds, { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" }],
      [tmpDir(), seeds, { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" }],
      [repoRoot, reversed, { TZ: "UTC", LANG: "C", LC_ALL: "C" }]
    ]
    const outs: Array<string> = []
    for (const [cwd, sources, env] of runs) {
      const out = tmpDir()
      expect(await buildIn(cwd, sources, out, env)).toBe(0)
      outs.push(out)
    }
    const first = tree(outs[0]!)
    expect(Object.keys(first).length).toBeGreaterThan(20)
    for (const o of outs.slice(1)) expect(tree(o)).toEqual(first)
  }, 180_000)
})
