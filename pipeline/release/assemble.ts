/**
 * Every file of a release but the content files: the release files, with changes.json and CHANGELOG.md against the
 * previous release.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import type { ReleaseTables, Rows } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { type PublishBudget, writeReleaseFiles } from "../05-publish/files.js"
import type { FileSink } from "../05-publish/sink.js"
import { readReleaseTables } from "../diff/arrowTables.js"
import { csvFileTable } from "../diff/csvFile.js"
import { cellLookup, diffTables, emitChangelog, labeller, type TableTexts } from "../diff/diff.js"
import { writeExplorer } from "../explore/write.js"
import type { Built } from "../run/tables.js"
import { stableStringifyTo } from "../shared/stableJson.js"
import { noTimings, type Timings } from "../shared/timings.js"
import type { Previous } from "./base.js"
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
  const changelogBytes = timings.time("diff", () => {
    // the new tables as the CSV cells they are written as, without decoding the CSV files again;
    // their lines as written, read back from the sink's files
    const newTables: TableTexts = new Map(
      TABLES.map((d) => {
        const lookup = cellLookup(
          d as unknown as TableDef<Record<string, Column>>,
          built.tables[d.name as keyof ReleaseTables] as Rows<Record<string, unknown>>
        )
        const written = sink.onDisk?.(`data/${d.name}.csv`) ?? null
        return [d.name, written === null ? lookup : { ...lookup, ...csvFileTable(written) }]
      })
    )
    const oldTables: TableTexts = previous ? readReleaseTables(previous.dir) : new Map()
    const diffed = diffTables({ version: previous?.version ?? null, tables: oldTables }, { version, tables: newTables })
    // built with --base none while a release was there: the changelog says it was not compared
    const changes = baseSkipped === null ? diffed : { ...diffed, base_skipped: baseSkipped }
    // streamed into their files, never held while the tables are written (a large first release lists every row)
    sink.stream("changes.json", (push) => stableStringifyTo(changes, push))
    const labels = labeller(newTables, oldTables)
    sink.stream("CHANGELOG.md", (push) => emitChangelog(changes, labels, push))
    return sink.files.get("CHANGELOG.md")!.bytes
  })
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
