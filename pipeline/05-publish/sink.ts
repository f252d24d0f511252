/**
 * Where release files go as they are made: each file is handed to a sink once, which writes it
 * (or compares it) and keeps only its hash and size. No build holds all its files in memory;
 * the metadata files (datapackage, croissant, manifest, SHA256SUMS) are made from the hashes.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { sha256 } from "../shared/hash.js"

/** What the metadata files need of a written file. */
export interface FileInfo {
  readonly sha256: string
  readonly bytes: number
}

/** A destination for release files. */
export interface FileSink {
  /** Take one file (each path once). */
  readonly put: (path: string, bytes: Uint8Array) => void
  /** Hash and size of every file taken so far. */
  readonly files: ReadonlyMap<string, FileInfo>
}

/** A sink that records each file's hash and size and hands its bytes to `write`. */
export const recordingSink = (write: (path: string, bytes: Uint8Array) => void): FileSink => {
  const files = new Map<string, FileInfo>()
  return {
    files,
    put: (path, bytes) => {
      if (files.has(path)) throw new Error(`release file written twice: ${path}`)
      files.set(path, { sha256: sha256(bytes), bytes: bytes.length })
      write(path, bytes)
    }
  }
}

/** A sink that keeps the bytes (tests and small tools). */
export const memorySink = (): FileSink & { readonly bytes: ReadonlyMap<string, Uint8Array> } => {
  const bytes = new Map<string, Uint8Array>()
  return { ...recordingSink((p, b) => bytes.set(p, b)), bytes }
}

/** Write a file and fsync it (its directory is created). */
export const writeSynced = (path: string, bytes: Uint8Array) => {
  fs.mkdirSync(nodePath.dirname(path), { recursive: true })
  const fd = fs.openSync(path, "w")
  try {
    fs.writeSync(fd, bytes)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** A sink that compares each file with the file at the same path under `dir` (for verify): the paths that differ or are missing. */
export const comparingSink = (dir: string): FileSink & { readonly differing: ReadonlyArray<string> } => {
  const differing: Array<string> = []
  const sink = recordingSink((p, b) => {
    const full = nodePath.join(dir, p)
    if (!fs.existsSync(full) || !Buffer.from(b.buffer, b.byteOffset, b.byteLength).equals(fs.readFileSync(full))) differing.push(p)
  })
  return { ...sink, differing }
}
