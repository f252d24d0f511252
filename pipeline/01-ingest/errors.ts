/**
 * Ingest errors. Per-source problems are values: they go into the release manifest's
 * `rejected` list and the build goes on. `ManifestInvalid` fails the build. Each class is
 * declared once with its spec (schemas/ErrorSpec.ts); the catalogue and README are rendered from it.
 */
import { Schema } from "effect"
import { defineError, rejectedEntry } from "../../schemas/ErrorSpec.js"

// == per-source errors (rejected, build continues)

/** The file has no bytes. */
export class EmptyFile extends defineError<EmptyFile>()(
  "EmptyFile",
  { file: Schema.String },
  {
    code: "empty-file",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: the file is empty (0 bytes)",
    remedy: "Add the article text or remove the file."
  }
) {}

/** The file holds only whitespace. */
export class WhitespaceOnly extends defineError<WhitespaceOnly>()(
  "WhitespaceOnly",
  { file: Schema.String },
  {
    code: "whitespace-only",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: the file holds only whitespace, no article text",
    remedy: "Add the article text or remove the file."
  }
) {}

/** NUL bytes: not a text file. */
export class BinaryFile extends defineError<BinaryFile>()(
  "BinaryFile",
  { file: Schema.String, offset: Schema.Int },
  {
    code: "binary-file",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: NUL byte at byte {offset}; this is a binary file, not UTF-8 text",
    remedy: "Convert the article to plain UTF-8 text."
  }
) {}

/** Bytes that are not valid UTF-8. */
export class InvalidUtf8 extends defineError<InvalidUtf8>()(
  "InvalidUtf8",
  { file: Schema.String, offset: Schema.Int },
  {
    code: "invalid-utf8",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: invalid UTF-8 at byte {offset}; re-save the file as UTF-8",
    remedy: 'Re-save the file as UTF-8 (an editor\'s "save with encoding", or `iconv -t UTF-8`).'
  }
) {}

/** A UTF-16 (or UTF-32) byte-order mark: the pipeline reads UTF-8 only. */
export class UnsupportedEncoding extends defineError<UnsupportedEncoding>()(
  "UnsupportedEncoding",
  { file: Schema.String, encoding: Schema.String },
  {
    code: "unsupported-encoding",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: the file is {encoding} (byte-order mark found); convert it to UTF-8",
    remedy: "Convert the file to UTF-8: the pipeline reads UTF-8 only."
  }
) {}

/** Larger than the documented limit. */
export class FileTooLarge extends defineError<FileTooLarge>()(
  "FileTooLarge",
  { file: Schema.String, bytes: Schema.Int, limit: Schema.Int },
  {
    code: "file-too-large",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: {bytes} bytes exceeds the limit of {limit} bytes for one article",
    remedy: "Split or trim the article (the limit is 4 MiB)."
  }
) {}

/** Same text as a source already accepted. */
export class DuplicateSource extends defineError<DuplicateSource>()(
  "DuplicateSource",
  { file: Schema.String, duplicateOf: Schema.String },
  {
    code: "duplicate-source",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: same text as {duplicateOf}; a source is published once",
    remedy: "Remove one copy (texts are compared after BOM, line-ending and NFC normalisation)."
  }
) {}

/** The manifest names a file that does not exist, or a symbolic link points to none. */
export class MissingFile extends defineError<MissingFile>()(
  "MissingFile",
  { file: Schema.String, line: Schema.optional(Schema.Int) },
  {
    code: "missing-file",
    stage: "ingest",
    effect: "source rejected",
    message: {
      listed: "{file}: named in the sources manifest (line {line}) but no such file exists",
      link: "{file}: a symbolic link to a file that does not exist"
    },
    variant: (e) => (e.line === undefined ? "link" : "listed"),
    remedy: "Fix the manifest row, add the file, or fix or remove the symbolic link."
  }
) {}

/** The path is not a regular file inside the sources folder. */
export class PathNotAllowed extends defineError<PathNotAllowed>()(
  "PathNotAllowed",
  { file: Schema.String, reason: Schema.String },
  {
    code: "path-not-allowed",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: {reason}",
    remedy:
      "Keep sources as regular files inside the sources folder (the reason says which rule failed: `..` or an absolute path, a symbolic link out of the folder, a directory, fifo, socket or device)."
  }
) {}

/** The file exists but cannot be read. */
export class UnreadableFile extends defineError<UnreadableFile>()(
  "UnreadableFile",
  { file: Schema.String, reason: Schema.String },
  {
    code: "unreadable-file",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: cannot be read ({reason})",
    remedy: "Fix the file's permissions."
  }
) {}

/** A sidecar `.meta.json` that is not valid metadata. */
export class InvalidSidecar extends defineError<InvalidSidecar>()(
  "InvalidSidecar",
  { file: Schema.String, detail: Schema.String },
  {
    code: "invalid-sidecar",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: invalid metadata: {detail}",
    remedy:
      "Fix the .meta.json sidecar (the detail names the problem: not JSON, an unknown field, a date that does not exist or lies in the future, a url that is not a url)."
  }
) {}

/** Markup rather than article text. */
export class HtmlDocument extends defineError<HtmlDocument>()(
  "HtmlDocument",
  { file: Schema.String },
  {
    code: "html-document",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: this is an HTML document, not plain article text; extract the article text first",
    remedy: "Extract the article text first."
  }
) {}

/** Bidirectional-override control characters (a "Trojan Source" hazard: text that displays otherwise than it reads). */
export class BidiControl extends defineError<BidiControl>()(
  "BidiControl",
  { file: Schema.String, offset: Schema.Int },
  {
    code: "bidi-control",
    stage: "ingest",
    effect: "source rejected",
    message:
      "{file}: bidirectional control character at character {offset}; remove it (it can make the text display differently from what it says)",
    remedy: "Remove the control character."
  }
) {}

/** Text that is not in English (the lexicons and rules are English). */
export class NotEnglish extends defineError<NotEnglish>()(
  "NotEnglish",
  { file: Schema.String, ratio: Schema.Number },
  {
    code: "not-english",
    stage: "ingest",
    effect: "source rejected",
    message:
      "{file}: the text does not read as English ({percent}% English function words); add a translation or leave it out",
    derive: (e) => ({ percent: (e.ratio * 100).toFixed(1) }),
    remedy: "Add an English translation or leave the article out: the lexicons and rules are English."
  }
) {}

/** The same article as another source with other boilerplate (title lines, tags, credits). */
export class NearDuplicate extends defineError<NearDuplicate>()(
  "NearDuplicate",
  { file: Schema.String, duplicateOf: Schema.String },
  {
    code: "near-duplicate-source",
    stage: "normalise",
    effect: "source rejected",
    message: "{file}: the same article body as {duplicateOf} (only boilerplate differs); a source is published once",
    remedy: "Keep one copy of the article."
  }
) {}

/**
 * A file name that cannot stand in a manifest, a CSV cell or a one-line message: not UTF-8, or holding a control or
 * bidirectional character.
 */
export class InvalidFileName extends defineError<InvalidFileName>()(
  "InvalidFileName",
  { file: Schema.String, reason: Schema.String },
  {
    code: "invalid-file-name",
    stage: "ingest",
    effect: "source rejected",
    message: "{file}: the file name {reason} (shown escaped); rename the file",
    remedy:
      "Rename the file: a file name is published in a CSV cell, the manifest and one-line messages (it is shown escaped: \\xNN, \\n, \\u{…})."
  }
) {}

/**
 * A sentence longer than the limit: extraction's cost grows faster than a sentence's length, so one such sentence would
 * stall the build.
 */
export class SentenceTooLong extends defineError<SentenceTooLong>()(
  "SentenceTooLong",
  { file: Schema.String, offset: Schema.Int, chars: Schema.Int, limit: Schema.Int },
  {
    code: "sentence-too-long",
    stage: "ingest",
    effect: "source rejected",
    message:
      "{file}: a sentence of {chars} characters at character {offset} (no sentence end or line break), longer than the limit of {limit}; break the text into sentences or lines",
    remedy:
      "Break the text into sentences or lines (the limit is 10,000 characters): extraction's time grows faster than a sentence's length."
  }
) {}

/** What decoding a file's bytes can fail with (01-ingest/decodeText.ts). */
export type DecodeError =
  | EmptyFile
  | WhitespaceOnly
  | BinaryFile
  | InvalidUtf8
  | UnsupportedEncoding
  | FileTooLarge
  | HtmlDocument
  | BidiControl
  | NotEnglish
  | SentenceTooLong

/** Every per-source ingest error. */
export type SourceError =
  | DecodeError
  | DuplicateSource
  | MissingFile
  | PathNotAllowed
  | UnreadableFile
  | InvalidSidecar
  | NearDuplicate
  | InvalidFileName

/** A per-source error as the manifest's `rejected` entry: its file, code and rendered message. */
export const rejectedSource = (e: SourceError) => rejectedEntry(e)

// == build errors (the build fails)

/** The sources manifest itself is invalid. */
export class ManifestInvalid extends defineError<ManifestInvalid>()(
  "ManifestInvalid",
  { file: Schema.String, line: Schema.Int, detail: Schema.String },
  {
    code: "manifest-invalid",
    stage: "ingest",
    effect: "build stops",
    message: "{file}:{line}: {detail}",
    remedy: "Fix sources.json at that line."
  }
) {}

/** The sources folder does not exist or is not a folder. */
export class SourcesFolderMissing extends defineError<SourcesFolderMissing>()(
  "SourcesFolderMissing",
  { dir: Schema.String },
  {
    code: "sources-folder-missing",
    stage: "ingest",
    effect: "build stops",
    message: "{dir}: no such sources folder",
    remedy: "Pass an existing folder with --sources."
  }
) {}
