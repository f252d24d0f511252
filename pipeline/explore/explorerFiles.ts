/**
 * Every file of a release's explorer (explorer/ in the release): the page, its style and script, and the data
 * generated from the tables. The release's manifest and SHA256SUMS list them like every other file.
 */
import type { ReleaseTables } from "../../schemas/ReleaseTables.js"
import { APP_CSS, indexHtml } from "./assets.js"
import { bundleApp } from "./bundle.js"
import { dataFiles } from "./dataFiles.js"
import type { ReleaseInfo } from "./format.js"

const enc = (s: string) => new TextEncoder().encode(s)

/** The explorer's files by path inside the release (explorer/...), in path order. */
export const explorerFiles = (t: ReleaseTables, release: ReleaseInfo): Array<readonly [string, Uint8Array]> =>
  [
    ["index.html", enc(indexHtml(release.version))] as const,
    ["app.css", enc(APP_CSS)] as const,
    ["app.js", bundleApp()] as const,
    ...dataFiles(t, release)
  ]
    .map(([p, b]) => [`explorer/${p}`, b] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
