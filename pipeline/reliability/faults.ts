/**
 * The storage-fault matrix (used by the tests and by `npm run reliability`): a build over a
 * published release meets a fault just before one storage step. As root, the output folder lives
 * on a small tmpfs of its own, which a filler file fills up (ENOSPC) or a remount makes read-only
 * (EROFS), so the kernel itself fails the calls; otherwise, and for EIO, a Disk fails every call
 * of that step. Each cell records the error code and step, whether the previous release and
 * latest.json are intact, and what is left in the output folder that was not there before.
 */

import { execFileSync } from "node:child_process"
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Either, Option } from "effect"
import { Disk, type DiskService, Fault, nodeDisk, STEPS, type Step } from "../05-publish/disk.js"
import { type BuildOptions, build } from "../Build.js"
import { tree } from "./harness.js"

/** The faults of the matrix. */
export const FAULTS = ["ENOSPC", "EROFS", "EIO"] as const
export type FaultKind = (typeof FAULTS)[number]

/**
 * What a cell is expected to end in: the code and the step it names, or a published release (with the lock left, when
 * it could not be removed).
 */
export interface Expected {
  readonly code: string | null
  readonly step: Step | null
}

const CODE: Record<FaultKind, string> = {
  ENOSPC: "disk-full",
  EROFS: "output-not-writable",
  EIO: "io-error"
}

/**
 * The outcome each cell must have. A full disk cannot fail a removal, a sync or a rename (they
 * need no space), and a read-only file system does not fail a sync: there the fault shows at the
 * next step that writes. A fault before removing the lock leaves a published release.
 */
export const expected = (step: Step, fault: FaultKind, real: boolean): Expected => {
  if (step === "unlock") return { code: null, step: null }
  if (!real || fault === "EIO") return { code: CODE[fault], step }
  if (fault === "ENOSPC")
    return {
      code: CODE[fault],
      step: step === "clean" ? "staging" : step === "sync" || step === "rename" ? "latest" : step
    }
  return { code: CODE[fault], step: step === "sync" ? "rename" : step }
}

/** One cell of the matrix, as run. */
export interface Cell {
  readonly step: Step
  readonly fault: FaultKind
  /** Made by the kernel on a tmpfs (true) or injected by a Disk (false). */
  readonly real: boolean
  readonly code: string | null
  readonly failedStep: Step | null
  readonly expected: Expected
  /** The previous release's files and latest.json are byte for byte as before. */
  readonly intact: boolean
  /**
   * Paths in the output folder that were not there before (a new release counts when latest.json does not point to it).
   */
  readonly left: ReadonlyArray<string>
  /** Every path left is named by the build (in its error, or in its warning about the lock). */
  readonly named: boolean
  /** The next build, with the fault gone, publishes the same bytes as a build that met no fault. */
  readonly recovered: boolean
}

/** Can this process mount a tmpfs (root, and mount allowed)? */
export const canMount = (): boolean => {
  if (process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), "car-mnt-"))
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], {
      stdio: "ignore"
    })
    execFileSync("umount", [dir], { stdio: "ignore" })
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Fill the file system that holds `file` with it (and small files beside it) until not even a byte fits. */
export const fill = (file: string) => {
  const fd = openSync(file, "w")
  const chunk = Buffer.alloc(1 << 16)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e
  } finally {
    closeSync(fd)
  }
  // the last blocks: small files until not even a byte fits
  try {
    for (let i = 0; ; i++) writeFileSync(`${file}.${i}`, "x")
  } catch {
    // full
  }
}

/**
 * A Disk that meets `fault` before the first call of `step` and after: as root on `mount`, by the kernel; otherwise
 * injected.
 */
const faultyDisk = (
  step: Step,
  fault: FaultKind,
  mount: string | null
): { readonly disk: DiskService; readonly met: () => boolean } => {
  let met = false
  const disk: DiskService = {
    ...nodeDisk,
    run: (s, path, call) => {
      if (s === step) {
        if (mount !== null && fault !== "EIO") {
          if (!met) {
            if (fault === "ENOSPC") fill(join(mount, "filler"))
            else
              execFileSync("mount", ["-o", "remount,ro", mount], {
                stdio: "ignore"
              })
          }
        } else {
          met = true
          throw new Fault(s, path, fault, `${fault}: injected fault, ${s} '${path}'`)
        }
        met = true
      }
      return nodeDisk.run(s, path, call)
    }
  }
  return { disk, met: () => met }
}

/** Remove what fill() wrote, or make the file system writable again. */
const heal = (mount: string, fault: FaultKind) => {
  if (fault === "EROFS") execFileSync("mount", ["-o", "remount,rw", mount], { stdio: "ignore" })
  for (const f of readdirSync(mount)) if (f.startsWith("filler")) rmSync(join(mount, f), { force: true })
}

/**
 * Run a build in this process through `disk`: the error's code and step, or null when it published; and what it said on
 * stderr.
 */
export const buildThrough = async (
  sources: string,
  out: string,
  disk: DiskService = nodeDisk,
  options: Partial<BuildOptions> = {}
): Promise<{
  code: string | null
  step: Step | null
  message: string
  stderr: string
}> => {
  // what the build says goes through console.error (Effect's Console), kept here instead
  const said: Array<string> = []
  const error = console.error
  console.error = (...args: Array<unknown>) => void said.push(`${args.map(String).join(" ")}\n`)
  try {
    const r = await Effect.runPromise(
      build({
        sources,
        out,
        version: Option.none(),
        strict: false,
        ...options
      }).pipe(Effect.provideService(Disk, disk), Effect.either, Effect.provide(NodeContext.layer))
    )
    if (Either.isRight(r)) return { code: null, step: null, message: "", stderr: said.join("") }
    const e = r.left as {
      constructor: { code?: string }
      step?: Step
      message: string
    }
    return {
      code: e.constructor.code ?? "(none)",
      step: e.step ?? null,
      message: e.message,
      stderr: said.join("")
    }
  } finally {
    console.error = error
  }
}

/**
 * The releases a cell starts from and must end at: `before` (one release published) and `after` (the next one too),
 * built once.
 */
export interface Fixture {
  readonly sources: string
  readonly before: string
  readonly after: string
}

const ARTICLES = [
  "Kazakh President Kassym-Jomart Tokayev met U.S. Secretary of State Marco Rubio in Astana on November 4, 2025.\n",
  "Uzbek President Shavkat Mirziyoyev visited Washington on November 6, 2025, and met President Donald Trump.\n"
]

/** Build the fixture: a one-article release, and the two-article release after it. */
export const makeFixture = async (): Promise<Fixture> => {
  const base = mkdtempSync(join(tmpdir(), "car-faults-"))
  const sources = join(base, "sources")
  mkdirSync(sources)
  writeFileSync(join(sources, "a.txt"), ARTICLES[0]!)
  const before = join(base, "before")
  if ((await buildThrough(sources, before)).code !== null) throw new Error("the fixture's first release did not build")
  writeFileSync(join(sources, "b.txt"), ARTICLES[1]!)
  const after = join(base, "after")
  cpSync(before, after, { recursive: true })
  if ((await buildThrough(sources, after)).code !== null) throw new Error("the fixture's second release did not build")
  return { sources, before, after }
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b)
const LEFTOVER = ".tmp-build-99999"

/** Run one cell: the build over `before` meets `fault` before `step`; then the checks, then the next build. */
export const runCell = async (fx: Fixture, step: Step, fault: FaultKind, real: boolean): Promise<Cell> => {
  const root = mkdtempSync(join(tmpdir(), "car-cell-"))
  const mounted = real && fault !== "EIO"
  if (mounted)
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", root], {
      stdio: "ignore"
    })
  try {
    const out = join(root, "dist")
    cpSync(fx.before, out, { recursive: true })
    // the clean step has something to remove only when a killed build left its folder
    if (step === "clean") {
      mkdirSync(join(out, LEFTOVER, "data"), { recursive: true })
      writeFileSync(join(out, LEFTOVER, "data", "events.csv"), "event_id\n")
    }
    const was = tree(out)
    const { disk } = faultyDisk(step, fault, mounted ? root : null)
    const r = await buildThrough(fx.sources, out, disk)
    if (mounted) heal(root, fault)
    const now = tree(out)
    const previous = Object.keys(was).filter((p) => p === "latest.json" || p.startsWith("1.0.0/"))
    const published = r.code === null && now["latest.json"] !== was["latest.json"]
    const intact = published || previous.every((p) => now[p] === was[p])
    const tops = (t: Record<string, string>) => new Set(Object.keys(t).map((p) => p.split("/")[0]!))
    const before = tops(was)
    const after = tops(now)
    const left = [
      ...new Set(
        [...after]
          .filter((p) => !before.has(p) && !(published && p === "1.1.0"))
          .concat(existsSync(join(out, ".lock")) ? [".lock"] : [])
      )
    ].sort()
    const named = left.every((p) => r.message.includes(join(out, p)) || r.stderr.includes(join(out, p)))
    // with the fault gone, the next build cleans up and publishes what an untroubled build does
    // (the fixture's second build already did that from the same files, when nothing changed)
    const untouched = same(now, was)
    const next = untouched || (published && left.length === 0) ? { code: null } : await buildThrough(fx.sources, out)
    const recovered = untouched || (next.code === null && same(tree(out), tree(fx.after)))
    return {
      step,
      fault,
      real: mounted,
      code: r.code,
      failedStep: r.step,
      expected: expected(step, fault, mounted),
      intact,
      left,
      named,
      recovered
    }
  } finally {
    if (mounted) {
      try {
        execFileSync("umount", [root], { stdio: "ignore" })
      } catch {
        execFileSync("umount", ["-l", root], { stdio: "ignore" })
      }
    }
    rmSync(root, { recursive: true, force: true })
  }
}

/**
 * Is a cell as it must be: the expected code and step, the previous release and latest.json
 * intact, anything left named and removed by the next build, which publishes the same bytes as
 * an untroubled build; and nothing left at all, but where the file system refuses removals too
 * (read-only) or the fault struck the lock's own removal.
 */
export const cellOk = (c: Cell): boolean =>
  c.code === c.expected.code &&
  c.failedStep === c.expected.step &&
  c.intact &&
  c.named &&
  c.recovered &&
  (c.left.length === 0 || (c.fault === "EROFS" && c.real) || (c.step === "unlock" && c.left.join() === ".lock"))

/** Every cell of the matrix. */
export const runMatrix = async (fx: Fixture, real = canMount()): Promise<Array<Cell>> => {
  const cells: Array<Cell> = []
  for (const step of STEPS) for (const fault of FAULTS) cells.push(await runCell(fx, step, fault, real))
  return cells
}

/**
 * The matrix as a Markdown table: a row per step, a column per fault; each cell the code and step (or "published"), and
 * what was left.
 */
export const renderMatrix = (cells: ReadonlyArray<Cell>): string => {
  const show = (c: Cell) => {
    const what = c.code === null ? "published" : `\`${c.code}\`${c.failedStep !== c.step ? ` at ${c.failedStep}` : ""}`
    const left =
      c.left.length === 0 ? "" : `; left ${c.left.map((p) => p.replace(/-\d+$/, "-<pid>")).join(", ")} (named)`
    return `${what}${left}${cellOk(c) ? "" : " **WRONG**"}`
  }
  const rows = STEPS.map(
    (s) =>
      `| ${s} | ${FAULTS.map((f) => cells.find((c) => c.step === s && c.fault === f))
        .map((c) => (c ? show(c) : ""))
        .join(" | ")} |`
  )
  return [
    "| step | ENOSPC (disk full) | EROFS (read-only) | EIO (injected) |",
    "| --- | --- | --- | --- |",
    ...rows
  ].join("\n")
}
