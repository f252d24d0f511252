/** Directory creation that names the real fault. */
import * as fs from "node:fs"
import * as nodePath from "node:path"

/**
 * Make a directory and its missing parents. Not `mkdirSync(…, { recursive: true })`: on a
 * read-only file system Node 20 reports that as ENOENT, which would name the wrong fault.
 */
export const makeDir = (dir: string, parentsMade = false): void => {
  try {
    fs.mkdirSync(dir)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === "EEXIST" && fs.statSync(dir).isDirectory()) return
    if (code !== "ENOENT" || parentsMade || nodePath.dirname(dir) === dir) throw e
    makeDir(nodePath.dirname(dir))
    makeDir(dir, true)
  }
}
