/**
 * The plain NER baseline of the `eval` report: compromise 14's people / places / organizations
 * on the article text, with no lexicon, no coreference and no event or relation extraction.
 */
import nlp from "compromise"
import type { EntityType } from "../../schemas/vocab.js"
import { fold } from "./fold.js"
import type { TypesAgree } from "./match.js"
import type { PredEntity } from "./types.js"

interface Term {
  readonly text: string
  readonly post: string
  readonly tags: ReadonlyArray<string>
}
interface Match {
  readonly terms: ReadonlyArray<Term>
}

/**
 * Surface forms of one compromise match. A match is cut after every term followed by
 * punctuation (compromise returns "Kazakhstan, Kyrgyzstan, Tajikistan," as one place), which
 * also strips trailing punctuation; leading terms compromise itself tags #Honorific
 * ("President", "Senator") are dropped.
 */
const surfaces = (m: Match): ReadonlyArray<string> => {
  const out: Array<string> = []
  let words: Array<string> = []
  const flush = () => {
    if (words.length > 0) out.push(words.join(" "))
    words = []
  }
  for (const t of m.terms) {
    const text = t.text.replace(/^\p{P}+|\p{P}+$/gu, "")
    const honorific = words.length === 0 && t.tags.includes("Honorific")
    if (text.length > 0 && !honorific) words.push(text)
    if (/[^\s]/u.test(t.post)) flush()
  }
  flush()
  return out
}

/**
 * Baseline entities of one article: people → person, organizations → organization, places →
 * location, in that order; deduplicated by folded name (the first kind and surface form found
 * wins; later surface forms with the same fold become aliases). Ids are `baseline:<fold>`.
 */
export const baselineEntities = (text: string): ReadonlyArray<PredEntity> => {
  const doc = nlp(text)
  const kinds: ReadonlyArray<readonly [EntityType, ReadonlyArray<Match>]> = [
    ["person", doc.people().json() as ReadonlyArray<Match>],
    ["organization", doc.organizations().json() as ReadonlyArray<Match>],
    ["location", doc.places().json() as ReadonlyArray<Match>]
  ]
  const byFold = new Map<string, { name: string; type: EntityType; aliases: Set<string> }>()
  for (const [type, matches] of kinds) {
    for (const surface of matches.flatMap(surfaces)) {
      const f = fold(surface)
      if (f.length === 0) continue
      const seen = byFold.get(f)
      if (seen === undefined) byFold.set(f, { name: surface, type, aliases: new Set([surface]) })
      else seen.aliases.add(surface)
    }
  }
  return [...byFold].map(([f, e]) => ({
    id: `baseline:${f}`,
    name: e.name,
    type: e.type,
    aliases: [...e.aliases]
  }))
}

/**
 * Type rule for the baseline, generous on purpose: compromise has no country class, so a place
 * (type location) matches a gold entity of type country or location; other types must be equal.
 */
export const baselineTypesAgree: TypesAgree = (pred, gold) =>
  pred === gold || (pred === "location" && (gold === "country" || gold === "location"))
