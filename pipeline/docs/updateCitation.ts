/**
 * `npx tsx pipeline/docs/updateCitation.ts`: write CITATION.cff for the newest release (dist/latest.json): its version,
 * its date (manifest.json `created`) and its content hash. Run it after cutting a release; a test checks it was.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { type CitedRelease, citationCff } from "../05-publish/citation.js"
import { REPO_ROOT } from "../shared/codeHash.js"

/** What CITATION.cff cites: the release dist/latest.json names, read from its manifest. */
export const latestRelease = (root: string = REPO_ROOT): CitedRelease => {
  const latest = JSON.parse(readFileSync(join(root, "dist", "latest.json"), "utf8")) as { path: string }
  const manifest = JSON.parse(readFileSync(join(root, "dist", latest.path, "manifest.json"), "utf8")) as {
    version: string
    created: string
    content_sha256: string
  }
  return { version: manifest.version, date: manifest.created.slice(0, 10), contentSha256: manifest.content_sha256 }
}

if (process.argv[1] === import.meta.filename)
  writeFileSync(join(REPO_ROOT, "CITATION.cff"), citationCff(latestRelease()))
