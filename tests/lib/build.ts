/** The seeds built into a folder as a test needs them: the build command with its defaults and Node's services. */
import { join } from "node:path"
import { NodeContext } from "@effect/platform-node"
import { Effect, Option } from "effect"
import { build } from "../../pipeline/Build.js"
import { repoRoot } from "./tmp.js"

/** `build --sources seeds --out <out>` (strict unless told), with Node's file system. */
export const buildSeeds = (out: string, options: { readonly strict?: boolean } = {}) =>
  build({ sources: join(repoRoot, "seeds"), out, version: Option.none(), strict: options.strict ?? true }).pipe(
    Effect.provide(NodeContext.layer)
  )
