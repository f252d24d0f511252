/**
 * Sites and projects named by a capitalised name and a generic head noun: "Kumtor gold mine",
 * "Galkynysh gas field", "Kyzyl Bel motor checkpoint", "Rogun hydropower plant", "TAPI pipeline",
 * "China-Kyrgyzstan-Uzbekistan railway", "Kambarata-1 HPP". Natural and border sites (mines,
 * deposits, fields, checkpoints, dams, reservoirs, hydropower plants) are places; built lines
 * and plants (pipelines, railways, roads, power plants, farms, projects) are initiatives, as the
 * gold annotates them. Heads and modifiers are the cue lists `site_head_place`, `site_head_project`
 * and `site_modifier`. Pure.
 */
import type { EntityType } from "../../schemas/vocab.js"
import { type Doc, inList } from "./doc.js"
import type { Mention } from "./entities.js"
import { FUNCTION_WORDS, isCapWord, isJoin, lineBreakBefore, patMention } from "./nameRuns.js"

const MAX_MODIFIERS = 3
const MAX_NAME = 4
/** Modifiers that make a plant a hydropower site (a place). */
const HYDRO = new Set(["hydropower", "hydroelectric", "hydro", "hpp"])
const CONNECTOR_BEFORE = new Set(["for", "of", "and", "on"])

/** A site or project found before the gazetteer pass, or over gazetteer names only (then an alias). */
export interface SiteMention {
  readonly mention: Mention
  /**
   * The name is made of states or regions only ("China-Kyrgyzstan-Uzbekistan railway"): it does not take their tokens.
   */
  readonly overlay: boolean
  /** The short name ("Kumtor") later uses of which name the site. */
  readonly short: string
}

/** Every site or project named in the text (tokens taken are not changed). */
export const siteMentions = (doc: Doc, taken: Uint8Array): Array<SiteMention> => {
  const { tokens } = doc
  const out: Array<SiteMention> = []
  let last = -1
  // (the two head lists looked up once, not per token: the same answers as inList)
  const places = doc.lex.cues.get("site_head_place")
  const projects = doc.lex.cues.get("site_head_project")
  for (let h = 1; h < tokens.length; h++) {
    const head = tokens[h]!
    const place = places?.has(head.norm) ?? false
    if (!place && !(projects?.has(head.norm) ?? false)) continue
    // a head that modifies a later head is a modifier ("Dostyk road checkpoint")
    if (modifier(doc, h) && isHead(doc, h + 1)) continue
    // a capitalised head inside a longer name is no head ("Silk Road Council")
    if (head.cap && isCapWord(tokens[h + 1]) && !lineBreakBefore(doc, h + 1)) continue
    // modifiers: "gold", "motor", "solar", "CCGT"
    let m = h
    const mods: Array<string> = []
    while (m > 0 && h - m < MAX_MODIFIERS && modifier(doc, m - 1)) mods.push(tokens[--m]!.norm)
    // the name: capitalised words (dash-joined, "X-1") right before, not a function word, on one line
    let s = m
    while (
      s > 0 &&
      m - s < MAX_NAME * 2 &&
      !lineBreakBefore(doc, s) &&
      (nameWord(doc, s - 1) || (isJoin(doc, s - 1) && nameWord(doc, s - 2)))
    )
      s--
    while (s < m && (FUNCTION_WORDS.has(tokens[s]!.norm) || !isCapWord(tokens[s]))) s++
    if (s >= m || s <= last || taken[s]) continue
    // the end of a longer name ("Financing for Rogun Hydropower Project") is left to the head-word pass
    if (CONNECTOR_BEFORE.has(tokens[s - 1]?.norm ?? "") && isCapWord(tokens[s - 2])) continue
    const names = tokens.slice(s, m).filter((t) => t.kind === "word")
    // a state's or people's adjective alone is no name ("the Kazakh gas field"), nor one state ("the Uzbekistan
    // pipeline")
    const states = names.filter((t) => stateOrRegion(doc, t.text))
    if (names.every((t) => doc.lex.demonyms.longest([t], 0) !== null || inList(doc, "non_name", t.norm))) continue
    if (states.length === names.length && states.length < 2) continue
    if (inList(doc, "given_names", tokens[s]!.norm) && names.length >= 2) continue
    const type: EntityType =
      place || (["plant", "station"].includes(head.norm) && mods.some((x) => HYDRO.has(x))) ? "location" : "initiative"
    const name = doc.text.slice(tokens[s]!.start, head.end)
    const short = doc.text.slice(tokens[s]!.start, tokens[m - 1]!.end)
    // one short name, one site: "the TAPI pipeline" ... "the TAPI project"
    const same = out.find((x) => x.short === short)
    const mention = patMention(doc, type, s, h + 1, "entity.site.v1", 0.7, name)
    out.push({
      mention: same
        ? {
            ...mention,
            key: same.mention.key,
            type: same.mention.type,
            name: same.mention.name
          }
        : mention,
      overlay: states.length === names.length,
      short
    })
    last = h
  }
  return out
}

/** Later uses of a site's short name ("Kumtor") as mentions of it; the tokens they take are marked. */
export const siteShortMentions = (doc: Doc, sites: ReadonlyArray<SiteMention>, taken: Uint8Array): Array<Mention> => {
  const { tokens } = doc
  const out: Array<Mention> = []
  const byShort = new Map<string, SiteMention>()
  for (const s of sites) if (!s.overlay && !s.short.includes(" ") && !byShort.has(s.short)) byShort.set(s.short, s)
  if (byShort.size === 0) return out
  for (let k = 0; k < tokens.length; k++) {
    const s = byShort.get(tokens[k]!.text)
    if (!s || taken[k] || k < s.mention.tokEnd || isCapWord(tokens[k + 1])) continue
    taken[k] = 1
    out.push({
      ...s.mention,
      tokStart: k,
      tokEnd: k + 1,
      start: tokens[k]!.start,
      end: tokens[k]!.end,
      method: "entity.site-short.v1",
      confidence: 0.6
    })
  }
  return out
}

const isHead = (doc: Doc, k: number): boolean => {
  const t = doc.tokens[k]
  return !!t && (inList(doc, "site_head_place", t.norm) || inList(doc, "site_head_project", t.norm))
}

/** A word between a site's name and its head: a cue-list modifier, a commodity, or an all-capitals code ("CCGT"). */
const modifier = (doc: Doc, k: number): boolean => {
  const t = doc.tokens[k]!
  if (t.kind !== "word") return false
  if (inList(doc, "site_modifier", t.norm)) return true
  // a code after the name ("Sirdarya CCGT plant"), not the name itself ("the TAPI pipeline")
  const prev = doc.tokens[k - 1]
  if (/^\p{Lu}{2,5}$/u.test(t.text) && doc.lex.names.longest(doc.tokens, k) === null)
    return isCapWord(prev) && !FUNCTION_WORDS.has(prev!.norm)
  const hit = !t.cap ? doc.lex.names.longest(doc.tokens, k) : null
  return !!hit && hit.length === 1 && hit.values.some((id) => id.startsWith("commodity:"))
}

/** A word of a site's name: capitalised, or a numbered unit ("Kambarata-1"). */
const nameWord = (doc: Doc, k: number): boolean => {
  const t = doc.tokens[k]
  const prev = doc.tokens[k - 1]
  // a unit after a number ("1.5GW", "3,600 MW") is no name
  if (!t || prev?.kind === "num" || (prev?.text === "-" && doc.tokens[k - 2]?.kind === "num")) return false
  return (
    t.kind === "word" && t.cap && !inList(doc, "site_head_project", t.norm) && !doc.lex.titles.longest(doc.tokens, k)
  )
}

/** Is this word (or the name it starts) a state or a region of the gazetteer? */
const stateOrRegion = (doc: Doc, word: string): boolean => {
  const hit = doc.lex.names.longest(
    [
      {
        text: word,
        norm: word.toLowerCase().replace(/[’‘`]/g, "'"),
        start: 0,
        end: word.length,
        cap: true,
        kind: "word"
      }
    ],
    0
  )
  return (
    !!hit &&
    hit.values.some(
      (id) =>
        id.startsWith("country:") ||
        id === "location:central-asia" ||
        (id.startsWith("location:") && doc.lex.entities.get(id)?.locatedIn === null)
    )
  )
}
