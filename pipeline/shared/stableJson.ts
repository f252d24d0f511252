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

/** Large arrays are written element by element; everything else goes through JSON.stringify. */
const BIG = 64

const writeStable = (v: unknown, indent: string, push: (s: string) => void, depth: number): void => {
  const inner = indent + "  "
  if (Array.isArray(v) && v.length > BIG) {
    push("[")
    v.forEach((x, i) => {
      push(i === 0 ? `\n${inner}` : `,\n${inner}`)
      writeStable(x === undefined ? null : x, inner, push, depth + 1)
    })
    return push(`\n${indent}]`)
  }
  if (depth < 3 && v !== null && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    // the order JSON.stringify gives sortKeys' object: integer-like keys first, ascending, then the rest sorted
    const keys = Object.keys(Object.fromEntries(Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => [k, 0])))
    if (keys.length === 0) return push("{}")
    push("{")
    keys.forEach((k, i) => {
      push(`${i === 0 ? "" : ","}\n${inner}${JSON.stringify(k)}: `)
      writeStable(o[k], inner, push, depth + 1)
    })
    return push(`\n${indent}}`)
  }
  push(JSON.stringify(sortKeys(v), null, 2).replace(/\n/g, `\n${indent}`))
}

/** The UTF-8 bytes of stableStringify(v), written piece by piece: the same bytes without one string of the whole document. */
export const stableBytes = (v: unknown): Uint8Array =>
  joinBytes((push) => {
    writeStable(v, "", push, 0)
    push("\n")
  })
