/**
 * Processes of a clustered build for the tests: runners (`pipeline runner --cluster`) and a coordinator (`pipeline
 * build --cluster`) as child processes of the CLI, and the count of units answered, read from the cluster's tables.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { join } from "node:path"
import { repoRoot } from "../lib/tmp.js"

const BIN = join(repoRoot, "pipeline", "bin.ts")
/** Node itself with tsx's loader (not the tsx wrapper, whose SIGKILL would leave its child running). */
const NODE = [process.execPath, "--import", "tsx"] as const

/** A runner process and what it printed. */
export interface RunnerProcess {
  readonly child: ChildProcess
  readonly output: () => string
  /** Resolves once it listens (its shards are then taken within a few seconds). */
  readonly ready: Promise<void>
}

/** Start one runner of the cluster at `url`. */
export const startRunner = (url: string): RunnerProcess => {
  const child = spawn(NODE[0], [...NODE.slice(1), BIN, "runner", "--cluster", url], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"]
  })
  let out = ""
  const ready = new Promise<void>((resolve, reject) => {
    const take = (d: Buffer) => {
      out += String(d)
      if (out.includes("Listening on")) resolve()
    }
    child.stdout!.on("data", take)
    child.stderr!.on("data", take)
    child.on("exit", (code, signal) => reject(new Error(`runner exited (${code ?? signal}) before listening:\n${out}`)))
  })
  // a runner killed on purpose must not fail the test through an unobserved rejection
  ready.catch(() => undefined)
  return { child, output: () => out, ready }
}

/** A coordinator that never ends is killed after this long, and its build fails the test with what it printed. */
const BUILD_TIMEOUT_MS = 300_000

/** A clustered build of `sources` into `out` (the coordinator, `build --cluster`): its process, exit status and stderr. */
export const startBuild = (url: string, sources: string, out: string) => {
  const child = spawn(
    NODE[0],
    [...NODE.slice(1), BIN, "build", "--sources", sources, "--out", out, "--no-cache", "--no-progress"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, CAR_CLUSTER_URL: url }
    }
  )
  let stderr = ""
  child.stderr!.on("data", (d) => (stderr += String(d)))
  const timer = setTimeout(() => {
    stderr += `\nerror: the coordinator did not end in ${BUILD_TIMEOUT_MS / 1000} s (killed by the test)`
    child.kill("SIGKILL")
  }, BUILD_TIMEOUT_MS)
  const done = new Promise<{ status: number | null; stderr: string }>((resolve) =>
    child.on("close", (status) => {
      clearTimeout(timer)
      resolve({ status, stderr })
    })
  )
  return { child, done, stderr: () => stderr }
}

/** A clustered build of `sources` into `out`: exit status and stderr. */
export const clusterBuild = (url: string, sources: string, out: string) => startBuild(url, sources, out).done

/** Run one SQL statement with psql (from the server's folder) and return its first value. */
export const sql = (bin: string, url: string, statement: string): string =>
  execFileSync(join(bin, "psql"), [url, "-tAc", statement], { encoding: "utf8", timeout: 30_000 }).trim()

/** Article units answered so far (0 while the cluster's tables do not exist yet or the server is down). */
export const answered = (bin: string, url: string): number => {
  try {
    return unitRows(bin, url, "ArticleUnit").replies
  } catch {
    return 0
  }
}

/** Wait until `ready()` says so (or `done` resolves first, or five minutes pass), asking every `everyMs`. */
export const when = async (ready: () => boolean, done: Promise<unknown>, everyMs = 250) => {
  let finished = false
  void done.then(() => {
    finished = true
  })
  for (const t0 = Date.now(); !finished && Date.now() - t0 < BUILD_TIMEOUT_MS; ) {
    if (ready()) return
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** Wait until `n` units are answered (or `done` resolves first, or five minutes pass). */
export const whenAnswered = (bin: string, url: string, n: number, done: Promise<unknown>) =>
  when(() => answered(bin, url) >= n, done)

/** The messages of one entity type (ArticleUnit, ResolveBlock, Workflow/Build) and how many of them have a reply. */
export const unitRows = (bin: string, url: string, entityType: string): { messages: number; replies: number } => {
  const [messages, replies] = sql(
    bin,
    url,
    `SELECT (SELECT count(*) FROM cluster_messages WHERE entity_type = '${entityType}') || ',' ||
      (SELECT count(*) FROM cluster_replies r JOIN cluster_messages m ON m.id = r.request_id
        WHERE m.entity_type = '${entityType}')`
  ).split(",")
  return { messages: Number(messages), replies: Number(replies) }
}

/** Has the build workflow's step `name` (its first attempt) a stored result? */
export const stepDone = (bin: string, url: string, name: string): boolean => {
  try {
    return (
      sql(
        bin,
        url,
        `SELECT count(*) FROM cluster_replies r JOIN cluster_messages m ON m.id = r.request_id
          WHERE m.entity_type = 'Workflow/Build' AND m.message_id LIKE '%/activity/${name}/1'`
      ) !== "0"
    )
  } catch {
    return false
  }
}
