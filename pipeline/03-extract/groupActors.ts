/**
 * Generic plural actors: "the sides", "the two countries", "both presidents", "the leaders", "the
 * parties", "the three states" stand for named parties told before. They resolve to the people or the
 * states of the latest event with as many of them (the meeting they take part in), else to the latest
 * coordination of names ("Kyrgyzstan and Tajikistan"). Pure.
 */
import type { Doc } from "./doc.js"
import type { Mention } from "./entities.js"
import type { FoundEvent } from "./events.js"

/** Nouns for a group of people. */
const PEOPLE = new Set([
  "leaders",
  "presidents",
  "ministers",
  "premiers",
  "officials",
  "delegations",
  "delegates",
  "diplomats",
  "envoys",
  "heads",
  "leaderships",
  "counterparts",
  "chiefs"
])
/** Nouns for a group of states. */
const STATES = new Set([
  "countries",
  "nations",
  "states",
  "republics",
  "neighbours",
  "neighbors",
  "governments",
  "capitals"
])
/** Nouns for either. */
const EITHER = new Set(["sides", "parties", "participants", "partners"])
const COUNT = new Map([
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["both", 2]
])
/** Words that open a definite group ("the sides", "both presidents", "all five leaders"). */
const OPENERS = new Set(["the", "both", "all", "these", "those", "their"])

/** A generic plural noun phrase: its head token, what it stands for and how many (when said). */
export interface GroupNoun {
  readonly head: number
  readonly kind: "people" | "states" | "either"
  readonly count: number | null
}

const kindOf = (w: string): GroupNoun["kind"] | null =>
  PEOPLE.has(w) ? "people" : STATES.has(w) ? "states" : EITHER.has(w) ? "either" : null

/**
 * The opener and count of a group noun at token k: up to three words back ("the two Central Asian countries"); null
 * when it is no definite group.
 */
const openerOf = (doc: Doc, k: number): { count: number | null } | null => {
  let count: number | null = null
  for (let o = k - 1; o >= Math.max(0, k - 4); o--) {
    const t = doc.tokens[o]!
    if (t.kind !== "word") return null
    if (COUNT.has(t.norm)) count = COUNT.get(t.norm)!
    if (OPENERS.has(t.norm)) return { count }
    if (COUNT.has(t.norm)) continue
    // (adjectives and names of a region between: "the two Central Asian countries", "both neighbouring states")
    if (!t.cap && !/(?:an|al|ic|ing|ern)$/.test(t.norm)) return null
  }
  return null
}

/** A definite generic plural standing at the start of the clause [a, i) (within its first five tokens), or null. */
export const groupNoun = (doc: Doc, a: number, i: number): GroupNoun | null => {
  const { tokens } = doc
  for (let k = a; k < i && k < a + 5; k++) {
    const kind = kindOf(tokens[k]!.norm)
    if (kind === null) continue
    const opener = openerOf(doc, k)
    // "the leaders of the two countries", "the leaderships of both countries": the complement says how many
    const of =
      tokens[k + 1]?.norm === "of"
        ? tokens.slice(k + 2, k + 6).findIndex((t) => STATES.has(t.norm) || EITHER.has(t.norm)) + k + 2
        : -1
    const inner = of > k + 1 ? openerOf(doc, of) : null
    // ("Participants underscored ...": the participants of the gathering told before need no article)
    const bare =
      opener === null &&
      /^(?:participants|attendees)$/.test(tokens[k]!.norm) &&
      (k === a || tokens[k - 1]?.text === ",")
    if (opener === null && inner === null && !bare) return null
    return {
      head: k,
      kind: inner !== null && kind !== "people" ? "states" : kind,
      count: inner?.count ?? opener?.count ?? null
    }
  }
  return null
}

const distinct = (ms: ReadonlyArray<Mention>): Array<Mention> => [
  ...new Map(ms.map((m) => [m.key, m] as const)).values()
]

/** The latest coordination of names of a type ("A and B", "A, B and C") among `mentions` (in text order). */
const latestCoordination = (doc: Doc, mentions: ReadonlyArray<Mention>, type: string): Array<Mention> => {
  const of = mentions.filter((m) => m.type === type)
  let best: Array<Mention> = []
  let run: Array<Mention> = []
  for (const m of of) {
    const prev = run.at(-1)
    const between = prev === undefined ? [] : doc.tokens.slice(prev.tokEnd, m.tokStart).map((t) => t.norm)
    if (
      prev !== undefined &&
      between.length > 0 &&
      between.length <= 2 &&
      between.every((w) => w === "and" || w === "," || w === "&")
    )
      run.push(m)
    else run = [m]
    if (distinct(run).length >= 2) best = [...run]
  }
  return distinct(best)
}

/**
 * The named parties a group noun stands for: the people or states of the latest of the last eight
 * events that has as many (at least two), else the latest coordination of such names in `before`.
 */
export const groupParties = (
  doc: Doc,
  g: GroupNoun,
  events: ReadonlyArray<FoundEvent>,
  before: ReadonlyArray<Mention>
): Array<Mention> => {
  const fits = (ms: Array<Mention>) => ms.length >= 2 && (g.count === null || ms.length === g.count)
  const wanted: Array<"person" | "country"> =
    g.kind === "people" ? ["person"] : g.kind === "states" ? ["country"] : ["person", "country"]
  for (let e = events.length - 1; e >= Math.max(0, events.length - 8); e--) {
    for (const type of wanted) {
      const ms = distinct(events[e]!.participants.filter((p) => p.mention.type === type).map((p) => p.mention))
      if (fits(ms)) return ms
    }
  }
  for (const type of wanted) {
    const ms = latestCoordination(doc, before, type)
    if (fits(ms)) return ms
  }
  return []
}
