/**
 * The repository's licence and citation files: LICENSE is the MIT licence package.json names, LICENSE-DATA.md states
 * the data licence the releases declare, and CITATION.cff is valid CFF 1.2.0 citing the newest release
 * (dist/latest.json) as pipeline/docs/updateCitation.ts writes it.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parse as parseYaml } from "yaml"
import { CODE_LICENCE, citationCff, DATA_LICENCE, REPOSITORY_URL } from "../../pipeline/05-publish/citation.js"
import { latestRelease } from "../../pipeline/docs/updateCitation.js"
import { repoRoot } from "../lib/tmp.js"

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8")

/** The keys CFF 1.2.0 requires, and the shapes of the ones this file uses, checked; the problems found. */
const cffProblems = (cff: Record<string, unknown>): Array<string> => {
  const problems: Array<string> = []
  for (const key of ["cff-version", "message", "title", "authors"]) if (!(key in cff)) problems.push(`no ${key}`)
  if (cff["cff-version"] !== "1.2.0") problems.push("cff-version is not 1.2.0")
  const authors = cff.authors
  if (!Array.isArray(authors) || authors.length === 0) problems.push("authors is not a non-empty list")
  else if (!authors.every((a) => typeof a?.name === "string" || typeof a?.["family-names"] === "string"))
    problems.push("an author has neither name nor family-names")
  if (typeof cff.version !== "string") problems.push("version is not a string")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(cff["date-released"]))) problems.push("date-released is not YYYY-MM-DD")
  for (const key of ["repository-code", "url"])
    if (key in cff && !/^https?:\/\//.test(String(cff[key]))) problems.push(`${key} is not a URL`)
  return problems
}

describe("CITATION.cff", () => {
  const text = read("CITATION.cff")
  const cff = parseYaml(text) as Record<string, unknown>

  it("parses as YAML with the keys CFF 1.2.0 requires", () => {
    expect(cffProblems(cff)).toEqual([])
    expect(cffProblems({ ...cff, authors: [] })).toEqual(["authors is not a non-empty list"])
  })

  it("cites the release dist/latest.json names (else run `npx tsx pipeline/docs/updateCitation.ts`)", () => {
    const latest = JSON.parse(read("dist/latest.json")) as { version: string }
    expect(cff.version).toBe(latest.version)
    expect(cff["date-released"]).toBe(latestRelease(repoRoot).date)
    expect(text).toBe(citationCff(latestRelease(repoRoot)))
  })

  it("names the data licence and the repository URL the release cards use", () => {
    expect(cff.license).toBe(DATA_LICENCE.spdx)
    expect(cff["repository-code"]).toBe(REPOSITORY_URL)
  })
})

describe("the licences", () => {
  it("LICENSE is the MIT licence, as package.json says", () => {
    const pkg = JSON.parse(read("package.json")) as { license: string }
    expect(pkg.license).toBe(CODE_LICENCE)
    expect(read("LICENSE")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
    expect(read("LICENSE")).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND')
  })

  it("LICENSE-DATA.md states the tables' licence and keeps the article texts their publishers'", () => {
    const data = read("LICENSE-DATA.md")
    expect(data).toContain(`(${DATA_LICENCE.spdx})](${DATA_LICENCE.url})`)
    expect(data).toMatch(/Article texts[\s\S]*remain their publishers'/)
  })
})
