/**
 * Stage 01 — ingest: a sources folder → accepted sources (bytes hashed, text decoded, metadata
 * attached) and rejected sources (as values). Never extracts, never drops a file silently.
 */

import * as nodeFs from "node:fs"
import { FileSystem, Path } from "@effect/platform"
import { Effect, Either, Option, ParseResult } from "effect"
import { deriveId } from "../../schemas/ids.js"
import { type ManifestSource, Sidecar, SourcesManifest } from "../../schemas/SourceMeta.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"
import { decodeText } from "./decodeText.js"
import {
  DuplicateSource,
  InvalidFileName,
  InvalidSidecar,
  ManifestInvalid,
  MissingFile,
  PathNotAllowed,
  rejectedSource,
  type SourceError,
  SourcesFolderMissing,
  UnreadableFile
} from "./errors.js"
import { escapeName, fileName, nameProblem } from "./fileNames.js"
import { fromManifest, fromSidecar, inferredMeta, type SourceMeta } from "./sourceMeta.js"

/** A source accepted into the build. */
export interface IngestedSource {
  readonly file: string
  readonly sourceId: string
  readonly rawSha256: string
  readonly textSha256: string
  readonly text: string
  readonly meta: SourceMeta
}

/** A source left out of the build, with its stable error code. */
export interface RejectedSource {
  readonly file: string
  readonly code: string
  readonly message: string
}

/** Result of ingesting a folder. */
export interface IngestResult {
  readonly accepted: ReadonlyArray<IngestedSource>
  readonly rejected: ReadonlyArray<RejectedSource>
}

const MANIFEST = "sources.json"
const TXT = Buffer.from(".txt")

/**
 * 1-based line of each `"file"` key in the manifest text, in order (for error messages): one pass, however many rows.
 */
const linesOfRows = (text: string): Array<number> => {
  const lines: Array<number> = []
  const re = /"file"\s*:|\n/g
  let line = 1
  for (let m: RegExpExecArray | null; (m = re.exec(text)) !== null; ) {
    if (m[0] === "\n") line++
    else lines.push(line)
  }
  return lines
}

/** What a path that is not a regular file is, in words. */
const kindOf = (st: nodeFs.Stats): string =>
  st.isDirectory()
    ? "directory"
    : st.isSymbolicLink()
      ? "symbolic link"
      : st.isFIFO()
        ? "fifo"
        : st.isSocket()
          ? "socket"
          : st.isCharacterDevice() || st.isBlockDevice()
            ? "device"
            : "special file"

const reject = (e: SourceError): RejectedSource => rejectedSource(e)

/** Rows of the folder manifest by file name, with the line each starts on (for error messages). */
type ManifestRows = ReadonlyMap<string, ListedSource>
interface ListedSource {
  readonly row: ManifestSource
  readonly line: number
}

/** What reading one file of a sources folder needs to know of the folder. */
interface Folder {
  readonly dir: string
  /** The folder's real path: no file may resolve outside it. */
  readonly root: string
  readonly path: Path.Path
  readonly manifestRows: ManifestRows
  readonly today: string | null
}

/**
 * Ingest every `.txt` article of `dir` (and every file its manifest names). `today` (YYYY-MM-DD)
 * bounds publication dates in sidecars: a date after it is an error. With `each`, accepted sources
 * are handed to it one by one in file order as they are read (a stream: none are kept).
 */
export const ingestFolder = Effect.fn("Ingest.folder")(function* (
  dir: string,
  today: string | null = null,
  each?: (s: IngestedSource) => Effect.Effect<void>
) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const info = yield* fs.stat(dir).pipe(Effect.option)
  if (Option.isNone(info) || info.value.type !== "Directory")
    return yield* Effect.fail(new SourcesFolderMissing({ dir }))
  const root = nodeFs.realpathSync.native(dir)
  const manifestRows = yield* readManifest(fs, path.join(dir, MANIFEST))
  const { files, badNames } = yield* candidateFiles(dir, manifestRows)
  const folder: Folder = { dir, root, path, manifestRows, today }

  const accepted: Array<IngestedSource> = []
  const rejected: Array<RejectedSource> = []
  const seen = new Map<string, string>()

  for (const file of files) {
    const bad = badNames.get(file) ?? nameProblem(file)
    if (bad !== null) {
      rejected.push(reject(new InvalidFileName({ file: escapeName(file), reason: bad })))
      continue
    }
    const result = yield* readOne(folder, file).pipe(Effect.either)
    if (Either.isLeft(result)) {
      rejected.push(reject(result.left))
      continue
    }
    const src = result.right
    const dup = seen.get(src.textSha256)
    if (dup !== undefined) {
      rejected.push(reject(new DuplicateSource({ file, duplicateOf: dup })))
      continue
    }
    seen.set(src.textSha256, file)
    if (each) yield* each(src)
    else accepted.push(src)
  }
  return { accepted, rejected } satisfies IngestResult
})

/** The folder manifest's rows by file name, with the line of each (none when there is no manifest). */
function readManifest(fs: FileSystem.FileSystem, manifestPath: string) {
  return Effect.gen(function* () {
    const manifestRows = new Map<string, ListedSource>()
    if (!(yield* fs.exists(manifestPath).pipe(Effect.orElseSucceed(() => false)))) return manifestRows as ManifestRows
    const text = yield* fs.readFileString(manifestPath).pipe(
      Effect.mapError(
        (e) =>
          new ManifestInvalid({
            file: manifestPath,
            line: 1,
            detail: `cannot read: ${e.message}`
          })
      )
    )
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (e) => {
        const pos = /position (\d+)/.exec(String(e))
        const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : 1
        return new ManifestInvalid({
          file: manifestPath,
          line,
          detail: `not valid JSON: ${(e as Error).message}`
        })
      }
    })
    const manifest = yield* SourcesManifest.decode(json).pipe(
      Effect.mapError((e) => {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(e)[0]
        const idx = issue && issue.path[0] === "sources" && typeof issue.path[1] === "number" ? issue.path[1] : -1
        return new ManifestInvalid({
          file: manifestPath,
          line: idx >= 0 ? (linesOfRows(text)[idx] ?? 1) : 1,
          detail: issue ? `${issue.path.join(".")}: ${issue.message}` : e.message
        })
      })
    )
    const lines = linesOfRows(text)
    manifest.sources.forEach((row, i) => {
      manifestRows.set(row.file, { row, line: lines[i] ?? 1 })
    })
    return manifestRows
  })
}

/** The files to ingest, in name order, and the names that are not valid file names (with why). */
function candidateFiles(dir: string, manifestRows: ManifestRows) {
  return Effect.gen(function* () {
    // every .txt in the folder plus every file the manifest names; names read
    // as bytes, since a name that is not UTF-8 would otherwise come back altered and not be found
    const entries = yield* Effect.try({
      try: () => nodeFs.readdirSync(dir, { encoding: "buffer" }),
      catch: () => new SourcesFolderMissing({ dir })
    })
    const names = new Set<string>()
    const badNames = new Map<string, string>()
    for (const raw of entries) {
      if (!raw.subarray(-4).equals(TXT)) continue
      const name = fileName(raw)
      if (name.ok) names.add(name.name)
      else badNames.set(name.name, name.reason)
    }
    for (const name of manifestRows.keys()) names.add(name)
    const files = [...names, ...badNames.keys()].sort(compareStrings)
    return { files, badNames: badNames as ReadonlyMap<string, string> }
  })
}

/** One file read, decoded and given its metadata, or the reason it is rejected. */
function readOne(folder: Folder, file: string) {
  return Effect.gen(function* () {
    const { dir, root, path, manifestRows } = folder
    const listed = manifestRows.get(file)
    if (path.isAbsolute(file) || file.split(/[\\/]/).includes(".."))
      return yield* Effect.fail(
        new PathNotAllowed({
          file,
          reason: "path must be relative to the sources folder and stay inside it"
        })
      )
    const full = path.join(dir, file)
    // node:fs's synchronous calls: on this scale an article is 5 file-system calls, and each
    // asynchronous one costs the main thread ~0.1-0.4 ms of hand-off (10× the call itself)
    if (!nodeFs.existsSync(full)) {
      // a dangling symlink also lands here: found by listing the folder, it has no manifest line
      return yield* Effect.fail(new MissingFile(listed ? { file, line: listed.line } : { file }))
    }
    const real = yield* Effect.try({
      try: () => nodeFs.realpathSync.native(full),
      catch: (e) => new UnreadableFile({ file, reason: (e as Error).message })
    })
    const rel = path.relative(root, real)
    if (rel.startsWith("..") || path.isAbsolute(rel))
      return yield* Effect.fail(
        new PathNotAllowed({
          file,
          reason: "resolves (through a symlink) to a file outside the sources folder"
        })
      )
    const st = yield* Effect.try({
      try: () => nodeFs.statSync(real),
      catch: (e) => new UnreadableFile({ file, reason: (e as Error).message })
    })
    if (!st.isFile())
      return yield* Effect.fail(
        new PathNotAllowed({
          file,
          reason: `is a ${kindOf(st)}, not a regular file`
        })
      )
    const bytes = yield* Effect.try({
      try: () => {
        const b = nodeFs.readFileSync(real)
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
      },
      catch: (e) =>
        new UnreadableFile({
          file,
          reason: (e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : (e as Error).message
        })
    })
    const text = yield* Either.match(decodeText(file, bytes), {
      onLeft: Effect.fail,
      onRight: Effect.succeed
    })
    const meta = listed ? fromManifest(listed.row) : yield* sidecarMeta(folder, file)
    const textSha256 = sha256(text)
    return {
      file,
      sourceId: deriveId("src", textSha256),
      rawSha256: sha256(bytes),
      textSha256,
      text,
      meta
    } satisfies IngestedSource
  })
}

function sidecarMeta(folder: Folder, file: string) {
  return Effect.gen(function* () {
    const { dir, path, today } = folder
    const side = path.join(dir, file.replace(/\.txt$/, "") + ".meta.json")
    if (!nodeFs.existsSync(side)) return inferredMeta
    const raw = yield* Effect.try({
      try: () => nodeFs.readFileSync(side, "utf8"),
      catch: (e) =>
        new InvalidSidecar({
          file,
          detail: `cannot read sidecar: ${(e as Error).message}`
        })
    })
    const json = yield* Effect.try({
      try: () => JSON.parse(raw) as unknown,
      catch: (e) =>
        new InvalidSidecar({
          file,
          detail: `sidecar is not JSON (${(e as Error).message})`
        })
    })
    const sidecar = yield* Sidecar.decode(json).pipe(
      Effect.mapError((e) => {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(e)[0]
        return new InvalidSidecar({
          file,
          detail: issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : e.message
        })
      })
    )
    if (
      today !== null &&
      sidecar.published &&
      sidecar.published.slice(0, today.length) > today.slice(0, sidecar.published.length)
    )
      return yield* Effect.fail(
        new InvalidSidecar({
          file,
          detail: `published: ${sidecar.published} is in the future (after ${today})`
        })
      )
    return fromSidecar(sidecar)
  })
}
