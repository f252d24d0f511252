/**
 * A published release's tables read back from its Arrow files and texts as a build holds them (rows as objects, the
 * evidence table built as resolution builds it): what the benches of single stages (explorer, diff, JSON-LD) feed them.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import type { Column, TableDef } from "../../schemas/Column.js"
import type { EvidenceRow, ReleaseTables } from "../../schemas/ReleaseTables.js"
import { TABLES } from "../../schemas/Tables.js"
import { evidenceBuilder } from "../04-resolve/evidenceTable.js"
import { readArrowTable } from "../diff/arrowTables.js"

/** A value as the build holds it, from arrow-js (dates come as epoch milliseconds, lists as vectors). */
const cellValue = (c: Column, v: unknown): unknown => {
  if (v === null || v === undefined) return null
  if (c.kind === "date") return new Date(v as number).toISOString().slice(0, 10)
  if (c.kind === "list") return [...(v as Iterable<string>)]
  return v
}

/** Every row of a table of release `dir` as an object, its columns read front to back. */
const rowsOf = (dir: string, name: string): Array<Record<string, unknown>> => {
  const def = TABLES.find((d) => d.name === name) as unknown as TableDef<Record<string, Column>>
  const t = readArrowTable(dir, name)
  if (t === null) throw new Error(`no data/${name}.arrow in ${dir}`)
  const rows = Array.from({ length: t.numRows }, () => ({}) as Record<string, unknown>)
  for (const [col, c] of Object.entries(def.columns)) {
    const v = t.getChild(col)
    if (v === null) continue
    let i = 0
    for (const x of v) rows[i++]![col] = cellValue(c, x)
  }
  return rows
}

/** The tables of release `dir`, the evidence table built as resolution builds it (quotes as spans of the texts). */
export const readReleaseRows = (dir: string): ReleaseTables => {
  const sources = rowsOf(dir, "sources")
  const texts = new Map(
    sources.map((s) => {
      const path = s.text_path as string | null
      const text = path === null ? "" : fs.readFileSync(nodePath.join(dir, path), "utf8")
      return [s.source_id as string, { sourceId: s.source_id as string, textSha256: s.text_sha256 as string, text }]
    })
  )
  const b = evidenceBuilder()
  for (const r of rowsOf(dir, "evidence") as Array<EvidenceRow>)
    b.add(
      r.evidence_id,
      r.row_id,
      r.row_table as Parameters<typeof b.add>[2],
      texts.get(r.source_id)!,
      { start: r.char_start, end: r.char_end, quote: r.quote },
      r.method,
      r.confidence,
      r
    )
  return {
    sources,
    entities: rowsOf(dir, "entities"),
    events: rowsOf(dir, "events"),
    event_participants: rowsOf(dir, "event_participants"),
    relations: rowsOf(dir, "relations"),
    evidence: b.finish()
  } as unknown as ReleaseTables
}
