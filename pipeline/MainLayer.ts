/**
 * The one place layers are composed: Node's file system, path and terminal services, and the Disk publishing goes
 * through (killed at PIPELINE_CRASH_AT when the crash tests set it).
 *
 * File access: two ways, each where it pays.
 * - `@effect/platform`'s FileSystem (provided here) in the Effect shells that read a run's input once per folder —
 *   the sources folder and its manifest (01-ingest), gold folders (eval/loadGold) — so a failure arrives as a value
 *   naming its path and becomes that file's tagged error, and a test can provide another FileSystem.
 * - `node:fs`, synchronously, everywhere else: per-article reads and the extraction cache (an asynchronous call
 *   costs the main thread 10× the call itself, 5 calls an article); publishing (05-publish), where every call is a
 *   named step of the Disk seam that fault injection (disk.ts) wraps and whose undo must run at once, inside the
 *   failing call's `catch`; readers of published releases (05-publish/base, diff, validate, eval's card), plain
 *   functions of a folder; the lexicon loader (a few files, read once, inside `Effect.try`); and the tools (bench, reliability,
 *   lexicons/generate, docs, ci), which are scripts.
 * Hot synchronous code is not wrapped in Effects: a shell calls it inside `Effect.try` and maps what it throws.
 */
import { NodeContext } from "@effect/platform-node"
import { Effect, Layer, Option } from "effect"
import { Disk, killedAt, nodeDisk } from "./05-publish/disk.js"
import { crashAt } from "./Config.js"

/** The Disk of a build: node:fs as it is, or, with PIPELINE_CRASH_AT set, one that kills the build there. */
const DiskLayer = Layer.effect(Disk, Effect.map(crashAt, Option.match({ onNone: () => nodeDisk, onSome: killedAt })))

/** Everything the CLI's effects need. */
export const MainLayer = Layer.merge(NodeContext.layer, DiskLayer)
