/// <reference lib="dom" />
/** The source page: the article's text with every extracted span highlighted and linked to the row it supports. */
import type { SourceRecord, Span } from "../format.js"
import * as data from "./data.js"
import { facts, h, num, put, table } from "./dom.js"
import { pieces } from "./spans.js"

/** A span's values, named. */
const named = (src: SourceRecord, sp: Span) => {
  const [page, label] = src.pages[sp[4]]!
  return {
    evidence: sp[0],
    table: src.tables[sp[3]]!,
    href: `#/${page.startsWith("evt_") ? "event" : "entity"}/${page}`,
    label,
    method: src.methods[sp[5]]!
  }
}

/** The text as runs: a run inside spans links to the innermost span's page, and names every span over it. */
const marked = (text: string, src: SourceRecord): HTMLElement =>
  h(
    "div",
    { class: "text", lang: "en" },
    pieces(
      text,
      src.spans.map((sp) => ({ start: sp[1], end: sp[2] }))
    ).map((p) => {
      if (p.cover.length === 0) return p.text
      const inner = named(src, src.spans[p.cover[0]!]!)
      const over = p.cover.map((k) => named(src, src.spans[k]!))
      return h(
        "a",
        {
          class: `span ${inner.table}`,
          href: inner.href,
          title: over.map((s) => `${s.label} (${s.table}, ${s.method})`).join("\n"),
          "data-evidence": inner.evidence
        },
        p.text
      )
    })
  )

/** Render source `id` into `main`. */
export const sourcePage = async (main: HTMLElement, id: string): Promise<string> => {
  const src = await data.source(id)
  if (src === null) throw new Error(`no source ${id} in this release`)
  const name = src.title ?? src.fileName
  if (src.textPath === null) {
    put(
      main,
      h("h1", {}, name),
      h("p", {}, "This source's text is not published (text_policy quotes): its rows keep their offsets and quotes.")
    )
    return name
  }
  const text = await data.text(data.releaseUrl(src.textPath))
  put(
    main,
    h("h1", {}, name),
    facts([
      ["Publisher", src.publisher],
      ["Published", src.published ? `${src.published} (${src.precision})` : "unknown"],
      ["URL", src.url ? h("a", { href: src.url, rel: "external noopener" }, src.url) : null],
      [
        "File",
        [h("code", {}, src.fileName), " · ", h("a", { href: data.releaseUrl(src.textPath) }, "text as published")]
      ],
      ["Length", `${num(src.chars)} characters (code points), ${num(src.spans.length)} extracted spans`],
      ["Id", h("code", {}, src.id)]
    ]),
    h("h2", {}, "Text"),
    h(
      "p",
      { class: "muted" },
      "Highlighted: every span a row was extracted from (yellow: entities; blue: events; each links to the page of ",
      "the innermost row; hover for every row over it)."
    ),
    marked(text, src),
    h("h2", {}, "Spans"),
    h(
      "details",
      {},
      h("summary", {}, `Every span as a row (${num(src.spans.length)})`),
      table(
        `The ${src.spans.length} evidence rows of this source, in text order`,
        ["Characters", "Table", "Row", "Rule"],
        src.spans.map((sp) => {
          const s = named(src, sp)
          return [`${sp[1]}–${sp[2]}`, s.table, h("a", { href: s.href }, s.label), h("code", {}, s.method)]
        })
      )
    )
  )
  return name
}
