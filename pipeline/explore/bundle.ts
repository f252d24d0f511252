/**
 * The explorer's script, bundled from web/ with esbuild (pinned in package.json): minified ES modules, no source map,
 * no paths, comments or tsconfig.json of this machine in it, so the same sources give the same bytes anywhere. The
 * timeline's chart (web/plotTimeline.ts with Observable Plot) is a second bundle, chart.js, that an entity page imports
 * by its URL when it needs it. Not esbuild's code splitting: its chunk names hash the paths of the inputs, which differ
 * between a clone whose node_modules is a folder and one whose node_modules is a link.
 */
import * as nodePath from "node:path"
import { buildSync } from "esbuild"

const ENTRY = new URL("./web/main.ts", import.meta.url).pathname

/** explorer/app.js and chart.js (from `entry`, by default web/main.ts, and plotTimeline.ts beside it), in path order. */
export const bundleApp = (entry: string = ENTRY): Array<readonly [string, Uint8Array]> => {
  const outdir = nodePath.join(nodePath.dirname(entry), "out")
  const result = buildSync({
    entryPoints: { app: entry, chart: nodePath.join(nodePath.dirname(entry), "plotTimeline.ts") },
    bundle: true,
    outdir,
    minify: true,
    format: "esm",
    target: ["es2020"],
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    write: false,
    // the settings here, not a tsconfig.json found on disk (one in a parent folder would change the output)
    tsconfigRaw: { compilerOptions: { alwaysStrict: true } },
    logLevel: "silent"
  })
  return result.outputFiles
    .map((f) => [nodePath.relative(outdir, f.path), f.contents] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
