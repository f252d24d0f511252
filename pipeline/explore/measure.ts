/**
 * Load times of a release's explorer in Chromium (playwright-core, Debian's /usr/bin/chromium), served by the explore
 * server: the release page, a search, an entity page and an event page, each cold (a new browser context), median of
 * `--runs`: time from navigation to the page's content shown, requests and bytes. Prints a Markdown table; asserts
 * nothing (a measurement, not a test).
 *
 *   npx tsx pipeline/explore/measure.ts RELEASE_DIR [--query Tokayev] [--entity "Kassym-Jomart Tokayev"] [--runs 3]
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Effect } from "effect"
import { type Browser, chromium } from "playwright-core"
import type { EntityRecord, EventRecord, ExplorerIndex } from "./format.js"
import { shardOf } from "./format.js"
import { startServer } from "./serve.js"

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : process.argv[at + 1]!
}
const dir = process.argv[2]!
const [query, entityName, runs] = [
  arg("query", "Tokayev"),
  arg("entity", "Kassym-Jomart Tokayev"),
  Number(arg("runs", "3"))
]
const readJson = <T>(path: string): T => JSON.parse(fs.readFileSync(nodePath.join(dir, "explorer", path), "utf8")) as T

/** The entity named `entityName` and its event with the most reports (read from the explorer's own files). */
const pick = () => {
  const index = readJson<ExplorerIndex>("data/index.json")
  const width = index.shards.entities
  for (const file of fs.readdirSync(nodePath.join(dir, "explorer", "data", "entities"))) {
    const shard = readJson<Record<string, EntityRecord>>(`data/entities/${file}`)
    const e = Object.values(shard).find((x) => x.name === entityName)
    if (e === undefined) continue
    if (shardOf(e.id, width) !== file.replace(".json", "")) throw new Error(`${e.id} is in the wrong shard`)
    // the event page measured: the event of his with the most reports
    const shards = new Map<string, Record<string, EventRecord>>()
    const reports = (id: string) => {
      const key = shardOf(id, index.shards.events)
      if (!shards.has(key)) shards.set(key, readJson(`data/events/${key}.json`))
      return shards.get(key)![id]!.reports.length
    }
    const counted = e.events.map((v) => [v[0], reports(v[0])] as const)
    const event = counted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!
    return { entity: e.id, event: event[0], reports: event[1] }
  }
  throw new Error(`no entity named ${entityName} in ${dir}`)
}

interface Figure {
  readonly ms: number
  readonly requests: number
  readonly bytes: number
}

const once = async (browser: Browser, url: string, kind: string): Promise<Figure> => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } })
  const page = await context.newPage()
  const sizes: Array<Promise<number>> = []
  page.on("response", (r) =>
    sizes.push(
      r.body().then(
        (b) => b.length,
        () => 0
      )
    )
  )
  const t0 = performance.now()
  await page.goto(url)
  await page.waitForSelector(`main[data-page="${kind}"]:not([aria-busy])`, { timeout: 600_000 })
  const ms = performance.now() - t0
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0)
  await context.close()
  return { ms, requests: sizes.length, bytes }
}

const median = (xs: ReadonlyArray<Figure>): Figure => {
  const sorted = [...xs].sort((a, b) => a.ms - b.ms)
  return sorted[Math.floor(sorted.length / 2)]!
}

const main = async () => {
  const { entity, event, reports } = pick()
  const served = await Effect.runPromise(startServer(dir, 0))
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
  const pages = [
    ["release page", "", "release"],
    [`search "${query}"`, `#/search/${encodeURIComponent(query)}`, "search"],
    [`entity page (${entityName})`, `#/entity/${entity}`, "entity"],
    [`event page (${event}, ${reports} reports)`, `#/event/${event}`, "event"]
  ] as const
  console.log("| page | time to content | requests | bytes |\n| --- | ---: | ---: | ---: |")
  for (const [label, hash, kind] of pages) {
    const figures: Array<Figure> = []
    for (let i = 0; i < runs; i++) figures.push(await once(browser, `${served.url}${hash}`, kind))
    const m = median(figures)
    console.log(`| ${label} | ${(m.ms / 1000).toFixed(2)} s | ${m.requests} | ${m.bytes.toLocaleString("en-US")} |`)
  }
  await browser.close()
  await served.close()
}

void main()
