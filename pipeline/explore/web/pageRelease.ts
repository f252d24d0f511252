/// <reference lib="dom" />
/**
 * The release page: counts, the quality card, the changelog, downloads with checksums, and how to load the tables.
 * The changelog and the file list (manifest.json) grow with the release: past 200 kB they load when opened.
 */
import type { ExplorerIndex } from "../format.js"
import * as data from "./data.js"
import { type Child, h, num, put, table } from "./dom.js"

interface ManifestFile {
  readonly path: string
  readonly bytes: number
  readonly sha256: string
  readonly rows?: number
}
interface Scores {
  readonly f1: number
  readonly precision: number
  readonly recall: number
}
interface CorpusCard {
  readonly corpus: string
  readonly articles: number
  readonly tables: Readonly<Record<string, Scores>>
}

/** Sections past this size load when opened. */
const EAGER_BYTES = 200_000

const f1 = (s: Scores | undefined) =>
  s ? `${s.f1.toFixed(3)} (${s.precision.toFixed(3)} / ${s.recall.toFixed(3)})` : ""

const quality = async (index: ExplorerIndex): Promise<HTMLElement> => {
  if (!index.release.quality) return h("p", { class: "muted" }, "This release has no quality report.")
  const q = await data.json<{ corpora: { corpora: ReadonlyArray<CorpusCard> } | null }>(data.releaseUrl("quality.json"))
  return table(
    "F1 (precision / recall) of the extraction against independent gold annotations, per corpus (quality.json)",
    ["Corpus", "Articles", "Entities", "Events", "Relations"],
    (q.corpora?.corpora ?? []).map((c) => [
      c.corpus,
      num(c.articles),
      f1(c.tables.entities),
      f1(c.tables.events),
      f1(c.tables.relations)
    ]),
    [1]
  )
}

/** Inline Markdown of the changelog: `code`, with row ids as links to their pages. */
const inline = (text: string): Array<Child> =>
  text.split(/(`[^`]+`)/).map((part) => {
    if (!part.startsWith("`")) return part
    const code = part.slice(1, -1)
    const kind = { ent_: "entity", evt_: "event", src_: "source" }[code.slice(0, 4)]
    return kind ? h("a", { href: `#/${kind}/${code}` }, h("code", {}, code)) : h("code", {}, code)
  })

/** CHANGELOG.md as headings, tables, lists and paragraphs (the Markdown it holds). */
const changelog = (md: string): Array<HTMLElement> => {
  const out: Array<HTMLElement> = []
  const lines = md.split("\n")
  const run = (i: number, test: (l: string) => boolean) => {
    let j = i
    while (j < lines.length && test(lines[j]!)) j++
    return lines.slice(i, j)
  }
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!
    if (line.startsWith("|")) {
      const rows = run(i, (l) => l.startsWith("|"))
      i += rows.length
      const [head, ...body] = rows
        .filter((r) => !/^\|[\s:|-]+\|$/.test(r))
        .map((r) =>
          r
            .slice(1, -1)
            .split("|")
            .map((c) => c.trim())
        )
      out.push(table("Rows added, removed and changed per table", head ?? [], body, [1, 2, 3]))
    } else if (line.startsWith("- ")) {
      const items = run(i, (l) => l.startsWith("- "))
      i += items.length
      out.push(
        h(
          "ul",
          {},
          items.map((l) => h("li", {}, inline(l.slice(2))))
        )
      )
    } else {
      if (line.startsWith("#")) out.push(h(line.startsWith("# ") ? "h3" : "h4", {}, line.replace(/^#+\s*/, "")))
      else if (line.trim() !== "") out.push(h("p", {}, inline(line)))
      i++
    }
  }
  return out
}

const SNIPPETS = `# Python (polars)
import polars as pl
events = pl.read_parquet("data/events.parquet")
evidence = pl.read_parquet("data/evidence.parquet")
events.join(evidence, left_on="event_id", right_on="row_id")

# Python (pandas with pyarrow)
import pandas as pd
entities = pd.read_parquet("data/entities.parquet")

# DuckDB
SELECT * FROM 'data/events.parquet' WHERE date_precision = 'day';

# R (arrow)
events <- arrow::read_parquet("data/events.parquet")`

const downloads = (files: ReadonlyArray<ManifestFile>): HTMLElement => {
  const sum = (fs: ReadonlyArray<ManifestFile>) => fs.reduce((n, f) => n + f.bytes, 0)
  const texts = files.filter((f) => f.path.startsWith("texts/"))
  const explorer = files.filter((f) => f.path.startsWith("explorer/"))
  return h(
    "div",
    {},
    table(
      "Files of the release with their size and SHA-256 (also in SHA256SUMS and manifest.json)",
      ["File", "Bytes", "Rows", "SHA-256"],
      files
        .filter((f) => !f.path.startsWith("explorer/") && !f.path.startsWith("texts/"))
        .map((f) => [
          h("a", { href: data.releaseUrl(f.path) }, f.path),
          num(f.bytes),
          f.rows === undefined ? "" : num(f.rows),
          h("code", {}, f.sha256)
        ]),
      [1, 2]
    ),
    h(
      "p",
      {},
      `Also: ${num(texts.length)} source texts in texts/ (${num(sum(texts))} bytes), each linked from its source page; `,
      `this explorer, ${num(explorer.length)} files in explorer/ (${num(sum(explorer))} bytes, `,
      `${((100 * sum(explorer)) / Math.max(1, sum(files))).toFixed(1)}% of the release; manifest.json and SHA256SUMS list them).`
    )
  )
}

/** A section whose content loads when it is opened (at once when `open`). */
const lazy = (summary: string, open: boolean, load: () => Promise<ReadonlyArray<Child>>): HTMLElement => {
  let loaded = false
  const body = h("div", {}, h("p", { class: "muted" }, "Loading…"))
  const fill = () => {
    if (loaded) return
    loaded = true
    void load().then(
      (children) => body.replaceChildren(h("div", {}, children)),
      (e: Error) => body.replaceChildren(h("p", { class: "warn" }, e.message))
    )
  }
  const details = h("details", { open }, h("summary", {}, summary), body)
  details.addEventListener("toggle", () => {
    if ((details as HTMLDetailsElement).open) fill()
  })
  if (open) fill()
  return details
}

/** Render the release page into `main`. */
export const releasePage = async (main: HTMLElement): Promise<string> => {
  const index = await data.index()
  const r = index.release
  const title = `Release ${r.version}`
  // a manifest lists every file and source: about 500 bytes a source
  const smallManifest = index.counts.sources! * 500 < EAGER_BYTES
  put(
    main,
    h("h1", {}, title),
    h(
      "p",
      {},
      "Entities, events and relations between the United States and the states of Central Asia, extracted from news ",
      `articles; every row with the exact quote it comes from. Created ${r.created.slice(0, 10)}`,
      r.previousVersion ? `; previous release ${r.previousVersion}` : "",
      ". Search above, or open a table below."
    ),
    h("h2", {}, "Counts"),
    table(
      "Rows per table",
      ["Table", "Rows"],
      Object.entries(index.counts).map(([t, n]) => [t, num(n)]),
      [1]
    ),
    h("h2", {}, "Quality"),
    await quality(index),
    h("h2", {}, "Changes"),
    lazy(`CHANGELOG.md (${num(r.changelogBytes)} bytes)`, r.changelogBytes < EAGER_BYTES, async () =>
      changelog(await data.text(data.releaseUrl("CHANGELOG.md")))
    ),
    h("h2", {}, "Downloads"),
    lazy("Files with their SHA-256 (manifest.json)", smallManifest, async () => [
      downloads((await data.json<{ files: ReadonlyArray<ManifestFile> }>(data.releaseUrl("manifest.json"))).files)
    ]),
    h("h2", {}, "Loading the tables"),
    h("p", {}, "Paths are relative to the release folder (the one holding manifest.json)."),
    h("pre", {}, h("code", {}, SNIPPETS))
  )
  return title
}
