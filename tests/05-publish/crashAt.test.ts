/**
 * PIPELINE_CRASH_AT reaches publishing through Config and MainLayer: set, the build's Disk is one that stops at that
 * point (and only there); unset, it is node:fs as it is. The kill itself is exercised by
 * tests/reliability/crash.test.ts.
 */
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect } from "effect"
import { Disk, nodeDisk } from "../../pipeline/05-publish/disk.js"
import { MainLayer } from "../../pipeline/MainLayer.js"

/** The Disk a build gets from MainLayer under these environment variables. */
const diskWith = (env: Record<string, string>) =>
  Disk.pipe(Effect.provide(MainLayer), Effect.withConfigProvider(ConfigProvider.fromJson(env)))

describe("the crash hook", () => {
  it.effect("is off without PIPELINE_CRASH_AT: the Disk is node:fs as it is", () =>
    Effect.gen(function* () {
      expect(yield* diskWith({})).toBe(nodeDisk)
    })
  )

  it.effect("with PIPELINE_CRASH_AT, the Disk stops there and passes every other point", () =>
    Effect.gen(function* () {
      const disk = yield* diskWith({ PIPELINE_CRASH_AT: "before-latest" })
      expect(disk).not.toBe(nodeDisk)
      // the named point would SIGKILL this process; the others must not
      for (const point of ["files:1", "files:3", "before-rename", "after-rename"] as const) disk.reached(point)
      expect(disk.run("staging", "x", () => 42)).toBe(42)
    })
  )
})
