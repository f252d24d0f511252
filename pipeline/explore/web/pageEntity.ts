/// <reference lib="dom" />
/** The entity page: type, aliases, ISO and Wikidata links, a timeline of its events, its relations, its sources. */
import type { EntityRecord } from "../format.js"
import * as data from "./data.js"
import { facts, h, link, num, put, table } from "./dom.js"
import { dateText } from "./pageEvent.js"
import { daysOf, laneLayout, type Mark } from "./timeline.js"

const external = (href: string, text: string) => h("a", { href, rel: "external noopener" }, text)

const ids = (e: EntityRecord) =>
  [
    e.iso2 ? external(`https://www.iso.org/obp/ui/#iso:code:3166:${e.iso2}`, `ISO ${e.iso2}`) : null,
    e.iso3 ? h("span", { class: "chip" }, e.iso3) : null,
    e.qid ? external(`https://www.wikidata.org/wiki/${e.qid}`, `Wikidata ${e.qid}`) : null
  ].filter((x) => x !== null)

/** The chart module, bundled apart as chart.js (bundle.ts). */
type Chart = typeof import("./plotTimeline.js")

/** The timeline figure; the chart's bundle (Plot) is loaded only here, when there are dated events. */
const timeline = async (e: EntityRecord): Promise<HTMLElement | null> => {
  const marks: Array<Mark> = []
  for (const [id, , , date, end, precision, , summary] of e.events) {
    const days = daysOf(date, end)
    if (days !== null)
      marks.push({ days, precision, label: `${summary} (${dateText(date, end, precision)})`, href: `#/event/${id}` })
  }
  if (marks.length === 0) return null
  // by URL, not by module path: the bundler leaves it to the browser, which loads chart.js beside app.js
  const { plotTimeline, PLOT_WIDTH } = (await import(new URL("chart.js", import.meta.url).href)) as Chart
  const layout = laneLayout(
    marks.map((m) => m.days),
    PLOT_WIDTH
  )
  return h(
    "figure",
    {},
    plotTimeline(marks, layout, `Timeline of the ${marks.length} dated events of ${e.name}`),
    h(
      "figcaption",
      { class: "muted" },
      `${marks.length} dated of ${e.events.length} events. A date is drawn at its precision: a point a day, a bar a `,
      "month or a year (darker: more precise), or an interval. Each mark links to its event; the table below lists ",
      "every event, undated ones too."
    )
  )
}

/** Render entity `id` into `main`. */
export const entityPage = async (main: HTMLElement, id: string): Promise<string> => {
  const e = await data.entity(id)
  if (e === null) throw new Error(`no entity ${id} in this release`)
  const idLinks = ids(e)
  put(
    main,
    h("h1", {}, e.name),
    facts([
      ["Type", e.type.replace("_", " ")],
      ["Aliases", e.aliases.length > 0 ? e.aliases.map((a) => h("span", { class: "chip" }, a)) : null],
      ["Identifiers", idLinks.length > 0 ? idLinks.flatMap((x, i) => (i > 0 ? [" · ", x] : [x])) : null],
      ["Sources", `${num(e.sources)} (${num(e.mentions)} mentions)`],
      ["Found by", `${e.detection}, confidence ${e.confidence}`],
      ["Id", h("code", {}, e.id)]
    ]),
    h("h2", {}, `Events (${num(e.eventCount)})`),
    e.events.length < e.eventCount
      ? h("p", { class: "muted" }, `The ${num(e.events.length)} with the most sources are shown (then the latest).`)
      : null,
    await timeline(e),
    table(
      `Events with ${e.name} as a participant, by date`,
      ["Date", "Type", "Role", "Event", "Modality"],
      e.events.map(([eid, role, type, date, end, precision, modality, summary]) => [
        dateText(date, end, precision),
        type.replace("_", " "),
        role,
        link(`event/${eid}`, summary),
        modality
      ])
    ),
    h("h2", {}, `Relations (${num(e.relations.length)})`),
    e.relations.length === 0
      ? h("p", { class: "muted" }, "No relation stated in the sources.")
      : table(
          `Relations of ${e.name}`,
          ["Relation", "With", "Title", "Sources"],
          e.relations.map(([, predicate, dir, other, name, title, sources]) => [
            dir === "out" ? predicate.replaceAll("_", " ") : `${predicate.replaceAll("_", " ")} (of ${e.name})`,
            link(`entity/${other}`, name),
            title ?? "",
            num(sources)
          ]),
          [3]
        )
  )
  return e.name
}
