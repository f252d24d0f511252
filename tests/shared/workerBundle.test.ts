/**
 * Worker modules run from bundles (pipeline/shared/workerBundle.ts): a bundled module still finds the files beside its
 * own source, a bundle is kept while its files are unchanged and made again when one changes, and a module that cannot
 * be bundled is named while its workers run through tsx.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import { describe, expect, it } from "vitest"
import { tsWorker } from "../../pipeline/shared/worker.js"
import { bundleOf, prepareWorkerBundles, workerBundle } from "../../pipeline/shared/workerBundle.js"
import { tmpDir } from "../lib/tmp.js"

/** The first message of a worker, then the worker stopped. */
const firstMessage = (w: Worker): Promise<unknown> =>
  new Promise((resolve, reject) => {
    w.once("message", resolve)
    w.once("error", reject)
  }).finally(() => w.terminate())

/** A worker module in a folder of its own: main.ts posts what lib/read.ts reads beside itself, and its own URL. */
const workerModule = (note: string) => {
  const dir = tmpDir("car-bundle-src-")
  // ES modules, as in this repository
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }))
  mkdirSync(join(dir, "lib"))
  writeFileSync(join(dir, "lib", "note.txt"), note)
  writeFileSync(
    join(dir, "lib", "read.ts"),
    [
      'import { readFileSync } from "node:fs"',
      'export const beside = (): string => readFileSync(new URL("./note.txt", import.meta.url), "utf8")',
      "export const where: string = import.meta.url",
      // the words in a string stay words
      'export const words = "import.meta.url"'
    ].join("\n")
  )
  writeFileSync(
    join(dir, "main.ts"),
    [
      'import { parentPort, workerData } from "node:worker_threads"',
      'import { beside, where, words } from "./lib/read.js"',
      "parentPort!.postMessage({ note: beside(), where, words, data: workerData })"
    ].join("\n")
  )
  return { dir, entry: pathToFileURL(join(dir, "main.ts")) }
}

describe("worker bundles", () => {
  it("a bundled module reads the files beside its own source, and its import.meta.url is its own file's", async () => {
    const { dir, entry } = workerModule("beside the library")
    const { path, made } = await bundleOf(entry, tmpDir("car-bundles-"))
    expect(made).toBe(true)
    const answer = await firstMessage(new Worker(path, { workerData: { n: 7 } }))
    expect(answer).toEqual({
      note: "beside the library",
      where: pathToFileURL(join(dir, "lib", "read.ts")).href,
      words: "import.meta.url",
      data: { n: 7 }
    })
  })

  it("is kept while the files it was made from are unchanged, and made again when one changes", async () => {
    const { dir, entry } = workerModule("first")
    const out = tmpDir("car-bundles-")
    const first = await bundleOf(entry, out)
    const again = await bundleOf(entry, out)
    expect(again).toEqual({ path: first.path, made: false })
    writeFileSync(join(dir, "lib", "note.txt"), "second")
    // a file read at run time is not an input: the same bundle reads the new text
    expect(await bundleOf(entry, out)).toEqual({ path: first.path, made: false })
    expect(await firstMessage(new Worker(first.path))).toMatchObject({ note: "second" })
    writeFileSync(
      join(dir, "lib", "read.ts"),
      'export const beside = (): string => "changed"\nexport const where = ""\nexport const words = ""'
    )
    const changed = await bundleOf(entry, out)
    expect(changed.made).toBe(true)
    expect(changed.path).not.toBe(first.path)
    expect(await firstMessage(new Worker(changed.path))).toMatchObject({ note: "changed" })
  })

  it("names a module it cannot bundle, whose workers then run through tsx", async () => {
    const { dir, entry } = workerModule("through tsx")
    const broken = pathToFileURL(join(dir, "broken.ts"))
    writeFileSync(join(dir, "broken.ts"), 'import { nothing } from "./missing.js"\nexport const x = nothing')
    const failed = await prepareWorkerBundles([broken], tmpDir("car-bundles-"))
    expect(failed).toHaveLength(1)
    expect(failed[0]!.entry).toMatch(/broken\.ts$/)
    expect(failed[0]!.error).toMatch(/missing/)
    expect(workerBundle(broken)).toBeUndefined()
    // never prepared: tsWorker starts it through tsx, with the same workerData
    expect(workerBundle(entry)).toBeUndefined()
    expect(await firstMessage(tsWorker(entry, { n: 1 }))).toMatchObject({ note: "through tsx", data: { n: 1 } })
  })
})
