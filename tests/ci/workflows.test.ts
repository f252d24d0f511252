/**
 * The GitHub workflows, parsed: the tests run on every push and pull request with the npm cache, the candidate runs on
 * pull requests touching anything a release or the tests depend on, the release runs on a tag, and every `run:` step
 * calls a script of pipeline/ci/ that exists (or the README's npm commands), so each can be run locally.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { repoRoot } from "../lib/tmp.js"

type Step = { readonly uses?: string; readonly run?: string; readonly with?: Record<string, unknown> }
type Workflow = {
  readonly on: Record<string, { readonly paths?: ReadonlyArray<string>; readonly tags?: ReadonlyArray<string> } | null>
  readonly jobs: Record<string, { readonly steps: ReadonlyArray<Step> }>
}

const dir = join(repoRoot, ".github", "workflows")
const workflows = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith(".yml"))
    .map((f) => [f, parse(readFileSync(join(dir, f), "utf8")) as Workflow] as const)
)
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps)
const wf = (name: string) => {
  const w = workflows.get(name)
  if (w === undefined) throw new Error(`no .github/workflows/${name}`)
  return w
}
const scripts = (
  JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts

describe("CI workflows", () => {
  it("test.yml runs the README's test command on every push and pull request", () => {
    const w = wf("test.yml")
    expect(Object.keys(w.on).sort()).toEqual(["pull_request", "push"])
    // no branch, tag or path filter
    expect([w.on.push, w.on.pull_request]).toEqual([null, null])
    expect(
      steps(w)
        .map((s) => s.run)
        .filter(Boolean)
    ).toEqual(["npm test"])
    expect(readFileSync(join(repoRoot, "README.md"), "utf8")).toMatch(/^npm test +#/m)
    expect(scripts.test).toMatch(/vitest run/)
  })

  it("candidate.yml runs on pull requests that touch sources, code, tests, examples or packages, with the base", () => {
    const w = wf("candidate.yml")
    expect(Object.keys(w.on)).toEqual(["pull_request"])
    const paths = w.on.pull_request?.paths ?? []
    for (const p of ["seeds/**", "pipeline/**", "schemas/**", "dist/**", "tests/**", "examples/**", "package.json"])
      expect(paths, p).toContain(p)
    expect(paths).toContain("package-lock.json")
    // the base branch's dist/ is read from git: the checkout must have its history
    expect(steps(w).find((s) => s.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(0)
    expect(steps(w).some((s) => /pipeline\/ci\/candidate\.sh .*"origin\/\$GITHUB_BASE_REF"/.test(s.run ?? ""))).toBe(
      true
    )
  })

  it("release.yml runs on a tag vX.Y.Z, prepares the assets (tag check, verify) and uploads them in a separate step", () => {
    const w = wf("release.yml")
    expect(w.on.push?.tags).toEqual(["v*.*.*"])
    const runs = steps(w).flatMap((s) => (s.run ? [s.run] : []))
    const prepare = runs.findIndex((r) => r.startsWith('bash pipeline/ci/release.sh "$GITHUB_REF_NAME"'))
    const upload = runs.findIndex((r) => r.startsWith('bash pipeline/ci/upload.sh "$GITHUB_REF_NAME"'))
    expect(prepare).toBeGreaterThanOrEqual(0)
    expect(upload).toBeGreaterThan(prepare)
  })

  it("every workflow sets up Node 20 with the npm cache, and every run: calls a script that exists", () => {
    expect([...workflows.keys()].sort()).toEqual(["candidate.yml", "release.yml", "test.yml"])
    for (const [name, w] of workflows) {
      const node = steps(w).filter((s) => s.uses?.startsWith("actions/setup-node@"))
      expect(
        node.map((s) => [s.with?.["node-version"], s.with?.cache]),
        name
      ).toEqual([[20, "npm"]])
      for (const run of steps(w).flatMap((s) => (s.run ? [s.run] : []))) {
        const script = /^bash (pipeline\/ci\/[\w-]+\.sh)( |$)/.exec(run)?.[1]
        const npm = /^npm (test|ci|run ([\w:-]+))( |$)/.exec(run)
        if (script !== undefined) expect(existsSync(join(repoRoot, script)), `${name}: ${run}`).toBe(true)
        else if (npm?.[2] !== undefined) expect(scripts[npm[2]], `${name}: ${run}`).toBeDefined()
        else expect(npm?.[1], `${name}: ${run} (not a pipeline/ci script or an npm command)`).toMatch(/^(test|ci)$/)
      }
    }
  })
})
