/** The explorer's files are the same bytes from the same sources, wherever the repository lies. */
import { cpSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { indexHtml } from "../../pipeline/explore/assets.js"
import { bundleApp } from "../../pipeline/explore/bundle.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

describe("bundleApp", () => {
  const app = new Map(bundleApp()).get("app.js")!
  it("bundles the same bytes from a copy of the sources elsewhere (no path of this machine in it)", () => {
    const copy = tmpDir("car-bundle-")
    for (const dir of ["pipeline/explore", "pipeline/shared", "schemas"])
      cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true })
    const elsewhere = new Map(bundleApp(join(copy, "pipeline", "explore", "web", "main.ts"))).get("app.js")!
    expect(Buffer.from(elsewhere).equals(Buffer.from(app))).toBe(true)
    expect(new TextDecoder().decode(app)).not.toContain(repoRoot)
  })
  it("is small: under 40 kB", () => expect(app.length).toBeLessThan(40_000))
  it("the page loads nothing but its own folder's files", () => {
    const html = indexHtml("9.9.9")
    expect(html).toContain("default-src 'self'")
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "data:,",
      "app.css",
      "app.js",
      "#main",
      "#/"
    ])
    expect(readFileSync(join(repoRoot, "pipeline/explore/web/data.ts"), "utf8")).not.toMatch(/https?:\/\//)
  })
})
