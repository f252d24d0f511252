/**
 * The content of a release: its creation date, and its data files (tables, texts) staged and hashed before its version
 * is decided.
 */
import { Effect } from "effect"
import { contentHash, writeContentFiles } from "../05-publish/files.js"
import type { Staging } from "../05-publish/Publish.js"
import { releaseDate, sourceDateEpoch } from "../Config.js"
import type { Built } from "../run/tables.js"
import type { Timings } from "../shared/timings.js"
import { staged } from "./storage.js"

/** The release's creation date: SOURCE_DATE_EPOCH's, else from the newest publication date of its sources. */
export const createdOf = (built: Built) =>
  Effect.map(sourceDateEpoch, (epoch) =>
    releaseDate(
      epoch,
      built.tables.sources
        .map((s) => s.published)
        .filter((p): p is string => p !== null)
        .sort()
        .pop() ?? null
    )
  )

/** Write the CSVs and texts into the staging directory and hash them (the content hash reads only them). */
export const stageContent = (staging: Staging, out: string, built: Built, timings: Timings) =>
  Effect.gen(function* () {
    yield* staged(staging, out, () => writeContentFiles(built.tables, built.texts, staging, timings))
    const content = timings.time("publish: content hash", () => contentHash(staging.files, built.rejected))
    timings.mark("csv")
    return content
  })
