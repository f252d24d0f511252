/**
 * Fuller names of organisations, formats and named events written with their state before
 * them: "U.S. Department of Commerce", "Uzbekistan's Presidential Press Office",
 * "Uzbekistan–U.S. Business Forum". The state stays a mention of its own; the fuller form
 * becomes one more mention (an alias) of the organisation. Pure.
 */
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"

const QUALIFIED = new Set(["organization", "initiative", "named_event"])
const DASHES = new Set(["-", "–", "—"])

/** A mention of a qualified name: the organisation's mention and where its fuller name starts (UTF-16). */
export interface QualifiedName {
  readonly mention: Mention & { readonly method: string; readonly confidence: number }
  readonly start: number
}

/** Every organisation mention with a state named right before it (chains joined by dashes, or a possessive). */
export const qualifiedNames = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<QualifiedName> => {
  const { tokens } = doc
  const byEnd = new Map<number, Mention>()
  for (const m of mentions) if (m.type === "country" && m.via === "name" && m.method !== "entity.compound-place.v1") byEnd.set(m.tokEnd, m)
  const out: Array<QualifiedName> = []
  for (const m of mentions) {
    if (!QUALIFIED.has(m.type) || m.via !== "name") continue
    let k = m.tokStart
    if (tokens[k - 1]?.norm === "'s") k--
    let q = byEnd.get(k)
    if (!q) continue
    // "Uzbekistan–U.S.": states joined by a dash without spaces
    while (DASHES.has(tokens[q.tokStart - 1]?.text ?? "") && tokens[q.tokStart - 1]!.start === tokens[q.tokStart - 2]?.end) {
      const before = byEnd.get(q.tokStart - 1)
      if (!before) break
      q = before
    }
    out.push({ mention: { ...m, method: "entity.qualified-name.v1", confidence: Math.min(m.confidence, 0.8) }, start: q.start })
  }
  return out
}
