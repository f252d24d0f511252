/** The error catalogue is generated from the error classes: nothing reported is missing, nothing drifts. */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { replaceBetween } from "../../pipeline/docs/tablesDoc.js"
import { catalogue, errorClasses, renderCatalogue } from "../../pipeline/errors/catalogue.js"
import { templatesOf } from "../../schemas/ErrorSpec.js"
import { repoRoot } from "../lib/tmp.js"

/** Exported classes that extend Error but are never reported: each is turned into a catalogued error first. */
const INTERNAL = new Map([
  // a failed file-system call of a publishing step; storageError() turns it into disk-full, io-error, …
  ["pipeline/05-publish/disk.ts", ["Fault"]]
])

const pipelineModules = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? pipelineModules(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : []
  )

describe("error catalogue", () => {
  it("holds every error class exported from pipeline/ (found by importing every module)", async () => {
    const catalogued = new Set<unknown>(errorClasses())
    const missing: Array<string> = []
    for (const file of pipelineModules(join(repoRoot, "pipeline"))) {
      const rel = relative(repoRoot, file)
      // a file without exports is a script (bin.ts, bench, report, a worker): importing it would run it
      if (!/^export /m.test(readFileSync(file, "utf8"))) continue
      const module = (await import(file)) as Record<string, unknown>
      for (const [name, value] of Object.entries(module))
        if (typeof value === "function" && value.prototype instanceof Error && !catalogued.has(value))
          if (!INTERNAL.get(rel)?.includes(name)) missing.push(`${rel}: ${name}`)
    }
    expect(missing).toEqual([])
  }, 120_000)

  it("has one entry per code, each kebab-case", () => {
    const codes = catalogue().map((e) => e.spec.code)
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([])
    expect(codes.filter((c) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c))).toEqual([])
  })

  it("has a class's static code equal to its spec's, and an instance's code equal to both", () => {
    expect(errorClasses().filter((c) => c.code !== c.spec.code)).toEqual([])
  })

  it("names only repository files that exist (the lexicon README, the gold format, schemas)", () => {
    const named = catalogue().flatMap(({ spec }) =>
      [...templatesOf(spec), spec.remedy].flatMap((text) =>
        [...text.matchAll(/\b(?:pipeline|schemas|seeds|tests)\/[\w./-]*\w/g)].map((m) => m[0])
      )
    )
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((path) => !existsSync(join(repoRoot, path)))).toEqual([])
  })

  it("is rendered into the README between its markers (run pipeline/docs/updateReadme.ts)", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
    expect(replaceBetween(readme, "error-catalogue", renderCatalogue())).toBe(readme)
  })
})
