/**
 * File names as a sources folder holds them (bytes) → names a release can publish: valid UTF-8,
 * with no control or bidirectional character (a file name is a CSV cell, a manifest entry and
 * part of one-line messages). A name that fails is shown escaped, so that it still reads on one line.
 */

/**
 * Characters a published file name may not hold: C0 and C1 controls, DEL, line and paragraph separators, bidirectional
 * controls.
 */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

/** A name with its forbidden characters escaped (\n, \t, \u{…}): one line, and what the bytes were. */
export const escapeName = (name: string): string =>
  name.replace(new RegExp(FORBIDDEN.source, "gu"), (c) =>
    c === "\n"
      ? "\\n"
      : c === "\t"
        ? "\\t"
        : c === "\r"
          ? "\\r"
          : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}}`
  )

/** Why a (UTF-8) name cannot be published, in words; null when it can. */
export const nameProblem = (name: string): string | null => {
  const m = FORBIDDEN.exec(name)
  if (m === null) return null
  const cp = m[0].codePointAt(0)!
  const what =
    cp === 10 || cp === 13 || cp === 0x2028 || cp === 0x2029
      ? "a line break"
      : cp >= 0x202a
        ? "a bidirectional control character"
        : "a control character"
  return `holds ${what} (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`
}

const decoder = new TextDecoder("utf-8", { fatal: true })

/**
 * A directory entry's name from its bytes: the name, or (not UTF-8) the name with each byte that does not decode shown
 * as \xNN, and why.
 */
export const fileName = (
  raw: Uint8Array
):
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly name: string; readonly reason: string } => {
  try {
    return { ok: true, name: decoder.decode(raw) }
  } catch {
    // decode what decodes, byte by byte past what does not
    let shown = ""
    let first = -1
    for (let i = 0; i < raw.length; ) {
      const n = sequenceLength(raw, i)
      if (n > 0) {
        shown += decoder.decode(raw.subarray(i, i + n))
        i += n
      } else {
        if (first < 0) first = i
        shown += `\\x${raw[i]!.toString(16).toUpperCase().padStart(2, "0")}`
        i++
      }
    }
    return {
      ok: false,
      name: shown,
      reason: `is not valid UTF-8 (byte 0x${raw[first]!.toString(16).toUpperCase().padStart(2, "0")} at byte ${first})`
    }
  }
}

/** Length of the valid UTF-8 sequence at `i` (0: none starts there). */
const sequenceLength = (b: Uint8Array, i: number): number => {
  const c = b[i]!
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
  if (n === 0 || i + n > b.length) return 0
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0
  try {
    decoder.decode(b.subarray(i, i + n))
    return n
  } catch {
    return 0
  }
}
