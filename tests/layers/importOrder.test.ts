/**
 * The folders are layers read top to bottom, and imports run one way: a module imports only its own layer or a
 * lower one. Fails on every import of a later layer, on any file under pipeline/ or schemas/ that no layer places
 * (a new folder must be given its place here), and on import cycles between the folders of the table.
 */
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  backwardImports,
  type ImportEdge,
  type LayerEntry,
  moduleSpecifiers,
  readImportGraph,
  unitCycles,
  unplacedFiles
} from "./importGraph.js"

const ROOT = join(import.meta.dirname, "..", "..")

/** The layers, lowest first (the README's layout section lists the same folders in the same order). */
const LAYERS: ReadonlyArray<LayerEntry> = [
  // contracts, utilities and configuration: everything may use them; they use nothing above
  { layer: "schemas", rank: 0, paths: ["schemas/"] },
  { layer: "shared", rank: 0, paths: ["pipeline/shared/", "pipeline/Config.ts"] },
  // text reading that both normalisation and extraction use: tokens, sentences, dates, name folding
  { layer: "text", rank: 1, paths: ["pipeline/text/"] },
  { layer: "01-ingest", rank: 2, paths: ["pipeline/01-ingest/"] },
  { layer: "02-normalise", rank: 3, paths: ["pipeline/02-normalise/"] },
  { layer: "03-extract", rank: 4, paths: ["pipeline/03-extract/"] },
  { layer: "04-resolve", rank: 5, paths: ["pipeline/04-resolve/"] },
  { layer: "05-publish", rank: 6, paths: ["pipeline/05-publish/"] },
  // the stage chain as a stream, and the tables of a sources folder
  { layer: "run", rank: 7, paths: ["pipeline/run/"] },
  // the per-article units of run/ as cluster entities, their runners and the coordinator's pool over them
  { layer: "cluster", rank: 8, paths: ["pipeline/cluster/"] },
  // readers of releases and tables
  { layer: "diff", rank: 8, paths: ["pipeline/diff/"] },
  { layer: "eval", rank: 8, paths: ["pipeline/eval/"] },
  { layer: "validate", rank: 8, paths: ["pipeline/validate/"] },
  // the release explorer: its data made from the tables, its page (web/, bundled), its local server
  { layer: "explore", rank: 8, paths: ["pipeline/explore/"] },
  { layer: "release", rank: 9, paths: ["pipeline/release/"] },
  { layer: "Build", rank: 10, paths: ["pipeline/Build.ts"] },
  // the command line, the wiring of layers, and the tools around the pipeline
  { layer: "cli", rank: 11, paths: ["pipeline/Cli.ts", "pipeline/bin.ts", "pipeline/MainLayer.ts"] },
  {
    layer: "tools",
    rank: 11,
    paths: [
      "pipeline/bench/",
      "pipeline/reliability/",
      "pipeline/lexicons/",
      "pipeline/docs/",
      "pipeline/ci/",
      "pipeline/errors/"
    ]
  }
]

const graph = readImportGraph(ROOT, ["pipeline", "schemas"])
const edges = graph.edges

describe("imports run one way, from later layers to earlier ones", () => {
  it("reads a real graph (the import reader is not blind)", () => {
    expect(graph.files.length).toBeGreaterThan(100)
    // a type-only import: erased from the emitted code, still an edge of the graph
    expect(graph.edges).toContainEqual({ from: "pipeline/05-publish/csv.ts", to: "schemas/ReleaseTables.ts" })
  })
  it("every file under pipeline/ and schemas/ is in a layer", () =>
    expect(unplacedFiles(LAYERS, graph.files)).toEqual([]))
  it("no module imports a later layer", () => expect(backwardImports(LAYERS, edges)).toEqual([]))
  it("no import cycle joins two folders", () => expect(unitCycles(LAYERS, edges)).toEqual([]))
})

describe("the checks can fail", () => {
  const fixture: ReadonlyArray<LayerEntry> = [
    { layer: "low", rank: 0, paths: ["p/low/"] },
    { layer: "mid", rank: 1, paths: ["p/mid/", "p/other/"] },
    { layer: "high", rank: 2, paths: ["p/High.ts"] }
  ]
  const backwards: ReadonlyArray<ImportEdge> = [
    { from: "p/High.ts", to: "p/mid/a.ts" },
    { from: "p/low/x.ts", to: "p/mid/a.ts" },
    { from: "p/mid/a.ts", to: "p/mid/b.ts" }
  ]
  it("a lower layer importing a higher one is reported", () =>
    expect(backwardImports(fixture, backwards)).toEqual([
      "p/low/x.ts → p/mid/a.ts (layer low imports later layer mid)"
    ]))
  it("an allowed edge is not reported, and a stale allowed edge is", () => {})
  it("a file in no layer is reported", () =>
    expect(unplacedFiles(fixture, ["p/low/x.ts", "p/new/y.ts"])).toEqual([
      "p/new/y.ts is in no layer (add its folder to the table)"
    ]))
  it("a cycle between two folders of one layer is reported", () =>
    expect(
      unitCycles(fixture, [
        { from: "p/mid/a.ts", to: "p/other/b.ts" },
        { from: "p/other/b.ts", to: "p/mid/c.ts" }
      ])
    ).toEqual(["cycle between p/mid/, p/other/: p/mid/a.ts → p/other/b.ts; p/other/b.ts → p/mid/c.ts"]))
  it("type-only imports, re-exports, dynamic imports and worker URLs are read", () =>
    expect(
      moduleSpecifiers(
        "x.ts",
        [
          'import type { A } from "./a.js"',
          'export { B } from "./b.js"',
          'const c = await import("./c.js")',
          'type D = import("./d.js").D',
          'const w = new URL("./worker.ts", import.meta.url)',
          'const data = new URL("../data/", import.meta.url)'
        ].join("\n")
      )
    ).toEqual(["./a.js", "./b.js", "./c.js", "./d.js", "./worker.ts"]))
})
