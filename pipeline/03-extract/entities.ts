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

/** The mentions found so far and the tokens they take; `take` records a mention and marks its tokens. */
interface Found {
  readonly taken: Uint8Array
  readonly out: Array<Mention>
  readonly take: (mention: Mention) => void
}

/** A commodity written capitalised inside a name is part of it ("Centerra Gold", "Gold Fields"). */
const commodityInName = (doc: Doc, i: number, length: number): boolean => {
  const { tokens } = doc
  return (
    tokens[i]!.cap &&
    (isCapWord(tokens[i + length]) ||
      (isCapWord(tokens[i - 1]) &&
        !FUNCTION_WORDS.has(tokens[i - 1]!.norm) &&
        doc.sentences[doc.sentenceOf[i]!]!.tokStart !== i - 1)) &&
    !lineBreakBefore(doc, i)
  )
}

/**
 * A longer capitalised name containing the gazetteer name at [i, j) ("OSCE Academy", "Kazakh Invest"), when the run
 * continues with an org/place head word; not when a gazetteer body follows the state ("US Department of the
 * Treasury" is the Treasury, qualified). The name starts where its capitalised run starts ("George Washington
 * University").
 */
const longerNameAround = (
  doc: Doc,
  entity: GazEntity,
  i: number,
  j: number,
  taken: Uint8Array,
  titleCase: Uint8Array,
  noneTaken: Uint8Array
): Mention | null => {
  const { tokens, lex } = doc
  const runEnd = capRun(doc, i, noneTaken, 8)
  const head = tokens[runEnd - 1]
  const next = lex.names.longest(tokens, j)
  const bodyNext = !!next && entity.type === "country" && QUALIFIABLE.has(pick(doc, next.values)?.type ?? "person")
  if (
    !(runEnd > j && head && headType(doc, head.norm) !== null && entity.type !== "person" && !titleCase[i] && !bodyNext)
  )
    return null
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
  return patMention(doc, headType(doc, head!.norm)!, runStart, runEnd, "entity.head-word.v1", 0.75)
}

/**
 * A gazetteer name, demonym-free, at token i: taken as itself, as the longer name around it, as a capital's metonym or
 * with a given name before it. The last token it covers (the scan resumes after it), or null when none is known here.
 */
const gazetteerName = (
  doc: Doc,
  found: Found,
  i: number,
  titleCase: Uint8Array,
  noneTaken: Uint8Array
): number | null => {
  const hit = doc.lex.names.longest(doc.tokens, i)
  if (!hit) return null
  const entity = pick(doc, hit.values)
  if (entity?.type === "commodity" && commodityInName(doc, i, hit.length)) return i
  if (!entity) return null
  const j = i + hit.length
  const longer = longerNameAround(doc, entity, i, j, found.taken, titleCase, noneTaken)
  if (longer !== null) {
    found.take(longer)
    return longer.tokEnd - 1
  }
  // a capital is always the city (its entity row is a place); where it stands for its
  // government ("Astana signed", "talks between Washington and Moscow") the mention says so
  if (entity.capitalOf && isMetonymic(doc, i, j, entity.capitalOf)) {
    found.take(gazMention(doc, entity, i, j, "metonym", "entity.capital-metonym.v1", 0.8))
    return j - 1
  }
  // a known person's surname with a given name (and patronymic) before it: the same person
  // written otherwise ("Zheenbek Kulubaev", "Shavkat Miramonovich Mirziyoyev"), or another one ("Shadurdy Meredov")
  const lead = entity.type === "person" ? namePrefix(doc, i, j, entity, found.taken) : null
  if (lead && !lead.same) {
    found.take(patMention(doc, "person", lead.start, j, "entity.given-name.v1", 0.7))
    return j - 1
  }
  found.take(gazMention(doc, entity, lead?.start ?? i, j, "name", "entity.gazetteer.v1", 0.95))
  return j - 1
}

/** A hyphenated compound whose head is a known place or body ("Kazakhstan-based"): whether one was taken at token i. */
const compoundPlace = (doc: Doc, found: Found, i: number): boolean => {
  const token = doc.tokens[i]!
  const compound = token.cap && token.text.includes("-") ? COMPOUND_PLACE.exec(token.text) : null
  if (!(compound && token.cap)) return false
  const head = tokenize(compound[1]!, token.start)
  const hit = doc.lex.names.longest(head, 0)
  const entity = hit && hit.length === head.length ? pick(doc, hit.values) : null
  if (!(entity && (entity.type === "country" || entity.type === "location" || entity.type === "organization")))
    return false
  found.take({
    ...gazMention(doc, entity, i, i + 1, "name", "entity.compound-place.v1", 0.85),
    end: head[head.length - 1]!.end
  })
  return true
}

/**
 * A demonym at token i, or a body's name a region's adjective opens ("European Investment Bank"). The last token
 * taken (the scan resumes after it), or null when nothing was taken.
 */
const demonymName = (doc: Doc, found: Found, i: number, titleCase: Uint8Array): number | null => {
  const { tokens } = doc
  const demonym = doc.lex.demonyms.longest(tokens, i)
  if (!demonym) return null
  const entity = pick(doc, demonym.values)
  const j = i + demonym.length
  const runEnd = entity?.type === "location" ? beforeTitle(doc, j, capRun(doc, j, found.taken, 8)) : j
  const headOf = runEnd > j ? headType(doc, tokens[runEnd - 1]!.norm) : null
  if (entity && headOf !== null && headOf !== "location" && !titleCase[i]) {
    // the name starts where its capitalised run starts ("Central Eurasian Studies Society")
    let runStart = i
    while (
      runStart > 0 &&
      isCapWord(tokens[runStart - 1]) &&
      !found.taken[runStart - 1] &&
      !FUNCTION_WORDS.has(tokens[runStart - 1]!.norm) &&
      !lineBreakBefore(doc, runStart) &&
      doc.sentences[doc.sentenceOf[runStart]!]!.tokStart !== runStart - 1 &&
      i - runStart < 2
    )
      runStart--
    found.take(patMention(doc, headOf, runStart, runEnd, "entity.head-word.v1", 0.75))
    return runEnd - 1
  }
  if (entity && tokens[j]?.norm !== "language") {
    found.take(gazMention(doc, entity, i, j, "demonym", "entity.demonym.v1", 0.85))
    return j - 1
  }
  return null
}

/** A. Gazetteer names, compound places, demonyms and capital metonyms (longest match first). */
const gazetteerPass = (doc: Doc, found: Found, titleCase: Uint8Array): void => {
  const n = doc.tokens.length
  const noneTaken = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    if (found.taken[i]) continue
    const gazetteerEnd = gazetteerName(doc, found, i, titleCase, noneTaken)
    if (gazetteerEnd !== null) {
      i = gazetteerEnd
      continue
    }
    if (compoundPlace(doc, found, i)) continue
    const demonymEnd = demonymName(doc, found, i, titleCase)
    if (demonymEnd !== null) i = demonymEnd
  }
}

/** B. People named by a title: "Senator Steve Daines", "Kazakh Energy Minister Erlan Akkezhenov". */
const titledPeople = (doc: Doc, found: Found): void => {
  const { tokens, lex } = doc
  for (let i = 0; i < tokens.length; i++) {
    const title = lex.titles.longest(tokens, i)
    if (!title) continue
    const j = i + title.length
    if (!isCapWord(tokens[j]) || found.taken[j]) continue
    const end = personRun(doc, j, found.taken)
    if (end - j === 1 && inList(doc, "given_names", tokens[j]!.norm)) continue
    if (end > j) found.take(patMention(doc, "person", j, end, "entity.title-person.v1", 0.8))
  }
}

/** C. Appositives and given names: "Emilbek Dzhuraev, a political scientist", "Wilder Alejandro Sánchez". */
const appositivePeople = (doc: Doc, found: Found, heading: Uint8Array): void => {
  const { tokens } = doc
  for (let i = 0; i < tokens.length; i++) {
    // a name part glued to the word before it ("Tau-Ken") does not start a person's name; nor does a heading
    if (found.taken[i] || !isCapWord(tokens[i]) || isJoin(doc, i - 1) || heading[i]) continue
    const end = personRun(doc, i, found.taken)
    if (end - i < 2) continue
    const after = tokens[end]
    const article = tokens[end + 1]
    const appositive =
      after?.text === "," &&
      article &&
      (article.norm === "a" || article.norm === "an" || article.norm === "the") &&
      titleWithin(doc, end + 2, 5)
    // a given name first ("Emilbek Dzhuraev") or second in a longer name ("Wilder Alejandro Sánchez")
    const firstName =
      inList(doc, "given_names", tokens[i]!.norm) || (end - i >= 3 && inList(doc, "given_names", tokens[i + 1]!.norm))
    if (appositive || firstName) {
      found.take(
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
}

/** D. Organisations, places, initiatives, laws and named events by their head word. */
const headWordNames = (doc: Doc, found: Found, titleCase: Uint8Array): void => {
  const { tokens, lex } = doc
  for (let i = 0; i < tokens.length; i++) {
    if (found.taken[i] || !isCapWord(tokens[i])) continue
    let start = i
    if (FUNCTION_WORDS.has(tokens[i]!.norm)) {
      if (!isCapWord(tokens[i + 1])) continue
      start = i + 1
    }
    // "CEO of Cove Capital": a title and "of" before a name are not part of it
    const title = lex.titles.longest(tokens, start)
    if (title && tokens[start + title.length]?.norm === "of" && isCapWord(tokens[start + title.length + 1]))
      start += title.length + 1
    const end = beforeTitle(doc, start, capRun(doc, start, found.taken))
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
    if (type && !titleCase[start]) found.take(patMention(doc, type, start, end, "entity.head-word.v1", 0.7))
    i = end - 1
  }
}

/** E. Surnames of people already found: "Dzhuraev said", "Landau and Gor". */
const surnameMentions = (doc: Doc, found: Found): void => {
  const { tokens } = doc
  const personBySurname = new Map<string, Mention>()
  for (const mention of found.out) {
    if (mention.type !== "person" || mention.via !== "name") continue
    const last = tokens[mention.tokEnd - 1]!
    if (mention.tokEnd - mention.tokStart >= 2 && last.kind === "word" && !personBySurname.has(last.norm))
      personBySurname.set(last.norm, mention)
  }
  for (let i = 0; i < tokens.length; i++) {
    if (found.taken[i] || !isCapWord(tokens[i])) continue
    const base = tokens[i]!.norm.replace(/'s$/, "")
    const person = personBySurname.get(base)
    if (!person) continue
    found.take({
      ...person,
      tokStart: i,
      tokEnd: i + 1,
      start: tokens[i]!.start,
      end: tokens[i]!.start + base.length,
      via: "surname",
      method: "entity.surname-coref.v1",
      confidence: Math.min(person.confidence, 0.8)
    })
  }
}

/**
 * Find every entity mention in the document, and the further names written over other mentions
 * ("China-Kyrgyzstan-Uzbekistan railway").
 */
export const findEntityMentions = (
  doc: Doc
): {
  readonly mentions: Array<Mention>
  readonly aliases: Array<AliasMention>
} => {
  const taken = new Uint8Array(doc.tokens.length)
  const out: Array<Mention> = []
  const take = (mention: Mention) => {
    for (let k = mention.tokStart; k < mention.tokEnd; k++) taken[k] = 1
    out.push(mention)
  }
  const found: Found = { taken, out, take }
  const titleCase = titleCaseTokens(doc, false)
  const heading = titleCaseTokens(doc, true)

  // A0. organisations by their shape: domains, legal forms, company nouns, outlets, dateline credits;
  // sites and projects by their head noun ("Kumtor gold mine"); those named by states only stay aliases
  for (const mention of orgShapeMentions(doc, taken)) take(mention)
  const sites = siteMentions(doc, taken)
  for (const site of sites) if (!site.overlay) take(site.mention)
  gazetteerPass(doc, found, titleCase)
  titledPeople(doc, found)
  appositivePeople(doc, found, heading)
  // C2. people by the shape around the name: patronymic, age, byline, title apposition, "X of <state>"
  for (const mention of personShapeMentions(doc, taken)) out.push(mention)
  headWordNames(doc, found, titleCase)
  // D0. later uses of a site's short name: "Kumtor"
  for (const mention of siteShortMentions(doc, sites, taken)) out.push(mention)
  // D1. a state's institution in one word: "the Kyrgyz Parliament", "the U.S. Embassy"
  for (const mention of institutionMentions(doc, out, taken)) out.push(mention)
  // D2. acronyms defined in brackets, their later uses, and the names they spell
  for (const mention of acronymMentions(doc, out, taken)) out.push(mention)
  surnameMentions(doc, found)
  // F. role descriptions of people already found: "the Kazakh leader", "the U.S. president"
  for (const mention of roleMentions(doc, out, taken)) take(mention)

  // G. bodies found by a pattern are known by the fuller name the article gives them ("National Bank of Kyrgyzstan")
  const mentions = qualifyBodies(doc, out).sort((a, b) => a.start - b.start || b.end - a.end)
  return {
    mentions,
    aliases: sites
      .filter((site) => site.overlay)
      .map((site) => ({
        mention: site.mention,
        start: site.mention.start,
        end: site.mention.end
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
  // (a given name of the list, a patronymic after it, or a title or its state right before: "Ambassador to Kyrgyzstan
  // Shadurdy Meredov")
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
