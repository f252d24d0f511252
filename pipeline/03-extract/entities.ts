/**
 * Entity mentions: gazetteer phrases, demonyms and capital metonyms, title-cued and
 * appositive people, organisations / places / initiatives by their head words, capitalised
 * runs with given names, and surname coreference. Rules fire on any article of the domain.
 */
import type { EntityType } from "../../schemas/vocab.js"
import { tokenize } from "../text/tokens.js"
import { acronymMentions } from "./acronyms.js"
import { type Doc, inList } from "./doc.js"
import type { GazEntity } from "./lexicon/Lexicons.js"
import {
  COMPOUND_PLACE,
  capRun,
  FUNCTION_WORDS,
  gazMention,
  headType,
  headTypeLeading,
  isCapWord,
  isJoin,
  LOCATIVE,
  lineBreakBefore,
  PATRONYMIC,
  patMention,
  personRun,
  pick,
  titleWithin
} from "./nameRuns.js"
import { orgShapeMentions } from "./orgShapes.js"
import { personShapeMentions } from "./people.js"
import { institutionMentions, qualifyBodies } from "./qualified.js"
import { roleMentions } from "./roleCoref.js"
import { siteMentions, siteShortMentions } from "./sites.js"

/** Types of bodies a state's name may qualify ("US Department of the Treasury"). */
const QUALIFIABLE: ReadonlySet<EntityType> = new Set(["organization", "initiative", "named_event"])

/** A mention found in the text (UTF-16 offsets, token range [tokStart, tokEnd)). */
export interface Mention {
  readonly key: string
  readonly type: EntityType
  readonly name: string
  readonly tokStart: number
  readonly tokEnd: number
  readonly start: number
  readonly end: number
  readonly detection: "gazetteer" | "pattern"
  readonly method: string
  readonly confidence: number
  /** How the mention names the entity: its name, a demonym, a capital metonym, a surname or a role description. */
  readonly via: "name" | "demonym" | "metonym" | "surname" | "description"
  readonly gaz: GazEntity | null
}

/** A further name of an entity written over other mentions' tokens (a UTF-16 span), for the entity table only. */
export interface AliasMention {
  readonly mention: Mention
  readonly start: number
  readonly end: number
}

/** Find every entity mention in the document. */
export const findMentions = (doc: Doc): Array<Mention> => findEntityMentions(doc).mentions

/** Find every entity mention in the document, and the further names written over other mentions ("China-Kyrgyzstan-Uzbekistan railway"). */
export const findEntityMentions = (
  doc: Doc
): {
  readonly mentions: Array<Mention>
  readonly aliases: Array<AliasMention>
} => {
  const { tokens, lex } = doc
  const n = tokens.length
  const taken = new Uint8Array(n)
  const NONE_TAKEN = new Uint8Array(n)
  const out: Array<Mention> = []
  const take = (m: Mention) => {
    for (let k = m.tokStart; k < m.tokEnd; k++) taken[k] = 1
    out.push(m)
  }

  const titleCase = titleCaseTokens(doc, false)
  const heading = titleCaseTokens(doc, true)

  // A0. organisations by their shape: domains, legal forms, company nouns, outlets, dateline credits;
  // sites and projects by their head noun ("Kumtor gold mine"); those named by states only stay aliases
  for (const m of orgShapeMentions(doc, taken)) take(m)
  const sites = siteMentions(doc, taken)
  for (const s of sites) if (!s.overlay) take(s.mention)

  // A. gazetteer names, demonyms and capital metonyms (longest match first)
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue
    const hit = lex.names.longest(tokens, i)
    if (hit) {
      const e = pick(doc, hit.values)
      // a commodity written capitalised inside a name is part of it ("Centerra Gold", "Gold Fields")
      if (
        e?.type === "commodity" &&
        tokens[i]!.cap &&
        (isCapWord(tokens[i + hit.length]) ||
          (isCapWord(tokens[i - 1]) &&
            !FUNCTION_WORDS.has(tokens[i - 1]!.norm) &&
            doc.sentences[doc.sentenceOf[i]!]!.tokStart !== i - 1)) &&
        !lineBreakBefore(doc, i)
      )
        continue
      if (e) {
        const j = i + hit.length
        // a longer capitalised name containing a gazetteer name is left to the pattern passes
        // ("OSCE Academy", "Kazakh Invest"): only when the run continues with an org/place head word
        const runEnd = capRun(doc, i, NONE_TAKEN, 8)
        const head = tokens[runEnd - 1]
        // (not when a gazetteer body follows the state: "US Department of the Treasury" is the Treasury, qualified)
        const next = lex.names.longest(tokens, j)
        const bodyNext = !!next && e.type === "country" && QUALIFIABLE.has(pick(doc, next.values)?.type ?? "person")
        if (
          runEnd > j &&
          head &&
          headType(doc, head.norm) !== null &&
          e.type !== "person" &&
          !titleCase[i] &&
          !bodyNext
        ) {
          // the name starts where its capitalised run starts ("George Washington University")
          let runStart = i
          while (
            runStart > 0 &&
            isCapWord(tokens[runStart - 1]) &&
            !taken[runStart - 1] &&
            !FUNCTION_WORDS.has(tokens[runStart - 1]!.norm) &&
            !lineBreakBefore(doc, runStart) &&
            i - runStart < 3
          )
            runStart--
          if (runStart < i && doc.sentences[doc.sentenceOf[runStart]!]!.tokStart === runStart) runStart++
          take(patMention(doc, headType(doc, head.norm)!, runStart, runEnd, "entity.head-word.v1", 0.75))
          i = runEnd - 1
          continue
        }
        // a capital is always the city (its entity row is a place); where it stands for its
        // government ("Astana signed", "talks between Washington and Moscow") the mention says so
        if (e.capitalOf && isMetonymic(doc, i, j, e.capitalOf)) {
          take(gazMention(doc, e, i, j, "metonym", "entity.capital-metonym.v1", 0.8))
          i = j - 1
          continue
        }
        // a known person's surname with a given name (and patronymic) before it: the same person
        // written otherwise ("Zheenbek Kulubaev", "Shavkat Miramonovich Mirziyoyev"), or another one ("Shadurdy Meredov")
        const lead = e.type === "person" ? namePrefix(doc, i, j, e, taken) : null
        if (lead && !lead.same) {
          take(patMention(doc, "person", lead.start, j, "entity.given-name.v1", 0.7))
          i = j - 1
          continue
        }
        take(gazMention(doc, e, lead?.start ?? i, j, "name", "entity.gazetteer.v1", 0.95))
        i = j - 1
        continue
      }
    }
    const compound = tokens[i]!.cap && tokens[i]!.text.includes("-") ? COMPOUND_PLACE.exec(tokens[i]!.text) : null
    if (compound && tokens[i]!.cap) {
      const head = tokenize(compound[1]!, tokens[i]!.start)
      const hit = lex.names.longest(head, 0)
      const e = hit && hit.length === head.length ? pick(doc, hit.values) : null
      if (e && (e.type === "country" || e.type === "location" || e.type === "organization")) {
        take({
          ...gazMention(doc, e, i, i + 1, "name", "entity.compound-place.v1", 0.85),
          end: head[head.length - 1]!.end
        })
        continue
      }
    }
    const dem = lex.demonyms.longest(tokens, i)
    if (dem) {
      const e = pick(doc, dem.values)
      const j = i + dem.length
      // a region's adjective opening a body's name is part of it: "European Investment Bank"
      const runEnd = e?.type === "location" ? beforeTitle(doc, j, capRun(doc, j, taken, 8)) : j
      const headOf = runEnd > j ? headType(doc, tokens[runEnd - 1]!.norm) : null
      if (e && headOf !== null && headOf !== "location" && !titleCase[i]) {
        // the name starts where its capitalised run starts ("Central Eurasian Studies Society")
        let runStart = i
        while (
          runStart > 0 &&
          isCapWord(tokens[runStart - 1]) &&
          !taken[runStart - 1] &&
          !FUNCTION_WORDS.has(tokens[runStart - 1]!.norm) &&
          !lineBreakBefore(doc, runStart) &&
          doc.sentences[doc.sentenceOf[runStart]!]!.tokStart !== runStart - 1 &&
          i - runStart < 2
        )
          runStart--
        take(patMention(doc, headOf, runStart, runEnd, "entity.head-word.v1", 0.75))
        i = runEnd - 1
        continue
      }
      if (e && tokens[j]?.norm !== "language") {
        take(gazMention(doc, e, i, j, "demonym", "entity.demonym.v1", 0.85))
        i = j - 1
      }
    }
  }

  // B. people named by a title: "Senator Steve Daines", "Kazakh Energy Minister Erlan Akkezhenov"
  for (let i = 0; i < n; i++) {
    const title = lex.titles.longest(tokens, i)
    if (!title) continue
    const j = i + title.length
    if (!isCapWord(tokens[j]) || taken[j]) continue
    const end = personRun(doc, j, taken)
    if (end - j === 1 && inList(doc, "given_names", tokens[j]!.norm)) continue
    if (end > j) take(patMention(doc, "person", j, end, "entity.title-person.v1", 0.8))
  }

  // C. appositives and reporting verbs: "Emilbek Dzhuraev, a political scientist", "said Bruce Pannier"
  for (let i = 0; i < n; i++) {
    // a name part glued to the word before it ("Tau-Ken") does not start a person's name; nor does a heading
    if (taken[i] || !isCapWord(tokens[i]) || isJoin(doc, i - 1) || heading[i]) continue
    const end = personRun(doc, i, taken)
    if (end - i < 2) continue
    const after = tokens[end]
    const art = tokens[end + 1]
    const appositive =
      after?.text === "," &&
      art &&
      (art.norm === "a" || art.norm === "an" || art.norm === "the") &&
      titleWithin(doc, end + 2, 5)
    // a given name first ("Emilbek Dzhuraev") or second in a longer name ("Wilder Alejandro Sánchez")
    const firstName =
      inList(doc, "given_names", tokens[i]!.norm) || (end - i >= 3 && inList(doc, "given_names", tokens[i + 1]!.norm))
    if (appositive || firstName) {
      take(
        patMention(
          doc,
          "person",
          i,
          end,
          appositive ? "entity.appositive-person.v1" : "entity.given-name.v1",
          appositive ? 0.75 : 0.7
        )
      )
      i = end - 1
    }
  }

  // C2. people by the shape around the name: patronymic, age, byline, title apposition, "X of <state>"
  for (const m of personShapeMentions(doc, taken)) out.push(m)

  // D. organisations, places, initiatives, laws and named events by their head word
  for (let i = 0; i < n; i++) {
    if (taken[i] || !isCapWord(tokens[i])) continue
    let start = i
    if (FUNCTION_WORDS.has(tokens[i]!.norm)) {
      if (!isCapWord(tokens[i + 1])) continue
      start = i + 1
    }
    // "CEO of Cove Capital": a title and "of" before a name are not part of it
    const title = lex.titles.longest(tokens, start)
    if (title && tokens[start + title.length]?.norm === "of" && isCapWord(tokens[start + title.length + 1]))
      start += title.length + 1
    const end = beforeTitle(doc, start, capRun(doc, start, taken))
    if (end - start < 2) {
      i = Math.max(i, end - 1)
      continue
    }
    // a title is no body ("the Minister of Energy")
    const whole = lex.titles.longest(tokens, start)
    if (whole && start + whole.length >= end) {
      i = end - 1
      continue
    }
    const type = headType(doc, tokens[end - 1]!.norm) ?? headTypeLeading(doc, tokens[start]!.norm, end - start)
    // in a Title Case line (a headline) capitals do not mark names
    if (type && !titleCase[start]) take(patMention(doc, type, start, end, "entity.head-word.v1", 0.7))
    i = end - 1
  }

  // D0. later uses of a site's short name: "Kumtor"
  for (const m of siteShortMentions(doc, sites, taken)) out.push(m)

  // D1. a state's institution in one word: "the Kyrgyz Parliament", "the U.S. Embassy"
  for (const m of institutionMentions(doc, out, taken)) out.push(m)

  // D2. acronyms defined in brackets, their later uses, and the names they spell
  for (const m of acronymMentions(doc, out, taken)) out.push(m)

  // E. surnames of people already found: "Dzhuraev said", "Landau and Gor"
  const people = new Map<string, Mention>()
  for (const m of out) {
    if (m.type !== "person" || m.via !== "name") continue
    const last = tokens[m.tokEnd - 1]!
    if (m.tokEnd - m.tokStart >= 2 && last.kind === "word" && !people.has(last.norm)) people.set(last.norm, m)
  }
  for (let i = 0; i < n; i++) {
    if (taken[i] || !isCapWord(tokens[i])) continue
    const base = tokens[i]!.norm.replace(/'s$/, "")
    const p = people.get(base)
    if (!p) continue
    take({
      ...p,
      tokStart: i,
      tokEnd: i + 1,
      start: tokens[i]!.start,
      end: tokens[i]!.start + base.length,
      via: "surname",
      method: "entity.surname-coref.v1",
      confidence: Math.min(p.confidence, 0.8)
    })
  }

  // F. role descriptions of people already found: "the Kazakh leader", "the U.S. president"
  for (const m of roleMentions(doc, out, taken)) take(m)

  // G. bodies found by a pattern are known by the fuller name the article gives them ("National Bank of Kyrgyzstan")
  const mentions = qualifyBodies(doc, out).sort((a, b) => a.start - b.start || b.end - a.end)
  return {
    mentions,
    aliases: sites
      .filter((s) => s.overlay)
      .map((s) => ({
        mention: s.mention,
        start: s.mention.start,
        end: s.mention.end
      }))
  }
}

/**
 * The mentions as events and relations read them: a capital that stands for its government
 * ("Astana signed", "Washington's push") is a mention of its state there; its own row stays the city.
 */
export const roleView = (doc: Doc, mentions: ReadonlyArray<Mention>): Array<Mention> =>
  mentions.map((m) => {
    const state = m.via === "metonym" && m.gaz?.capitalOf ? doc.lex.entities.get(m.gaz.capitalOf) : undefined
    return state
      ? {
          ...m,
          key: `gaz:${state.id}`,
          type: state.type,
          name: state.name,
          gaz: state
        }
      : m
  })

/**
 * Tokens on heading lines: lines in Title Case (four or more words, nearly all longer words
 * capitalised) and, with `shortToo`, short lines of capitalised words (for the person rules), both
 * without a final stop and not bylines: headlines and subheadings, whose capitals do not mark names.
 */
function titleCaseTokens(doc: Doc, shortToo: boolean): Uint8Array {
  const { tokens } = doc
  const out = new Uint8Array(tokens.length)
  let k = 0
  while (k < tokens.length) {
    let e = k + 1
    while (e < tokens.length && !lineBreakBefore(doc, e)) e++
    let words = 0
    let caps = 0
    for (let x = k; x < e; x++) {
      const t = tokens[x]!
      if (t.kind !== "word" || t.text.length < 4) continue
      words++
      if (t.cap) caps++
    }
    const open = !/[.!?:"”]$/.test(tokens[e - 1]!.text)
    // a short heading ("Mixed Signals", "Call for Reform"): a few words, all capitalised, no final stop, no byline
    const short = words >= 1 && words <= 3 && caps === words && e - k <= 6
    const byline = BYLINE_OPENERS.has(tokens[k]!.norm) || BYLINE_OPENERS.has(tokens[k + 1]?.norm ?? "")
    if (open && !byline && ((words >= 4 && caps >= 0.8 * words) || (shortToo && short))) out.fill(1, k, e)
    k = e
  }
  return out
}

/**
 * The given name (and patronymic or initial) written before a gazetteer person's surname, if any:
 * where it starts, and whether it is that person's (same first letter once transliteration is
 * evened out: "Zheenbek"/"Jeenbek", "Sapar"/"Sadyr") or another person's ("Shadurdy"/"Rashid").
 */
function namePrefix(
  doc: Doc,
  i: number,
  j: number,
  e: GazEntity,
  taken: Uint8Array
): { readonly start: number; readonly same: boolean } | null {
  const { tokens } = doc
  const parts = e.name.split(" ")
  if (j - i !== 1 || parts.length < 2 || tokens[i]!.text === parts[0]) return null
  const ok = (k: number) =>
    k >= 0 &&
    !taken[k] &&
    isCapWord(tokens[k]) &&
    !inList(doc, "non_name", tokens[k]!.norm) &&
    !lineBreakBefore(doc, k + 1) &&
    !lex(doc, k)
  let s = i
  if (ok(s - 1) && PATRONYMIC.test(tokens[s - 1]!.text)) s--
  else if (tokens[s - 1]?.text === "." && /^\p{Lu}$/u.test(tokens[s - 2]?.text ?? "") && !taken[s - 2]) s -= 2
  if (!ok(s - 1) || tokens[s - 1]!.text.length < 2) return s < i ? { start: s, same: true } : null
  s--
  // a capitalised word opening a sentence or heading is no evidence of a name ("Buying Trump's ...")
  const opens =
    s === 0 ||
    lineBreakBefore(doc, s) ||
    doc.sentences[doc.sentenceOf[s]!]!.tokStart === s ||
    !/[\p{L}\p{N}]/u.test(tokens[s - 1]!.text)
  if (opens && !inList(doc, "given_names", tokens[s]!.norm)) return null
  const initial = (w: string) =>
    w
      .toLowerCase()
      .replace(/^(dzh|zh|dj|j)/, "j")
      .replace(/^kh/, "h")
      .replace(/^q/, "k")[0]
  const same = initial(tokens[s]!.text) === initial(parts[0]!)
  // another person's given name must read as one
  // (a given name of the list, a patronymic after it, or a title or its state right before: "Ambassador to Kyrgyzstan Shadurdy Meredov")
  if (
    !same &&
    !inList(doc, "given_names", tokens[s]!.norm) &&
    !PATRONYMIC.test(tokens[s + 1]?.text ?? "") &&
    !(
      s > 0 &&
      (doc.lex.titles.longest(tokens, s - 1) ||
        (lex(doc, s - 1) && ["to", "in", "of"].includes(tokens[s - 2]?.norm ?? "")))
    )
  )
    return null
  return { start: s, same }
}

/**
 * End of a capitalised run at a title that follows a body's head word: the body's name stops
 * there ("European Commission President ...", "Steppe Bank Chairman ..."); else the run's end.
 */
const beforeTitle = (doc: Doc, i: number, end: number): number => {
  for (let k = i + 1; k < end; k++)
    if (headType(doc, doc.tokens[k - 1]!.norm) !== null && doc.lex.titles.longest(doc.tokens, k)) return k
  return end
}

/** Is token k a name or title of the lexicons (a place, a state, a demonym, a title)? */
const lex = (doc: Doc, k: number): boolean =>
  !!doc.lex.names.longest(doc.tokens, k) ||
  !!doc.lex.demonyms.longest(doc.tokens, k) ||
  !!doc.lex.titles.longest(doc.tokens, k)

/** First words of a byline line, which is no heading: "By ...", "Author: ...", "(Reporting by ...". */
const BYLINE_OPENERS = new Set(["by", "author", "authors", "reporting", "written", "writing"])

/** Words right before a capital that make it the place itself: prepositions, "capital", "city". */
const PLACE_BEFORE = new Set([...LOCATIVE, "of"])
const CITY_NOUNS = new Set(["capital", "city", "capitals", "cities"])

/**
 * Does the capital at [i, j) stand for its state's government? Not after a preposition or
 * "capital"/"city of", not in a dateline ("ASTANA, Kazakhstan —", "MOSCOW (Reuters) -"), not
 * followed by its country ("Astana, Kazakhstan").
 */
function isMetonymic(doc: Doc, i: number, j: number, countryId: string): boolean {
  const { tokens } = doc
  if (PLACE_BEFORE.has(tokens[i - 1]?.norm ?? "")) return false
  // "Kazakhstan's capital, Astana", "Astana, the capital of Kazakhstan": named as the city it is
  for (let k = Math.max(0, i - 3); k < Math.min(tokens.length, j + 4); k++)
    if ((k < i || k >= j) && CITY_NOUNS.has(tokens[k]!.norm)) return false
  if (tokens[j]?.text === "," && nextIsCountry(doc, j + 1, countryId)) return false
  if ((i === 0 || lineBreakBefore(doc, i)) && /^[,.(/—–-]$/.test(tokens[j]?.text ?? "")) return false
  return true
}

function nextIsCountry(doc: Doc, k: number, countryId: string): boolean {
  const hit = doc.lex.names.longest(doc.tokens, k)
  return !!hit && hit.values.includes(countryId)
}
