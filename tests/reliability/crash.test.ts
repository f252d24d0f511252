/**
 * A build killed with SIGKILL at any point leaves dist/ as it was before (what latest.json
 * points to is unchanged and complete) or as after; the next build cleans up and finishes, and
 * its result is byte-identical to an uninterrupted build. A live lock refuses a second build; a
 * dead holder's lock is taken over.
 */
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { killAfter, runBuild, tree, visible } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

let sources: string
let before: string
let after: string
beforeAll(async () => {
  sources = tmpDir()
  cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
  before = tmpDir()
  expect((await runBuild(sources, before)).status).toBe(0)
  writeFileSync(
    join(sources, "extra.txt"),
    "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on June 17, 2025.\n"
  )
  after = tmpDir()
  cpSync(before, after, { recursive: true })
  expect((await runBuild(sources, after)).status).toBe(0)
}, 120_000)

const crashAndRecover = async (point: string) => {
  const dist = tmpDir()
  cpSync(before, dist, { recursive: true })
  const r = await runBuild(sources, dist, { PIPELINE_CRASH_AT: point })
  expect(r.signal, point).toBe("SIGKILL")
  const seen = visible(dist)
  const isOld = JSON.stringify(seen) === JSON.stringify(visible(before))
  const isNew = JSON.stringify(seen) === JSON.stringify(visible(after))
  expect(isOld || isNew, `${point}: dist/ is neither the old nor the new release`).toBe(true)
  expect((await runBuild(sources, dist)).status).toBe(0)
  expect(tree(dist)).toEqual(tree(after))
}

describe("crash-safe publishing", () => {
  // the suite runs three points; `npm run reliability` runs twenty
  it.each(["files:3", "after-rename", "before-latest"])("SIGKILL at %s", (point) => crashAndRecover(point), 120_000)

  it("a kill at a random moment is recovered too", async () => {
    const dist = tmpDir()
    cpSync(before, dist, { recursive: true })
    await killAfter(sources, dist, 1500)
    const seen = visible(dist)
    expect([JSON.stringify(visible(before)), JSON.stringify(visible(after))]).toContain(JSON.stringify(seen))
    expect((await runBuild(sources, dist)).status).toBe(0)
    expect(tree(dist)).toEqual(tree(after))
    expect(readdirSync(dist).filter((n) => n.startsWith(".tmp-"))).toEqual([])
  }, 120_000)

  it("a lock held by a live process refuses the build; a dead holder's lock is taken over", async () => {
    const dist = tmpDir()
    cpSync(before, dist, { recursive: true })
    writeFileSync(join(dist, ".lock"), String(process.pid))
    const refused = await runBuild(sources, dist)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain("release-locked")
    writeFileSync(join(dist, ".lock"), "2147483646")
    const ok = await runBuild(sources, dist)
    expect(ok.status).toBe(0)
    expect(ok.stderr).toContain("took over")
    expect(existsSync(join(dist, ".lock"))).toBe(false)
  }, 120_000)
})
