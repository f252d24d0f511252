/**
 * The README is for users first: short, its test command the one CI runs, its snippets reading the release
 * dist/latest.json names, its links alive, and its Layout section naming the folders that exist. Longer
 * material lives in docs/, one file per topic, each linked from the README.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { repoRoot } from "../lib/tmp.js"

const readme = readFileSync(join(repoRoot, "README.md"), "utf8")
const docPages = readdirSync(join(repoRoot, "docs")).filter((name) => name.endsWith(".md"))

/** The body of a `## heading` section, up to the next `## `. */
const section = (doc: string, heading: string): string => {
  const start = doc.indexOf(`\n## ${heading}\n`)
  if (start < 0) throw new Error(`no "## ${heading}" section`)
  const next = doc.indexOf("\n## ", start + 1)
  return doc.slice(start, next < 0 ? undefined : next)
}

/** The lines of the first fenced code block of a text. */
const firstCodeBlock = (text: string): Array<string> => {
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(text)
  if (!match) throw new Error("no code block")
  return match[1]!.split("\n").filter((line) => line.trim() !== "")
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-")

/** Relative links of a Markdown file that name no existing file, or no heading of it. */
const brokenLinks = (file: string, text: string, read: (path: string) => string | null): Array<string> =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .filter((target) => {
      const [path, anchor] = target.split("#") as [string, string | undefined]
      const linked = path === "" ? text : read(join(dirname(file), path))
      if (linked === null) return true
      if (anchor === undefined) return false
      const anchors = [...linked.matchAll(/^#+ (.+)$/gm)].map((heading) => slug(heading[1]!))
      return !anchors.includes(anchor)
    })
    .map((target) => `${file}: ${target}`)

const readRepoFile = (path: string): string | null => {
  const full = join(repoRoot, path)
  if (!existsSync(full)) return null
  return statSync(full).isDirectory() ? "" : readFileSync(full, "utf8")
}

describe("the README", () => {
  it("stays under 350 lines: history, design notes and measurement detail go to docs/", () => {
    expect(readme.split("\n").length).toBeLessThan(350)
  })

  it("gives the test command that .ci/run runs, and no other", () => {
    const commands = firstCodeBlock(section(readme, "Two commands")).map((line) => line.split("#")[0]!.trim())
    const testCommand = commands.find((command) => command.startsWith("npm test"))
    const ciCommands = readFileSync(join(repoRoot, ".ci", "run"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#") && !/^(set|cd) /.test(line))
      // besides: installing PostgreSQL's server where it is missing (the cluster tests start one), and only that
      .filter(
        (line) =>
          !/^if ! command -v initdb .*then apt-get update && apt-get install -y postgresql( \|\| echo .*)?; fi$/.test(
            line
          )
      )
    expect(testCommand).toBeDefined()
    expect(ciCommands).toEqual([testCommand])
  })

  it("loads the release dist/latest.json names in its snippets, never a fixed version", () => {
    const codeBlocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1]!)
    const pinned = codeBlocks.flatMap((block) => block.match(/dist\/\d+\.\d+\.\d+/g) ?? [])
    expect(pinned).toEqual([])
    expect(section(readme, "Loading a release in a notebook")).toContain("dist/latest.json")
  })

  it("links every page of docs/, and every link of the README and docs/ reaches a file and heading", () => {
    expect(docPages.filter((page) => !readme.includes(`](docs/${page}`))).toEqual([])
    const broken = [
      ...brokenLinks("README.md", readme, readRepoFile),
      ...docPages.flatMap((page) =>
        brokenLinks(`docs/${page}`, readFileSync(join(repoRoot, "docs", page), "utf8"), readRepoFile)
      )
    ]
    expect(broken).toEqual([])
  })

  it("a link to a missing file or heading is reported (the check above can fail)", () => {
    const doc = "# Top\n\n[ok](#top) [gone](#nowhere) [file](missing.md) [site](https://example.org)\n"
    expect(brokenLinks("x.md", doc, () => null)).toEqual(["x.md: #nowhere", "x.md: missing.md"])
  })
})

describe("the README's Layout section", () => {
  const named = firstCodeBlock(section(readme, "Layout")).map((line) => line.split(/\s{2,}/)[0]!)
  const namedFolders = named.filter((entry) => entry.endsWith("/")).map((entry) => entry.replace(/\/$/, ""))
  const folders = (dir: string): Array<string> =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules")
      .map((entry) => (dir === "." ? entry.name : `${dir}/${entry.name}`))
  // pipeline/ itself is listed through its folders and files
  const present = [...folders(".").filter((dir) => dir !== "pipeline"), ...folders("pipeline")]

  it("names every folder of the repository and of pipeline/", () => {
    const unnamed = present.filter((dir) => !namedFolders.includes(dir))
    expect(unnamed).toEqual([])
  })

  it("names only folders and files that exist", () => {
    const namedFiles = named
      .filter((entry) => !entry.endsWith("/"))
      .flatMap((entry) => entry.split(", ").map((file, i) => (i === 0 ? file : `${dirname(entry)}/${file}`)))
    const missing = [...namedFolders, ...namedFiles].filter((path) => !existsSync(join(repoRoot, path)))
    expect(missing).toEqual([])
  })
})
