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

/**
 * stableStringify's text in pieces, given to `push` in order (for documents that may be longer
 * than the longest string V8 can hold, about 512 MB): the same bytes once joined.
 */
export const stableStringifyTo = (v: unknown, push: (s: string) => void): void => {
  const write = (x: unknown, indent: string, inArray: boolean): void => {
    if (x === null || typeof x !== "object") {
      // in an array, a value JSON cannot hold (undefined, a function) is written as null
      const text = JSON.stringify(x) as string | undefined
      push(text ?? (inArray ? "null" : ""))
      return
    }
    const inner = indent + "  "
    if (Array.isArray(x)) {
      if (x.length === 0) {
        push("[]")
        return
      }
      x.forEach((item, i) => {
        push(i === 0 ? `[\n${inner}` : `,\n${inner}`)
        write(item, inner, true)
      })
      push(`\n${indent}]`)
      return
    }
    const o = x as Record<string, unknown>
    // stableStringify's order: sorted, then as an object holds them (integer-like keys first)
    const sorted = Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] !== "function" && typeof o[k] !== "symbol")
      .sort()
    const keys = Object.keys(Object.fromEntries(sorted.map((k) => [k, 0])))
    if (keys.length === 0) {
      push("{}")
      return
    }
    keys.forEach((k, i) => {
      push(`${i === 0 ? "{" : ","}\n${inner}${JSON.stringify(k)}: `)
      write(o[k], inner, false)
    })
    push(`\n${indent}}`)
  }
  write(v, "", false)
  push("\n")
}

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
