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
    "world-countries 5.1.0 (npm; mledoze/countries): names, ISO 3166 codes, capitals, demonyms and regions of every state",
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
  { file: Schema.String, line: Schema.Int, detail: Schema.String },
  {
    code: "lexicon-invalid",
    stage: "extract",
    effect: "build stops",
    message: "{file}:{line}: {detail}",
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

/** Load and compile every lexicon in `dir`. Throws LexiconInvalid on a bad file. */
export const loadLexicons = (dir: string = LEXICON_DIR): LexiconBundle => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort(compareStrings)
  const hashParts: Array<string> = [PIPELINE_VERSION, "world-countries@5.1.0"]
  const gaz: Array<GazetteerEntry> = []
  const overlays: Array<GazetteerEntry> = []
  const triggers: Array<TriggerEntry> = []
  const modality: Array<ModalityCue> = []
  const titles: Array<TitleEntry> = []
  const cues = new Map<string, Set<string>>()
  const provenance: Array<LexiconProvenance> = [WORLD_COUNTRIES]
  for (const f of files) {
    const path = join(dir, f)
    const fileHash = sha256(readFileSync(path))
    hashParts.push(f, fileHash)
    const { header, entries } = readLexiconFile(path)
    provenance.push({
      file: `pipeline/lexicons/${f}`,
      name: header.name,
      version: header.version,
      kind: header.kind,
      source: header.source,
      licence: header.licence,
      sha256: fileHash
    })
    for (const e of entries) {
      if (header.kind === "gazetteer") (f.startsWith("countries") ? overlays : gaz).push(e as GazetteerEntry)
      else if (header.kind === "triggers") triggers.push(e as TriggerEntry)
      else if (header.kind === "modality") modality.push(e as ModalityCue)
      else if (header.kind === "titles") titles.push(e as TitleEntry)
      else {
        const c = e as CueEntry
        const set = cues.get(c.list) ?? new Set<string>()
        for (const w of c.words) set.add(normWord(w))
        cues.set(c.list, set)
      }
    }
  }

  // a demonym shared by several states ("American" for the US and its territories) names none of
  // them unless the overlay claims it; territories (non-independent) get no demonyms
  const demonymCount = new Map<string, number>()
  for (const c of worldCountries)
    if (c.independent)
      for (const d of new Set(c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : []))
        demonymCount.set(d, (demonymCount.get(d) ?? 0) + 1)
  const entities = new Map<string, GazEntity>()
  const overlayById = new Map(overlays.map((o) => [o.id, o]))
  for (const c of worldCountries) {
    const id = `country:${c.cca3}`
    const o = overlayById.get(id)
    const dem =
      c.independent && c.demonyms?.eng
        ? [c.demonyms.eng.m, c.demonyms.eng.f].filter((d) => demonymCount.get(d) === 1)
        : []
    entities.set(id, {
      id,
      // dependent territories (Greenland, Puerto Rico) are places, not sovereign states
      type: c.independent ? "country" : "location",
      name: o?.name ?? c.name.common,
      aliases: uniq([o?.name, c.name.common, c.name.official, ...(o?.aliases ?? [])]),
      demonyms: uniq([...dem, ...(o?.demonyms ?? [])]),
      iso2: c.cca2,
      iso3: c.cca3,
      wikidata: o?.wikidata ?? null,
      positions: [],
      locatedIn: null,
      capitalOf: null,
      partOf: o?.part_of ?? []
    })
  }
  // regions and subregions of world-countries become locations that their countries are part of
  for (const c of worldCountries) {
    for (const r of [c.subregion, c.region].filter((x): x is string => !!x && x !== "")) {
      const id = `location:${slug(r)}`
      if (!entities.has(id))
        entities.set(id, {
          id,
          type: "location",
          name: r,
          aliases: [r],
          demonyms: [regionAdjective(r)],
          iso2: null,
          iso3: null,
          wikidata: null,
          positions: [],
          locatedIn: null,
          capitalOf: null,
          partOf: []
        })
      const country = entities.get(`country:${c.cca3}`)!
      if (!country.partOf.includes(id))
        entities.set(country.id, {
          ...country,
          partOf: [...country.partOf, id]
        })
    }
  }
  for (const g of gaz) {
    const prev = entities.get(g.id)
    entities.set(g.id, {
      id: g.id,
      type: g.type,
      name: g.name,
      aliases: uniq([g.name, ...g.aliases]),
      demonyms:
        g.demonyms ??
        (g.type === "location" && prev
          ? prev.demonyms
          : g.type === "location" &&
              /(ia|a|e)$/.test(g.name) &&
              /^[A-Z]/.test(g.name) &&
              g.name.split(" ").length <= 2 &&
              /asia|europe|africa|america|caucasus/i.test(g.name)
            ? [regionAdjective(g.name)]
            : []),
      iso2: g.iso2 ?? null,
      iso3: g.iso3 ?? null,
      wikidata: g.wikidata ?? null,
      positions: g.positions ?? [],
      locatedIn: g.located_in ?? null,
      capitalOf: g.capital_of ?? null,
      partOf: g.part_of ?? []
    })
  }

  const names = new PhraseTrie<string>()
  const demonyms = new PhraseTrie<string>()
  const caseInsensitive = new Set(gaz.filter((g) => g.case_insensitive).map((g) => g.id))
  for (const e of entities.values()) {
    for (const a of e.aliases) names.add(a, e.id, !caseInsensitive.has(e.id))
    for (const d of e.demonyms) demonyms.add(d, e.id, true)
  }
  const triggerTrie = new PhraseTrie<TriggerEntry>()
  for (const t of triggers) for (const f of uniq(t.forms)) triggerTrie.add(f, t, false)
  const titleTrie = new PhraseTrie<TitleEntry>()
  for (const t of titles) for (const f of uniq([t.title, ...t.forms])) titleTrie.add(f, t, false)

  return {
    entities,
    names,
    demonyms,
    triggers: triggerTrie,
    titles: titleTrie,
    modality: modality.map((entry) => ({
      entry,
      re: new RegExp(`\\b(?:${entry.pattern})\\b`, "i")
    })),
    cues,
    hash: sha256(hashParts.join("\n")),
    provenance
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
