/**
 * The explorer's script, bundled from web/ with esbuild (pinned in package.json): minified, one file, no source map,
 * no paths, comments or tsconfig.json of this machine in it, so the same sources give the same bytes anywhere.
 */
import { buildSync } from "esbuild"

const ENTRY = new URL("./web/main.ts", import.meta.url).pathname

/** explorer/app.js (from `entry`, by default this folder's web/main.ts). */
export const bundleApp = (entry: string = ENTRY): Uint8Array => {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    platform: "browser",
    charset: "utf8",
    legalComments: "none",
    write: false,
    // the settings here, not a tsconfig.json found on disk (one in a parent folder would change the output)
    tsconfigRaw: { compilerOptions: { alwaysStrict: true } },
    logLevel: "silent"
  })
  return result.outputFiles[0]!.contents
}
