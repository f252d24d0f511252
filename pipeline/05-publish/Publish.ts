/**
 * Stage 05 — publish: release files → dist/<version>/, atomically. Files are written into a
 * temporary directory beside dist/<version>, fsynced, and the directory appears by one rename;
 * dist/latest.json is then replaced by write-and-rename. A published version is never overwritten.
 */
import { Effect } from "effect"
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { stableStringify } from "../shared/stableJson.js"
import { sha256 } from "../shared/hash.js"
import { PublishFailed, ReleaseExists } from "./errors.js"

/** The pointer to the newest release. */
export interface Latest {
  readonly version: string
  readonly path: string
  readonly sha256sums: string
}

/** Read dist/latest.json, if any. */
export const readLatest = (dist: string): Latest | null => {
  try {
    return JSON.parse(fs.readFileSync(nodePath.join(dist, "latest.json"), "utf8")) as Latest
  } catch {
    return null
  }
}

const writeSynced = (path: string, bytes: Uint8Array) => {
  fs.mkdirSync(nodePath.dirname(path), { recursive: true })
  const fd = fs.openSync(path, "w")
  try {
    fs.writeSync(fd, bytes)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

const fsyncDir = (dir: string) => {
  const fd = fs.openSync(dir, "r")
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Remove temporary directories left by a killed build. */
export const cleanLeftovers = (dist: string): ReadonlyArray<string> => {
  if (!fs.existsSync(dist)) return []
  const left = fs.readdirSync(dist).filter((n) => n.startsWith(".tmp-"))
  for (const n of left) fs.rmSync(nodePath.join(dist, n), { recursive: true, force: true })
  return left
}

/** Are the files identical to a published directory's? */
const sameAsPublished = (dir: string, files: ReadonlyMap<string, Uint8Array>): boolean => {
  for (const [p, b] of files) {
    const full = nodePath.join(dir, p)
    if (!fs.existsSync(full) || sha256(fs.readFileSync(full)) !== sha256(b)) return false
  }
  return true
}

/** Write a release atomically; returns "published" or "unchanged" (same bytes already there). */
export const publishRelease = Effect.fn("Publish.release")(function* (dist: string, version: string, files: ReadonlyMap<string, Uint8Array>) {
  const final = nodePath.join(dist, version)
  if (fs.existsSync(final)) {
    if (sameAsPublished(final, files)) return "unchanged" as const
    return yield* Effect.fail(new ReleaseExists({ version, dir: final }))
  }
  return yield* Effect.try({
    try: () => {
      fs.mkdirSync(dist, { recursive: true })
      const tmp = nodePath.join(dist, `.tmp-${version}-${process.pid}`)
      fs.rmSync(tmp, { recursive: true, force: true })
      for (const [p, b] of files) writeSynced(nodePath.join(tmp, p), b)
      for (const d of new Set([...files.keys()].map((p) => nodePath.dirname(nodePath.join(tmp, p))))) fsyncDir(d)
      fsyncDir(tmp)
      fs.renameSync(tmp, final)
      fsyncDir(dist)
      const latest: Latest = { version, path: version, sha256sums: sha256(files.get("SHA256SUMS")!) }
      const tmpLatest = nodePath.join(dist, `.tmp-latest-${process.pid}.json`)
      writeSynced(tmpLatest, new TextEncoder().encode(stableStringify(latest)))
      fs.renameSync(tmpLatest, nodePath.join(dist, "latest.json"))
      fsyncDir(dist)
      return "published" as const
    },
    catch: (e) => new PublishFailed({ dir: final, detail: (e as Error).message })
  })
})
