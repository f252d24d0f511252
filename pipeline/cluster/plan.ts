/**
 * The plan of a clustered build: what it reads and the key of the workflow that builds it, a pure function of its
 * inputs: every file of the sources folder (path and SHA-256), the code and lexicons (their hash), the options that
 * change what is written, the day the build takes as today, and the output folder (host and absolute path: another
 * folder is another build). The same command gives the same key, so it resumes the same workflow.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Effect, Option } from "effect"
import { sourceDateEpoch, today } from "../Config.js"
import { codeSha256 } from "../shared/codeHash.js"
import { compareStrings } from "../shared/compare.js"
import { sha256 } from "../shared/hash.js"
import { stableStringify } from "../shared/stableJson.js"
import type { Plan } from "./BuildWorkflow.js"

/** The inputs of a build that decide what it writes, as Build.ts gives them. */
export interface BuildInputs {
  readonly sources: string
  readonly out: string
  /** The options that change the release (version, strict, base, texts, memory), as plain data. */
  readonly options: Readonly<Record<string, unknown>>
}

/** Every regular file under `dir`, as its path relative to `dir` (with "/"), in path order; none when unreadable. */
const filesUnder = (dir: string): Array<string> => {
  try {
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<fs.Dirent>)
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort(compareStrings)
  } catch {
    // ingest says what is wrong with the folder, in the build
    return []
  }
}

/** The plan of `inputs` (reads every source file once). */
export const planOf = (inputs: BuildInputs) =>
  Effect.gen(function* () {
    const day = yield* Effect.orDie(today)
    const epoch = Option.getOrNull(yield* Effect.orDie(sourceDateEpoch))
    const out = `${os.hostname()}:${path.resolve(inputs.out)}`
    let bytes = 0
    const files = filesUnder(inputs.sources).map((f) => {
      const data = fs.readFileSync(path.join(inputs.sources, f))
      bytes += data.byteLength
      return [f, sha256(data)]
    })
    const key = sha256(stableStringify({ code: codeSha256(), files, options: inputs.options, today: day, epoch, out }))
    return { key, sources: path.resolve(inputs.sources), out, files: files.length, bytes } satisfies Plan
  })
