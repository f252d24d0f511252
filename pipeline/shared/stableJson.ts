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

/** Strings joined into UTF-8 bytes a megabyte at a time (never one string longer than that). */
export const joinBytes = (emit: (push: (s: string) => void) => void): Uint8Array => {
  const chunks: Array<Buffer> = []
  let pending: Array<string> = []
  let size = 0
  const flush = () => {
    if (pending.length > 0) chunks.push(Buffer.from(pending.join(""), "utf8"))
    pending = []
    size = 0
  }
  emit((s) => {
    pending.push(s)
    size += s.length
    if (size > 1 << 20) flush()
  })
  flush()
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}
