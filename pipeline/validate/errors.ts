/**
 * Validate errors (the command fails; each problem was printed with its code) and the problems
 * `validate` and `verify` report. Each is declared once (schemas/ErrorSpec.ts); the catalogue is
 * rendered from these declarations.
 */
import { Schema } from "effect"
import { defineError, type ErrorSpec } from "../../schemas/ErrorSpec.js"

/** Problems were found in a release. */
export class ValidationFailed extends defineError<ValidationFailed>()(
  "ValidationFailed",
  { dir: Schema.String, count: Schema.Int },
  {
    code: "release-invalid",
    stage: "validate",
    effect: "command fails",
    message: "{dir}: {count} problem(s) found",
    remedy: "See the problems listed above it."
  }
) {}

/** No release to look at. */
export class ReleaseNotFound extends defineError<ReleaseNotFound>()(
  "ReleaseNotFound",
  { dir: Schema.String },
  {
    code: "release-not-found",
    stage: "validate",
    effect: "command fails",
    message: "{dir}: no latest.json; build a release first or name a release directory",
    remedy: "Build a release first or name a release directory."
  }
) {}

// == problems: findings in a release, reported as `code: file: detail` (values, not failures)

/** A kind of problem: its message is what the finding says; the detail printed with it names the row or value. */
const problem = (message: string, remedy: string): Omit<ErrorSpec, "code"> => ({
  stage: "validate",
  effect: "problem",
  message,
  remedy
})

/** Every problem `validate` can report, by code. */
export const PROBLEMS = {
  "manifest-unreadable": problem("cannot read manifest.json", "Restore the release from its archive."),
  "path-outside-release": problem(
    "a listed path leaves the release directory; it was not read",
    "The release was tampered with: restore it."
  ),
  "file-missing": problem(
    "a listed file (with --texts, a quotes-only source's original) cannot be read",
    "Restore the release from its archive (or give the folder of the original articles)."
  ),
  "hash-mismatch": problem(
    "a file's SHA-256 differs from manifest.json, SHA256SUMS or datapackage.json",
    "The file was changed: restore it."
  ),
  "size-mismatch": problem("a file's size differs from its metadata", "The file was truncated or changed: restore it."),
  "checksums-malformed": problem("a SHA256SUMS line is not `<hex>  <path>`", "Restore SHA256SUMS."),
  "table-missing": problem("a table is not in manifest.tables", "Restore manifest.json."),
  "csv-malformed": problem("a CSV file does not parse", "Restore the CSV file."),
  "csv-columns": problem("a CSV file's columns differ from the table schema", "Restore the CSV file."),
  "header-mismatch": problem("a CSV header differs from datapackage.json", "Restore the CSV file."),
  "arrow-unreadable": problem("an Arrow file cannot be read", "Restore the Arrow file."),
  "row-count-mismatch": problem("CSV, Arrow and manifest disagree on a table's rows", "Restore the table's files."),
  "csv-arrow-mismatch": problem("a CSV cell differs from the Arrow value", "Restore the table's files."),
  "duplicate-key": problem("a primary key occurs twice", "Restore the table."),
  "primary-key": problem("a primary key occurs twice (datapackage check)", "Restore the table."),
  "foreign-key": problem("a reference names no row of the referenced table", "Restore the tables."),
  "required-field": problem("a required field is empty", "Restore the table."),
  "type-error": problem("a value does not parse as its field type", "Restore the table."),
  "category-error": problem("a value is not one of its field's categories", "Restore the table."),
  "no-evidence": problem("a row has no evidence row", "Restore the evidence table."),
  "text-hash-mismatch": problem(
    "a published text (or, with --texts, an original) does not match its text_sha256",
    "Restore the text file (or give the original article)."
  ),
  "span-out-of-range": problem("an evidence span lies outside its source text", "Restore the evidence table."),
  "span-mismatch": problem(
    "an evidence span does not re-slice to its quote (text not at hand: the quote is not as long as the span)",
    "Restore the evidence table or the text."
  ),
  "datapackage-unreadable": problem("cannot read datapackage.json", "Restore datapackage.json.")
} as const

/** The stable code of a problem. */
export type ProblemCode = keyof typeof PROBLEMS

/** Every problem kind as a spec, code included. */
export const problemSpecs = (): ReadonlyArray<ErrorSpec> =>
  Object.entries(PROBLEMS).map(([code, spec]) => ({ code, ...spec }))
