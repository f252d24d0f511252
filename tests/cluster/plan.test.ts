/**
 * The key of a clustered build's workflow (pipeline/cluster/plan.ts) is a pure function of its inputs: the same inputs
 * give the same key (a command run again resumes its workflow); a changed source byte, option or output folder gives
 * another.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type BuildInputs, planOf } from "../../pipeline/cluster/plan.js"
import { tmpDir } from "../lib/tmp.js"

const keyOf = (inputs: BuildInputs) => Effect.map(planOf(inputs), (p) => p.key)

describe("a clustered build's plan", () => {
  it.effect("the same inputs, the same key; any changed input, another", () =>
    Effect.gen(function* () {
      const sources = tmpDir("car-plan-")
      writeFileSync(join(sources, "a.txt"), "One article.\n")
      writeFileSync(join(sources, "b.txt"), "Another article.\n")
      const inputs: BuildInputs = { sources, out: "/tmp/car-plan-out", options: { strict: false, texts: "full" } }
      const plan = yield* planOf(inputs)
      expect([plan.files, plan.bytes, plan.key]).toEqual([2, 30, expect.stringMatching(/^[0-9a-f]{64}$/)])
      expect(yield* keyOf(inputs)).toBe(plan.key)
      expect(yield* keyOf({ ...inputs, out: "/tmp/car-plan-other" })).not.toBe(plan.key)
      expect(yield* keyOf({ ...inputs, options: { strict: true, texts: "full" } })).not.toBe(plan.key)
      writeFileSync(join(sources, "b.txt"), "Another article!\n")
      expect(yield* keyOf(inputs)).not.toBe(plan.key)
    })
  )
})
