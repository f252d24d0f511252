import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { renderTablesDoc, replaceBetween } from "../../pipeline/docs/tablesDoc.js"
import { repoRoot } from "../lib/tmp.js"

describe("README", () => {
  it("documents every column of every table as schemas/Tables.ts defines them (run pipeline/docs/updateReadme.ts)", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
    expect(replaceBetween(readme, "tables", renderTablesDoc())).toBe(readme)
  })
})

describe("error catalogue", () => {
  it("lists every error code the pipeline can report, once", async () => {
    const { CATALOGUE } = await import("../../pipeline/errors/catalogue.js")
    const { readdirSync, readFileSync: read } = await import("node:fs")
    const walk = (d: string): Array<string> =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".ts") ? [join(d, e.name)] : []
      )
    const used = new Set<string>()
    for (const f of walk(join(repoRoot, "pipeline")))
      for (const m of read(f, "utf8").matchAll(
        /static readonly code = "([a-z0-9-]+)"|\badd\("([a-z0-9-]+)"|Schema\.Literal\("([a-z0-9-]+-invalid)"\)/g
      ))
        used.add(m[1] ?? m[2] ?? m[3]!)
    const listed = CATALOGUE.map((e) => e.code)
    expect(new Set(listed).size).toBe(listed.length)
    expect([...used].filter((c) => !listed.includes(c)).sort()).toEqual([])
    expect(listed.every((c) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c))).toBe(true)
  })

  it("is rendered into the README (run pipeline/docs/updateReadme.ts)", async () => {
    const { renderCatalogue } = await import("../../pipeline/errors/catalogue.js")
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
    expect(replaceBetween(readme, "error-catalogue", renderCatalogue())).toBe(readme)
  })
})
