/**
 * Semantic versioning of the data: a schema change bumps the major version, new or removed
 * sources the minor, any other change in content (corrections, re-extraction) the patch.
 */

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
