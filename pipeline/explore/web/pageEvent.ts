/// <reference lib="dom" />
/**
 * The event page: type with its CAMEO and PLOVER codes and their meaning, modality, date at its precision, conflicts,
 * participants with roles, and every report with its quote highlighted in the source text at its code-point offsets.
 */
import type { EventRecord, Report } from "../format.js"
import { cameoMeaning, ploverMeaning } from "./codes.js"
import * as data from "./data.js"
import { facts, h, link, num, put, table } from "./dom.js"
import { inContext } from "./spans.js"

/** A date as the reader should take it: "2025-11 (month)", "2025-11-06 to 2025-11-08 (day)", or "undated". */
export const dateText = (date: string | null, end: string | null, precision: string | null): string =>
  date === null ? "undated" : `${date}${end ? ` to ${end}` : ""} (${precision ?? "unknown"})`

/** One report: its source, the report's own date and modality, and the quote marked in its paragraph. */
const report = async (e: EventRecord, r: Report): Promise<HTMLElement> => {
  const [evidenceId, sourceId, start, end, method, date, precision, modality, conflict] = r
  const [title, publisher, published] = e.sourceLabels[sourceId]!
  // a quotes-only source (text_policy quotes) publishes no text: the report is shown without its quote
  const text = await data.text(data.releaseUrl(`texts/${sourceId}.txt`)).catch(() => null)
  const c =
    text === null
      ? { before: "", quote: "(the text of this source is not published: see the evidence table's quote)", after: "" }
      : inContext(text, { start, end })
  return h(
    "section",
    { class: "report", id: evidenceId, "aria-label": `Report in ${title}` },
    h(
      "p",
      {},
      link(`source/${sourceId}`, title),
      publisher ? `, ${publisher}` : "",
      published ? `, ${published}` : "",
      conflict ? h("span", { class: "warn" }, " · contradicts another report") : ""
    ),
    h(
      "blockquote",
      {},
      c.before,
      h("mark", { "data-evidence": evidenceId, "data-start": start, "data-end": end }, c.quote),
      c.after
    ),
    h(
      "p",
      { class: "muted" },
      `Characters ${start}–${end} (code points) · this report: ${dateText(date, null, precision)}, ${modality ?? "no modality"} · rule `,
      h("code", {}, method),
      ` · `,
      h("code", {}, evidenceId)
    )
  )
}

/** Reports shown with the page; the others (and their source texts) are loaded when the reader asks for them. */
const REPORTS_SHOWN = 50

/** A button that loads and shows the reports `rest` in its place. */
const moreReports = (e: EventRecord, rest: ReadonlyArray<Report>): HTMLElement | null =>
  rest.length === 0
    ? null
    : h(
        "button",
        {
          type: "button",
          onclick: (ev) => {
            const button = ev.currentTarget as HTMLButtonElement
            button.disabled = true
            void Promise.all(rest.map((r) => report(e, r))).then((shown) => button.replaceWith(...shown))
          }
        },
        `Show the other ${num(rest.length)} reports`
      )

/** Render event `id` into `main`. */
export const eventPage = async (main: HTMLElement, id: string): Promise<string> => {
  const e = await data.event(id)
  if (e === null) throw new Error(`no event ${id} in this release`)
  const reports = await Promise.all(e.reports.slice(0, REPORTS_SHOWN).map((r) => report(e, r)))
  put(
    main,
    h("h1", {}, e.summary),
    facts([
      ["Type", `${e.type.replace("_", " ")} (trigger: ${e.trigger})`],
      ["CAMEO", [h("code", {}, e.cameo), ` ${cameoMeaning(e.cameo)}`]],
      ["PLOVER", [h("code", {}, e.plover), ` ${ploverMeaning(e.plover)}`]],
      ["Modality", e.modality],
      ["Date", dateText(e.date, e.dateEnd, e.precision)],
      [
        "Conflict",
        e.conflict ? h("span", { class: "warn" }, "Reports give incompatible dates (see each report)") : "none"
      ],
      ["Where", e.location ? link(`entity/${e.location[0]}`, e.location[1]) : null],
      ["Sources", `${num(e.sources)} (${num(e.reports.length)} reports), confidence ${e.confidence}`],
      ["Id", h("code", {}, e.id)]
    ]),
    h("h2", {}, `Participants (${e.participants.length})`),
    table(
      "Participants and their roles",
      ["Entity", "Type", "Role"],
      e.participants.map(([eid, name, type, role]) => [link(`entity/${eid}`, name), type.replace("_", " "), role])
    ),
    h("h2", {}, `Reports (${num(e.reports.length)})`),
    reports,
    moreReports(e, e.reports.slice(REPORTS_SHOWN))
  )
  return e.summary
}
