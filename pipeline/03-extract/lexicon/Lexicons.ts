/**
 * Loads and compiles the lexicon files (pipeline/lexicons/*.v1.jsonl) and the country list of
 * the `world-countries` package into one immutable bundle that the pure extractor reads.
 */
import { readdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { Schema } from "effect"
import type { Country } from "world-countries"
import { defineError } from "../../../schemas/ErrorSpec.js"
import {
  CueEntry,
  GazetteerEntry,
  LexiconHeader,
  type LexiconProvenance,
  ModalityCue,
  TitleEntry,
  TriggerEntry
} from "../../../schemas/Lexicon.js"
import { PIPELINE_VERSION } from "../../../schemas/version.js"
import type { EntityType } from "../../../schemas/vocab.js"
import { compareStrings } from "../../shared/compare.js"
import { sha256 } from "../../shared/hash.js"
import { normWord } from "../../text/tokens.js"
import { PhraseTrie } from "./trie.js"

/** A gazetteer entity after merging world-countries data and overlays. */
export interface GazEntity {
  readonly id: string
  readonly type: EntityType
  readonly name: string
  readonly aliases: ReadonlyArray<string>
  readonly demonyms: ReadonlyArray<string>
  readonly iso2: string | null
  readonly iso3: string | null
  readonly wikidata: string | null
  readonly positions: ReadonlyArray<{
    readonly role: string
    readonly of: string
    readonly from?: string | undefined
    readonly to?: string | undefined
  }>
  readonly locatedIn: string | null
  readonly capitalOf: string | null
  readonly partOf: ReadonlyArray<string>
}

/** A compiled modality cue. */
export interface CompiledCue {
  readonly entry: ModalityCue
  readonly re: RegExp
}

/** Everything the extractor needs, compiled once. */
export interface LexiconBundle {
  readonly entities: ReadonlyMap<string, GazEntity>
  readonly names: PhraseTrie<string>
  readonly demonyms: PhraseTrie<string>
  readonly triggers: PhraseTrie<TriggerEntry>
  readonly titles: PhraseTrie<TitleEntry>
  readonly modality: ReadonlyArray<CompiledCue>
  readonly cues: ReadonlyMap<string, ReadonlySet<string>>
  /** SHA-256 over every lexicon file, the countries package version and the pipeline version. */
  readonly hash: string
  /** Where each lexicon comes from (its header), for the release's provenance. */
  readonly provenance: ReadonlyArray<LexiconProvenance>
}

/** The countries package the gazetteer is built on (not a lexicon file of ours). */
const WORLD_COUNTRIES: LexiconProvenance = {
  file: "node_modules/world-countries/countries.json",
  name: "world-countries",
  version: "5.1.0",
  kind: "gazetteer",
  source:
    "world-countries 5.1.0 (npm; mledoze/countries): names, ISO 3166 codes, capitals, demonyms and regions of every" +
    " state",
  licence: "ODbL-1.0",
  sha256: null
}

const worldCountries = createRequire(import.meta.url)("world-countries/countries.json") as ReadonlyArray<Country>

/** Default lexicon folder. */
export const LEXICON_DIR = new URL("../../lexicons/", import.meta.url).pathname

// Entries are checked against each class's fields (every pattern and literal) and kept as plain
// records: building class instances cost over ten times as much per line, at every process start.
const decoders = {
  gazetteer: Schema.decodeUnknownSync(Schema.Struct(GazetteerEntry.fields)),
  triggers: Schema.decodeUnknownSync(Schema.Struct(TriggerEntry.fields)),
  modality: Schema.decodeUnknownSync(Schema.Struct(ModalityCue.fields)),
  titles: Schema.decodeUnknownSync(Schema.Struct(TitleEntry.fields)),
  cues: Schema.decodeUnknownSync(Schema.Struct(CueEntry.fields))
} as const

/** A lexicon file that does not decode (or the lexicon folder cannot be read): the build cannot run. */
export class LexiconInvalid extends defineError<LexiconInvalid>()(
  "LexiconInvalid",
  { file: Schema.String, line: Schema.optional(Schema.Int), detail: Schema.String },
  {
    code: "lexicon-invalid",
    stage: "extract",
    effect: "build stops",
    message: { line: "{file}:{line}: {detail}", file: "{file}: {detail}" },
    variant: (e) => (e.line === undefined ? "file" : "line"),
    remedy:
      "Fix the lexicon line (pipeline/lexicons/README.md describes each file; schemas/Lexicon.ts holds the formats), or regenerate a generated lexicon (`npm run lexicons:*`)."
  }
) {}

const readLexiconFile = (path: string) => {
  const lines = readFileSync(path, "utf8").split("\n")
  const header = (() => {
    try {
      return Schema.decodeUnknownSync(LexiconHeader)(JSON.parse(lines[0] ?? ""))
    } catch (e) {
      throw new LexiconInvalid({ file: path, line: 1, detail: `bad header: ${(e as Error).message}` })
    }
  })()
  const entries: Array<unknown> = []
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === "") return
    try {
      entries.push(decoders[header.kind](JSON.parse(l)))
    } catch (e) {
      throw new LexiconInvalid({
        file: path,
        line: i + 2,
        detail: (e as Error).message.split("\n").slice(0, 4).join(" ")
      })
    }
  })
  return { header, entries }
}

/** The decoded entries of every lexicon file, sorted by kind, with the hash parts and provenance they add. */
interface LexiconEntries {
  readonly hashParts: Array<string>
  readonly gaz: Array<GazetteerEntry>
  /** Gazetteer entries of the `countries*` files: overlays on the world-countries states. */
  readonly overlays: Array<GazetteerEntry>
  readonly triggers: Array<TriggerEntry>
  readonly modality: Array<ModalityCue>
  readonly titles: Array<TitleEntry>
  readonly cues: Map<string, Set<string>>
  readonly provenance: Array<LexiconProvenance>
}

/** Reads every lexicon file of `dir` (in name order). Throws LexiconInvalid on a bad file. */
const readLexiconEntries = (dir: string): LexiconEntries => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort(compareStrings)
  const read: LexiconEntries = {
    hashParts: [PIPELINE_VERSION, "world-countries@5.1.0"],
    gaz: [],
    overlays: [],
    triggers: [],
    modality: [],
    titles: [],
    cues: new Map(),
    provenance: [WORLD_COUNTRIES]
  }
  for (const file of files) {
    const path = join(dir, file)
    const fileHash = sha256(readFileSync(path))
    read.hashParts.push(file, fileHash)
    const { header, entries } = readLexiconFile(path)
    read.provenance.push({
      file: `pipeline/lexicons/${file}`,
      name: header.name,
      version: header.version,
      kind: header.kind,
      source: header.source,
      licence: header.licence,
      sha256: fileHash
    })
    for (const entry of entries) {
      if (header.kind === "gazetteer")
        (file.startsWith("countries") ? read.overlays : read.gaz).push(entry as GazetteerEntry)
      else if (header.kind === "triggers") read.triggers.push(entry as TriggerEntry)
      else if (header.kind === "modality") read.modality.push(entry as ModalityCue)
      else if (header.kind === "titles") read.titles.push(entry as TitleEntry)
      else {
        const cue = entry as CueEntry
        const words = read.cues.get(cue.list) ?? new Set<string>()
        for (const word of cue.words) words.add(normWord(word))
        read.cues.set(cue.list, words)
      }
    }
  }
  return read
}

/**
 * The states and territories of world-countries with their overlays. A demonym shared by several states ("American"
 * for the US and its territories) names none of them unless the overlay claims it; territories (non-independent) get
 * no demonyms.
 */
const countryEntities = (overlays: ReadonlyArray<GazetteerEntry>): Map<string, GazEntity> => {
  const demonymCount = new Map<string, number>()
  for (const country of worldCountries)
    if (country.independent)
      for (const demonym of new Set(country.demonyms?.eng ? [country.demonyms.eng.m, country.demonyms.eng.f] : []))
        demonymCount.set(demonym, (demonymCount.get(demonym) ?? 0) + 1)
  const entities = new Map<string, GazEntity>()
  const overlayById = new Map(overlays.map((overlay) => [overlay.id, overlay]))
  for (const country of worldCountries) {
    const id = `country:${country.cca3}`
    const overlay = overlayById.get(id)
    const ownDemonyms =
      country.independent && country.demonyms?.eng
        ? [country.demonyms.eng.m, country.demonyms.eng.f].filter((d) => demonymCount.get(d) === 1)
        : []
    entities.set(id, {
      id,
      // dependent territories (Greenland, Puerto Rico) are places, not sovereign states
      type: country.independent ? "country" : "location",
      name: overlay?.name ?? country.name.common,
      aliases: uniq([overlay?.name, country.name.common, country.name.official, ...(overlay?.aliases ?? [])]),
      demonyms: uniq([...ownDemonyms, ...(overlay?.demonyms ?? [])]),
      iso2: country.cca2,
      iso3: country.cca3,
      wikidata: overlay?.wikidata ?? null,
      positions: [],
      locatedIn: null,
      capitalOf: null,
      partOf: overlay?.part_of ?? []
    })
  }
  return entities
}

/** Regions and subregions of world-countries become locations that their countries are part of. */
const addRegions = (entities: Map<string, GazEntity>): void => {
  for (const country of worldCountries) {
    for (const region of [country.subregion, country.region].filter((r): r is string => !!r && r !== "")) {
      const id = `location:${slug(region)}`
      if (!entities.has(id))
        entities.set(id, {
          id,
          type: "location",
          name: region,
          aliases: [region],
          demonyms: [regionAdjective(region)],
          iso2: null,
          iso3: null,
          wikidata: null,
          positions: [],
          locatedIn: null,
          capitalOf: null,
          partOf: []
        })
      const state = entities.get(`country:${country.cca3}`)!
      if (!state.partOf.includes(id)) entities.set(state.id, { ...state, partOf: [...state.partOf, id] })
    }
  }
}

/**
 * A gazetteer entry's demonyms: its own; else a location keeps those it had (a region); else a region's name
 * ("Central Asia") gives its adjective ("Central Asian").
 */
const gazetteerDemonyms = (entry: GazetteerEntry, known: GazEntity | undefined): ReadonlyArray<string> =>
  entry.demonyms ??
  (entry.type === "location" && known
    ? known.demonyms
    : entry.type === "location" &&
        /(ia|a|e)$/.test(entry.name) &&
        /^[A-Z]/.test(entry.name) &&
        entry.name.split(" ").length <= 2 &&
        /asia|europe|africa|america|caucasus/i.test(entry.name)
      ? [regionAdjective(entry.name)]
      : [])

/** The gazetteer files' entities, replacing any of the same id. */
const addGazetteer = (entities: Map<string, GazEntity>, gaz: ReadonlyArray<GazetteerEntry>): void => {
  for (const entry of gaz)
    entities.set(entry.id, {
      id: entry.id,
      type: entry.type,
      name: entry.name,
      aliases: uniq([entry.name, ...entry.aliases]),
      demonyms: gazetteerDemonyms(entry, entities.get(entry.id)),
      iso2: entry.iso2 ?? null,
      iso3: entry.iso3 ?? null,
      wikidata: entry.wikidata ?? null,
      positions: entry.positions ?? [],
      locatedIn: entry.located_in ?? null,
      capitalOf: entry.capital_of ?? null,
      partOf: entry.part_of ?? []
    })
}

/** The names and demonyms of every entity as phrase tries (case-sensitive unless the entry says otherwise). */
const nameTries = (entities: ReadonlyMap<string, GazEntity>, gaz: ReadonlyArray<GazetteerEntry>) => {
  const names = new PhraseTrie<string>()
  const demonyms = new PhraseTrie<string>()
  const caseInsensitive = new Set(gaz.filter((entry) => entry.case_insensitive).map((entry) => entry.id))
  for (const entity of entities.values()) {
    for (const alias of entity.aliases) names.add(alias, entity.id, !caseInsensitive.has(entity.id))
    for (const demonym of entity.demonyms) demonyms.add(demonym, entity.id, true)
  }
  return { names, demonyms }
}

/** Load and compile every lexicon in `dir`. Throws LexiconInvalid on a bad file. */
export const loadLexicons = (dir: string = LEXICON_DIR): LexiconBundle => {
  const read = readLexiconEntries(dir)
  const entities = countryEntities(read.overlays)
  addRegions(entities)
  addGazetteer(entities, read.gaz)
  const { names, demonyms } = nameTries(entities, read.gaz)
  const triggerTrie = new PhraseTrie<TriggerEntry>()
  for (const trigger of read.triggers) for (const form of uniq(trigger.forms)) triggerTrie.add(form, trigger, false)
  const titleTrie = new PhraseTrie<TitleEntry>()
  for (const title of read.titles)
    for (const form of uniq([title.title, ...title.forms])) titleTrie.add(form, title, false)
  return {
    entities,
    names,
    demonyms,
    triggers: triggerTrie,
    titles: titleTrie,
    modality: read.modality.map((entry) => ({
      entry,
      re: new RegExp(`\\b(?:${entry.pattern})\\b`, "i")
    })),
    cues: read.cues,
    hash: sha256(read.hashParts.join("\n")),
    provenance: read.provenance
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

/** English adjective of a region name: Asia → Asian, Europe → European, Caucasus → Caucasian. */
export const regionAdjective = (name: string): string =>
  name.endsWith("a")
    ? `${name}n`
    : name.endsWith("e")
      ? `${name}an`
      : name.endsWith("us")
        ? `${name.slice(0, -2)}ian`
        : `${name}n`

const uniq = (xs: ReadonlyArray<string | undefined>): Array<string> => [
  ...new Set(xs.filter((x): x is string => !!x && x.trim() !== ""))
]
