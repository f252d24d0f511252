// Load the newest release in Node with apache-arrow and join events with participants and
// entities. Run from the repository root: node examples/load.mjs
import { readFileSync } from "node:fs"
import { tableFromIPC } from "apache-arrow"

const latest = JSON.parse(readFileSync("dist/latest.json", "utf8"))
const read = (t) => tableFromIPC(readFileSync(`dist/${latest.path}/data/${t}.arrow`))
const rows = (t) => read(t).toArray().map((r) => r.toJSON())

const entities = new Map(rows("entities").map((e) => [e.entity_id, e]))
const events = new Map(rows("events").map((e) => [e.event_id, e]))
const byEvent = new Map()
for (const p of rows("event_participants")) byEvent.set(p.event_id, [...(byEvent.get(p.event_id) ?? []), p])

console.log(`release ${latest.version}: ${events.size} events, ${entities.size} entities`)
for (const [id, e] of [...events].filter(([, e]) => e.source_count > 1).slice(0, 5)) {
  const who = (byEvent.get(id) ?? []).map((p) => `${p.role}:${entities.get(p.entity_id).name}`).join(", ")
  console.log(`${e.event_type} ${e.date ?? "undated"} (${e.modality}, ${e.source_count} sources): ${who}`)
}
