/**
 * Child processes of the benchmark: a full `build` (or the compromise pass) in its own Node
 * process, timed by wall clock, its peak RSS read from `/usr/bin/time -v` when present, else
 * from the child's own `process.resourceUsage().maxRSS` (the build's --timings file). A build
 * runs with a V8 heap limit of BUILD_HEAP_MB (three quarters of the machine's memory) instead of
 * V8's default (about 4 GB on 64-bit Node 20), so that how large a corpus can be built is set by
 * the machine, not by the default.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { totalmem } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import { pathToFileURL } from "node:url"
import type { TimingReport } from "../shared/timings.js"
import { ROOT } from "./corpus.js"

const LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href
const TIME = "/usr/bin/time"

/** The V8 heap limit of a build child, in MB: three quarters of the machine's memory. */
export const BUILD_HEAP_MB = Math.floor((totalmem() * 0.75) / 2 ** 20)

/** What a child run gave. */
export interface ChildRun {
  readonly ok: boolean
  readonly wallMs: number
  /** Peak RSS in MB (from /usr/bin/time -v, else reported by the child). */
  readonly rssMb: number | null
  readonly rssFrom: "time -v" | "child" | null
  readonly stdout: string
  readonly stderr: string
  readonly reason: string | null
}

/** Run a TypeScript entry point of this repository with arguments (and Node options); kill it after `timeoutMs`. */
export const runChild = (
  script: string,
  args: ReadonlyArray<string>,
  timeoutMs: number,
  env: Record<string, string> = {},
  nodeOptions: ReadonlyArray<string> = []
): Promise<ChildRun> =>
  new Promise((resolve) => {
    const node = [process.execPath, ...nodeOptions, "--import", LOADER, join(ROOT, script), ...args]
    const useTime = existsSync(TIME)
    const t0 = performance.now()
    const child = spawn(useTime ? TIME : node[0]!, useTime ? ["-v", ...node] : node.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += String(d)))
    child.stderr.on("data", (d) => (stderr = (stderr + String(d)).slice(-200_000)))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill("SIGKILL")
    }, timeoutMs)
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      const wallMs = performance.now() - t0
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      const exit = /Exit status: (\d+)/.exec(stderr)
      const killed = /Command terminated by signal (\d+)/.exec(stderr)
      const failed = timedOut || signal !== null || code !== 0 || killed !== null || (exit !== null && exit[1] !== "0")
      const lastError = /JavaScript heap out of memory/.test(stderr)
        ? "out of memory (the V8 heap limit)"
        : killed?.[1] === "9" && !timedOut
          ? "killed (most likely by the kernel, out of the machine's memory)"
          : stderr
              .split("\n")
              .filter((l) => /^error|Error:/.test(l))
              .slice(-1)
              .join("")
      resolve({
        ok: !failed,
        wallMs,
        rssMb: m ? Number(m[1]) / 1024 : null,
        rssFrom: m ? "time -v" : null,
        stdout,
        stderr,
        reason: timedOut
          ? `timed out after ${Math.round(timeoutMs / 60000)} min`
          : failed
            ? `${killed ? `signal ${killed[1]}` : `exit ${exit?.[1] ?? code ?? signal}`}: ${lastError}`
            : null
      })
    })
  })

/**
 * The builds' SOURCE_DATE_EPOCH: 2026-12-01, after every publication date of the model corpora (the dev corpora hold
 * articles of January 2026; a sidecar dated after "today" is rejected).
 */
const BENCH_EPOCH = "1796083200"

/** Run a full build of `sources` into `out` with the cache in `cache`; `timings` receives the build's own figures. */
export const runBuild = async (
  sources: string,
  out: string,
  cache: string,
  timingsFile: string,
  timeoutMs: number,
  extra: ReadonlyArray<string> = []
) => {
  const r = await runChild(
    "pipeline/bin.ts",
    ["build", "--sources", sources, "--out", out, "--cache", cache, "--timings", timingsFile, ...extra],
    timeoutMs,
    { SOURCE_DATE_EPOCH: BENCH_EPOCH },
    [`--max-old-space-size=${BUILD_HEAP_MB}`]
  )
  const timings =
    r.ok && existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, "utf8")) as TimingReport) : null
  const rssMb = r.rssMb ?? (timings ? timings.maxRssKb / 1024 : null)
  return {
    ...r,
    rssMb,
    rssFrom: r.rssFrom ?? (timings ? ("child" as const) : null),
    timings
  }
}
