/**
 * The Python example (load_polars.py) and the notebook (load.ipynb, under `jupyter nbconvert --execute`) run against a
 * release built from the seeds, in a virtual environment made from the machine's wheels (examples/requirements.txt;
 * pip's default index where /opt/pypi is absent), cached in node_modules/.cache by a hash of the requirements, the
 * Python version and the index. Both load every table's CSV
 * with the release's LOADING.md and compare it with Arrow and Parquet value by value; one changed cell makes them fail.
 * Skipped only where python3 is absent.
 */
import { spawn, spawnSync } from "node:child_process"
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { loadingMarkdown } from "../../pipeline/05-publish/snippets.js"
import { build } from "../../pipeline/Build.js"
import { sha256 } from "../../pipeline/shared/hash.js"
import { buildSeeds } from "../lib/build.js"
import { repoRoot, sourcesWith, tmpDir } from "../lib/tmp.js"

// the machine's wheels where it has them (this project's machines and CI); elsewhere pip's default index
const LOCAL_WHEELS = "/opt/pypi/simple"
const INDEX = existsSync(LOCAL_WHEELS) ? `file://${LOCAL_WHEELS}` : null
const version = spawnSync("python3", ["-c", "import sys; print(sys.version)"], { encoding: "utf8" })
const python3 = version.status === 0 ? version.stdout.trim() : null
/**
 * One article whose cells no reader may guess: a title "NA", a publisher "None", a licence "null", a year alone as
 * the only `published` value, a note with spaces at both ends, quotes and a comma, and Namibia (ISO code NA).
 */
const TRICKY = {
  "sources.json": JSON.stringify({
    sources: [
      {
        file: "namibia.txt",
        ...{ title: "NA", publisher: "None", url: null, published: "2024", published_precision: "year" },
        ...{ published_basis: "metadata", published_note: ' stated as "2024", with a comma ' },
        ...{ language: "en", licence: "null" }
      }
    ]
  }),
  "namibia.txt": [
    "Namibia and Kazakhstan signed an agreement on uranium in Windhoek on 12 March 2024, officials said.",
    '"We welcome the deal, and more will follow," said President Kassym-Jomart Tokayev of Kazakhstan.',
    "The United States and Namibia held talks in Washington in 2024.",
    ""
  ].join("\n")
}
/** Rscript with the packages LOADING.md's R sections use (not installed by the project: CI has no R). */
const rReady =
  spawnSync("Rscript", ["-e", "for (p in c('readr', 'data.table', 'jsonlite')) library(p, character.only = TRUE)"])
    .status === 0
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g")

/** A command's exit status and output, without blocking the test worker (a notebook run takes seconds). */
const run = (
  cmd: string,
  args: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv = process.env
): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.on("error", reject)
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })

/** The cached virtual environment's python, made (once per requirements and Python version) when missing. */
const venvPython = async (): Promise<string> => {
  const requirements = join(repoRoot, "examples", "requirements.txt")
  const key = sha256(`${readFileSync(requirements, "utf8")}\n${python3}\n${INDEX}`).slice(0, 16)
  const venv = join(repoRoot, "node_modules", ".cache", "examples-python", key)
  const python = join(venv, "bin", "python")
  if (existsSync(join(venv, "ready"))) return python
  // made beside its place and renamed into it, so that a run stopped halfway leaves no half-made environment there
  const making = `${venv}.making-${process.pid}`
  rmSync(making, { recursive: true, force: true })
  const must = async (cmd: string, args: ReadonlyArray<string>) => {
    const r = await run(cmd, args)
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`)
  }
  await must("python3", ["-m", "venv", making])
  const pip = ["-m", "pip", "--isolated", "install", "--quiet", "--no-cache-dir", "--disable-pip-version-check"]
  await must(join(making, "bin", "python"), [...pip, ...(INDEX ? ["--index-url", INDEX] : []), "-r", requirements])
  writeFileSync(join(making, "ready"), "")
  try {
    renameSync(making, venv)
  } catch {
    rmSync(making, { recursive: true, force: true }) // another run made it first
  }
  return python
}

describe.skipIf(python3 === null)("examples/ in Python (skipped where python3 is absent)", () => {
  let python = ""
  let dist = ""
  let work = ""
  let tricky = ""
  // jupyter and IPython write their runtime files and settings here, not in the home folder
  const env = (distDir: string) => ({
    ...process.env,
    DATASET_DIST: distDir,
    JUPYTER_PLATFORM_DIRS: "1",
    JUPYTER_RUNTIME_DIR: join(work, "jupyter", "runtime"),
    JUPYTER_DATA_DIR: join(work, "jupyter", "data"),
    JUPYTER_CONFIG_DIR: join(work, "jupyter", "config"),
    IPYTHONDIR: join(work, "ipython"),
    PYDEVD_DISABLE_FILE_VALIDATION: "1"
  })
  const script = (distDir: string) => run(python, [join(repoRoot, "examples", "load_polars.py")], env(distDir))
  const notebook = (distDir: string, output: string) =>
    run(
      python,
      ["-m", "nbconvert", "--to", "notebook", "--execute", join(repoRoot, "examples", "load.ipynb")].concat([
        "--output-dir",
        work,
        "--output",
        output
      ]),
      env(distDir)
    )
  /** A copy of the release with one CSV cell changed. */
  const corrupted = (file: string, from: string, to: string): string => {
    const copy = join(tmpDir("car-examples-bad-"), "dist")
    cpSync(dist, copy, { recursive: true })
    const path = join(copy, "1.0.0", "data", file)
    const csv = readFileSync(path, "utf8")
    expect(csv).toContain(from)
    writeFileSync(path, csv.replace(from, to))
    return copy
  }

  beforeAll(async () => {
    python = await venvPython()
    work = tmpDir("car-examples-")
    dist = join(work, "dist")
    await Effect.runPromise(buildSeeds(dist))
    tricky = join(work, "tricky")
    const sources = sourcesWith([], TRICKY)
    await Effect.runPromise(
      build({ sources, out: tricky, version: Option.none(), strict: true }).pipe(Effect.provide(NodeContext.layer))
    )
  }, 900_000)

  it("load_polars.py finds CSV, Arrow and Parquet equal in polars, pandas and pyarrow, then joins", async () => {
    const r = await script(dist)
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const tables = Object.keys(JSON.parse(readFileSync(join(dist, "1.0.0", "manifest.json"), "utf8")).tables)
    expect(tables).toHaveLength(6)
    for (const reader of ["polars", "pandas", "pyarrow"])
      for (const t of tables) expect(r.stdout).toContain(`${reader}: ${t}: csv, arrow, parquet hold the same values`)
    expect(r.stdout).toMatch(/^release 1\.0\.0: \d+ events, \d+ event-participant rows$/m)
    // the code it ran is the release's LOADING.md, generated and listed like every other file
    const release = join(dist, "1.0.0")
    expect(readFileSync(join(release, "LOADING.md"), "utf8")).toBe(loadingMarkdown("1.0.0"))
    expect(readFileSync(join(release, "SHA256SUMS"), "utf8")).toMatch(/^[0-9a-f]{64} {2}LOADING\.md$/m)
    const manifest = JSON.parse(readFileSync(join(release, "manifest.json"), "utf8"))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("LOADING.md")
  })

  it("load.ipynb runs under nbconvert and finds the files equal in polars, pandas and DuckDB", async () => {
    const r = await notebook(dist, "ok.ipynb")
    expect(r.status, r.stderr).toBe(0)
    const outputs = readFileSync(join(work, "ok.ipynb"), "utf8")
    for (const reader of ["polars", "pandas", "duckdb"])
      expect(outputs).toContain(`${reader}: events: csv, arrow, parquet hold the same values`)
    expect(outputs).toMatch(/\d+ evidence spans match their quotes/)
  })

  it("one changed CSV cell makes the example and the notebook fail, naming the cell", async () => {
    const bad = corrupted("events.csv", ",CAMEO:010,", ",CAMEO:011,")
    const s = await script(bad)
    expect(s.status).toBe(1)
    expect(s.stderr).toMatch(/^polars: events\.cameo_code row \d+: csv 'CAMEO:011' != arrow 'CAMEO:010'$/m)
    const n = await notebook(bad, "bad.ipynb")
    expect(n.status).not.toBe(0)
    expect(n.stderr.replace(ANSI, "")).toMatch(/AssertionError: polars: events\.cameo_code row \d+: csv 'CAMEO:011'/)
  })

  it("load_polars.py reads cells that readers guess wrong (NA, None, null, a year alone, spaces) as they are", async () => {
    const data = join(tricky, "1.0.0", "data")
    expect(readFileSync(join(data, "sources.csv"), "utf8")).toContain(
      ',NA,None,,2024,2024-01-01,year,metadata," stated'
    )
    expect(readFileSync(join(data, "entities.csv"), "utf8")).toMatch(/,Namibia,"\[""Namibia""\]",NA,NAM,/)
    const r = await script(tricky)
    expect(r.stderr).toBe("")
    expect(r.stdout).toContain("pandas: sources: csv, arrow, parquet hold the same values (1 rows)")
  })

  it.skipIf(!rReady)(
    "LOADING.md's readr, base R and data.table code reads every cell as Arrow holds it (skipped without R)",
    async () => {
      for (const [name, d] of [
        ["seeds", dist],
        ["tricky", tricky]
      ] as const) {
        const release = join(d, "1.0.0")
        const values = join(work, `arrow-values-${name}`)
        const py = await run(python, [join(import.meta.dirname, "arrow_values.py"), release, values])
        expect(py.status, py.stderr).toBe(0)
        const r = await run("Rscript", [join(import.meta.dirname, "readers.R"), release, values])
        expect(r.stdout.split("\n").filter((l) => l !== "" && !l.endsWith("rows equal to Arrow"))).toEqual([])
        expect(r.status, r.stderr).toBe(0)
        expect(r.stdout).toContain("data.table: sources: ")
      }
    }
  )

  it("a changed list element in a CSV fails the example too", async () => {
    const bad = corrupted("entities.csv", '""the United Nations""', '""the United Natoins""')
    const s = await script(bad)
    expect(s.status).toBe(1)
    expect(s.stderr).toMatch(/^polars: entities\.aliases row \d+: csv \(.*'the United Natoins'\) != arrow/m)
  })
})
