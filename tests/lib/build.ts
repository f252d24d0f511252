/** The seeds built into a folder as a test needs them: the build command with its defaults and Node's services. */
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { type Built, buildTables } from "../../pipeline/run/tables.js"
import { repoRoot } from "./tmp.js"

/** `build --sources seeds --out <out>` (strict unless told), with Node's file system. */
export const buildSeeds = (out: string, options: { readonly strict?: boolean } = {}) =>
  build({ sources: join(repoRoot, "seeds"), out, version: Option.none(), strict: options.strict ?? true }).pipe(
    Effect.provide(NodeContext.layer)
  )

/** The seeds' tables as resolution makes them (no release written: a build lets each table go once written). */
export const seedsTables = () => buildTables(join(repoRoot, "seeds")).pipe(Effect.provide(NodeContext.layer))

/** Release metadata with fixed values for writing `built`'s files in a test (version 9.9.9, no previous release). */
export const fixedMeta = (built: Built, extra: ReadonlyMap<string, Uint8Array> = new Map()) => ({
  version: "9.9.9",
  previousVersion: null,
  created: "2026-01-01",
  lexiconHash: built.lexiconHash,
  codeSha256: "0".repeat(64),
  rejected: [],
  texts: built.texts,
  extra
})
