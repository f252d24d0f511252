/**
 * The content of a release: its creation date, and its data files (tables, texts) staged and hashed before its version
 * is decided.
 */
import { Effect } from "effect"
import { contentHash, writeContentFiles } from "../05-publish/files.js"
import type { Staging } from "../05-publish/Publish.js"
import { newestStatedDate } from "../05-publish/releaseDate.js"
import { releaseDate, sourceDateEpoch } from "../Config.js"
import type { Built } from "../run/tables.js"
import type { Timings } from "../shared/timings.js"
import { staged } from "./storage.js"

/** The release's creation date: SOURCE_DATE_EPOCH's, else the newest publication date its sources state. */
export const createdOf = (built: Built) =>
  Effect.map(sourceDateEpoch, (epoch) => releaseDate(epoch, newestStatedDate(built.tables.sources)))

/** Write the CSVs and texts into the staging directory and hash them (the content hash reads only them). */
export const stageContent = (staging: Staging, out: string, built: Built, timings: Timings) =>
  Effect.gen(function* () {
    yield* staged(staging, out, () => writeContentFiles(built.tables, built.texts, staging, timings))
    const content = timings.time("publish: content hash", () => contentHash(staging.files, built.rejected))
    timings.mark("csv")
    return content
  })
