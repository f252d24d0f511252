/**
 * Every file of a release but the content files: the release files, with changes.json and CHANGELOG.md against the
 * previous release.
 */
import { type PublishBudget, writeReleaseFiles } from "../05-publish/files.js"
import type { FileSink } from "../05-publish/sink.js"
import { writeExplorer } from "../explore/write.js"
import type { Built } from "../run/tables.js"
import { noTimings, type Timings } from "../shared/timings.js"
import type { Previous } from "./base.js"
import { writeChanges } from "./changes.js"
import type { ReleaseMeta } from "./meta.js"

/**
 * Write every file of release `version` but the content files (already in `sink`, see writeContentFiles), with
 * changes.json and CHANGELOG.md against the previous release; `budget` bounds the memory of writing the tables.
 * Asynchronous: the explorer's generation gives the event loop a turn between its batches.
 */
export const assemble = async (
  built: Built,
  meta: ReleaseMeta,
  previous: Previous | null,
  version: string,
  sink: FileSink,
  timings: Timings = noTimings,
  baseSkipped: string | null = null,
  budget: PublishBudget = {}
) => {
  const changelogBytes = timings.time("diff", () => writeChanges(built.tables, previous, version, sink, baseSkipped))
  timings.mark("diff")
  // the explorer (explorer/): a static page over this release's tables, listed and hashed like every file
  const release = {
    version,
    created: meta.created,
    previousVersion: meta.previousVersion,
    quality: meta.extra.has("quality.json"),
    changelogBytes
  }
  await writeExplorer(built.tables, release, sink, timings)
  writeReleaseFiles(built.tables, { ...meta, version }, sink, timings, undefined, budget)
}
