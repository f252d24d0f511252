/** Deterministic JSON: object keys sorted, fixed indentation, trailing newline. */

const sortKeys = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeys(o[k])])
    )
  }
  return v
}

/** Serialise with sorted keys (2-space indent, final newline) so equal values give equal bytes. */
export const stableStringify = (v: unknown): string => JSON.stringify(sortKeys(v), null, 2) + "\n"

/** Serialise keeping the given key order (for documents whose order is part of their readability). */
export const orderedStringify = (v: unknown): string => JSON.stringify(v, null, 2) + "\n"
