/**
 * A published release's manifest.json, read through its schema (schemas/Manifest.ts): the one
 * reader of every site that looks into a release's manifest (the base check, lineage, the version
 * policy, verify, the stats and diff commands).
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect, Either, ParseResult, Schema } from "effect"
import { ReleaseManifest } from "../../schemas/Manifest.js"

/** Why a file cannot be used, in words. */
export const unreadable = (e: unknown) =>
  (e as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : `cannot be read (${(e as Error).message})`

/**
 * Read and decode `<dir>/manifest.json`: the manifest, or what is wrong with it ("not valid JSON", "<field>: <issue>",
 * …).
 */
export const decodeManifest = (dir: string): Either.Either<ReleaseManifest, string> => {
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(nodePath.join(dir, "manifest.json"), "utf8"))
  } catch (e) {
    return Either.left(e instanceof SyntaxError ? "not valid JSON" : unreadable(e))
  }
  return Either.mapLeft(Schema.decodeUnknownEither(ReleaseManifest)(json), (error) => {
    const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
    return issue ? `${issue.path.join(".")}: ${issue.message}` : "does not decode"
  })
}

/**
 * The manifest of a release this command relies on (a base release already checked, a release to
 * verify or compare): one that does not decode is a defect, named by its file.
 */
export const readManifest = (dir: string): Effect.Effect<ReleaseManifest> =>
  Effect.suspend(() =>
    Either.match(decodeManifest(dir), {
      onRight: Effect.succeed,
      onLeft: (problem) => Effect.die(new Error(`${nodePath.join(dir, "manifest.json")}: ${problem}`))
    })
  )
