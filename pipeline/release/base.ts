/**
 * The base release (the one dist/latest.json points to), checked before a build carries event ids
 * over from it or diffs against it: latest.json records the SHA-256 of its SHA256SUMS, SHA256SUMS
 * that of every file, and manifest.json the same hashes; the manifests of the releases before it
 * (read for the release each source first appeared in) must match their own SHA256SUMS. The files a
 * build reads (manifest.json and the tables under data/) are hashed; every other file listed must
 * exist with the size manifest.json records (hashing all of a 10,000-article release, 2.7 GB in
 * 26,000 files, took 7 s, most of it for files no build reads: the explorer, JSON-LD, texts).
 * Nothing is parsed but latest.json, SHA256SUMS and the manifests.
 */

import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Console, Effect, Either } from "effect"
import type { ReleaseManifest } from "../../schemas/Manifest.js"
import { BaseReleaseInvalid } from "../05-publish/errors.js"
import type { Latest } from "../05-publish/Publish.js"
import { decodeManifest, readManifest, unreadable } from "./manifest.js"
import { compareVersions } from "./version.js"

/** What dist/latest.json holds: nothing yet, a pointer, or something that is not a pointer. */
export type Pointer =
  | { readonly _tag: "none" }
  | { readonly _tag: "found"; readonly latest: Latest }
  | { readonly _tag: "invalid"; readonly problem: string }

const SEMVER = /^\d+\.\d+\.\d+$/

/** Read dist/latest.json strictly: absent is "none"; unreadable, not JSON or not a pointer is "invalid". */
export const readPointer = (dist: string): Pointer => {
  let text: string
  try {
    text = fs.readFileSync(nodePath.join(dist, "latest.json"), "utf8")
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { _tag: "none" }
    return {
      _tag: "invalid",
      problem: `latest.json: cannot be read (${(e as Error).message})`
    }
  }
  let json: Partial<Record<keyof Latest, unknown>>
  try {
    json = JSON.parse(text) as typeof json
  } catch {
    return { _tag: "invalid", problem: "latest.json: not valid JSON" }
  }
  const { version, path, sha256sums } = json ?? {}
  if (
    typeof version !== "string" ||
    !SEMVER.test(version) ||
    typeof sha256sums !== "string" ||
    !/^[0-9a-f]{64}$/.test(sha256sums) ||
    typeof path !== "string"
  )
    return {
      _tag: "invalid",
      problem: "latest.json: not a release pointer ({version, path, sha256sums})"
    }
  if (path !== version)
    return {
      _tag: "invalid",
      problem: `latest.json: path ${JSON.stringify(path)} is not the folder of version ${version}`
    }
  return { _tag: "found", latest: { version, path, sha256sums } }
}

/** SHA-256 of a file, read a megabyte at a time. */
const hashFile = (path: string): string => {
  const h = createHash("sha256")
  const fd = fs.openSync(path, "r")
  try {
    const buf = Buffer.allocUnsafe(1 << 20)
    for (let n: number; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n))
  } finally {
    fs.closeSync(fd)
  }
  return h.digest("hex")
}

/** Is a release file read by a build that takes the release as its base (lineage.ts, the diff)? Those are hashed. */
const readByBuilds = (path: string): boolean => path === "manifest.json" || path.startsWith("data/")

/** Parse a release's SHA256SUMS into path → hash; problems are pushed, named `<folder>/<file>`. */
const readSums = (_dir: string, name: string, text: string, problems: Array<string>): Map<string, string> => {
  const sums = new Map<string, string>()
  text
    .split("\n")
    .filter((l) => l !== "")
    .forEach((line, i) => {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      const p = m?.[2] ?? ""
      if (!m || nodePath.isAbsolute(p) || p.split(/[\\/]/).includes(".."))
        problems.push(`${name}/SHA256SUMS: line ${i + 1} is not \`<sha256>  <path inside the release>\``)
      else sums.set(p, m[1]!)
    })
  return sums
}

/** The manifest of a release, read through its schema (a problem is pushed when it does not decode). */
const checkedManifest = (dir: string, name: string, problems: Array<string>): ReleaseManifest | null =>
  Either.getOrElse(decodeManifest(dir), (problem) => {
    problems.push(`${name}/manifest.json: ${problem}`)
    return null
  })

/**
 * Check the base release `latest` points to in `dist`: the problems, each naming a file
 * (`<version>/<path>: …`); none when it can be used.
 */
export const baseProblems = (dist: string, latest: Latest): Array<string> => {
  const problems: Array<string> = []
  const dir = nodePath.join(dist, latest.path)
  const name = latest.path
  if (!fs.existsSync(dir)) return [`${name}/: latest.json points to it, but there is no such release folder`]
  let sumsBytes: Buffer
  try {
    sumsBytes = fs.readFileSync(nodePath.join(dir, "SHA256SUMS"))
  } catch (e) {
    return [`${name}/SHA256SUMS: ${unreadable(e)}`]
  }
  if (createHash("sha256").update(sumsBytes).digest("hex") !== latest.sha256sums)
    problems.push(`${name}/SHA256SUMS: its SHA-256 is not the one latest.json records`)
  const sums = readSums(dir, name, sumsBytes.toString("utf8"), problems)
  // the manifest's problems are said after the files' (a tampered manifest is first a hash that differs)
  const manifestProblems: Array<string> = []
  const manifest = checkedManifest(dir, name, manifestProblems)
  const sizes = new Map(manifest?.files.map((f) => [f.path, f.bytes] as const) ?? [])
  for (const [p, expected] of sums) {
    try {
      if (readByBuilds(p)) {
        if (hashFile(nodePath.join(dir, p)) !== expected) problems.push(`${name}/${p}: SHA-256 differs from SHA256SUMS`)
        continue
      }
      const { size } = fs.statSync(nodePath.join(dir, p))
      const recorded = sizes.get(p)
      if (recorded !== undefined && recorded !== size)
        problems.push(`${name}/${p}: ${size} bytes, but manifest.json records ${recorded}`)
    } catch (e) {
      problems.push(`${name}/${p}: ${unreadable(e)}`)
    }
  }
  if (!sums.has("manifest.json")) problems.push(`${name}/SHA256SUMS: does not list manifest.json`)
  problems.push(...manifestProblems)
  if (manifest !== null) {
    if (manifest.version !== latest.version)
      problems.push(`${name}/manifest.json: version ${manifest.version}, but latest.json says ${latest.version}`)
    for (const f of manifest.files)
      if (sums.get(f.path) !== f.sha256)
        problems.push(`${name}/manifest.json: ${f.path}: SHA-256 differs from SHA256SUMS`)
    problems.push(...chainProblems(dist, manifest.previous_version))
  }
  return problems
}

/**
 * The releases before the base: each one's manifest.json must match its own SHA256SUMS (a missing folder ends the
 * chain, as it ends firstReleases').
 */
const chainProblems = (dist: string, first: string | null): Array<string> => {
  const problems: Array<string> = []
  const seen = new Set<string>()
  for (
    let v = first;
    v !== null && SEMVER.test(v) && !seen.has(v) && fs.existsSync(nodePath.join(dist, v, "manifest.json"));
  ) {
    seen.add(v)
    const dir = nodePath.join(dist, v)
    let sums: Map<string, string>
    try {
      sums = readSums(dir, v, fs.readFileSync(nodePath.join(dir, "SHA256SUMS"), "utf8"), problems)
    } catch (e) {
      problems.push(`${v}/SHA256SUMS: ${unreadable(e)}`)
      return problems
    }
    if (hashFile(nodePath.join(dir, "manifest.json")) !== sums.get("manifest.json")) {
      problems.push(`${v}/manifest.json: SHA-256 differs from SHA256SUMS`)
      return problems
    }
    v = checkedManifest(dir, v, problems)?.previous_version ?? null
  }
  return problems
}

/** Every version folder in `dist`, newest last. */
export const publishedVersions = (dist: string): Array<string> => {
  let names: Array<string>
  try {
    names = fs.readdirSync(dist)
  } catch {
    return []
  }
  return names.filter((n) => SEMVER.test(n)).sort(compareVersions)
}

/** A previous release: its version and directory. */
export interface Previous {
  readonly version: string
  readonly dir: string
}

/** The release a build compares with, and the newest one it was told to skip (--base none). */
export interface Base {
  /** The one latest.json points to, checked (null: none, or --base none). */
  readonly latest: Latest | null
  readonly previous: Previous | null
  /** Its manifest. */
  readonly manifest: ReleaseManifest | null
  /** With --base none: the newest version in the output folder, which the release is not compared with. */
  readonly skipped: string | null
}

/** The base release: the one latest.json points to, checked (none with --base none, or in an empty output folder). */
const checkedLatest = (out: string): Effect.Effect<Latest | null, BaseReleaseInvalid> =>
  Effect.suspend(() => {
    const pointer = readPointer(out)
    if (pointer._tag === "none") return Effect.succeed(null)
    if (pointer._tag === "invalid")
      return Effect.fail(
        new BaseReleaseInvalid({ dir: nodePath.join(out, "latest.json"), problems: [pointer.problem] })
      )
    const problems = baseProblems(out, pointer.latest)
    return problems.length > 0
      ? Effect.fail(new BaseReleaseInvalid({ dir: nodePath.join(out, pointer.latest.path), problems }))
      : Effect.succeed(pointer.latest)
  })

/** With --base none: the newest version in the output folder (the pointer's or a folder's). */
const newestPublished = (out: string): string | null => {
  const pointer = readPointer(out)
  return (
    [...publishedVersions(out), ...(pointer._tag === "found" ? [pointer.latest.version] : [])]
      .sort(compareVersions)
      .pop() ?? null
  )
}

/** The base of a build into `out` (`base`: the --base option; absent means latest). */
export const baseOf = Effect.fn("Release.base")(function* (out: string, base: "latest" | "none" = "latest") {
  if (base === "none") {
    const skipped = newestPublished(out)
    if (skipped !== null)
      yield* Console.error(
        `--base none: not comparing with ${nodePath.join(out, skipped)}; event ids are not carried over and the changelog lists every row as new`
      )
    return { latest: null, previous: null, manifest: null, skipped } satisfies Base
  }
  const latest = yield* checkedLatest(out)
  if (latest === null) return { latest, previous: null, manifest: null, skipped: null } satisfies Base
  const dir = nodePath.join(out, latest.path)
  return { latest, previous: { version: latest.version, dir }, manifest: yield* readManifest(dir), skipped: null }
})
