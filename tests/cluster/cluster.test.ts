/**
 * A clustered build (`build --cluster`, runners as `pipeline runner`) on its own PostgreSQL publishes the same bytes
 * as the local build: with runners joining mid-build and runners SIGKILLed at two points (their units go to the others);
 * the coordinator SIGKILLed after the workflow's extract step resumes the workflow when run again, without redoing a
 * step or a unit; PostgreSQL stopped mid-build fails the build with cluster-unreachable and publishes nothing, and the
 * same command run again once it is back finishes from the units already answered. Skipped only where no PostgreSQL
 * binaries exist (`.ci/run` installs them when missing).
 */
import { cpSync, existsSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Disk, nodeDisk } from "../../pipeline/05-publish/disk.js"
import { build } from "../../pipeline/Build.js"
import { writeCorpus } from "../../pipeline/bench/corpus.js"
import { tree } from "../lib/crash.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"
import {
  answered,
  clusterBuild,
  type RunnerProcess,
  sql,
  startBuild,
  startRunner,
  stepDone,
  unitRows,
  when,
  whenAnswered
} from "./harness.js"
import { postgresBin, startPostgres, type TestPostgres } from "./postgres.js"

/** The workflow steps a coordinator ran, in order (each says so on stderr when it runs). */
const steps = (stderr: string) => [...stderr.matchAll(/cluster: workflow \w+: (\w+)$/gm)].map((m) => m[1])

const bin = postgresBin()
if (bin === null)
  console.warn("tests/cluster: skipped: no PostgreSQL server binaries (initdb) on PATH or in /usr/lib/postgresql")

describe.skipIf(bin === null)("clustered build", { timeout: 900_000 }, () => {
  const sources = tmpDir("car-cluster-src-")
  let pg: TestPostgres
  let local: Record<string, string>
  const runners: Array<RunnerProcess> = []
  const runner = () => {
    const r = startRunner(pg.url)
    runners.push(r)
    return r
  }
  const kill = (r: RunnerProcess) => r.child.kill("SIGKILL")

  beforeAll(async () => {
    // the seeds, 200 generated articles, and an undated article another dates (a re-extraction unit)
    cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
    writeCorpus(sources, 7, 200)
    cpSync(join(repoRoot, "tests", "fixtures", "undated-day-clue"), sources, { recursive: true })
    pg = await startPostgres(bin!)
    const out = tmpDir("car-cluster-local-")
    await Effect.runPromise(
      build({ sources, out, version: Option.none(), strict: false, noCache: true, progress: false }).pipe(
        Effect.provideService(Disk, nodeDisk),
        Effect.provide(NodeContext.layer)
      )
    )
    local = tree(out)
  }, 600_000)

  afterAll(() => {
    for (const r of runners) r.child.kill("SIGKILL")
    pg?.stop()
  })

  it("runners joining and SIGKILLed mid-build: the local build's bytes", async () => {
    const [a, b] = [runner(), runner()]
    await Promise.all([a.ready, b.ready])
    const out = tmpDir("car-cluster-out-")
    const done = clusterBuild(pg.url, sources, out)
    // a third runner joins; then the first is killed, and later the second: the third finishes alone
    await whenAnswered(bin!, pg.url, 30, done)
    const c = runner()
    await whenAnswered(bin!, pg.url, 80, done)
    kill(a)
    await c.ready
    await whenAnswered(bin!, pg.url, 150, done)
    kill(b)
    const { status, stderr } = await done
    expect([status, stderr.match(/error.*/)?.[0] ?? null]).toEqual([0, null])
    expect(tree(out)).toEqual(local)
    // every article (seeds, 200, the undated one and its re-extraction) and every block answered once; the finished
    // workflow's record is forgotten (the units stay)
    const articles = unitRows(bin!, pg.url, "ArticleUnit")
    const blocks = unitRows(bin!, pg.url, "ResolveBlock")
    expect([articles.replies, blocks.replies]).toEqual([articles.messages, blocks.messages])
    expect(blocks.messages).toBeGreaterThan(0)
    expect(unitRows(bin!, pg.url, "Workflow/Build").messages).toBe(0)
    expect(stderr).toMatch(/cluster: workflow \w+: publish/)
  })

  it("coordinator SIGKILLed after the extract step: run again, the workflow resumes, nothing is redone", async () => {
    // the third runner of the test before answers alone
    sql(bin!, pg.url, "TRUNCATE cluster_messages, cluster_replies")
    const out = tmpDir("car-cluster-resume-")
    const first = startBuild(pg.url, sources, out)
    await when(() => stepDone(bin!, pg.url, "extract"), first.done, 100)
    first.child.kill("SIGKILL")
    const killed = await first.done
    // killed after its extract step and before it published (else this test shows nothing)
    expect(killed.status).toBe(null)
    expect(steps(killed.stderr).slice(0, 2)).toEqual(["plan", "extract"])
    expect(existsSync(join(out, "latest.json"))).toBe(false)
    const units = unitRows(bin!, pg.url, "ArticleUnit")
    const again = await clusterBuild(pg.url, sources, out)
    expect([again.status, again.stderr.match(/error.*/)?.[0] ?? null]).toEqual([0, null])
    // the same workflow, resumed: plan and extract are not run again; no article unit is sent anew
    const id = killed.stderr.match(/cluster: workflow (\w+)/)![1]
    expect(again.stderr).toContain(`cluster: workflow ${id}`)
    expect(steps(again.stderr)).not.toContain("plan")
    expect(steps(again.stderr)).not.toContain("extract")
    expect(steps(again.stderr).at(-1)).toBe("publish")
    expect(unitRows(bin!, pg.url, "ArticleUnit")).toEqual(units)
    expect(tree(out)).toEqual(local)
  })

  it("PostgreSQL stopped mid-build: cluster-unreachable, nothing published; run again, it finishes", async () => {
    sql(bin!, pg.url, "TRUNCATE cluster_messages, cluster_replies")
    const out = tmpDir("car-cluster-pg-")
    const done = clusterBuild(pg.url, sources, out)
    await whenAnswered(bin!, pg.url, 60, done)
    pg.kill()
    const failed = await done
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(
      /error \[cluster-unreachable\]: cluster database postgres:\/\/.*nothing was published/
    )
    expect(existsSync(join(out, "latest.json"))).toBe(false)
    expect(Object.keys(tree(out)).filter((f) => !f.startsWith("."))).toEqual([])
    // the runners that lived through the stop are replaced (docs/scale-out.md: a runner may hold messages it read before
    // the database went and never answer them; restart runners after PostgreSQL comes back)
    for (const r of runners) kill(r)
    pg.start()
    const before = answered(bin!, pg.url)
    expect(before).toBeGreaterThan(0)
    await runner().ready
    const again = await clusterBuild(pg.url, sources, out)
    expect([again.status, again.stderr.match(/error.*/)?.[0] ?? null]).toEqual([0, null])
    expect(tree(out)).toEqual(local)
  })
})
