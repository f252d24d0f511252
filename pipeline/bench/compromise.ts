/**
 * The off-the-shelf NER pass of `npm run bench`: compromise 14 `.people()`, `.places()`,
 * `.organizations()` over every article of a folder, in one thread. Prints one JSON line
 * {articles, bytes, ms, mentions, maxRssKb}. Usage: tsx pipeline/bench/compromise.ts DIR
 */

import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import nlp from "compromise"

const dir = process.argv[2]!
const t0 = performance.now()
let bytes = 0
let mentions = 0
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
for (const f of files) {
  const text = readFileSync(join(dir, f), "utf8")
  bytes += Buffer.byteLength(text)
  const doc = nlp(text)
  mentions +=
    doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length
}
process.stdout.write(
  JSON.stringify({
    articles: files.length,
    bytes,
    ms: performance.now() - t0,
    mentions,
    maxRssKb: process.resourceUsage().maxRSS
  }) + "\n"
)
