/**
 * Participle appositions: "the Abraham Accords, an initiative launched during ...", "the Caucus —
 * a group founded by two senators", "Rubio, nominated by Trump for ...": the participle tells what
 * was done to the name the apposition describes, not an act of the clause's subject; it describes
 * the name, so it is not news of the report either. Pure.
 */
import type { TriggerEntry } from "../../schemas/Lexicon.js"
import type { DateMention } from "../text/dates.js"
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import type { Participant } from "./participants.js"

const DETERMINERS = new Set(["a", "an", "the"])
const SEPARATORS = new Set([",", "—", "–"])

/**
 * For a participle trigger at tokens [i, j) that modifies the noun of an apposition to a name
 * ("<name>, a|an|the [two words at most] <noun> <participle>") or opens one ("<name>, <participle>
 * by ..."), the event's participants: the name
 * as its target, the names after the trigger (a by-phrase acting); null when the trigger is no such participle.
 */
export const appositiveRoles = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  trigger: TriggerEntry,
  participants: ReadonlyArray<Participant>,
  i: number,
  j: number
): Array<Participant> | null => {
  const { tokens } = doc
  const named = appositionHead(doc, at, trigger, i)
  if (named === null) return null
  // a by-phrase ("launched by Azerbaijan and Georgia") acts, up to its punctuation
  let byEnd = j
  if (tokens[j]?.norm === "by") while (byEnd < tokens.length && tokens[byEnd]!.kind !== "punct") byEnd++
  const after = participants.filter((p) => p.mention.tokStart >= j && p.mention.key !== named.key)
  return [
    { mention: named, role: "target" },
    ...after.map((p) => ({
      mention: p.mention,
      role: p.mention.tokStart < byEnd ? ("actor" as const) : p.role
    }))
  ]
}

/** The name a participle trigger at token i stands in apposition to (see appositiveRoles), if any. */
export const appositionHead = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  trigger: TriggerEntry,
  i: number
): Mention | null => {
  const { tokens } = doc
  if (trigger.pos !== "verb" || !/^[a-z]{2,}ed$/.test(tokens[i]!.norm)) return null
  let k = i - 1
  let words = 0
  while (k >= 0 && words < 3 && tokens[k]!.kind === "word" && !tokens[k]!.cap && !DETERMINERS.has(tokens[k]!.norm)) {
    k--
    words++
  }
  // (or the participle itself opens the apposition: "Jane Doe, appointed by the cabinet as envoy ...")
  if (words === 0 && SEPARATORS.has(tokens[i - 1]?.text ?? "")) k = i
  else if (words === 0 || !DETERMINERS.has(tokens[k]?.norm ?? "") || !SEPARATORS.has(tokens[k - 1]?.text ?? ""))
    return null
  const named = at[k - 2]
  return named === undefined || named.tokEnd !== k - 1 || named.type === "location" ? null : named
}

/**
 * The date an apposition's participle takes from its name ("2030 marks the fifth anniversary of the
 * C5+1 platform — an initiative launched to ..."): an anniversary just before the name.
 */
export const appositionDate = (doc: Doc, dates: ReadonlyArray<DateMention>, head: Mention): DateMention | null =>
  dates.find(
    (d) =>
      d.rule === "date.anniversary.v1" &&
      d.end <= head.start &&
      ["", "the"].includes(doc.text.slice(d.end, head.start).trim().toLowerCase())
  ) ?? null

/** Does a participle trigger at token i open or close an apposition to a name (see appositiveRoles)? */
export const inApposition = (
  doc: Doc,
  at: ReadonlyArray<Mention | undefined>,
  trigger: TriggerEntry,
  i: number
): boolean => appositionHead(doc, at, trigger, i) !== null
