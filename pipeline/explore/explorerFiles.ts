/**
 * Every file of a release's explorer (explorer/ in the release): the page, its style and scripts, and the data
 * generated from the tables, in batches (dataFiles.ts). The release's manifest and SHA256SUMS list them like every
 * other file.
 */
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { APP_CSS, indexHtml } from "./assets.js"
import { bundleApp } from "./bundle.js"
import { type Batch, dataBatches } from "./dataFiles.js"
import type { ReleaseInfo } from "./format.js"

const enc = (s: string) => new TextEncoder().encode(s)

const inFolder = (b: Batch): Batch => ({ ...b, files: b.files.map(([p, bytes]) => [`explorer/${p}`, bytes] as const) })

/** The explorer's files by path inside the release (explorer/...), in batches: the page and its code first. */
export function* explorerBatches(t: ReleaseTables, release: ReleaseInfo): Generator<Batch> {
  yield inFolder({
    files: [["index.html", enc(indexHtml(release.version))], ["app.css", enc(APP_CSS)], ...bundleApp()],
    done: "page"
  })
  for (const batch of dataBatches(t, release)) yield inFolder(batch)
}

/** Every file of the explorer, in path order (tests and tools; a build writes the batches as they come). */
export const explorerFiles = (t: ReleaseTables, release: ReleaseInfo): Array<readonly [string, Uint8Array]> =>
  [...explorerBatches(t, release)].flatMap((b) => b.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
