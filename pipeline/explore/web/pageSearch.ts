/// <reference lib="dom" />
/** The search page: entities, events and sources whose names, summaries or quotes match every word of the query. */
import { COMMON_PAGES } from "../format.js"
import * as data from "./data.js"
import { h, link, num, put } from "./dom.js"
import { runQuery } from "./searchQuery.js"

const KINDS: Record<string, readonly [string, string]> = {
  ent: ["entity", "Entity"],
  evt: ["event", "Event"],
  src: ["source", "Source"]
}
const LIMIT = 100

/** Render the results for `query` into `main` (labels of the first LIMIT results are loaded). */
export const searchPage = async (main: HTMLElement, query: string): Promise<string> => {
  const { hits, common } = await runQuery(query, data.searchShards)
  const shown = hits.slice(0, LIMIT)
  const labels = await Promise.all(shown.map((hit) => data.label(hit.id)))
  const title = `Search: ${query}`
  put(
    main,
    h("h1", {}, title),
    h(
      "p",
      { role: "status" },
      hits.length === 0
        ? "Nothing found. Words match the start of words in names, aliases, summaries, titles and quotes."
        : `${num(hits.length)} found${hits.length > LIMIT ? `; the first ${LIMIT} shown` : ""}.`,
      common.length > 0
        ? ` In more than ${num(COMMON_PAGES)} events or sources, ${common.map((w) => `“${w}”`).join(", ")} filtered entities only.`
        : ""
    ),
    h(
      "ol",
      { class: "results" },
      shown.map((hit, i) => {
        const [route, kind] = KINDS[hit.id.slice(0, 3)] ?? ["entity", "Entity"]
        return h(
          "li",
          {},
          h("span", { class: "kind" }, kind),
          link(`${route}/${hit.id}`, labels[i]!),
          hit.byName ? "" : h("span", { class: "muted" }, " (in a quote)")
        )
      })
    )
  )
  return title
}
