/**
 * The error catalogue: every problem the pipeline reports, by stable kebab-case code, with the
 * stage that reports it, what it means and the remedy (in the spirit of Frictionless's error
 * catalogue). Rendered into the README; a test checks that every code in pipeline/ is here.
 */

/** One catalogue entry. */
export interface ErrorEntry {
  readonly code: string
  readonly stage: "ingest" | "build" | "publish" | "validate" | "eval"
  /** per-source: the source is left out and listed under `rejected`; the build goes on. fatal: the command fails. problem: a validation finding. warning: said on stderr; the command goes on and its output is the same. */
  readonly effect: "per-source" | "fatal" | "problem" | "warning"
  readonly message: string
  readonly remedy: string
}

/** Every error code. */
export const CATALOGUE: ReadonlyArray<ErrorEntry> = [
  // -- ingest: per-source problems (values in manifest.rejected)
  {
    code: "empty-file",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: the file is empty (0 bytes)",
    remedy: "Add the article text or remove the file."
  },
  {
    code: "whitespace-only",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: the file holds only whitespace",
    remedy: "Add the article text or remove the file."
  },
  {
    code: "binary-file",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: NUL byte at byte {offset}; a binary file, not UTF-8 text",
    remedy: "Convert the article to plain UTF-8 text."
  },
  {
    code: "invalid-utf8",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: invalid UTF-8 at byte {offset}",
    remedy: "Re-save the file as UTF-8."
  },
  {
    code: "unsupported-encoding",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: the file is {encoding} (byte-order mark found)",
    remedy: "Convert the file to UTF-8."
  },
  {
    code: "file-too-large",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: {bytes} bytes exceeds the limit of {limit} bytes (4 MiB) for one article",
    remedy: "Split or trim the article."
  },
  {
    code: "html-document",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: an HTML document, not plain article text",
    remedy: "Extract the article text first."
  },
  {
    code: "bidi-control",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: bidirectional control character at character {offset}",
    remedy: "Remove the control character: it can make text display otherwise than it reads."
  },
  {
    code: "not-english",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: the text does not read as English ({ratio}% English function words)",
    remedy: "Add an English version; the lexicons and rules are English."
  },
  {
    code: "duplicate-source",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: same text as {duplicateOf} (after BOM, line-ending and NFC normalisation)",
    remedy: "Remove one copy."
  },
  {
    code: "near-duplicate-source",
    stage: "build",
    effect: "per-source",
    message: "{file}: the same article body as {duplicateOf}; only boilerplate differs",
    remedy: "Keep one copy of the article."
  },
  {
    code: "missing-file",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: named in the sources manifest (line {line}) but no such file exists (or a dangling symlink)",
    remedy: "Fix the manifest row or add the file."
  },
  {
    code: "path-not-allowed",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: the path leaves the sources folder (`..`, absolute, a symlink out) or is not a regular file",
    remedy: "Keep sources as regular files inside the sources folder."
  },
  {
    code: "unreadable-file",
    stage: "ingest",
    effect: "per-source",
    message: "{file}: cannot be read ({reason})",
    remedy: "Fix the file's permissions."
  },
  {
    code: "invalid-file-name",
    stage: "ingest",
    effect: "per-source",
    message:
      "{file}: the file name is not valid UTF-8, or holds a line break, control or bidirectional character (shown escaped: \\xNN, \\n, \\u{…})",
    remedy: "Rename the file: a file name is published in a CSV cell, the manifest and one-line messages."
  },
  {
    code: "sentence-too-long",
    stage: "ingest",
    effect: "per-source",
    message:
      "{file}: a sentence of {chars} characters at character {offset}, longer than the limit of {limit} (10,000)",
    remedy: "Break the text into sentences or lines: extraction's time grows faster than a sentence's length."
  },
  {
    code: "invalid-sidecar",
    stage: "ingest",
    effect: "per-source",
    message:
      "{file}: invalid metadata: {detail} (not JSON, an unknown field, a date that does not exist or lies in the future, a url that is not a url)",
    remedy: "Fix the .meta.json sidecar."
  },
  // -- build: fatal
  {
    code: "manifest-invalid",
    stage: "ingest",
    effect: "fatal",
    message: "{file}:{line}: {detail}",
    remedy: "Fix sources.json at that line."
  },
  {
    code: "sources-folder-missing",
    stage: "ingest",
    effect: "fatal",
    message: "{dir}: no such sources folder",
    remedy: "Pass an existing folder with --sources."
  },
  {
    code: "lexicon-invalid",
    stage: "build",
    effect: "fatal",
    message: "{file}:{line}: {detail}",
    remedy: "Fix the lexicon line (see pipeline/lexicons/README.md and schemas/Lexicon.ts)."
  },
  {
    code: "strict-rejected",
    stage: "build",
    effect: "fatal",
    message: "{count} source(s) rejected and --strict is set",
    remedy: "Fix or remove the rejected sources (listed above with their codes)."
  },
  {
    code: "base-release-invalid",
    stage: "build",
    effect: "fatal",
    message:
      "{dir}: the base release does not match its checksums ({files}: SHA-256 differs, missing, or latest.json unreadable)",
    remedy:
      "Restore the release from an archive, or build with `--base none` to publish a new minor version without a diff (its changelog says so)."
  },
  {
    code: "cache-unwritable",
    stage: "build",
    effect: "warning",
    message: "{dir}: cannot store extraction cache entries ({detail}); the build goes on without storing them",
    remedy: "Free space or make the cache folder writable, or pass --no-cache; the release is the same either way."
  },
  // -- publish: fatal
  {
    code: "release-exists",
    stage: "publish",
    effect: "fatal",
    message: "{dir}: version {version} is already published with other content",
    remedy: "Published releases are immutable: build a new version."
  },
  {
    code: "version-mismatch",
    stage: "publish",
    effect: "fatal",
    message: "version {requested} does not fit the change ({reason}); expected {expected}",
    remedy: "Use the expected version, or omit --version."
  },
  {
    code: "disk-full",
    stage: "publish",
    effect: "fatal",
    message: "{path}: no space left on the file system while {step} (ENOSPC); nothing was published",
    remedy:
      "Free space (or use another --out) and rerun: what the build wrote was removed, the previous release and latest.json are as they were."
  },
  {
    code: "output-not-writable",
    stage: "publish",
    effect: "fatal",
    message: "{path}: cannot write while {step} (EROFS: read-only file system, or EACCES); nothing was published",
    remedy:
      "Make the output folder writable (or use another --out) and rerun; anything the build could not remove is named and removed by the next build."
  },
  {
    code: "io-error",
    stage: "publish",
    effect: "fatal",
    message: "{path}: input/output error while {step} (EIO); nothing was published",
    remedy:
      "Check the disk (kernel log, fsck) before trusting files on it; the previous release and latest.json are as they were."
  },
  {
    code: "publish-failed",
    stage: "publish",
    effect: "fatal",
    message: "{dir}: {detail}",
    remedy: "Any other failure of writing the release: read the detail; rerun (the release folder is unchanged)."
  },
  {
    code: "release-locked",
    stage: "publish",
    effect: "fatal",
    message: "{dir}/.lock is held by running process {pid}",
    remedy:
      "Wait for the other build to finish; a lock left by a killed process, or holding no process id, is taken over automatically."
  },
  {
    code: "lock-unreadable",
    stage: "publish",
    effect: "fatal",
    message: "{dir}/.lock exists but cannot be read ({detail})",
    remedy: "If no build is publishing into the folder, remove the file."
  },
  {
    code: "not-reproducible",
    stage: "publish",
    effect: "fatal",
    message: "{dir}: {n} file(s) differ from a rebuild from the sources and code: {files}",
    remedy: "Undo hand edits in dist/, or rebuild after changing sources, lexicons or code."
  },
  // -- validate and verify: problems found in a release
  {
    code: "release-invalid",
    stage: "validate",
    effect: "fatal",
    message: "{dir}: {count} problem(s) found",
    remedy: "See the problems listed above it."
  },
  {
    code: "release-not-found",
    stage: "validate",
    effect: "fatal",
    message: "{dir}: no latest.json",
    remedy: "Build a release first or name a release directory."
  },
  {
    code: "manifest-unreadable",
    stage: "validate",
    effect: "problem",
    message: "cannot read manifest.json",
    remedy: "Restore the release from its archive."
  },
  {
    code: "path-outside-release",
    stage: "validate",
    effect: "problem",
    message: "a listed path leaves the release directory; it was not read",
    remedy: "The release was tampered with: restore it."
  },
  {
    code: "file-missing",
    stage: "validate",
    effect: "problem",
    message: "a listed file cannot be read",
    remedy: "Restore the release from its archive."
  },
  {
    code: "hash-mismatch",
    stage: "validate",
    effect: "problem",
    message: "a file's SHA-256 differs from manifest.json, SHA256SUMS or datapackage.json",
    remedy: "The file was changed: restore it."
  },
  {
    code: "size-mismatch",
    stage: "validate",
    effect: "problem",
    message: "a file's size differs from its metadata",
    remedy: "The file was truncated or changed: restore it."
  },
  {
    code: "checksums-malformed",
    stage: "validate",
    effect: "problem",
    message: "a SHA256SUMS line is not `<hex>  <path>`",
    remedy: "Restore SHA256SUMS."
  },
  {
    code: "table-missing",
    stage: "validate",
    effect: "problem",
    message: "a table is not in manifest.tables",
    remedy: "Restore manifest.json."
  },
  {
    code: "csv-malformed",
    stage: "validate",
    effect: "problem",
    message: "a CSV file does not parse",
    remedy: "Restore the CSV file."
  },
  {
    code: "csv-columns",
    stage: "validate",
    effect: "problem",
    message: "a CSV file's columns differ from the table schema",
    remedy: "Restore the CSV file."
  },
  {
    code: "header-mismatch",
    stage: "validate",
    effect: "problem",
    message: "a CSV header differs from datapackage.json",
    remedy: "Restore the CSV file."
  },
  {
    code: "arrow-unreadable",
    stage: "validate",
    effect: "problem",
    message: "an Arrow file cannot be read",
    remedy: "Restore the Arrow file."
  },
  {
    code: "row-count-mismatch",
    stage: "validate",
    effect: "problem",
    message: "CSV, Arrow and manifest disagree on a table's rows",
    remedy: "Restore the table's files."
  },
  {
    code: "csv-arrow-mismatch",
    stage: "validate",
    effect: "problem",
    message: "a CSV cell differs from the Arrow value",
    remedy: "Restore the table's files."
  },
  {
    code: "duplicate-key",
    stage: "validate",
    effect: "problem",
    message: "a primary key occurs twice",
    remedy: "Restore the table."
  },
  {
    code: "primary-key",
    stage: "validate",
    effect: "problem",
    message: "a primary key occurs twice (datapackage check)",
    remedy: "Restore the table."
  },
  {
    code: "foreign-key",
    stage: "validate",
    effect: "problem",
    message: "a reference names no row of the referenced table",
    remedy: "Restore the tables."
  },
  {
    code: "required-field",
    stage: "validate",
    effect: "problem",
    message: "a required field is empty",
    remedy: "Restore the table."
  },
  {
    code: "type-error",
    stage: "validate",
    effect: "problem",
    message: "a value does not parse as its field type",
    remedy: "Restore the table."
  },
  {
    code: "category-error",
    stage: "validate",
    effect: "problem",
    message: "a value is not one of its field's categories",
    remedy: "Restore the table."
  },
  {
    code: "no-evidence",
    stage: "validate",
    effect: "problem",
    message: "a row has no evidence row",
    remedy: "Restore the evidence table."
  },
  {
    code: "text-hash-mismatch",
    stage: "validate",
    effect: "problem",
    message: "a published text does not match its text_sha256",
    remedy: "Restore the text file."
  },
  {
    code: "span-out-of-range",
    stage: "validate",
    effect: "problem",
    message: "an evidence span lies outside its source text",
    remedy: "Restore the evidence table."
  },
  {
    code: "span-mismatch",
    stage: "validate",
    effect: "problem",
    message: "an evidence span does not re-slice to its quote",
    remedy: "Restore the evidence table or the text."
  },
  {
    code: "datapackage-unreadable",
    stage: "validate",
    effect: "problem",
    message: "cannot read datapackage.json",
    remedy: "Restore datapackage.json."
  },
  // -- eval
  {
    code: "gold-file-invalid",
    stage: "eval",
    effect: "fatal",
    message: "{file}: {detail}",
    remedy: "Fix the gold file (format: seeds/gold/FORMAT.md)."
  }
]

/** Markdown table of the catalogue for the README. */
export const renderCatalogue = (): string =>
  [
    "| code | stage | effect | message | remedy |",
    "| --- | --- | --- | --- | --- |",
    ...CATALOGUE.map(
      (e) => `| \`${e.code}\` | ${e.stage} | ${e.effect} | ${e.message.replace(/\|/g, "\\|")} | ${e.remedy} |`
    )
  ].join("\n") + "\n"
