/**
 * affiliated_with from credits: a byline line ("By X and Y") with the outlet it names ("By X for Y") or the
 * agency of the dateline under it ("OSH, May 2 (AFP) -"), "filed / reported by X for Y", and a writer's
 * outlet ("X writes for Y", "X, who reports for Y").
 */
import type { Mention } from "../entities.js"
import type { FoundRelation, RelContext } from "./context.js"

/** Verbs of writing before "by X for Y" ("the story was filed by X for Y"). */
const WRITTEN = new Set(["written", "reported", "produced", "prepared", "filed", "compiled"])
/** Lines after a byline searched for the dateline's agency. */
const DATELINE_LINES = 2

/** Find affiliated_with relations stated by bylines and credits. */
export const bylineRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens, text } = doc
  const out: Array<FoundRelation> = []
  const lineStart = (k: number) => k === 0 || text.lastIndexOf("\n", tokens[k]!.start - 1) >= tokens[k - 1]!.end
  // the people coordinated from token k on ("X", "X and Y", "X, Y and Z"), and the token after them
  const people = (k: number): { names: Array<Mention>; end: number } => {
    const names: Array<Mention> = []
    while (at[k]?.type === "person" && at[k]!.tokStart === k) {
      names.push(at[k]!)
      k = at[k]!.tokEnd
      if (tokens[k]?.text === "," && at[k + 1]?.type === "person") k++
      else if (tokens[k]?.norm === "and" && at[k + 1]?.type === "person") k++
    }
    return { names, end: k }
  }
  const outlet = (m: Mention | undefined): m is Mention => m?.type === "organization"
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.norm !== "by") continue
    const { names, end } = people(k + 1)
    if (names.length === 0) continue
    let org: Mention | undefined
    let last = end - 1
    // "By X for Y" opening a line, "written by X for Y"
    if (
      tokens[end]?.norm === "for" &&
      outlet(at[end + 1]) &&
      (lineStart(k) || WRITTEN.has(tokens[k - 1]?.norm ?? ""))
    ) {
      org = at[end + 1]
      last = org!.tokEnd - 1
    } else if (lineStart(k) && (end >= tokens.length || lineStart(end))) {
      // a byline line alone: the agency in brackets in the dateline just below ("KHIVA, June 3 (AP) -")
      const stop = lineAfter(text, tokens[end - 1]!.end, DATELINE_LINES)
      for (let x = end; x < tokens.length && tokens[x]!.start < stop; x++)
        if (tokens[x]!.text === "(" && outlet(at[x + 1]) && tokens[at[x + 1]!.tokEnd]?.text === ")") {
          org = at[x + 1]
          last = org!.tokEnd
          break
        }
    }
    if (!org) continue
    for (const p of names)
      out.push({
        predicate: "affiliated_with",
        subject: p,
        object: org,
        role: null,
        start: tokens[k]!.start,
        end: tokens[last]!.end,
        method: "relation.byline.v1",
        confidence: 0.7
      })
  }
  return out
}

/** Verbs of writing for an outlet: "X writes for Y", "X, who reports for Y". */
const WORKS_FOR = new Set([
  "writes",
  "wrote",
  "reports",
  "reported",
  "contributes",
  "contributed",
  "covers",
  "edits",
  "blogs"
])
const ADVERBS = new Set(["also", "now", "regularly", "often", "previously", "formerly", "currently", "who"])

/** affiliated_with from "<person> (who) writes / reports / contributes for <outlet>". */
export const worksForRelations = (ctx: RelContext): Array<FoundRelation> => {
  const { doc, at } = ctx
  const { tokens } = doc
  const out: Array<FoundRelation> = []
  for (let v = 1; v < tokens.length; v++) {
    if (!WORKS_FOR.has(tokens[v]!.norm) || tokens[v + 1]?.norm !== "for") continue
    const org =
      at[v + 2]?.tokStart === v + 2
        ? at[v + 2]
        : at[v + 3]?.tokStart === v + 3 && tokens[v + 2]!.norm === "the"
          ? at[v + 3]
          : undefined
    if (org?.type !== "organization") continue
    let b = v - 1
    while (b > 0 && ADVERBS.has(tokens[b]!.norm)) b--
    if (tokens[b]?.text === ",") b--
    const p = at[b]
    if (p?.type !== "person" || p.tokEnd !== b + 1) continue
    out.push({
      predicate: "affiliated_with",
      subject: p,
      object: org,
      role: null,
      start: p.start,
      end: org.end,
      method: "relation.works-for.v1",
      confidence: 0.65
    })
  }
  return out
}

/** The offset where the n-th line after offset `from` ends. */
const lineAfter = (text: string, from: number, n: number): number => {
  let p = from
  for (let i = 0; i <= n; i++) {
    const q = text.indexOf("\n", p + 1)
    if (q < 0) return text.length
    p = q
  }
  return p
}
