/**
 * Effect shell: a folder of `*.gold.json` → decoded `GoldDocument`s, sorted by file name.
 * Fails with `GoldFileInvalid` naming the first bad file; never repairs a gold file.
 */
import { FileSystem, Path } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Effect, ParseResult } from "effect"
import { GoldDocument } from "../../schemas/Gold.js"
import { GoldFileInvalid } from "./errors.js"

/**
 * One `path: message` per failing path; the alternatives of a literal union are merged into
 * `Expected "a" | "b", actual "x"` instead of one line per member.
 */
const formatIssues = (issues: ReadonlyArray<ParseResult.ArrayFormatterIssue>): string => {
  const byPath = new Map<string, Array<string>>()
  for (const i of issues) {
    const path = i.path.join(".") || "(root)"
    byPath.set(path, [...(byPath.get(path) ?? []), i.message])
  }
  return [...byPath]
    .map(([path, messages]) => {
      const parts = messages.map((m) => /^Expected (.*), actual (.*)$/s.exec(m))
      const merged =
        parts.every((x) => x !== null) && messages.length > 1
          ? `Expected ${parts.map((x) => x![1]).join(" | ")}, actual ${parts[0]![2]}`
          : messages.join("; ")
      return `${path}: ${merged}`
    })
    .join("; ")
}

/** Decode one gold file's text; `file` is its name (used in the error and checked against `doc`). */
export const decodeGold = (file: string, content: string): Effect.Effect<GoldDocument, GoldFileInvalid> =>
  Effect.gen(function* () {
    const json = yield* Effect.try({
      try: (): unknown => JSON.parse(content),
      catch: (e) =>
        new GoldFileInvalid({
          file,
          detail: `not JSON: ${e instanceof Error ? e.message : String(e)}`
        })
    })
    const doc = yield* GoldDocument.decode(json, { errors: "all" }).pipe(
      Effect.mapError(
        (e) =>
          new GoldFileInvalid({
            file,
            detail: formatIssues(ParseResult.ArrayFormatter.formatErrorSync(e))
          })
      )
    )
    const base = file.split(/[\\/]/).pop() ?? file
    if (`${doc.doc}.gold.json` !== base) {
      return yield* new GoldFileInvalid({
        file,
        detail: `"doc" is ${JSON.stringify(doc.doc)}, expected ${JSON.stringify(base.replace(/\.gold\.json$/, ""))}`
      })
    }
    return doc
  })

/** Read and decode every `*.gold.json` directly inside `dir`, in file-name order. */
export const loadGold = Effect.fn("Eval.loadGold")(function* (dir: string) {
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path
  const names = (yield* fs.readDirectory(dir)).filter((n) => n.endsWith(".gold.json")).sort()
  return yield* Effect.forEach(names, (name) => {
    const file = path.join(dir, name)
    return Effect.flatMap(fs.readFileString(file), (content) => decodeGold(file, content))
  })
}) satisfies (
  dir: string
) => Effect.Effect<ReadonlyArray<GoldDocument>, GoldFileInvalid | PlatformError, FileSystem.FileSystem | Path.Path>
