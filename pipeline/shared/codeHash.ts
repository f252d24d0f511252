/**
 * Hashes of the code in this repository: SHA-256 over the files under some folders (TypeScript and
 * JSONL lexicons, each as its repository path and its own SHA-256, in path order) and the versions
 * of the dependencies in package.json. The same files give the same hash on any machine and in any
 * clone (paths are repository-relative with "/", contents are bytes).
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { compareStrings } from "./compare.js"
import { sha256 } from "./hash.js"
import { stableStringify } from "./stableJson.js"

/** The repository root. */
export const REPO_ROOT = new URL("../../", import.meta.url).pathname

const HASHED = /\.(ts|jsonl)$/

const walk = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : HASHED.test(entry.name) ? [join(dir, entry.name)] : []
  )

/** SHA-256 over the code and lexicon files under `dirs` (relative to `root`) and the dependency versions. */
export const treeHash = (dirs: ReadonlyArray<string>, root: string = REPO_ROOT): string => {
  const files = dirs.flatMap((dir) => walk(join(root, dir))).sort(compareStrings)
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> }
  const lines = files.map((file) => `${relative(root, file).split("\\").join("/")} ${sha256(readFileSync(file))}`)
  return sha256([stableStringify(pkg.dependencies), ...lines].join("\n"))
}

/** Everything that can change what a build writes: all code and lexicons under pipeline/ and schemas/. */
export const CODE_DIRS: ReadonlyArray<string> = ["pipeline", "schemas"]

/** The code hash a release records (manifest `code_sha256`) and the quality card is measured with. */
export const codeSha256 = (root: string = REPO_ROOT): string => treeHash(CODE_DIRS, root)
