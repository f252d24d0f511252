/**
 * The one place layers are composed: Node's file system, path and terminal services, and the Disk publishing goes
 * through (killed at PIPELINE_CRASH_AT when the crash tests set it).
 *
 * File access — the rule, written once here. What decides is where a failure goes:
 * - `@effect/platform`'s FileSystem (provided here) where an Effect shell turns a failed read into a tagged error
 *   naming the file: the sources folder and its manifest (01-ingest's ingestFolder), gold folders (eval/loadGold).
 *   The failure arrives as a value with its path, and a test can provide another FileSystem.
 * - `node:fs`, synchronously, everywhere else:
 *   - hot per-file work: an article's reads in ingest and the extraction cache (an asynchronous call costs the main
 *     thread about 10× the call itself, and an article makes 5);
 *   - publishing (05-publish): every call is a named step of the Disk seam (disk.ts) that fault injection wraps, and
 *     what was done is undone at once, inside the failing call's `catch`;
 *   - readers of published releases (05-publish/base, diff, validate, eval's card) and the lexicon loader: plain
 *     functions of a folder, called from synchronous code too (validate lists problems as values, not failures);
 *   - existence checks, and writers of repository files (`card --write`) and the tools (bench, reliability,
 *     lexicons/generate, docs, ci), which are scripts.
 * Synchronous code is not rewritten into Effects for this: the shell wraps it and maps what it throws.
 */
import { NodeContext } from "@effect/platform-node"
import { Console, Effect, Layer, Option } from "effect"
import { Disk, killedAt, nodeDisk } from "./05-publish/disk.js"
import { crashAt } from "./Config.js"

/** The Disk of a build: node:fs as it is, or, with PIPELINE_CRASH_AT set, one that kills the build there. */
const DiskLayer = Layer.effect(Disk, Effect.map(crashAt, Option.match({ onNone: () => nodeDisk, onSome: killedAt })))

const ANSI = /\u001b\[[0-9;]*m/g

/** Strip ANSI colour codes from what a console call prints. */
const plain = (args: ReadonlyArray<unknown>): Array<unknown> =>
  args.map((a) => (typeof a === "string" ? a.replace(ANSI, "") : a))

/**
 * Help and messages without colour codes when stdout is not a terminal (a pipe, a file, CI) or NO_COLOR is set
 * (https://no-color.org): @effect/cli renders them with ANSI codes, which would land in the file.
 */
const ConsoleLayer = Layer.unwrapEffect(
  Effect.map(Effect.console, (c) =>
    process.stdout.isTTY === true && (process.env.NO_COLOR ?? "") === ""
      ? Layer.empty
      : Console.setConsole({
          ...c,
          log: (...args) => c.log(...plain(args)),
          error: (...args) => c.error(...plain(args)),
          unsafe: {
            ...c.unsafe,
            log: (...args) => c.unsafe.log(...plain(args)),
            error: (...args) => c.unsafe.error(...plain(args))
          }
        })
  )
)

/** Everything the CLI's effects need. */
export const MainLayer = Layer.mergeAll(NodeContext.layer, DiskLayer, ConsoleLayer)
