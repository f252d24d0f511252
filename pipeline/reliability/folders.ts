/**
 * Large and hostile sources folders (used by the tests and by `npm run reliability`): many tiny
 * files, deeply nested and numerous folders, file names no release can publish, a sources.json of
 * many rows, and one 4 MiB article that is a single sentence. Each case says what the build must
 * do with it: publish how many sources, and reject how many with which code.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/** A hostile folder: how to make it, and the sources the build must publish and reject (by code). */
export interface FolderCase {
  readonly name: string
  readonly make: (dir: string) => void
  readonly published: number
  readonly rejected: Readonly<Record<string, number>>
  /** Stated bounds of the build's wall time (s) and peak memory (RSS, MB) on the machine of the README's run. */
  readonly bounds: { readonly seconds: number; readonly rssMb: number }
}

const ARTICLE =
  "Kazakh President Kassym-Jomart Tokayev met U.S. Secretary of State Marco Rubio in Astana on November 4, 2025.\n"

/** `n` files of one short line each, all different. */
export const tinyFiles = (n: number): FolderCase => ({
  name: `${n.toLocaleString("en")} tiny files`,
  make: (dir) => {
    for (let i = 0; i < n; i++)
      writeFileSync(
        join(dir, `n${String(i).padStart(6, "0")}.txt`),
        `Bulletin ${i}: officials in Astana reviewed the plan.\n`
      )
  },
  published: n,
  rejected: {},
  bounds: { seconds: 1200, rssMb: 4096 }
})

/**
 * A chain of `depth` nested folders and `wide` folders side by side (one named like an article), beside one article.
 */
export const nestedFolders = (depth: number, wide: number): FolderCase => ({
  name: `${depth.toLocaleString("en")} nested folders and ${wide.toLocaleString("en")} side by side`,
  make: (dir) => {
    writeFileSync(join(dir, "a.txt"), ARTICLE)
    for (let i = 0; i < wide; i++) mkdirSync(join(dir, `d${i}`))
    mkdirSync(join(dir, "folder.txt"))
    // deeper than a path can name (PATH_MAX): made one level at a time from inside, by a process that can change
    // directory
    execFileSync(process.execPath, [
      "-e",
      `const fs=require("fs");process.chdir(${JSON.stringify(dir)});for(let i=0;i<${depth};i++){fs.mkdirSync("n");process.chdir("n")}fs.writeFileSync("deep.txt","x")`
    ])
  },
  published: 1,
  rejected: { "path-not-allowed": 1 },
  bounds: { seconds: 120, rssMb: 1024 }
})

/**
 * File names a release cannot publish (a line break, a tab, bytes that are not UTF-8, a bidi override), beside a good
 * article.
 */
export const hostileNames = (): FolderCase => ({
  name: "names with a line break, a tab, invalid UTF-8 bytes, a bidi override",
  make: (dir) => {
    writeFileSync(join(dir, "good.txt"), ARTICLE)
    const other = "Uzbek President Shavkat Mirziyoyev visited Washington on November 6, 2025.\n"
    for (const name of ["line\nbreak.txt", "tab\there.txt", "\u202Egnp.txt"]) writeFileSync(join(dir, name), other)
    // a name of bytes, not of characters: "caf\xE9.txt" (Latin-1)
    writeFileSync(Buffer.concat([Buffer.from(join(dir, "caf")), Buffer.from([0xe9]), Buffer.from(".txt")]), other)
  },
  published: 1,
  rejected: { "invalid-file-name": 4 },
  bounds: { seconds: 120, rssMb: 1024 }
})

/** A sources.json of `rows` rows, of which only the first names a file that exists. */
export const manifestRows = (rows: number): FolderCase => ({
  name: `sources.json of ${rows.toLocaleString("en")} rows (one file present)`,
  make: (dir) => {
    writeFileSync(join(dir, "a.txt"), ARTICLE)
    const row = (file: string) =>
      `    { "file": ${JSON.stringify(file)}, "publisher": null, "url": null, "published": "2025-11-04", "published_precision": "day", "published_basis": "metadata", "published_note": "test", "language": "en", "licence": "test" }`
    const lines = Array.from({ length: rows }, (_, i) => row(i === 0 ? "a.txt" : `m${String(i).padStart(6, "0")}.txt`))
    writeFileSync(join(dir, "sources.json"), `{\n  "sources": [\n${lines.join(",\n")}\n  ]\n}\n`)
  },
  published: 1,
  rejected: { "missing-file": rows - 1 },
  bounds: { seconds: 600, rssMb: 2048 }
})

/** One article just under 4 MiB that is a single sentence (names and verbs throughout, no full stop until the end). */
export const oneSentence = (bytes = 4 * 1024 * 1024 - 1): FolderCase => ({
  name: `one ${(bytes / 1048576).toFixed(0)} MiB article, a single sentence`,
  make: (dir) => {
    const clause =
      "Kazakh President Tokayev met Secretary Rubio in Astana and Uzbek President Mirziyoyev visited Washington and "
    const text = clause.repeat(Math.ceil(bytes / clause.length)).slice(0, bytes - 2)
    writeFileSync(join(dir, "one-sentence.txt"), `${text.slice(0, text.lastIndexOf(" "))}.\n`)
  },
  published: 0,
  rejected: { "sentence-too-long": 1 },
  bounds: { seconds: 120, rssMb: 1024 }
})

/**
 * Remove a folder however deep it goes (GNU rm walks relative to each directory; a path would be
 * too long), in the background: unlinking 10,000 nested folders takes seconds of waiting on the disk.
 */
export const removeDeep = (dir: string): void => {
  spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" }).unref()
}
