/**
 * The CI scripts on a simulated pull request: the repository (as in the working tree) cloned into a temporary folder,
 * a base branch, and a pull request adding a source written for this test — first without its release, then with the
 * rebuilt release committed. candidate.sh must show the new version, the diff from the base's release and the
 * changelog in both cases; release.sh must refuse a tag other than latest.json's version and list the assets of the
 * right one with their checksums (the upload, pipeline/ci/upload.sh, is never run). One release is built and shared.
 */
import { spawn } from "node:child_process"
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { sha256 } from "../../pipeline/shared/hash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

const root = tmpDir("car-ci-pr-")
const repo = join(root, "repo")
// the child processes: their own extraction cache (inside this test's folder), a git identity, and none of the
// variables a GitHub runner sets (the scripts would write into the real job summary)
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("GITHUB_"))),
  CANDIDATE_BUILD_ARGS: `--cache ${join(root, "cache")}`,
  GIT_AUTHOR_NAME: "CI test",
  GIT_AUTHOR_EMAIL: "ci-test@example.invalid",
  GIT_COMMITTER_NAME: "CI test",
  GIT_COMMITTER_EMAIL: "ci-test@example.invalid"
}

type Ran = { readonly status: number | null; readonly stdout: string; readonly stderr: string }
/** Run a command without blocking the test worker (builds take a while): its exit status and output. */
const run = (cmd: string, args: ReadonlyArray<string>, cwd = repo): Promise<Ran> =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env })
    const [out, err]: [Array<Buffer>, Array<Buffer>] = [[], []]
    child.stdout.on("data", (b: Buffer) => out.push(b))
    child.stderr.on("data", (b: Buffer) => err.push(b))
    child.on("error", reject)
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") })
    )
  })
const ok = async (cmd: string, args: ReadonlyArray<string>, cwd = repo): Promise<string> => {
  const r = await run(cmd, args, cwd)
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}\n${r.stdout}`)
  return r.stdout
}
const git = (...args: ReadonlyArray<string>) => ok("git", args)
const versionIn = (dist: string) =>
  (JSON.parse(readFileSync(join(dist, "latest.json"), "utf8")) as { version: string }).version

/** candidate.sh against the base branch: its exit status, stderr and the summary it wrote. */
const candidate = async (name: string) => {
  const summary = join(root, `${name}.md`)
  const r = await run("bash", ["pipeline/ci/candidate.sh", "seeds", join(root, name), summary, "base"])
  return { status: r.status, stderr: r.stderr, summary: existsSync(summary) ? readFileSync(summary, "utf8") : "" }
}

// an article written for this test (not a corpus text), and its metadata row
const ARTICLE = `Kazakhstan and Uzbekistan sign water memorandum in Astana
ASTANA, 14 March 2026: Kazakhstan and Uzbekistan signed a memorandum on sharing the waters of the Syr Darya on \
Saturday, the two foreign ministries said in a joint statement.
President Kassym-Jomart Tokayev met President Shavkat Mirziyoyev in Astana before the signing. The two leaders also \
discussed transport corridors and trade.
Kyrgyzstan is expected to join the talks next month, officials said.
`
const FILE = "900_ci_test_article.txt"

let base = ""
let next = ""

beforeAll(async () => {
  // the repository as it is in the working tree: a clone, plus the changes not yet committed
  await ok("git", ["clone", "--quiet", repoRoot, repo], root)
  // the commit the working tree is on (a CI checkout may be a detached merge commit)
  await git("checkout", "--quiet", "--detach", (await ok("git", ["rev-parse", "HEAD"], repoRoot)).trim())
  writeFileSync(join(repo, ".git", "info", "exclude"), "node_modules\n")
  const status = await ok("git", ["status", "--porcelain", "-z", "--untracked-files=all"], repoRoot)
  const entries = status.split("\0")
  const changed: Array<string> = []
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!
    if (entry.length <= 3) continue
    changed.push(entry.slice(3))
    // a rename or copy is followed by its source path, which the working tree may no longer hold
    if (/[RC]/.test(entry.slice(0, 2))) changed.push(entries[++i]!)
  }
  for (const path of changed) {
    if (path.startsWith("node_modules")) continue
    const [from, to] = [join(repoRoot, path), join(repo, path)]
    if (existsSync(from)) {
      mkdirSync(dirname(to), { recursive: true })
      cpSync(from, to)
    } else rmSync(to, { force: true })
  }
  symlinkSync(join(repoRoot, "node_modules"), join(repo, "node_modules"))
  await git("checkout", "--quiet", "-b", "base")
  await git("add", "-A")
  await git("commit", "--quiet", "--allow-empty", "-m", "base: the working tree")
  base = versionIn(join(repo, "dist"))
  const [major, minor] = base.split(".").map(Number)
  next = `${major}.${minor! + 1}.0` // a new source: the next minor version

  // the pull request: one source more, with its metadata row
  await git("checkout", "--quiet", "-b", "pr")
  writeFileSync(join(repo, "seeds", FILE), ARTICLE)
  const manifest = JSON.parse(readFileSync(join(repo, "seeds", "sources.json"), "utf8")) as {
    sources: Array<Record<string, unknown>>
  }
  manifest.sources.push({
    file: FILE,
    title: "Kazakhstan and Uzbekistan sign water memorandum in Astana",
    publisher: "CI test (an article written for the test)",
    url: null,
    published: "2026-03-14",
    published_precision: "day",
    published_basis: "stated_in_text",
    published_note: "The dateline.",
    language: "en",
    licence: "Written for the test."
  })
  writeFileSync(join(repo, "seeds", "sources.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  await git("add", "seeds")
  await git("commit", "--quiet", "-m", "pr: add a source")
}, 600_000)

describe("a pull request that adds a source", () => {
  it("without its release: candidate.sh shows the candidate version, diff and changelog; verify fails", async () => {
    const { status, summary } = await candidate("without")
    expect(status).toBe(0)
    expect(summary).toContain(`## Candidate release ${next} (not committed)`)
    expect(summary).toContain("not-reproducible")
    expect(summary).not.toMatch(/No change/)
    expect(summary).toContain(`### Diff from the base's release ${base}`)
    expect(summary).toMatch(new RegExp(`${base.replaceAll(".", "\\.")} → ${next.replaceAll(".", "\\.")}: sources \\+1`))
    expect(summary).toContain(`### Changelog of ${next}`)
    expect(summary).toContain("| sources | 1 | 0 | 0 |")
    expect(summary).toContain(FILE)
    // the contract of npm test (tests/release/dist.test.ts): the committed release no longer rebuilds
    const verify = await run("npx", ["tsx", "pipeline/bin.ts", "verify"])
    expect(verify.status).toBe(1)
    expect(verify.stderr).toMatch(new RegExp(`error \\[not-reproducible\\]: dist/${base.replaceAll(".", "\\.")}: `))
  }, 600_000)

  it("with its release committed: candidate.sh shows that release's changelog and diff, matching the build", async () => {
    // commit the release the first run built (the same bytes `npm run build:release` writes)
    cpSync(join(root, "without", "candidate", next), join(repo, "dist", next), { recursive: true })
    cpSync(join(root, "without", "candidate", "latest.json"), join(repo, "dist", "latest.json"))
    await git("add", "dist")
    await git("commit", "--quiet", "-m", `pr: release ${next}`)
    const { status, summary } = await candidate("with")
    expect(status).toBe(0)
    expect(summary).toContain(`## Release ${next} (committed in this pull request)`)
    expect(summary).toContain(`The committed \`dist/${next}\` is byte for byte what this tree's sources and code build`)
    expect(summary).not.toMatch(/No change/)
    expect(summary).toMatch(new RegExp(`${base.replaceAll(".", "\\.")} → ${next.replaceAll(".", "\\.")}: sources \\+1`))
    expect(summary).toContain(`### Changelog of ${next}`)
    expect(summary).toContain("| sources | 1 | 0 | 0 |")
    expect(summary).toContain(`Sources added: \``)
  }, 600_000)

  it("release.sh refuses a tag other than latest.json's version, and prepares the right tag's assets", async () => {
    for (const [tag, message] of [
      [
        `v${base}`,
        `tag v${base} does not match dist/latest.json, whose version is ${next}: tag the commit that publishes ${base}, or tag v${next}`
      ],
      [`v${next}-rc1`, `tag 'v${next}-rc1' is not of the form vX.Y.Z`]
    ] as const) {
      const r = await run("bash", ["pipeline/ci/release.sh", tag, "dist", join(root, "wrong")])
      expect([r.status, r.stderr.trim()]).toEqual([1, `release: ${message}`])
    }
    expect(existsSync(join(root, "wrong"))).toBe(false)

    // the right tag: verify dist/<next> (what npm test's dist test does on this tree), then the assets
    const assets = join(root, "assets")
    const out = await ok("bash", ["pipeline/ci/release.sh", `v${next}`, "dist", assets])
    expect(out).toContain(`dist/${next}: reproducible`)
    const sums = readFileSync(join(assets, "SHA256SUMS"), "utf8")
    const listed = sums
      .trim()
      .split("\n")
      .map((l) => l.split("  ") as [string, string])
    const tables = ["entities", "event_participants", "events", "evidence", "relations", "sources"]
    expect(listed.map(([, f]) => f)).toEqual(
      [...tables.flatMap((t) => [`${t}.csv`, `${t}.parquet`]), `central-asia-relations-${next}.tar.gz`].sort()
    )
    for (const [hash, file] of listed) {
      expect(hash, file).toBe(sha256(readFileSync(join(assets, file))))
      expect(out).toContain(`${hash}  ${file}`)
    }
    // each table's file is the release's own
    const releaseSums = readFileSync(join(repo, "dist", next, "SHA256SUMS"), "utf8")
    for (const [hash, file] of listed.filter(([, f]) => !f.endsWith(".tar.gz")))
      expect(releaseSums).toContain(`${hash}  data/${file}`)
  }, 600_000)
})
