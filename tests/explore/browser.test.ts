/**
 * The explorer in a real browser (playwright-core driving Debian's Chromium, headless), against a release built from
 * the seeds in the test's temporary folder and served by the explore server. Screenshots of every page type go to
 * .test-output/explorer/ (one is copied into docs/ by hand). Every request not to the local server is recorded and
 * aborted, and the tests assert there was none.
 */
import { mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse/sync"
import { Effect } from "effect"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, startServer } from "../../pipeline/explore/serve.js"
import { buildSeeds } from "../lib/build.js"
import { repoRoot, tmpDir } from "../lib/tmp.js"
import { CHROMIUM_ARGS, ensureChromium } from "./chromium.js"

const chrome = ensureChromium()
if ("skip" in chrome) console.warn(`browser tests skipped: ${chrome.skip}`)
const SHOTS = join(repoRoot, ".test-output", "explorer")

type Row = Record<string, string>
const table = (dir: string, name: string): Array<Row> =>
  parse(readFileSync(join(dir, "data", `${name}.csv`)), { columns: true }) as Array<Row>

describe.skipIf("skip" in chrome)("the explorer in Chromium", () => {
  let dir: string
  let served: Served
  let browser: Browser
  let page: Page
  const errors: Array<string> = []
  const external: Array<string> = []
  /** Paths inside explorer/ the page requested, in order (cleared by a test that looks at one page's requests). */
  const requested: Array<string> = []
  const rows: Record<string, Array<Row>> = {}

  beforeAll(async () => {
    const out = tmpDir("car-explorer-")
    const built = await Effect.runPromise(buildSeeds(out))
    dir = join(out, built.version)
    for (const t of ["entities", "events", "event_participants", "evidence", "sources"]) rows[t] = table(dir, t)
    served = await Effect.runPromise(startServer(dir, 0))
    browser = await chromium.launch({
      executablePath: (chrome as { path: string }).path,
      headless: true,
      args: CHROMIUM_ARGS
    })
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const origin = new URL(served.url).origin
    await page.route("**/*", (route) => {
      const url = route.request().url()
      if (new URL(url).origin === origin) {
        requested.push(new URL(url).pathname.replace(/^\/explorer\//, ""))
        return route.continue()
      }
      external.push(url)
      return route.abort()
    })
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text())
    })
    page.on("pageerror", (e) => errors.push(e.message))
    mkdirSync(SHOTS, { recursive: true })
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    await served?.close()
  })

  const shown = async (kind: string, shot: string) => {
    await page.waitForSelector(`main[data-page="${kind}"]:not([aria-busy])`)
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: kind !== "source" })
  }
  const tokayev = () => rows.entities!.find((e) => e.name === "Kassym-Jomart Tokayev")!
  /** The C5+1 summit: Tokayev's event with a report whose quote names the summit and the C5+1 format. */
  const summit = () => {
    const his = new Set(
      rows.event_participants!.filter((p) => p.entity_id === tokayev().entity_id).map((p) => p.event_id)
    )
    const ids = new Set(
      rows
        .evidence!.filter((r) => r.row_table === "events" && his.has(r.row_id))
        .filter((r) => r.quote!.includes("summit") && r.quote!.includes("C5+1"))
        .map((r) => r.row_id)
    )
    expect(ids.size).toBe(1)
    return rows.events!.find((e) => ids.has(e.event_id))!
  }

  it("the release page loads with no console error and shows the counts and the downloads", async () => {
    requested.length = 0
    await page.goto(served.url)
    await shown("release", "release")
    const counts = await page.$$eval("main table:first-of-type tbody tr", (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent))
    )
    expect(counts).toContainEqual(["events", rows.events!.length.toLocaleString("en-US")])
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      files: Array<{ path: string; sha256: string }>
    }
    const csv = manifest.files.find((f) => f.path === "data/events.csv")!
    // the file list loads with the page for a small release (a large one's when its section is opened)
    await page.waitForFunction((sha) => document.querySelector("main")!.textContent!.includes(sha), csv.sha256)
    expect(await page.$$eval("main details[open] a[href^='#/entity/']", (as) => as.length)).toBe(rows.entities!.length)
    expect(errors).toEqual([])
    // the release page loads no record, search shard or chart code: each is loaded by the page that shows it
    expect(requested.filter((p) => /^data\/(entities|events|sources|search)\/|^chart\.js$/.test(p))).toEqual([])
  })

  it('searching "Tokayev" from the keyboard finds him first; Tab reaches the results', async () => {
    requested.length = 0
    expect(await page.$eval("label[for=q]", (l) => l.textContent)).toBe("Search")
    await page.keyboard.press("/")
    await page.keyboard.type("Tokayev")
    await page.keyboard.press("Enter")
    await shown("search", "search")
    const first = await page.$eval("ol.results li a", (a) => [a.textContent, a.getAttribute("href")])
    expect(first).toEqual(["Kassym-Jomart Tokayev (person)", `#/entity/${tokayev().entity_id}`])
    // the search read the list of shards and the one shard of "tokayev"
    expect(requested.filter((p) => p.startsWith("data/search"))).toEqual([
      "data/search-keys.json",
      "data/search/all.json"
    ])
    // focus is on the results; the first Tab reaches the first result
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(
      `#/entity/${tokayev().entity_id}`
    )
  })

  it("his page lists the C5+1 summit, in the table and on the timeline drawn by Plot", async () => {
    requested.length = 0
    await page.keyboard.press("Enter")
    await shown("entity", "entity")
    expect(await page.textContent("h1")).toBe("Kassym-Jomart Tokayev")
    const s = summit()
    expect(
      await page.$$eval(`main table a[href="#/event/${s.event_id}"]`, (as) => as.map((a) => a.textContent))
    ).toEqual([s.summary])
    // a day is a point; the chart (chart.js, with Plot, loaded by this page) is labelled, and so is every mark
    // (Plot writes its links' addresses as xlink:href)
    expect(await page.$$(`svg.timeline a[*|href="#/event/${s.event_id}"] circle`)).toHaveLength(1)
    expect(requested.filter((p) => p === "chart.js")).toEqual(["chart.js"])
    expect(await page.$eval("svg.timeline", (svg) => svg.getAttribute("aria-label"))).toMatch(
      /^Timeline of the \d+ dated/
    )
    const marks = await page.$$eval("svg.timeline a > *", (ms) => ms.map((m) => m.getAttribute("aria-label") ?? ""))
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => m.length > 0)).toBe(true)
    expect(await page.$$eval("svg.timeline style", (st) => st.length)).toBe(0)
    const links = await page.$$eval('a[href^="https://www.wikidata.org/"]', (as) =>
      as.map((a) => a.getAttribute("href"))
    )
    expect(links).toEqual([`https://www.wikidata.org/wiki/${tokayev().wikidata_qid}`])
  })

  it("the summit's page highlights every report's quote in its source text, at the row's offsets", async () => {
    const s = summit()
    await page.click(`main table a[href="#/event/${s.event_id}"]`)
    await shown("event", "event")
    const marks = await page.$$eval("mark[data-evidence]", (ms) =>
      ms.map((m) => [
        m.getAttribute("data-evidence"),
        m.textContent,
        m.getAttribute("data-start"),
        m.getAttribute("data-end")
      ])
    )
    const reports = rows.evidence!.filter((r) => r.row_table === "events" && r.row_id === s.event_id)
    expect(reports.length).toBe(Number(s.evidence_count))
    expect(marks.sort()).toEqual(reports.map((r) => [r.evidence_id, r.quote, r.char_start, r.char_end]).sort())
    const c5 = reports.find((r) => r.quote!.includes("C5+1"))!
    expect(marks).toContainEqual([c5.evidence_id, c5.quote, c5.char_start, c5.char_end])
    expect(await page.textContent("main")).toContain("043 Host a visit")
  })

  it("a source page links every extracted span to its row's page", async () => {
    const src = rows.sources![0]!
    await page.goto(`${served.url}#/source/${src.source_id}`)
    await shown("source", "source")
    const spans = await page.$$eval(".text a.span", (as) => as.map((a) => a.getAttribute("href")))
    const own = rows.evidence!.filter((r) => r.source_id === src.source_id)
    expect(spans.length).toBeGreaterThan(0)
    expect(spans.every((h) => /^#\/(entity|event)\/(ent|evt)_[0-9a-f]+$/.test(h!))).toBe(true)
    expect(await page.$$("details table tbody tr")).toHaveLength(own.length)
  })

  it("fits a phone-sized screen: no page scrolls sideways", async () => {
    await page.setViewportSize({ width: 375, height: 740 })
    for (const hash of ["", "#/search/Tokayev", `#/entity/${tokayev().entity_id}`, `#/event/${summit().event_id}`]) {
      await page.goto(`${served.url}${hash}`)
      await page.waitForSelector("main[data-page]:not([aria-busy])")
      expect([hash, await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)]).toEqual([
        hash,
        true
      ])
    }
    await page.screenshot({ path: join(SHOTS, "event-phone.png") })
  })

  it("no request left the local server, and no page logged an error", () => {
    expect(external).toEqual([])
    expect(errors).toEqual([])
  })
})
