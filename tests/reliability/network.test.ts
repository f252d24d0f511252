/**
 * No network, ever: with fetch, http(s).request/get, net.connect/createConnection and dns.lookup
 * replaced by functions that record and throw, a full build and validate (and the JSON-LD
 * expansion inside the test suite) make no attempt to connect.
 */

import dns from "node:dns"
import http from "node:http"
import https from "node:https"
import net from "node:net"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { validateRelease } from "../../pipeline/validate/checks.js"
import { checkDataPackage } from "../../pipeline/validate/datapackage.js"
import { buildSeeds } from "../lib/build.js"
import { tmpDir } from "../lib/tmp.js"

const attempts: Array<string> = []
const saved: Array<[object, string, unknown]> = []
const block = (obj: object, key: string) => {
  saved.push([obj, key, (obj as Record<string, unknown>)[key]])
  ;(obj as Record<string, unknown>)[key] = (...args: Array<unknown>) => {
    attempts.push(`${key}(${String(args[0]).slice(0, 60)})`)
    throw new Error(`network disabled in this test: ${key}`)
  }
}

beforeAll(() => {
  block(globalThis, "fetch")
  for (const m of [http, https]) {
    block(m, "request")
    block(m, "get")
  }
  block(net, "connect")
  block(net, "createConnection")
  block(dns, "lookup")
  block(dns, "resolve")
})
afterAll(() => {
  for (const [obj, key, fn] of saved.reverse()) (obj as Record<string, unknown>)[key] = fn
})

describe("no network", () => {
  // live: a build reads the clock ("today", for future publication dates)
  it.live("build and validate run with the network disabled and try nothing", () =>
    Effect.gen(function* () {
      const out = tmpDir()
      yield* buildSeeds(out)
      expect(validateRelease(join(out, "1.0.0"))).toEqual([])
      expect(checkDataPackage(join(out, "1.0.0"))).toEqual([])
      expect(attempts).toEqual([])
    })
  )

  it("the blocks are real: a fetch is recorded and refused", async () => {
    const before = attempts.length
    await expect(async () => fetch("https://example.org/")).rejects.toThrow(/network disabled/)
    expect(attempts.length).toBe(before + 1)
    attempts.length = before
  })
})
