/**
 * `npm run reliability`: the slow reliability checks, with one table of figures — SIGKILL at 20
 * points of a build (each followed by a check of dist/ and a clean rebuild), the bad-input matrix,
 * 10,000 fuzzed articles, network attempts, byte-identical builds across TZ / locale / cwd /
 * order, the slowest adversarial input, the storage-fault matrix (every storage step × a full
 * disk, a read-only file system, an I/O error), a tampered base release, and large and hostile
 * sources folders with their time and memory; then the storage-fault matrix itself. Exits 1 when
 * any figure misses its promise.
 * Options: --fuzz N (default 10000), --crashes N (default 20), --only a,b (checks by name:
 * crashes, inputs, fuzz, network, reproducible, adversarial, storage, base, folders).
 */

import dns from "node:dns"
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import http from "node:http"
import https from "node:https"
import net from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import fc from "fast-check"
import { extractArticle } from "../03-extract/extract.js"
import { loadLexicons } from "../03-extract/lexicon/Lexicons.js"
import { build } from "../Build.js"
import { readManifest } from "../release/manifest.js"
import { validateRelease } from "../validate/checks.js"
import { buildThrough, canMount, cellOk, type Fixture, makeFixture, renderMatrix, runMatrix } from "./faults.js"
import {
  type FolderCase,
  hostileNames,
  manifestRows,
  nestedFolders,
  oneSentence,
  removeDeep,
  tinyFiles
} from "./folders.js"
import { ADVERSARIAL_LINES, articleArb } from "./generate.js"
import { buildsAnywhere, ROOT, runBuild, tree, visible } from "./harness.js"
import { expectedCodes, makeMatrix, matrixMismatches } from "./matrix.js"

const root = ROOT
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : dflt
}
const tmp = (p = "car-rel-") => mkdtempSync(join(tmpdir(), p))
const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b)
const log = (s: string) => process.stderr.write(`${s}\n`)

// 1. crashes
const crashes = async (n: number) => {
  const sources = tmp()
  cpSync(join(root, "seeds"), sources, { recursive: true })
  const before = tmp()
  await runBuild(sources, before)
  writeFileSync(
    join(sources, "extra.txt"),
    "Kazakh President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Astana on June 17, 2025.\n"
  )
  const after = tmp()
  cpSync(before, after, { recursive: true })
  await runBuild(sources, after)
  const files = Object.keys(tree(join(after, "1.1.0"))).length
  const named = ["before-rename", "after-rename", "before-latest"]
  const points = [
    ...Array.from(
      { length: n - named.length },
      (_, i) => `files:${1 + Math.floor((i * (files - 1)) / Math.max(1, n - named.length - 1))}`
    ),
    ...named
  ]
  let survived = 0
  for (const p of points) {
    const dist = tmp()
    cpSync(before, dist, { recursive: true })
    const r = await runBuild(sources, dist, { PIPELINE_CRASH_AT: p })
    const seen = visible(dist)
    const oldOrNew = same(seen, visible(before)) || same(seen, visible(after))
    const rebuilt = (await runBuild(sources, dist)).status === 0 && same(tree(dist), tree(after))
    if (r.signal === "SIGKILL" && oldOrNew && rebuilt) survived++
    else log(`crash at ${p}: killed=${r.signal} oldOrNew=${oldOrNew} rebuilt=${rebuilt}`)
  }
  return { survived, total: points.length }
}

// 2. bad inputs
const badInputs = async () => {
  const src = makeMatrix(
    tmp(),
    join(root, "tests", "fixtures"),
    readFileSync(join(root, "seeds", "001_fccaafa6b50e0d75.txt"))
  )
  const out = tmp()
  await Effect.runPromise(
    build({ sources: src, out, version: Option.none(), strict: false }).pipe(Effect.provide(NodeContext.layer))
  )
  const expected = expectedCodes(process.getuid?.() === 0)
  const mismatches = matrixMismatches(join(out, "1.0.0", "manifest.json"), expected)
  for (const m of mismatches) log(`bad input ${m[0]}: expected ${m[1]}, got ${m[2]}`)
  const m = Effect.runSync(readManifest(join(out, "1.0.0")))
  return {
    tried: Object.keys(expected).length - 1,
    rejected: Object.values(expected).filter((c) => c !== null).length,
    codes: new Set(m.rejected.map((r) => r.code)).size,
    lost: Object.keys(expected).length - m.rejected.length - m.sources.length,
    mismatches: mismatches.length
  }
}

// 3. fuzz
const fuzz = (n: number) => {
  const lex = loadLexicons()
  const texts = fc.sample(articleArb(lex), { numRuns: n, seed: 20251106 })
  let exceptions = 0
  let spanFailures = 0
  for (const text of texts) {
    try {
      const x = extractArticle(
        {
          sourceId: "src_0000000000000000",
          text,
          published: { value: "2025-11-06", precision: "day" }
        },
        lex
      )
      const cps = [...text]
      const spans = [
        ...x.mentions.map((m) => m.span),
        ...x.events.flatMap((e) => [...e.spans, ...e.participants.map((p) => p.span)]),
        ...x.relations.map((r) => r.span)
      ]
      spanFailures += spans.filter((s) => cps.slice(s.start, s.end).join("") !== s.quote).length
    } catch (e) {
      exceptions++
      if (exceptions <= 3) log(`fuzz exception: ${(e as Error).message}`)
    }
  }
  return { articles: texts.length, exceptions, spanFailures }
}

// 4. network
const network = async () => {
  const attempts: Array<string> = []
  const saved: Array<[object, string, unknown]> = []
  const block = (o: object, k: string) => {
    saved.push([o, k, (o as Record<string, unknown>)[k]])
    ;(o as Record<string, unknown>)[k] = () => {
      attempts.push(k)
      throw new Error("network disabled")
    }
  }
  block(globalThis, "fetch")
  for (const m of [http, https]) {
    block(m, "request")
    block(m, "get")
  }
  block(net, "connect")
  block(net, "createConnection")
  block(dns, "lookup")
  try {
    const out = tmp()
    await Effect.runPromise(
      build({
        sources: join(root, "seeds"),
        out,
        version: Option.none(),
        strict: true
      }).pipe(Effect.provide(NodeContext.layer))
    )
    validateRelease(join(out, "1.0.0"))
  } finally {
    for (const [o, k, f] of saved.reverse()) (o as Record<string, unknown>)[k] = f
  }
  return attempts.length
}

// 5. reproducibility
const reproducible = async () => {
  const trees = await buildsAnywhere()
  return trees.every((t) => same(t, trees[0]!) && Object.keys(t).length > 20)
}

// 6. adversarial inputs
const adversarial = () => {
  const lex = loadLexicons()
  const lines = ADVERSARIAL_LINES
  return Math.max(
    ...lines.map((text) => {
      const t = performance.now()
      extractArticle(
        {
          sourceId: "src_0000000000000000",
          text,
          published: { value: "2025-11-06", precision: "day" }
        },
        lex
      )
      return performance.now() - t
    })
  )
}

// 7. storage faults
const storage = async (fx: Fixture) => {
  const real = canMount()
  const cells = await runMatrix(fx, real)
  const wrong = cells.filter((c) => c.code !== c.expected.code || c.failedStep !== c.expected.step).length
  const damaged = cells.filter((c) => !c.intact || !c.recovered).length
  const unnamed = cells.filter((c) => !c.named).length
  for (const c of cells.filter((x) => !cellOk(x))) log(`storage fault ${c.step} × ${c.fault}: ${JSON.stringify(c)}`)
  return { cells, real, wrong, damaged, unnamed, ok: cells.every(cellOk) }
}

// 8. a tampered base release
const tamperedBase = async (fx: Fixture) => {
  const out = tmp()
  cpSync(fx.before, out, { recursive: true })
  const csv = join(out, "1.0.0", "data", "entities.csv")
  const text = readFileSync(csv, "utf8")
  const at = text.indexOf("\n") + 10
  writeFileSync(csv, text.slice(0, at) + (text[at] === "x" ? "y" : "x") + text.slice(at + 1))
  const was = tree(out)
  const r = await buildThrough(fx.sources, out)
  const named = r.message.includes("1.0.0/data/entities.csv")
  return { code: r.code, named, untouched: same(tree(out), was) }
}

// 9. large and hostile folders, built in a child process each (its own peak memory)
const folders = async () => {
  const cases: Array<FolderCase> = [
    tinyFiles(100_000),
    nestedFolders(10_000, 10_000),
    hostileNames(),
    manifestRows(100_000),
    oneSentence()
  ]
  const rows: Array<{
    c: FolderCase
    published: number
    rejected: Record<string, number>
    seconds: number
    rssMb: number
    status: number | null
  }> = []
  for (const c of cases) {
    log(`  ${c.name} ...`)
    const src = tmp("car-folder-")
    c.make(src)
    const out = tmp()
    const timings = join(out, "..", `${out.split("/").pop()}-timings.json`)
    const t0 = performance.now()
    const r = await runBuild(src, out, {}, root, ["--timings", timings])
    const seconds = (performance.now() - t0) / 1000
    const m = existsSync(join(out, "1.0.0", "manifest.json")) ? Effect.runSync(readManifest(join(out, "1.0.0"))) : null
    const rejected: Record<string, number> = {}
    for (const x of m?.rejected ?? []) rejected[x.code] = (rejected[x.code] ?? 0) + 1
    const rssMb = existsSync(timings)
      ? (JSON.parse(readFileSync(timings, "utf8")) as { maxRssKb: number }).maxRssKb / 1024
      : NaN
    if (r.status !== 0) log(`  ${c.name}: exit ${r.status} ${r.signal ?? ""}: ${r.stderr.slice(-500)}`)
    rows.push({
      c,
      published: m?.sources.length ?? -1,
      rejected,
      seconds,
      rssMb,
      status: r.status
    })
    removeDeep(src)
    removeDeep(out)
  }
  return rows
}

const CHECKS = [
  "crashes",
  "inputs",
  "fuzz",
  "network",
  "reproducible",
  "adversarial",
  "storage",
  "base",
  "folders"
] as const

const main = async () => {
  const onlyAt = process.argv.indexOf("--only")
  const only = new Set(onlyAt >= 0 ? process.argv[onlyAt + 1]!.split(",") : CHECKS)
  const rows: Array<[string, string, boolean]> = []
  if (only.has("crashes")) {
    log("crash test ...")
    const c = await crashes(arg("crashes", 20))
    rows.push([
      "crash points survived (SIGKILL, then rebuild)",
      `${c.survived}/${c.total}`,
      c.survived === c.total && c.total >= 20
    ])
  }
  if (only.has("inputs")) {
    log("bad inputs ...")
    const b = await badInputs()
    rows.push(
      [
        "bad inputs tried (each rejected with its code, or accepted as it should be)",
        `${b.tried} (${b.rejected} rejected, ${b.codes} distinct codes), ${b.mismatches} mismatches`,
        b.tried >= 30 && b.mismatches === 0
      ],
      ["sources lost (neither published nor rejected)", `${b.lost}`, b.lost === 0]
    )
  }
  if (only.has("fuzz")) {
    log("fuzz ...")
    const f = fuzz(arg("fuzz", 10_000))
    rows.push([
      "fuzzed articles / exceptions / span failures",
      `${f.articles} / ${f.exceptions} / ${f.spanFailures}`,
      f.articles >= 10_000 && f.exceptions === 0 && f.spanFailures === 0
    ])
  }
  if (only.has("network")) {
    log("network ...")
    const n = await network()
    rows.push(["network attempts during build + validate", `${n}`, n === 0])
  }
  if (only.has("reproducible")) {
    log("reproducibility ...")
    const r = await reproducible()
    rows.push(["byte-identical builds across TZ, locale, cwd, order", r ? "yes" : "no", r])
  }
  if (only.has("adversarial")) {
    const a = adversarial()
    rows.push(["slowest adversarial 100 KB input", `${a.toFixed(0)} ms`, a < 10_000])
  }
  let matrix: string | null = null
  if (only.has("storage") || only.has("base")) {
    log("storage faults ...")
    const fx = await makeFixture()
    if (only.has("storage")) {
      const s = await storage(fx)
      matrix = renderMatrix(s.cells)
      rows.push([
        `storage faults: ${new Set(s.cells.map((c) => c.step)).size} steps × full disk / read-only / EIO (${s.real ? "tmpfs filled or remounted; EIO injected" : "injected"})`,
        `${s.cells.length} cells: ${s.wrong} wrong codes, ${s.damaged} damaged releases, ${s.unnamed} unnamed leftovers`,
        s.ok && s.cells.length >= 18
      ])
    }
    if (only.has("base")) {
      const t = await tamperedBase(fx)
      rows.push([
        "tampered base release (one cell of its entities.csv edited)",
        `${t.code ?? "published"}${t.named ? ", naming the file" : ""}${t.untouched ? ", nothing written" : ""}`,
        t.code === "base-release-invalid" && t.named && t.untouched
      ])
    }
  }
  if (only.has("folders")) {
    log("large and hostile folders ...")
    for (const f of await folders()) {
      const want = same(f.rejected, f.c.rejected) && f.published === f.c.published
      const codes = Object.entries(f.rejected).map(([code, n]) => `${n} ${code}`)
      const within = f.seconds <= f.c.bounds.seconds && !(f.rssMb > f.c.bounds.rssMb)
      rows.push([
        f.c.name,
        `${f.published} published${codes.length ? `, ${codes.join(", ")}` : ""}; ${f.seconds.toFixed(1)} s, ${f.rssMb.toFixed(0)} MB peak RSS (bounds ${f.c.bounds.seconds} s, ${f.c.bounds.rssMb} MB)`,
        f.status === 0 && want && within
      ])
    }
  }
  const w = Math.max(...rows.map((x) => x[0].length))
  console.log(`| ${"check".padEnd(w)} | figure | ok |\n| ${"-".repeat(w)} | --- | --- |`)
  for (const [k, v, ok] of rows) console.log(`| ${k.padEnd(w)} | ${v} | ${ok ? "yes" : "NO"} |`)
  if (matrix !== null)
    console.log(
      `\nStorage faults, per step (the code of the error, and the step it names when the fault shows at a later one):\n\n${matrix}`
    )
  process.exitCode = rows.every((x) => x[2]) ? 0 : 1
}
void main()
