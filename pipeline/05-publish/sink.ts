/**
 * Where release files go as they are made: each file is handed to a sink once, which writes it
 * (or compares it) and keeps only its hash and size. No build holds all its files in memory;
 * the metadata files (datapackage, croissant, manifest, SHA256SUMS) are made from the hashes.
 */

import { createHash } from "node:crypto"
import * as fs from "node:fs"
import * as nodePath from "node:path"

/** What the metadata files need of a written file. */
export interface FileInfo {
  readonly sha256: string
  readonly bytes: number
}

/** A destination for release files. */
export interface FileSink {
  /** Take one file (each path once). */
  readonly put: (path: string, bytes: Uint8Array) => void
  /**
   * Take one file written as text, piece by piece: `emit` pushes strings, which are encoded into
   * one reused buffer and handed on a megabyte at a time. The file is never one string or one
   * buffer in memory, and encoding it allocates nothing that outlives a piece (large outputs made
   * of fresh buffers make V8 collect the whole heap again and again).
   */
  readonly stream: (path: string, emit: (push: (s: string) => void) => void) => void
  /**
   * Take one file given as a sequence of byte chunks, written as they come: each chunk is hashed and written (or
   * copied) before `out` returns, so the caller may reuse its memory then.
   */
  readonly write: (path: string, emit: (out: (chunk: Uint8Array) => void) => void) => void
  /** Hash and size of every file taken so far. */
  readonly files: ReadonlyMap<string, FileInfo>
  /** Where a file taken can be read again, byte for byte as it was taken (null: nowhere on disk). */
  readonly onDisk?: (path: string) => string | null
}

/** Where a sink's files go: opened once per file, given its bytes in order, then closed. */
export type Destination = (path: string) => {
  readonly write: (chunk: Uint8Array) => void
  readonly close: () => void
}

const PIECE = 1 << 20

/** A sink that records each file's hash and size and hands its bytes to `open`'s writer. */
export const recordingSink = (open: Destination): FileSink => {
  const files = new Map<string, FileInfo>()
  const buffer = Buffer.allocUnsafe(PIECE)
  const begin = (path: string) => {
    if (files.has(path)) throw new Error(`release file written twice: ${path}`)
    const out = open(path)
    const hash = createHash("sha256")
    let bytes = 0
    return {
      write: (chunk: Uint8Array) => {
        hash.update(chunk)
        bytes += chunk.byteLength
        out.write(chunk)
      },
      end: () => {
        out.close()
        files.set(path, { sha256: hash.digest("hex"), bytes })
      }
    }
  }
  return {
    files,
    put: (path, bytes) => {
      const f = begin(path)
      f.write(bytes)
      f.end()
    },
    write: (path, emit) => {
      const f = begin(path)
      emit(f.write)
      f.end()
    },
    stream: (path, emit) => {
      const f = begin(path)
      let used = 0
      const flush = () => {
        if (used > 0) f.write(buffer.subarray(0, used))
        used = 0
      }
      emit((s) => {
        // a UTF-16 code unit takes at most 3 bytes of UTF-8
        if (used + s.length * 3 > PIECE) flush()
        if (s.length * 3 > PIECE) f.write(Buffer.from(s, "utf8"))
        else used += buffer.write(s, used, "utf8")
      })
      flush()
      f.end()
    }
  }
}

/** A sink that keeps the bytes (tests and small tools). */
export const memorySink = (): FileSink & {
  readonly bytes: ReadonlyMap<string, Uint8Array>
} => {
  const bytes = new Map<string, Uint8Array>()
  return {
    ...recordingSink((p) => {
      const chunks: Array<Buffer> = []
      return {
        write: (c) => chunks.push(Buffer.from(c)),
        close: () => bytes.set(p, Buffer.concat(chunks))
      }
    }),
    bytes
  }
}

/**
 * A sink that compares each file with the file at the same path under `dir` (for verify): the paths that differ or are
 * missing.
 */
export const comparingSink = (dir: string): FileSink & { readonly differing: ReadonlyArray<string> } => {
  const differing: Array<string> = []
  const sink = recordingSink((p) => {
    const full = nodePath.join(dir, p)
    const published = fs.existsSync(full) ? fs.readFileSync(full) : null
    let at = 0
    let same = published !== null
    return {
      write: (c) => {
        const b = Buffer.from(c.buffer, c.byteOffset, c.byteLength)
        if (same && !(at + b.length <= published!.length && b.equals(published!.subarray(at, at + b.length))))
          same = false
        at += b.length
      },
      close: () => {
        if (!same || at !== published!.length) differing.push(p)
      }
    }
  })
  // a file equal to the published one can be read there
  return {
    ...sink,
    differing,
    onDisk: (p) => (sink.files.has(p) && !differing.includes(p) ? nodePath.join(dir, p) : null)
  }
}
