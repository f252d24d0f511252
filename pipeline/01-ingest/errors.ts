/**
 * Ingest errors. Per-source problems are values: they go into the release manifest's
 * `rejected` list and the build goes on. `ManifestInvalid` fails the build.
 */
import { Schema } from "effect"

// == per-source errors (rejected, build continues)

/** The file has no bytes. */
export class EmptyFile extends Schema.TaggedError<EmptyFile>()("EmptyFile", {
  file: Schema.String
}) {
  static readonly code = "empty-file"
  override get message() {
    return `${this.file}: the file is empty (0 bytes)`
  }
}

/** The file holds only whitespace. */
export class WhitespaceOnly extends Schema.TaggedError<WhitespaceOnly>()("WhitespaceOnly", { file: Schema.String }) {
  static readonly code = "whitespace-only"
  override get message() {
    return `${this.file}: the file holds only whitespace, no article text`
  }
}

/** NUL bytes: not a text file. */
export class BinaryFile extends Schema.TaggedError<BinaryFile>()("BinaryFile", {
  file: Schema.String,
  offset: Schema.Int
}) {
  static readonly code = "binary-file"
  override get message() {
    return `${this.file}: NUL byte at byte ${this.offset}; this is a binary file, not UTF-8 text`
  }
}

/** Bytes that are not valid UTF-8. */
export class InvalidUtf8 extends Schema.TaggedError<InvalidUtf8>()("InvalidUtf8", {
  file: Schema.String,
  offset: Schema.Int
}) {
  static readonly code = "invalid-utf8"
  override get message() {
    return `${this.file}: invalid UTF-8 at byte ${this.offset}; re-save the file as UTF-8`
  }
}

/** A UTF-16 (or UTF-32) byte-order mark: the pipeline reads UTF-8 only. */
export class UnsupportedEncoding extends Schema.TaggedError<UnsupportedEncoding>()("UnsupportedEncoding", {
  file: Schema.String,
  encoding: Schema.String
}) {
  static readonly code = "unsupported-encoding"
  override get message() {
    return `${this.file}: the file is ${this.encoding} (byte-order mark found); convert it to UTF-8`
  }
}

/** Larger than the documented limit. */
export class FileTooLarge extends Schema.TaggedError<FileTooLarge>()("FileTooLarge", {
  file: Schema.String,
  bytes: Schema.Int,
  limit: Schema.Int
}) {
  static readonly code = "file-too-large"
  override get message() {
    return `${this.file}: ${this.bytes} bytes exceeds the limit of ${this.limit} bytes for one article`
  }
}

/** Same text as a source already accepted. */
export class DuplicateSource extends Schema.TaggedError<DuplicateSource>()("DuplicateSource", {
  file: Schema.String,
  duplicateOf: Schema.String
}) {
  static readonly code = "duplicate-source"
  override get message() {
    return `${this.file}: same text as ${this.duplicateOf}; a source is published once`
  }
}

/** The manifest names a file that does not exist. */
export class MissingFile extends Schema.TaggedError<MissingFile>()("MissingFile", {
  file: Schema.String,
  line: Schema.Int
}) {
  static readonly code = "missing-file"
  override get message() {
    return `${this.file}: named in the sources manifest (line ${this.line}) but no such file exists`
  }
}

/** The path is not a regular file inside the sources folder. */
export class PathNotAllowed extends Schema.TaggedError<PathNotAllowed>()("PathNotAllowed", {
  file: Schema.String,
  reason: Schema.String
}) {
  static readonly code = "path-not-allowed"
  override get message() {
    return `${this.file}: ${this.reason}`
  }
}

/** The file exists but cannot be read. */
export class UnreadableFile extends Schema.TaggedError<UnreadableFile>()("UnreadableFile", {
  file: Schema.String,
  reason: Schema.String
}) {
  static readonly code = "unreadable-file"
  override get message() {
    return `${this.file}: cannot be read (${this.reason})`
  }
}

/** A sidecar `.meta.json` that is not valid metadata. */
export class InvalidSidecar extends Schema.TaggedError<InvalidSidecar>()("InvalidSidecar", {
  file: Schema.String,
  detail: Schema.String
}) {
  static readonly code = "invalid-sidecar"
  override get message() {
    return `${this.file}: invalid metadata: ${this.detail}`
  }
}

/** Markup rather than article text. */
export class HtmlDocument extends Schema.TaggedError<HtmlDocument>()("HtmlDocument", { file: Schema.String }) {
  static readonly code = "html-document"
  override get message() {
    return `${this.file}: this is an HTML document, not plain article text; extract the article text first`
  }
}

/** Bidirectional-override control characters (a "Trojan Source" hazard: text that displays otherwise than it reads). */
export class BidiControl extends Schema.TaggedError<BidiControl>()("BidiControl", {
  file: Schema.String,
  offset: Schema.Int
}) {
  static readonly code = "bidi-control"
  override get message() {
    return `${this.file}: bidirectional control character at character ${this.offset}; remove it (it can make the text display differently from what it says)`
  }
}

/** Text that is not in English (the lexicons and rules are English). */
export class NotEnglish extends Schema.TaggedError<NotEnglish>()("NotEnglish", {
  file: Schema.String,
  ratio: Schema.Number
}) {
  static readonly code = "not-english"
  override get message() {
    return `${this.file}: the text does not read as English (${(this.ratio * 100).toFixed(1)}% English function words); add a translation or leave it out`
  }
}

/** The same article as another source with other boilerplate (title lines, tags, credits). */
export class NearDuplicate extends Schema.TaggedError<NearDuplicate>()("NearDuplicate", {
  file: Schema.String,
  duplicateOf: Schema.String
}) {
  static readonly code = "near-duplicate-source"
  override get message() {
    return `${this.file}: the same article body as ${this.duplicateOf} (only boilerplate differs); a source is published once`
  }
}

/** A file name that cannot stand in a manifest, a CSV cell or a one-line message: not UTF-8, or holding a control or bidirectional character. */
export class InvalidFileName extends Schema.TaggedError<InvalidFileName>()("InvalidFileName", {
  file: Schema.String,
  reason: Schema.String
}) {
  static readonly code = "invalid-file-name"
  override get message() {
    return `${this.file}: the file name ${this.reason} (shown escaped); rename the file`
  }
}

/** A sentence longer than the limit: extraction's cost grows faster than a sentence's length, so one such sentence would stall the build. */
export class SentenceTooLong extends Schema.TaggedError<SentenceTooLong>()("SentenceTooLong", {
  file: Schema.String,
  offset: Schema.Int,
  chars: Schema.Int,
  limit: Schema.Int
}) {
  static readonly code = "sentence-too-long"
  override get message() {
    return `${this.file}: a sentence of ${this.chars} characters at character ${this.offset} (no sentence end or line break), longer than the limit of ${this.limit}; break the text into sentences or lines`
  }
}

/** Every per-source ingest error. */
export type SourceError =
  | EmptyFile
  | WhitespaceOnly
  | BinaryFile
  | InvalidUtf8
  | UnsupportedEncoding
  | FileTooLarge
  | DuplicateSource
  | MissingFile
  | PathNotAllowed
  | UnreadableFile
  | InvalidSidecar
  | HtmlDocument
  | BidiControl
  | NotEnglish
  | NearDuplicate
  | InvalidFileName
  | SentenceTooLong

/** Stable code of a per-source error. */
export const codeOf = (e: SourceError): string => (e.constructor as unknown as { code: string }).code

// == build errors (the build fails)

/** The sources manifest itself is invalid. */
export class ManifestInvalid extends Schema.TaggedError<ManifestInvalid>()("ManifestInvalid", {
  file: Schema.String,
  line: Schema.Int,
  detail: Schema.String
}) {
  static readonly code = "manifest-invalid"
  override get message() {
    return `${this.file}:${this.line}: ${this.detail}`
  }
}

/** The sources folder does not exist or is not a folder. */
export class SourcesFolderMissing extends Schema.TaggedError<SourcesFolderMissing>()("SourcesFolderMissing", {
  dir: Schema.String
}) {
  static readonly code = "sources-folder-missing"
  override get message() {
    return `${this.dir}: no such sources folder`
  }
}
