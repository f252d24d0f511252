import { readFileSync } from "node:fs"
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { GoldFileInvalid } from "../../pipeline/eval/errors.js"
import { decodeGold, loadGold } from "../../pipeline/eval/loadGold.js"

const BAD = join(import.meta.dirname, "fixtures", "bad-gold")

describe("loadGold", () => {
  it.effect("decodes every real gold file (seeds and dev corpus)", () =>
    Effect.gen(function* () {
      const seeds = yield* loadGold("/work/shared/gold/seeds")
      const dev = yield* loadGold("/work/shared/corpus/dev/gold")
      expect([seeds.length, dev.length, seeds[0]!.doc, dev[0]!.doc]).toEqual([
        5,
        13,
        "000_d64e70e623de734b.txt",
        "d01_c5plus1-white-house-summit.txt"
      ])
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("names the first bad file of a folder", () =>
    Effect.gen(function* () {
      const e = yield* Effect.flip(loadGold(BAD))
      expect(e instanceof GoldFileInvalid ? [e._tag, e.code, e.file] : [e._tag]).toEqual([
        "GoldFileInvalid",
        "gold-file-invalid",
        join(BAD, "bad-type.txt.gold.json")
      ])
    }).pipe(Effect.provide(NodeContext.layer))
  )

  it.effect("each defect is a GoldFileInvalid with a message naming the file", () =>
    Effect.gen(function* () {
      const names = ["bad-type", "missing-events", "not-json", "wrong-doc"].map((n) => `${n}.txt.gold.json`)
      const results = yield* Effect.forEach(names, (n) =>
        Effect.either(decodeGold(n, readFileSync(join(BAD, n), "utf8")))
      )
      expect(
        results.map((r) =>
          Either.isLeft(r)
            ? [r.left.file, r.left.code, r.left.message.startsWith(`gold file ${r.left.file} is invalid: `)]
            : "ok"
        )
      ).toEqual(names.map((n) => [n, "gold-file-invalid", true]))
      const details = results.map((r) => (Either.isLeft(r) ? r.left.detail : ""))
      expect(details[0]).toBe(
        'entities.0.type: Expected "person" | "country" | "organization" | "location" | "initiative" | "legislation" | "commodity" | "named_event", actual "politician"'
      )
      expect([
        details[0]!.includes("entities.0.type"),
        details[1]!.includes("events"),
        details[2]!.startsWith("not JSON"),
        details[3]!.includes("another.txt")
      ]).toEqual([true, true, true, true])
    })
  )
})
