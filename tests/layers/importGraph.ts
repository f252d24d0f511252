/**
 * The import graph of the code and the checks of the one-way layer order (tests/layers/importOrder.test.ts).
 * The graph is read with the TypeScript compiler API, so `import type`, re-exports, `import()` (in code and in
 * types) and worker modules named by `new URL("./x.ts", import.meta.url)` all count. Pure but for `readImportGraph`.
 */
import { readdirSync, readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"
import ts from "typescript"

/** One import: `from` imports `to` (repository-relative paths, `.ts` as on disk). */
export interface ImportEdge {
  readonly from: string
  readonly to: string
}

/** A place in the layer order: every file under `paths` (a folder ending in "/" or a single file) is in `layer`. */
export interface LayerEntry {
  readonly layer: string
  /** Lower ranks come first; a file may import files of its own rank or lower. */
  readonly rank: number
  readonly paths: ReadonlyArray<string>
}

/** Where a file sits: its layer and the folder (or file) entry that placed it, the unit of the cycle check. */
export interface Placement {
  readonly layer: string
  readonly rank: number
  readonly unit: string
}

const SOURCE = /\.(ts|mts|mjs)$/

const listFiles = (root: string, dir: string): Array<string> =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? listFiles(root, join(dir, e.name))
      : SOURCE.test(e.name) && !e.name.endsWith(".d.ts")
        ? [join(dir, e.name)]
        : []
  )

/**
 * The module specifiers a source text names: static imports and re-exports, `import()`, `import("x").T`, worker URLs.
 */
export const moduleSpecifiers = (fileName: string, text: string): Array<string> => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false)
  const found: Array<string> = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression
      if (ts.isStringLiteral(expr)) found.push(expr.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments
      if (arg !== undefined && ts.isStringLiteralLike(arg)) found.push(arg.text)
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push(arg.literal.text)
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "URL" &&
      node.arguments?.length === 2 &&
      ts.isStringLiteralLike(node.arguments[0]!) &&
      SOURCE.test(node.arguments[0].text) &&
      node.arguments[1]!.getText(source) === "import.meta.url"
    ) {
      // a worker's module: loaded at run time, a dependency all the same
      found.push(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The relative imports of every source file under `dirs` (repository-relative), resolved to files. */
export const readImportGraph = (
  root: string,
  dirs: ReadonlyArray<string>
): { files: Array<string>; edges: Array<ImportEdge> } => {
  const files = dirs.flatMap((d) => listFiles(root, d)).sort()
  const edges = files.flatMap((from) =>
    moduleSpecifiers(from, readFileSync(join(root, from), "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({
        from,
        to: relative(root, resolve(root, dirname(from), spec)).replace(/\.js$/, ".ts")
      }))
  )
  return { files, edges }
}

/** The entry placing `file` (the longest matching path), or null when no entry names it. */
export const placeFile = (layers: ReadonlyArray<LayerEntry>, file: string): Placement | null => {
  let best: Placement | null = null
  for (const entry of layers)
    for (const path of entry.paths) {
      const matches = path.endsWith("/") ? file.startsWith(path) : file === path
      if (matches && (best === null || path.length > best.unit.length))
        best = { layer: entry.layer, rank: entry.rank, unit: path }
    }
  return best
}

/** Files no entry places, each as a readable line. */
export const unplacedFiles = (layers: ReadonlyArray<LayerEntry>, files: ReadonlyArray<string>): Array<string> =>
  files.filter((f) => placeFile(layers, f) === null).map((f) => `${f} is in no layer (add its folder to the table)`)

const edgeKey = (e: ImportEdge): string => `${e.from} → ${e.to}`

/** Every import of a later layer, as "a → b (layer X imports later layer Y)". */
export const backwardImports = (layers: ReadonlyArray<LayerEntry>, edges: ReadonlyArray<ImportEdge>): Array<string> =>
  edges.flatMap((e) => {
    const from = placeFile(layers, e.from)
    const to = placeFile(layers, e.to)
    if (from === null || to === null || to.rank <= from.rank) return []
    return [`${edgeKey(e)} (layer ${from.layer} imports later layer ${to.layer})`]
  })

/**
 * Cycles between units (the folders and files of the table): each group of units that reach one another, with
 * the imports that join them. Files of one unit import each other freely.
 */
export const unitCycles = (layers: ReadonlyArray<LayerEntry>, edges: ReadonlyArray<ImportEdge>): Array<string> => {
  const links = new Map<string, Map<string, ImportEdge>>()
  for (const e of edges) {
    const from = placeFile(layers, e.from)?.unit
    const to = placeFile(layers, e.to)?.unit
    if (from === undefined || to === undefined || from === to) continue
    const out = links.get(from) ?? new Map<string, ImportEdge>()
    if (!out.has(to)) out.set(to, e)
    links.set(from, out)
  }
  // Tarjan's strongly connected components over the unit graph
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: Array<string> = []
  const onStack = new Set<string>()
  const groups: Array<Array<string>> = []
  const connect = (unit: string): void => {
    index.set(unit, index.size)
    low.set(unit, index.get(unit)!)
    stack.push(unit)
    onStack.add(unit)
    for (const next of links.get(unit)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next)
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(unit, Math.min(low.get(unit)!, index.get(next)!))
    }
    if (low.get(unit) === index.get(unit)) {
      const group: Array<string> = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== unit)
      if (group.length > 1) groups.push(group.sort())
    }
  }
  for (const unit of [...links.keys()].sort()) if (!index.has(unit)) connect(unit)
  return groups.map((group) => {
    const inside = new Set(group)
    const joins = group.flatMap((u) =>
      [...(links.get(u) ?? new Map<string, ImportEdge>())].filter(([to]) => inside.has(to)).map(([, e]) => edgeKey(e))
    )
    return `cycle between ${group.join(", ")}: ${joins.join("; ")}`
  })
}
