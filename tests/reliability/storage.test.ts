/**
 * Faults of the disk: a build meets a full disk, a read-only file system or an I/O error before
 * each storage step (on a tmpfs of its own when the test runs as root, through an injected Disk
 * otherwise; EIO always injected) and fails with the fault's code, naming the step; the previous
 * release and latest.json are intact, and nothing is left but what the file system refused to
 * remove, which the build names and the next build removes. Locks that hold no process id are
 * taken over, saying what they were.
 */

import { execFileSync } from "node:child_process"
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Option } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { Fault, STEPS } from "../../pipeline/05-publish/disk.js"
import { storageError } from "../../pipeline/05-publish/errors.js"
import {
  buildThrough,
  canMount,
  cellOk,
  expected,
  FAULTS,
  type Fixture,
  fill,
  makeFixture,
  runCell
} from "../../pipeline/reliability/faults.js"
import { tree } from "../../pipeline/reliability/harness.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"

let fx: Fixture
const real = canMount()
beforeAll(async () => {
  fx = await makeFixture()
}, 120_000)

describe(`storage faults (${real ? "tmpfs, filled or remounted read-only" : "injected"}; EIO injected)`, () => {
  it.each(STEPS)(
    "before %s: the code and step of each fault, the previous release intact, nothing left unnamed",
    async (step) => {
      for (const fault of FAULTS) {
        const c = await runCell(fx, step, fault, real)
        const want = expected(step, fault, c.real)
        expect([fault, c.code, c.failedStep], `${step} × ${fault}`).toEqual([fault, want.code, want.step])
        expect([fault, c.intact, c.named, c.recovered], `${step} × ${fault}: ${c.left.join(", ")}`).toEqual([
          fault,
          true,
          true,
          true
        ])
        expect(cellOk(c), `${step} × ${fault}: left ${c.left.join(", ")}`).toBe(true)
      }
    },
    120_000
  )
})

describe("the code of a fault", () => {
  it("follows its cause: ENOSPC/EDQUOT disk-full, EROFS/EACCES/EPERM output-not-writable, EIO io-error, anything else publish-failed", () => {
    const codeOf = (errno: string) =>
      (
        storageError(new Fault("staging", "/out/x", errno, `${errno}: test`), "/out").constructor as unknown as {
          code: string
        }
      ).code
    expect(
      ["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO", "EMFILE", "ENAMETOOLONG"].map((e) => [e, codeOf(e)])
    ).toEqual([
      ["ENOSPC", "disk-full"],
      ["EDQUOT", "disk-full"],
      ["EROFS", "output-not-writable"],
      ["EACCES", "output-not-writable"],
      ["EPERM", "output-not-writable"],
      ["EIO", "io-error"],
      ["EMFILE", "publish-failed"],
      ["ENAMETOOLONG", "publish-failed"]
    ])
  })
})

describe("the extraction cache", () => {
  it(`a cache folder that cannot be written (${real ? "a full tmpfs" : "mode 555"}) is said once as cache-unwritable; the release is the same, no entry is left half-written`, async () => {
    const cache = tmpDir("car-cache-")
    mkdirSync(join(cache, "entries"))
    if (real) {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", join(cache, "entries")])
      fill(join(cache, "entries", "filler"))
    } else chmodSync(join(cache, "entries"), 0o555)
    const filler = tree(join(cache, "entries"))
    try {
      const out = tmpDir()
      cpSync(fx.before, out, { recursive: true })
      const r = await buildThrough(fx.sources, out, undefined, {
        cache: Option.some(join(cache, "entries"))
      })
      expect(r.code).toBe(null)
      expect(r.stderr.match(/warning \[cache-unwritable\]/g)).toHaveLength(1)
      expect(tree(out)).toEqual(tree(fx.after))
      expect(tree(join(cache, "entries"))).toEqual(filler)
    } finally {
      if (real) execFileSync("umount", [join(cache, "entries")])
    }
  }, 60_000)
})

/** Bytes left free on the filled store's tmpfs: its shared-memory index fits, the new entries do not. */
const ROOM = 40 * 1024
describe.runIf(real)("the extraction cache, filled up between two builds", () => {
  it("a store that opens but cannot take new entries is said once as cache-unwritable (articles and re-extractions alike); the release is the one a build without the cache publishes", async () => {
    const cache = tmpDir("car-cache-")
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", cache])
    try {
      const sources = tmpDir("car-src-")
      cpSync(join(repoRoot, "seeds"), sources, { recursive: true })
      expect((await buildThrough(sources, tmpDir(), undefined, { cache: Option.some(cache) })).code).toBe(null)
      // two articles more, one of them read again against the other's day: three entries to store, no room
      cpSync(join(repoRoot, "tests", "fixtures", "undated-day-clue"), sources, { recursive: true })
      // room to open the store (its 32 KB shared-memory index), not to write the new entries
      fill(join(cache, "filler"))
      truncateSync(join(cache, "filler"), statSync(join(cache, "filler")).size - ROOM)
      const out = tmpDir()
      const r = await buildThrough(sources, out, undefined, { cache: Option.some(cache) })
      expect([r.code, r.stderr.match(/warning \[cache-unwritable\]/g)?.length]).toEqual([null, 1])
      const plain = tmpDir()
      expect((await buildThrough(sources, plain)).code).toBe(null)
      expect(tree(join(out, "1.0.0"))).toEqual(tree(join(plain, "1.0.0")))
    } finally {
      execFileSync("umount", [cache])
    }
  }, 120_000)
})

describe("the lock", () => {
  const withLock = (content: string | null) => {
    const out = tmpDir()
    cpSync(fx.before, out, { recursive: true })
    if (content === null) mkdirSync(join(out, ".lock"))
    else writeFileSync(join(out, ".lock"), content)
    return out
  }

  it.each([
    ["", "empty"],
    ["not a pid", "holding no process id"]
  ])(
    "a lock holding %j is taken over, saying it was %s",
    async (content, words) => {
      const out = withLock(content)
      const r = await buildThrough(fx.sources, out)
      expect(r.code).toBe(null)
      expect(r.stderr).toContain(`took over ${join(out, ".lock")}: it was ${words}`)
      expect(tree(out)).toEqual(tree(fx.after))
    },
    60_000
  )

  it("a lock that cannot be read (here a directory) refuses with lock-unreadable, and nothing is written", async () => {
    const out = withLock(null)
    const was = tree(out)
    const r = await buildThrough(fx.sources, out)
    expect([r.code, r.message]).toEqual(["lock-unreadable", expect.stringContaining("cannot be read")])
    expect(tree(out)).toEqual(was)
    expect(readdirSync(out).filter((n) => n.startsWith(".tmp-"))).toEqual([])
    expect(existsSync(join(out, ".lock"))).toBe(true)
  }, 60_000)
})
