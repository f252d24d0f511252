/**
 * Crash harness: run a real build in a child process, kill it with SIGKILL at a named point
 * (PIPELINE_CRASH_AT) or after a delay, and describe the release folder as a reader sees it.
 */
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { repoRoot } from "./tmp.js"

const BIN = join(repoRoot, "pipeline", "bin.ts")
const env = (extra: Record<string, string>) => ({ ...process.env, SOURCE_DATE_EPOCH: "1767225600", ...extra })

/** Run a build to completion (asynchronously); resolves with its exit code, signal and stderr. */
export const runBuild = (sources: string, out: string, extra: Record<string, string> = {}): Promise<{ status: number | null; signal: string | null; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", BIN, "build", "--sources", sources, "--out", out], { cwd: repoRoot, env: env(extra), stdio: ["ignore", "ignore", "pipe"] })
    let stderr = ""
    child.stderr.on("data", (d) => (stderr += String(d)))
    child.on("close", (status, signal) => resolve({ status, signal, stderr }))
  })

/** Start a build and kill it with SIGKILL after `ms` milliseconds (or let it finish first). */
export const killAfter = (sources: string, out: string, ms: number): Promise<string | null> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", BIN, "build", "--sources", sources, "--out", out], { cwd: repoRoot, env: env({}), stdio: "ignore" })
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

/** What a reader sees: the files reachable through latest.json's release, plus the pointer. */
export const visible = (dir: string): Record<string, string> => {
  const t = tree(dir)
  const latest = existsSync(join(dir, "latest.json")) ? (JSON.parse(readFileSync(join(dir, "latest.json"), "utf8")) as { path: string }).path : null
  return Object.fromEntries(Object.entries(t).filter(([p]) => p === "latest.json" || (latest !== null && p.startsWith(`${latest}/`))))
}
