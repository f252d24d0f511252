/**
 * What a build carries over from the releases before it: the event ids of the previous release
 * (by report key) and, for each source, the first release along the previous_version chain that
 * holds it.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import type { Vector } from "apache-arrow"
import { Effect } from "effect"
import { type PreviousEventIds, reportKey } from "../04-resolve/Resolve.js"
import { arrowFileBatches } from "../diff/arrowFile.js"
import { type Lineage, noLineage } from "../run/tables.js"
import { readManifest } from "./manifest.js"

/**
 * The previous release's event reports (for id carry-over), read from the columns of its evidence and events Arrow
 * files record batch by record batch from disk (never a whole file: the evidence of 10,000 articles is 460 MB): an
 * evidence row is skipped by its row_table's dictionary key, and only the cells of event rows are decoded. Each event
 * id is one string, shared by its reports' entries.
 */
export const previousEventIds = (releaseDir: string | null): PreviousEventIds => {
  const ids = new Map<string, string>()
  if (releaseDir === null) return ids
  const [evidence, events] = ["evidence", "events"].map((t) => nodePath.join(releaseDir, "data", `${t}.arrow`))
  if (!fs.existsSync(evidence!) || !fs.existsSync(events!)) return ids
  const eventOf = new Map<string, { id: string; type: string; trigger: string }>()
  for (const batch of arrowFileBatches(events!)) {
    const [eid, etype, etrigger] = ["event_id", "event_type", "trigger"].map((c) => batch.getChild(c)!)
    for (let i = 0; i < batch.numRows; i++) {
      const id = eid!.get(i) as string
      eventOf.set(id, {
        id,
        type: etype!.get(i) as string,
        trigger: (etrigger!.get(i) as string | null) ?? ""
      })
    }
  }
  for (const batch of arrowFileBatches(evidence!)) {
    const [table, rowId, source, start, end] = ["row_table", "row_id", "source_id", "char_start", "char_end"].map(
      (c) => batch.getChild(c)!
    )
    const { keys, key: eventsKey } = dictionaryKeys(table!, "events")
    if (eventsKey < 0) continue
    for (let i = 0; i < batch.numRows; i++) {
      if (keys(i) !== eventsKey) continue
      const e = eventOf.get(rowId!.get(i) as string)
      if (e)
        ids.set(
          reportKey(source!.get(i) as string, start!.get(i) as number, end!.get(i) as number, e.type, e.trigger),
          e.id
        )
    }
  }
  return ids
}

/**
 * The dictionary keys of a batch's dictionary-encoded column (`keys(i)`, row i's key) and the key of `value` (-1 when
 * the dictionary does not hold it).
 */
const dictionaryKeys = (v: Vector, value: string): { keys: (i: number) => number; key: number } => {
  const data = v.data[0]!
  const values = data.values as Int32Array
  const at = data.offset
  let key = -1
  const dictionary = data.dictionary
  if (dictionary)
    for (let k = 0; k < dictionary.length; k++)
      if (dictionary.get(k) === value) {
        key = k
        break
      }
  return { keys: (i) => values[at + i]!, key }
}

/** For each source id, the index of the first release (oldest first) along the previous_version chain that holds it. */
export const firstReleases = Effect.fn("Release.firstReleases")(function* (releaseDir: string | null) {
  // newest first, as the chain is walked
  const chain: Array<{ readonly sources: ReadonlyArray<{ readonly source_id: string }> }> = []
  for (let dir = releaseDir; dir !== null && fs.existsSync(nodePath.join(dir, "manifest.json")); ) {
    const manifest = yield* readManifest(dir)
    chain.push({ sources: manifest.sources })
    dir = manifest.previous_version ? nodePath.join(nodePath.dirname(dir), manifest.previous_version) : null
  }
  const first = new Map<string, number>()
  chain.reverse().forEach((manifest, i) => {
    for (const s of manifest.sources) if (!first.has(s.source_id)) first.set(s.source_id, i)
  })
  return first
})

/** The lineage of a build after the release in `releaseDir` (null: a first release). */
export const lineageOf = (releaseDir: string | null): Effect.Effect<Lineage> =>
  releaseDir === null
    ? Effect.succeed(noLineage)
    : Effect.map(firstReleases(releaseDir), (first) => ({
        previousEventIds: previousEventIds(releaseDir),
        firstReleases: first
      }))
