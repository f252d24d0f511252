/**
 * Effect shell: a folder of `*.gold.json` → decoded `GoldDocument`s, sorted by file name.
 * Fails with `GoldFileInvalid` naming the first bad file; never repairs a gold file.
 */
import { FileSystem, Path } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Effect, ParseResult } from "effect"
import { GoldDocument } from "../../schemas/Gold.js"
import { GoldFileInvalid } from "./errors.js"

/** Decode one gold file's text; `file` is its name (used in the error and checked against `doc`). */
export const decodeGold = (file: string, content: string): Effect.Effect<GoldDocument, GoldFileInvalid> =>
  Effect.gen(function* () {
    const json = yield* Effect.try({
      try: (): unknown => JSON.parse(content),
      catch: (e) => new GoldFileInvalid({ file, detail: `not JSON: ${e instanceof Error ? e.message : String(e)}` })
    })
    const doc = yield* GoldDocument.decode(json, { errors: "all" }).pipe(
      Effect.mapError(
        (e) =>
          new GoldFileInvalid({
            file,
            detail: ParseResult.ArrayFormatter.formatErrorSync(e)
              .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
              .join("; ")
          })
      )
    )
    const base = file.split(/[\\/]/).pop() ?? file
    if (`${doc.doc}.gold.json` !== base) {
      return yield* new GoldFileInvalid({ file, detail: `"doc" is ${JSON.stringify(doc.doc)}, expected ${JSON.stringify(base.replace(/\.gold\.json$/, ""))}` })
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
}) satisfies (dir: string) => Effect.Effect<ReadonlyArray<GoldDocument>, GoldFileInvalid | PlatformError, FileSystem.FileSystem | Path.Path>
