/**
 * Verify a published release: rebuild it from the sources (same version, previous release and date) and compare every
 * file byte for byte.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect } from "effect"
import type { TextPolicy } from "../../schemas/vocab.js"
import { type TextPolicyOf, textPolicies } from "../04-resolve/Resolve.js"
import { parseCsv } from "../05-publish/csv.js"
import { writeContentFiles } from "../05-publish/files.js"
import { comparingSink } from "../05-publish/sink.js"
import { buildTables } from "../run/tables.js"
import { codeSha256 } from "../shared/codeHash.js"
import { noTimings } from "../shared/timings.js"
import { assemble } from "./assemble.js"
import type { Previous } from "./base.js"
import { NotReproducible } from "./errors.js"
import { lineageOf } from "./lineage.js"
import { readManifest } from "./manifest.js"
import { releaseMeta } from "./meta.js"

/**
 * Rebuild a published release from the sources (same version, previous release and date) and compare every file byte
 * for byte.
 */
export const verify = Effect.fn("Release.verify")(function* (sourcesDir: string, dist: string, releaseDir: string) {
  const manifest = yield* readManifest(releaseDir)
  const previous: Previous | null = manifest.previous_version
    ? {
        version: manifest.previous_version,
        dir: nodePath.join(dist, manifest.previous_version)
      }
    : null
  // a release built with --base none records, in its changes, the release it was not compared with
  const skipped = manifest.previous_version === null ? (baseSkippedOf(releaseDir) ?? null) : null
  const built = yield* buildTables(
    sourcesDir,
    yield* lineageOf(previous?.dir ?? null),
    undefined,
    undefined,
    recordedPolicies(releaseDir)
  )
  // the code the release records having built it: verify checks that this code writes the same bytes, and cannot
  // re-derive the hash of code that is gone (a release from before code_sha256 was recorded gets this code's)
  const meta = yield* releaseMeta(sourcesDir, built, previous, manifest.created, manifest.code_sha256 ?? codeSha256())
  const sink = comparingSink(releaseDir)
  writeContentFiles(built.tables, built.texts, sink)
  yield* Effect.promise(() => assemble(built, meta, previous, manifest.version, sink, noTimings, skipped))
  const published = walkFiles(releaseDir)
  const differing = [
    ...sink.differing,
    ...published.filter((p) => !sink.files.has(p)).map((p) => `${p} (not produced by the rebuild)`)
  ].sort()
  if (differing.length > 0) return yield* Effect.fail(new NotReproducible({ dir: releaseDir, files: differing }))
  return sink.files.size
})

/**
 * The text policy each source had in the release (its sources table's text_policy, which the build's --texts decided
 * for sources whose metadata says nothing); a source the table does not hold, or a release from before the column, is
 * full unless its metadata says otherwise.
 */
const recordedPolicies = (releaseDir: string): TextPolicyOf => {
  const recorded = new Map<string, TextPolicy>()
  try {
    const { rows } = parseCsv(fs.readFileSync(nodePath.join(releaseDir, "data", "sources.csv"), "utf8"))
    for (const r of rows)
      if (r.text_policy === "full" || r.text_policy === "quotes") recorded.set(r.source_id!, r.text_policy)
  } catch {
    // no readable sources table: the rebuild differs from the release there, and says so
  }
  const byMeta = textPolicies("full")
  return (source) => recorded.get(source.sourceId) ?? byMeta(source)
}

/** The release a --base none build recorded it was not compared with (changes.json's base_skipped), if any. */
const baseSkippedOf = (releaseDir: string): string | undefined => {
  try {
    return (JSON.parse(fs.readFileSync(nodePath.join(releaseDir, "changes.json"), "utf8")) as { base_skipped?: string })
      .base_skipped
  } catch {
    return undefined
  }
}

const walkFiles = (dir: string, base = dir): Array<string> =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? walkFiles(nodePath.join(dir, e.name), base)
        : [nodePath.relative(base, nodePath.join(dir, e.name))]
    )
