/**
 * The build's scratch file: values come back as the plain data put, in any order, and the file is gone afterwards.
 */
import * as fs from "node:fs"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { type Spilled, withSpill } from "../../pipeline/run/spill.js"

describe("withSpill", () => {
  it("gives back each value put, and removes its folder", async () => {
    const values = [{ a: 1, b: ["x", "ü—€"], c: null }, "text with\nlines", [0.1 + 0.2, -1e-9, 3]]
    let folders: Array<string> = []
    const back = await Effect.runPromise(
      withSpill((spill) =>
        Effect.sync(() => {
          const at: Array<Spilled<unknown>> = values.map((v) => spill.put(v))
          folders = fs.readdirSync("/proc/self/fd").flatMap((fd) => {
            try {
              const p = fs.readlinkSync(`/proc/self/fd/${fd}`)
              return p.includes("car-spill-") ? [p] : []
            } catch {
              return []
            }
          })
          return [...at].reverse().map((w) => spill.get(w))
        })
      )
    )
    expect(back).toEqual([...values].reverse())
    expect(folders.length).toBe(1)
    expect(fs.existsSync(folders[0]!)).toBe(false)
  })
})
