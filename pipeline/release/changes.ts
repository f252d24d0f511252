/**
 * The diff stage of a build: changes.json and CHANGELOG.md of a release against the previous one, streamed into the
 * sink. The new tables are the rows resolve made (their CSV lines read back from the files just written); the previous
 * release is read from its files.
 */
import type { Column, TableDef } from "../../schemas/Column.js"
import type { ReleaseTables, Rows } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import type { FileSink } from "../05-publish/sink.js"
import { readReleaseTables } from "../diff/arrowTables.js"
import { csvFileTable } from "../diff/csvFile.js"
import { cellLookup, diffTables, emitChangelog, labeller, type TableTexts } from "../diff/diff.js"
import { stableStringifyTo } from "../shared/stableJson.js"
import type { Previous } from "./base.js"

/**
 * Write changes.json and CHANGELOG.md of release `version` (tables `tables`) against `previous` into `sink`; the size
 * of CHANGELOG.md in bytes.
 */
export const writeChanges = (
  tables: ReleaseTables,
  previous: Previous | null,
  version: string,
  sink: FileSink,
  baseSkipped: string | null = null
): number => {
  // the new tables as the CSV cells they are written as, without decoding the CSV files again;
  // their lines as written, read back from the sink's files
  const newTables: TableTexts = new Map(
    TABLES.map((d) => {
      const lookup = cellLookup(
        d as unknown as TableDef<Record<string, Column>>,
        tables[d.name as keyof ReleaseTables] as Rows<Record<string, unknown>>
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
}
