/** The explorer's files are the same bytes from the same sources, wherever the repository lies. */
import { cpSync, readFileSync, symlinkSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { indexHtml } from "../../pipeline/explore/assets.js"
import { bundleApp } from "../../pipeline/explore/bundle.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

describe("bundleApp", () => {
  const files = bundleApp()
  const app = new Map(files).get("app.js")!
  const text = (b: Uint8Array) => new TextDecoder().decode(b)
  it("bundles the same bytes from a copy of the sources elsewhere (no path of this machine in it)", () => {
    const copy = tmpDir("car-bundle-")
    for (const dir of ["pipeline/explore", "pipeline/shared", "schemas"])
      cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true })
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"))
    const elsewhere = bundleApp(join(copy, "pipeline", "explore", "web", "main.ts"))
    expect(elsewhere.map(([p, b]) => [p, Buffer.from(b).toString("base64")])).toEqual(
      files.map(([p, b]) => [p, Buffer.from(b).toString("base64")])
    )
    for (const [, b] of files) expect(text(b)).not.toContain(repoRoot)
  })
  it("is small: under 40 kB, with the chart library in chart.js, which it imports only on demand", () => {
    expect(app.length).toBeLessThan(40_000)
    expect(files.map(([p]) => p)).toEqual(["app.js", "chart.js"])
    expect(text(app)).toContain(`"chart.js",import.meta.url`)
    // no static import: app.js stands alone
    expect(/^import\s*[{*"]|from\s*"\.\/[\w-]+\.js"/m.test(text(app))).toBe(false)
    expect(text(files[1]![1])).toContain("PLOT_WIDTH")
  })
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
