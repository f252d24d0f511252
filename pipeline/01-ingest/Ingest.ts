/**
 * Stage 01 — ingest: a sources folder → accepted sources (bytes hashed, text decoded, metadata
 * attached) and rejected sources (as values). Never extracts, never drops a file silently.
 */
import { FileSystem, Path } from "@effect/platform"
import { Effect, Either, Option, ParseResult } from "effect"
import { SourcesManifest, Sidecar, type ManifestSource } from "../../schemas/SourceMeta.js"
import { deriveId } from "../../schemas/ids.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"
import { decodeText } from "./decodeText.js"
import {
  DuplicateSource,
  InvalidSidecar,
  ManifestInvalid,
  MissingFile,
  PathNotAllowed,
  SourcesFolderMissing,
  UnreadableFile,
  codeOf,
  type SourceError
} from "./errors.js"
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

/** 1-based line of the i-th `"file"` key in the manifest text (for error messages). */
const lineOfRow = (text: string, index: number): number => {
  const re = /"file"\s*:/g
  let m: RegExpExecArray | null
  let n = 0
  while ((m = re.exec(text)) !== null) {
    if (n++ === index) return text.slice(0, m.index).split("\n").length
  }
  return 1
}

const reject = (e: SourceError): RejectedSource => ({ file: e.file, code: codeOf(e), message: e.message })

/**
 * Ingest every `.txt` article of `dir` (and every file its manifest names). `today` (YYYY-MM-DD)
 * bounds publication dates in sidecars: a date after it is an error. With `each`, accepted sources
 * are handed to it one by one in file order as they are read (a stream: none are kept).
 */
export const ingestFolder = Effect.fn("Ingest.folder")(function* (dir: string, today: string | null = null, each?: (s: IngestedSource) => Effect.Effect<void>) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const info = yield* fs.stat(dir).pipe(Effect.option)
  if (Option.isNone(info) || info.value.type !== "Directory") return yield* Effect.fail(new SourcesFolderMissing({ dir }))
  const root = yield* fs.realPath(dir).pipe(Effect.orDie)

  // -- the folder manifest, if any
  const manifestRows = new Map<string, { row: ManifestSource; line: number }>()
  const manifestPath = path.join(dir, MANIFEST)
  if (yield* fs.exists(manifestPath).pipe(Effect.orElseSucceed(() => false))) {
    const text = yield* fs.readFileString(manifestPath).pipe(
      Effect.mapError((e) => new ManifestInvalid({ file: manifestPath, line: 1, detail: `cannot read: ${e.message}` }))
    )
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (e) => {
        const pos = /position (\d+)/.exec(String(e))
        const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : 1
        return new ManifestInvalid({ file: manifestPath, line, detail: `not valid JSON: ${(e as Error).message}` })
      }
    })
    const manifest = yield* SourcesManifest.decode(json).pipe(
      Effect.mapError((e) => {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(e)[0]
        const idx = issue && issue.path[0] === "sources" && typeof issue.path[1] === "number" ? issue.path[1] : -1
        return new ManifestInvalid({
          file: manifestPath,
          line: idx >= 0 ? lineOfRow(text, idx) : 1,
          detail: issue ? `${issue.path.join(".")}: ${issue.message}` : e.message
        })
      })
    )
    manifest.sources.forEach((row, i) => manifestRows.set(row.file, { row, line: lineOfRow(text, i) }))
  }

  // -- candidate files: every .txt in the folder plus every file the manifest names
  const entries = yield* fs.readDirectory(dir).pipe(Effect.orDie)
  const names = new Set(entries.filter((n) => n.endsWith(".txt")))
  for (const name of manifestRows.keys()) names.add(name)
  const files = [...names].sort(compareStrings)

  const accepted: Array<IngestedSource> = []
  const rejected: Array<RejectedSource> = []
  const seen = new Map<string, string>()

  for (const file of files) {
    const result = yield* readOne(file).pipe(Effect.either)
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

  function readOne(file: string) {
    return Effect.gen(function* () {
      const listed = manifestRows.get(file)
      if (path.isAbsolute(file) || file.split(/[\\/]/).includes(".."))
        return yield* Effect.fail(new PathNotAllowed({ file, reason: "path must be relative to the sources folder and stay inside it" }))
      const full = path.join(dir, file)
      if (!(yield* fs.exists(full).pipe(Effect.orElseSucceed(() => false)))) {
        // a dangling symlink also lands here
        return yield* Effect.fail(new MissingFile({ file, line: listed?.line ?? 0 }))
      }
      const real = yield* fs.realPath(full).pipe(Effect.mapError((e) => new UnreadableFile({ file, reason: e.message })))
      const rel = path.relative(root, real)
      if (rel.startsWith("..") || path.isAbsolute(rel))
        return yield* Effect.fail(new PathNotAllowed({ file, reason: "resolves (through a symlink) to a file outside the sources folder" }))
      const st = yield* fs.stat(real).pipe(Effect.mapError((e) => new UnreadableFile({ file, reason: e.message })))
      if (st.type !== "File") return yield* Effect.fail(new PathNotAllowed({ file, reason: `is a ${st.type.toLowerCase()}, not a regular file` }))
      const bytes = yield* fs.readFile(real).pipe(
        Effect.mapError((e) => new UnreadableFile({ file, reason: e._tag === "SystemError" && e.reason === "PermissionDenied" ? "permission denied" : e.message }))
      )
      const text = yield* Either.match(decodeText(file, bytes), { onLeft: Effect.fail, onRight: Effect.succeed })
      const meta = listed ? fromManifest(listed.row) : yield* sidecarMeta(file)
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

  function sidecarMeta(file: string) {
    return Effect.gen(function* () {
      const side = path.join(dir, file.replace(/\.txt$/, "") + ".meta.json")
      if (!(yield* fs.exists(side).pipe(Effect.orElseSucceed(() => false)))) return inferredMeta
      const raw = yield* fs.readFileString(side).pipe(Effect.mapError((e) => new InvalidSidecar({ file, detail: `cannot read sidecar: ${e.message}` })))
      const json = yield* Effect.try({
        try: () => JSON.parse(raw) as unknown,
        catch: (e) => new InvalidSidecar({ file, detail: `sidecar is not JSON (${(e as Error).message})` })
      })
      const sidecar = yield* Sidecar.decode(json).pipe(
        Effect.mapError((e) => {
          const issue = ParseResult.ArrayFormatter.formatErrorSync(e)[0]
          return new InvalidSidecar({ file, detail: issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : e.message })
        })
      )
      if (today !== null && sidecar.published && sidecar.published.slice(0, today.length) > today.slice(0, sidecar.published.length))
        return yield* Effect.fail(new InvalidSidecar({ file, detail: `published: ${sidecar.published} is in the future (after ${today})` }))
      return fromSidecar(sidecar)
    })
  }
})
