/**
 * Commentators: people an article quotes for analysis ("the Eurasian analyst X", "X, a political
 * scientist at ..."). What they say is the article's sourcing, not a news event of its own, so a
 * remark of theirs with no stated time is undated. Pure.
 */
import type { Doc } from "./doc.js"
import { inList } from "./doc.js"
import type { Mention } from "./entities.js"

/** Is a commentator's title (cue list commentator_titles) at token k? Its length, else 0. */
const commentatorTitle = (doc: Doc, k: number): number => {
  const hit = doc.lex.titles.longest(doc.tokens, k)
  return hit?.values.some((t) => inList(doc, "commentator_titles", t.id)) ? hit.length : 0
}

/**
 * The keys of people named with a commentator's title: just before one of their mentions (over
 * one adjective at most: "the Eurasian analyst X") or in an apposition after it (", a political
 * scientist at ...", within four words of the comma).
 */
export const commentators = (doc: Doc, mentions: ReadonlyArray<Mention>): ReadonlySet<string> => {
  const { tokens } = doc
  const out = new Set<string>()
  for (const m of mentions) {
    if (m.type !== "person") continue
    const before = [1, 2, 3].some((n) => m.tokStart - n >= 0 && commentatorTitle(doc, m.tokStart - n) === n)
    let after = false
    if (tokens[m.tokEnd]?.text === ",")
      for (let k = m.tokEnd + 1; k < Math.min(tokens.length, m.tokEnd + 5) && tokens[k]!.kind !== "punct"; k++)
        if (commentatorTitle(doc, k) > 0) after = true
    if (before || after) out.add(m.key)
  }
  return out
}
