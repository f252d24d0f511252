/** Temporary folders for tests (removed by the OS tmp cleaner; tests never write in the repo). */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/** A fresh temporary directory. */
export const tmpDir = (prefix = "car-test-"): string => mkdtempSync(join(tmpdir(), prefix))

/** A sources folder holding copies of the given fixture files (paths relative to tests/fixtures) plus extra files. */
export const sourcesWith = (
  fixtures: ReadonlyArray<string>,
  extra: Record<string, string | Uint8Array> = {}
): string => {
  const dir = tmpDir("car-src-")
  for (const f of fixtures) cpSync(join(import.meta.dirname, "..", "fixtures", f), join(dir, f.split("/").pop()!))
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body)
  return dir
}

/** The repository root. */
export const repoRoot = join(import.meta.dirname, "..", "..")
