/**
 * Worker threads run from bundles: each worker module (the article pool's, the Parquet thread's) and everything it
 * imports, TypeScript and packages alike, bundled by esbuild into one ES module kept in node_modules/.cache/car-workers.
 * Not through tsx, which would otherwise compile each module and keep its text and source map in every thread, and not
 * with the whole of a package whose index re-exports everything (effect): an article worker takes about 50 MB instead
 * of about 155 MB, and it starts faster.
 *
 * A module's `import.meta.url` (and `filename`, `dirname`) are its own file's in the bundle too, so that the files it
 * finds beside itself (the lexicons, package.json, parquet-wasm through createRequire) are found. A bundle is used only
 * while every file it was made from is unchanged (their SHA-256 are kept beside it), and it is made again otherwise.
 * When esbuild or the cache folder fails, the workers run through tsx as before: slower to start and larger, with the
 * same results.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { REPO_ROOT } from "./codeHash.js"
import { sha256 } from "./hash.js"
import { makeDir } from "./makeDir.js"

/** Where the bundles are kept (never committed; gone with node_modules). */
export const WORKER_BUNDLE_DIR = nodePath.join(REPO_ROOT, "node_modules", ".cache", "car-workers")

/** What is kept beside a bundle: its file (named by its SHA-256) and the SHA-256 of each file it was made from. */
interface BundleRecord {
  readonly bundle: string
  readonly inputs: Readonly<Record<string, string>>
}

/** A file's path relative to the repository, with "/" (as the records keep it). */
const repoPath = (abs: string): string => nodePath.relative(REPO_ROOT, abs).split(nodePath.sep).join("/")

/** Bundles made or checked in this process, by the worker module's URL. */
const ready = new Map<string, string>()

/** The bundle of the worker module `entry`, when prepareWorkerBundles made or found one in this process. */
export const workerBundle = (entry: URL): string | undefined => ready.get(entry.href)

/** The record of `entry`'s bundle in `dir`: its name says which module (path relative to the repository). */
const recordPath = (dir: string, entry: string): string =>
  nodePath.join(dir, `${sha256(repoPath(entry)).slice(0, 16)}.json`)

/** The bundle a record names, when every file it was made from still has its SHA-256. */
const stillValid = (dir: string, record: BundleRecord): string | undefined => {
  const bundle = nodePath.join(dir, record.bundle)
  if (!fs.existsSync(bundle)) return undefined
  for (const [file, hash] of Object.entries(record.inputs)) {
    const abs = nodePath.resolve(REPO_ROOT, file)
    if (!fs.existsSync(abs) || sha256(fs.readFileSync(abs)) !== hash) return undefined
  }
  return bundle
}

/** Write `bytes` to `path` by way of a file of this process's own, renamed into place (another build may be writing). */
const writeAtomic = (path: string, bytes: Uint8Array | string): void => {
  const tmp = `${path}.${process.pid}.tmp`
  fs.writeFileSync(tmp, bytes)
  fs.renameSync(tmp, path)
}

/**
 * Packages never bundled, imported from node_modules as they are (the bundle lies inside node_modules): native addons
 * and esbuild itself, which find files beside their own code. The worker modules import no other such package (their
 * bundles hold no __dirname or __filename); a bundle of the command line would need more (bench.md).
 */
const EXTERNAL = ["better-sqlite3", "esbuild"]

/** The names of the constants that stand for a bundled module's import.meta.url, filename and dirname. */
const [OWN_URL, OWN_FILE, OWN_DIR] = ["__ownImportMetaUrl", "__ownImportMetaFilename", "__ownImportMetaDirname"]

/** Bundle `entry` (a file path) into `dir`; the bundle's path. */
const makeBundle = async (entry: string, dir: string): Promise<string> => {
  const esbuild = await import("esbuild")
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    outfile: nodePath.join(dir, "bundle.mjs"),
    external: EXTERNAL,
    // the settings here, not a tsconfig.json found on disk
    tsconfigRaw: { compilerOptions: { alwaysStrict: true } },
    logLevel: "silent",
    // CommonJS packages bundled into an ES module still call require for Node's own modules
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);'
    },
    // each module's import.meta.url (in code, not in its strings) is a constant of its own holding its file's URL
    define: { "import.meta.url": OWN_URL, "import.meta.filename": OWN_FILE, "import.meta.dirname": OWN_DIR },
    plugins: [
      {
        name: "own-import-meta-url",
        setup: (b) => {
          b.onLoad({ filter: /\.(ts|mts|cts|js|mjs|cjs)$/ }, (args) => {
            const text = fs.readFileSync(args.path, "utf8")
            if (!text.includes("import.meta")) return undefined
            return {
              contents: `const ${OWN_URL} = ${JSON.stringify(pathToFileURL(args.path).href)}, ${OWN_FILE} = ${JSON.stringify(args.path)}, ${OWN_DIR} = ${JSON.stringify(nodePath.dirname(args.path))};\n${text}`,
              loader: /\.[mc]?ts$/.test(args.path) ? "ts" : "js"
            }
          })
        }
      }
    ]
  })
  const code = result.outputFiles[0]!.contents
  const name = `${sha256(code).slice(0, 16)}.mjs`
  const inputs: Record<string, string> = {}
  for (const file of Object.keys(result.metafile.inputs).sort()) {
    // esbuild names inputs relative to the working directory
    const abs = nodePath.resolve(file)
    if (fs.existsSync(abs)) inputs[repoPath(abs)] = sha256(fs.readFileSync(abs))
  }
  const bundle = nodePath.join(dir, name)
  if (!fs.existsSync(bundle)) writeAtomic(bundle, code)
  writeAtomic(recordPath(dir, entry), JSON.stringify({ bundle: name, inputs } satisfies BundleRecord))
  return bundle
}

/**
 * The bundle of the module at `url` in `dir`: the one kept there while every file it was made from is unchanged
 * (`made` false), else a new one. Throws what esbuild or the file system throws.
 */
export const bundleOf = async (url: URL, dir: string): Promise<{ readonly path: string; readonly made: boolean }> => {
  const entry = fileURLToPath(url)
  makeDir(dir)
  const record = recordPath(dir, entry)
  const found = fs.existsSync(record)
    ? stillValid(dir, JSON.parse(fs.readFileSync(record, "utf8")) as BundleRecord)
    : undefined
  return found !== undefined ? { path: found, made: false } : { path: await makeBundle(entry, dir), made: true }
}

/** What went wrong, in one line: esbuild's first error with where it is, else the message's first line. */
const reasonOf = (e: unknown): string => {
  const first = (e as { errors?: ReadonlyArray<{ text: string; location?: { file: string; line: number } | null }> })
    .errors?.[0]
  if (first !== undefined)
    return first.location ? `${first.location.file}:${first.location.line}: ${first.text}` : first.text
  return String((e as Error).message ?? e).split("\n")[0]!
}

/**
 * Make (or find still valid) the bundles of the worker modules `entries`, for workers started after it in this process.
 * Never fails: a module it could not bundle is named in the answer, and its workers run through tsx.
 */
export const prepareWorkerBundles = async (
  entries: ReadonlyArray<URL>,
  dir: string = WORKER_BUNDLE_DIR
): Promise<ReadonlyArray<{ readonly entry: string; readonly error: string }>> => {
  const failed: Array<{ entry: string; error: string }> = []
  for (const url of entries) {
    if (ready.has(url.href)) continue
    try {
      ready.set(url.href, (await bundleOf(url, dir)).path)
    } catch (e) {
      failed.push({ entry: repoPath(fileURLToPath(url)), error: reasonOf(e) })
    }
  }
  return failed
}
