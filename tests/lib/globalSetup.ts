/**
 * One temporary folder per test run: every test's temporary files (os.tmpdir(), so tmpDir() and the pipeline's own
 * temporary folders, in the test processes and the builds they spawn) go under it, and it is removed when the run ends,
 * so a run leaves nothing in the machine's /tmp and two users' runs never meet.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "car-test-run-"))
  process.env.TMPDIR = root
  return () => rmSync(root, { recursive: true, force: true })
}
