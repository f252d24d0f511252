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
