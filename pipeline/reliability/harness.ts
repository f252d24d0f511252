/**
 * Child-process harness for the crash and reproducibility checks (used by the tests and by
 * `npm run reliability`): run a real build, optionally killed with SIGKILL at a named point, and
 * describe a release folder file by file.
 */
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { pathToFileURL } from "node:url"

/** The repository root. */
export const ROOT = new URL("../../", import.meta.url).pathname
const BIN = join(ROOT, "pipeline", "bin.ts")
// tsx by absolute URL: a bare "tsx" would be resolved from the child's working directory
const LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href

/**
 * Run a build in a child process (with more options of `build` in `args`); resolves with its exit code, signal and
 * stderr.
 */
export const runBuild = (
  sources: string,
  out: string,
  env: Record<string, string> = {},
  cwd = ROOT,
  args: ReadonlyArray<string> = []
): Promise<{ status: number | null; signal: string | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", LOADER, BIN, "build", "--sources", sources, "--out", out, ...args],
      {
        cwd,
        env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", ...env },
        stdio: ["ignore", "ignore", "pipe"]
      }
    )
    let stderr = ""
    child.stderr.on("data", (d) => (stderr += String(d)))
    child.on("close", (status, signal) => resolve({ status, signal, stderr }))
  })

/** Start a build and kill it with SIGKILL after `ms` milliseconds (or let it finish first). */
export const killAfter = (sources: string, out: string, ms: number): Promise<string | null> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", LOADER, BIN, "build", "--sources", sources, "--out", out], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" },
      stdio: "ignore"
    })
    const t = setTimeout(() => child.kill("SIGKILL"), ms)
    child.on("exit", (_code, signal) => {
      clearTimeout(t)
      resolve(signal)
    })
  })

/** Every file under dir with its SHA-256 (hidden leftovers included). */
export const tree = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex")
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

/** What a reader sees: the files of the release latest.json points to, plus the pointer. */
export const visible = (dir: string): Record<string, string> => {
  const t = tree(dir)
  const latest = existsSync(join(dir, "latest.json"))
    ? (
        JSON.parse(readFileSync(join(dir, "latest.json"), "utf8")) as {
          path: string
        }
      ).path
    : null
  return Object.fromEntries(
    Object.entries(t).filter(([p]) => p === "latest.json" || (latest !== null && p.startsWith(`${latest}/`)))
  )
}

const tmp = () => mkdtempSync(join(tmpdir(), "car-repro-"))

/** Build the seeds under other time zones, locales, working directories and source orders; the release trees. */
export const buildsAnywhere = async (): Promise<Array<Record<string, string>>> => {
  const seeds = join(ROOT, "seeds")
  const reversed = tmp()
  for (const f of readdirSync(seeds, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort()
    .reverse())
    copyFileSync(join(seeds, f), join(reversed, f))
  mkdirSync(join(reversed, "gold"))
  for (const f of readdirSync(join(seeds, "gold")).sort().reverse())
    copyFileSync(join(seeds, "gold", f), join(reversed, "gold", f))
  const runs: Array<[string, string, Record<string, string>]> = [
    [ROOT, seeds, { TZ: "UTC", LANG: "C", LC_ALL: "C" }],
    [ROOT, seeds, { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" }],
    [tmp(), seeds, { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" }],
    [ROOT, reversed, { TZ: "UTC", LANG: "C", LC_ALL: "C" }]
  ]
  const trees: Array<Record<string, string>> = []
  for (const [cwd, sources, env] of runs) {
    const out = tmp()
    const r = await runBuild(sources, out, env, cwd)
    trees.push(r.status === 0 ? tree(out) : {})
  }
  return trees
}
