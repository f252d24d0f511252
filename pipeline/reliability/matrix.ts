/**
 * The bad-input matrix: a sources folder with one good article and 30+ defective sources, each
 * named for its defect, and the code each must be rejected with (null: accepted). Used by the
 * test suite and by `npm run reliability`.
 */
import { chmodSync, cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { Effect } from "effect"
import { readManifest } from "../release/manifest.js"

/** file → expected code (null: accepted). `asRoot`: permissions are not enforced for root. */
export const expectedCodes = (asRoot: boolean): Record<string, string | null> => ({
  "good.txt": null,
  "empty.txt": "empty-file",
  "whitespace-only.txt": "whitespace-only",
  "binary.txt": "binary-file",
  "invalid-utf8.txt": "invalid-utf8",
  "utf16-bom.txt": "unsupported-encoding",
  "utf8-bom.txt": null,
  "crlf.txt": null,
  "lone-cr.txt": null,
  "nfc.txt": null,
  "nfd.txt": "duplicate-source",
  "mixed-scripts.txt": null,
  "zero-width.txt": null,
  "bidi-override.txt": "bidi-control",
  "html-page.txt": "html-document",
  "not-english.txt": "not-english",
  "csv-hostile.txt": null,
  "one-megabyte-line.txt": null,
  "too-large.txt": "file-too-large",
  "same-bytes-other-name.txt": "duplicate-source",
  "same-article-other-boilerplate.txt": "near-duplicate-source",
  "sidecar-not-json.txt": "invalid-sidecar",
  "sidecar-unknown-field.txt": "invalid-sidecar",
  "sidecar-impossible-date.txt": "invalid-sidecar",
  "sidecar-future-date.txt": "invalid-sidecar",
  "sidecar-bad-url.txt": "invalid-sidecar",
  "missing-from-disk.txt": "missing-file",
  "../outside.txt": "path-not-allowed",
  "/etc/hostname": "path-not-allowed",
  "symlink-out.txt": "path-not-allowed",
  "dangling-symlink.txt": "missing-file",
  "a directory.txt": "path-not-allowed",
  "name with spaces & $(echo shell) ünïcödé.txt": null,
  "mode-000.txt": asRoot ? null : "unreadable-file"
})

/**
 * Fill `<root>/sources` with the matrix: fixtures from `fixtures` (tests/fixtures) plus generated cases; one file is
 * written beside it, in `root` (the target of a manifest path that escapes the sources folder), so `root` must be the
 * caller's own folder. Returns the sources folder.
 */
export const makeMatrix = (root: string, fixtures: string, good: Uint8Array): string => {
  const src = join(root, "sources")
  mkdirSync(src)
  writeFileSync(join(src, "good.txt"), good)
  for (const f of readdirSync(join(fixtures, "bad-inputs")))
    if (f.endsWith(".txt") && f !== "bom-crlf.txt") cpSync(join(fixtures, "bad-inputs", f), join(src, f))
  for (const f of readdirSync(join(fixtures, "bad-sidecars"))) cpSync(join(fixtures, "bad-sidecars", f), join(src, f))
  const sentence =
    "Kazakh President Kassym-Jomart Tokayev met U.S. Secretary of State Marco Rubio in Astana to discuss critical " +
    "minerals and trade. "
  writeFileSync(join(src, "one-megabyte-line.txt"), sentence.repeat(Math.ceil(1_048_576 / sentence.length)) + "\n")
  writeFileSync(join(src, "too-large.txt"), sentence.repeat(Math.ceil((5 * 1_048_576) / sentence.length)))
  writeFileSync(join(src, "same-bytes-other-name.txt"), good)
  writeFileSync(
    join(src, "same-article-other-boilerplate.txt"),
    `A headline that differs from any other\n\n${Buffer.from(good).toString("utf8")}\nTags\n`
  )
  writeFileSync(join(root, "outside.txt"), "Tokayev met Rubio in Astana.\n")
  symlinkSync("/etc/hostname", join(src, "symlink-out.txt"))
  symlinkSync(join(src, "no-such-target"), join(src, "dangling-symlink.txt"))
  mkdirSync(join(src, "a directory.txt"))
  writeFileSync(
    join(src, "name with spaces & $(echo shell) ünïcödé.txt"),
    "Turkmen President Serdar Berdimuhamedow met Chinese President Xi Jinping in Beijing.\n"
  )
  writeFileSync(join(src, "mode-000.txt"), "Tajik President Emomali Rahmon visited Moscow.\n")
  chmodSync(join(src, "mode-000.txt"), 0o000)
  const row = (file: string) =>
    `    { "file": ${JSON.stringify(file)}, "publisher": null, "url": null, "published": "2025-11-06", "published_precision": "day", "published_basis": "metadata", "published_note": "test", "language": "en", "licence": "test" }`
  writeFileSync(
    join(src, "sources.json"),
    `{\n  "sources": [\n${["good.txt", "missing-from-disk.txt", "../outside.txt", "/etc/hostname"].map(row).join(",\n")}\n  ]\n}\n`
  )
  return src
}

/** Compare a built release's manifest with the expected codes: [file, expected, got] for every mismatch. */
export const matrixMismatches = (
  manifestPath: string,
  expected: Record<string, string | null>
): Array<[string, string | null, string | null]> => {
  const m = Effect.runSync(readManifest(dirname(manifestPath)))
  const rejected = Object.fromEntries(m.rejected.map((r) => [r.file, r.code]))
  const published = new Set(m.sources.map((s) => s.file_name))
  return Object.entries(expected).flatMap(([file, code]): Array<[string, string | null, string | null]> => {
    const got = published.has(file) ? null : (rejected[file] ?? "(lost)")
    return got === code ? [] : [[file, code, got]]
  })
}
