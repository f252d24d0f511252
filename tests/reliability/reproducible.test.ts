/**
 * Reproducible anywhere: the seeds built under other time zones, locales, working directories
 * and source orders (files copied into the folder in reverse order) give byte-identical releases.
 */
import { describe, expect, it } from "vitest"
import { buildsAnywhere } from "../lib/crash.js"

describe("reproducible builds", () => {
  it("TZ, LANG/LC_ALL, working directory and source order change no byte", async () => {
    const [first, ...rest] = await buildsAnywhere()
    expect(Object.keys(first!).length).toBeGreaterThan(20)
    for (const t of rest) expect(t).toEqual(first)
  }, 180_000)
})
