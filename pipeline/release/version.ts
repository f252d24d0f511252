/**
 * Semantic versioning of the data: a schema change bumps the major version, new or removed
 * sources the minor, any other change in content (corrections, re-extraction) the patch. A
 * requested version (--version) must be the one the change calls for, except for the first
 * release or after a build with --base none, which may start anywhere after what is there.
 */
import { Effect, Option } from "effect"
import type { ReleaseManifest } from "../../schemas/Manifest.js"
import { SCHEMA_VERSION } from "../../schemas/version.js"
import { VersionMismatch } from "../05-publish/errors.js"

/** What changed between the previous release and this build. */
export interface Change {
  readonly schemaChanged: boolean
  readonly sourcesChanged: boolean
  readonly contentChanged: boolean
}

const parse = (v: string): [number, number, number] => v.split(".").map(Number) as [number, number, number]

/** The version this change calls for, given the previous version (null for a first release). */
export const nextVersion = (previous: string | null, c: Change): string | null => {
  if (previous === null) return "1.0.0"
  const [ma, mi, pa] = parse(previous)
  if (c.schemaChanged) return `${ma + 1}.0.0`
  if (c.sourcesChanged) return `${ma}.${mi + 1}.0`
  if (c.contentChanged) return `${ma}.${mi}.${pa + 1}`
  return null
}

/** Why a change has the bump it has (for messages). */
export const bumpReason = (c: Change): string =>
  c.schemaChanged
    ? "the schema changed (major)"
    : c.sourcesChanged
      ? "sources were added or removed (minor)"
      : c.contentChanged
        ? "rows were corrected (patch)"
        : "nothing changed"

/** Order of two X.Y.Z versions. */
export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number))
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!
  return 0
}

/**
 * What changed from the previous release (its manifest; null: none) to a build of `sources` whose content hashes to
 * `content`.
 */
export const changeOf = (
  previous: ReleaseManifest | null,
  sources: ReadonlyArray<{ readonly source_id: string }>,
  content: string
): Change => {
  const previousSources = new Set(previous?.sources.map((s) => s.source_id) ?? [])
  return {
    schemaChanged: previous !== null && previous.schema_version !== SCHEMA_VERSION,
    sourcesChanged:
      previous !== null &&
      (previousSources.size !== sources.length || sources.some((s) => !previousSources.has(s.source_id))),
    contentChanged: previous === null || previous.content_sha256 !== content
  }
}

/**
 * The version to publish (null: nothing changed since `latest`): the one the change calls for, or
 * the requested one when it fits. `skipped` is the newest release a build with --base none was not
 * compared with: the release is a new minor version after it (what a change of sources would call for).
 */
export const releaseVersion = (
  requested: Option.Option<string>,
  latest: string | null,
  skipped: string | null,
  change: Change
): Effect.Effect<string | null, VersionMismatch> => {
  const expected =
    skipped !== null
      ? nextVersion(skipped, { schemaChanged: false, sourcesChanged: true, contentChanged: true })
      : nextVersion(latest, change)
  if (expected === null) return Effect.succeed(null)
  const version = Option.getOrElse(requested, () => expected)
  const free = skipped !== null ? compareVersions(version, skipped) > 0 : latest === null
  return version === expected || (free && /^\d+\.\d+\.\d+$/.test(version))
    ? Effect.succeed(version)
    : Effect.fail(
        new VersionMismatch({
          requested: version,
          expected,
          reason: skipped !== null ? `built with --base none: a version after ${skipped}` : bumpReason(change)
        })
      )
}
