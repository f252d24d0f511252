/**
 * Checks of a release directory, each yielding problems with a stable code (Frictionless
 * style: a report, not the first exception). Reads only files inside the release, and the originals of
 * quotes-only sources from the folder `validate --texts` names.
 */
import * as fs from "node:fs"
import * as nodePath from "node:path"
import { Either } from "effect"
import type { Column, TableDef } from "../../schemas/Column.js"
import { TABLES } from "../../schemas/Tables.js"
import { decodeText } from "../01-ingest/decodeText.js"
import { fromArrow } from "../05-publish/arrow.js"
import { csvCell, parseCsv } from "../05-publish/csv.js"
import { sha256 } from "../shared/hash.js"
import type { ProblemCode } from "./errors.js"

/** One problem found in a release. */
export interface Problem {
  readonly code: ProblemCode
  readonly file: string
  readonly message: string
}

/** Resolve a release-relative path, refusing anything that leaves the release (.., absolute, symlinks out). */
export const insideRelease = (root: string, rel: string): string | null => {
  if (typeof rel !== "string" || rel === "" || nodePath.isAbsolute(rel) || rel.split(/[\\/]/).includes(".."))
    return null
  const full = nodePath.join(root, rel)
  try {
    const real = fs.realpathSync(full)
    const realRoot = fs.realpathSync(root)
    const r = nodePath.relative(realRoot, real)
    return r.startsWith("..") || nodePath.isAbsolute(r) ? null : real
  } catch {
    return full
  }
}

/** What the checks read of manifest.json. */
interface ManifestFields {
  files?: Array<{ path: string; sha256: string; bytes: number }>
  tables?: Record<string, { csv: string; arrow: string; rows: number }>
}

/** Records a problem. */
type AddProblem = (code: ProblemCode, file: string, message: string) => void
/** Reads a release file (null, with a problem recorded, when it leaves the release or cannot be read). */
type ReadFile = (rel: string) => Buffer | null
/** The rows of each table read from its CSV, by table name. */
type TableRows = Map<string, ReadonlyArray<Record<string, string>>>

/**
 * Validate one release directory. `textsDir`: a folder holding the texts a quotes-only release does not publish
 * (the original articles, or `<source_id>.txt`), against which their hashes and spans are checked.
 */
export const validateRelease = (root: string, textsDir: string | null = null): Array<Problem> => {
  const problems: Array<Problem> = []
  const add: AddProblem = (code, file, message) => problems.push({ code, file, message })
  let manifest: ManifestFields
  try {
    manifest = JSON.parse(fs.readFileSync(nodePath.join(root, "manifest.json"), "utf8"))
  } catch (e) {
    add("manifest-unreadable", "manifest.json", `cannot read manifest.json: ${(e as Error).message}`)
    return problems
  }
  const read = releaseReader(root, add)
  checkHashes(manifest, read, add)
  const rows: TableRows = new Map()
  for (const def of TABLES) {
    const csvRows = checkTable(def as unknown as TableDef<Record<string, Column>>, manifest, read, add)
    if (csvRows !== null) rows.set(def.name, csvRows)
  }
  const evidence = checkReferences(rows, add)
  checkSpans(rows.get("sources") ?? [], evidence, read, add, textsDir)
  return problems
}

const releaseReader =
  (root: string, add: AddProblem): ReadFile =>
  (rel) => {
    const abs = insideRelease(root, rel)
    if (abs === null) {
      add("path-outside-release", rel, `path ${JSON.stringify(rel)} leaves the release directory; not read`)
      return null
    }
    try {
      return fs.readFileSync(abs)
    } catch (e) {
      add("file-missing", rel, `listed but cannot be read: ${(e as Error).message}`)
      return null
    }
  }

/** Every file's hash and size against manifest.json, and against SHA256SUMS. */
const checkHashes = (manifest: ManifestFields, read: ReadFile, add: AddProblem): void => {
  for (const f of manifest.files ?? []) {
    const b = read(f.path)
    if (!b) continue
    if (sha256(b) !== f.sha256) add("hash-mismatch", f.path, "SHA-256 differs from manifest.json")
    if (b.length !== f.bytes) add("size-mismatch", f.path, `${b.length} bytes, manifest says ${f.bytes}`)
  }
  const sums = read("SHA256SUMS")
  if (sums)
    for (const line of sums.toString("utf8").split("\n").filter(Boolean)) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      if (!m) {
        add("checksums-malformed", "SHA256SUMS", `bad line ${JSON.stringify(line)}`)
        continue
      }
      const b = m[2] === "SHA256SUMS" ? null : read(m[2]!)
      if (b && sha256(b) !== m[1]) add("hash-mismatch", m[2]!, "SHA-256 differs from SHA256SUMS")
    }
}

/**
 * One table: CSV and Arrow hold the same rows, as many as the manifest says; keys unique. Its CSV rows (null when
 * unread).
 */
const checkTable = (
  table: TableDef<Record<string, Column>>,
  manifest: ManifestFields,
  read: ReadFile,
  add: AddProblem
): ReadonlyArray<Record<string, string>> | null => {
  const info = manifest.tables?.[table.name]
  if (!info) {
    add("table-missing", table.name, `table ${table.name} is not in manifest.tables`)
    return null
  }
  const csvBytes = read(info.csv)
  const arrowBytes = read(info.arrow)
  if (!csvBytes || !arrowBytes) return null
  const csv = parseCsv(csvBytes.toString("utf8"))
  const cols = Object.keys(table.columns)
  if (csv.errors.length) add("csv-malformed", info.csv, csv.errors.slice(0, 3).join("; "))
  if (csv.fields.join(",") !== cols.join(","))
    add("csv-columns", info.csv, `columns ${csv.fields.join(",")} differ from the schema ${cols.join(",")}`)
  let arrow: ReturnType<typeof fromArrow>
  try {
    arrow = fromArrow(arrowBytes)
  } catch (e) {
    add("arrow-unreadable", info.arrow, `cannot read Arrow file: ${(e as Error).message}`)
    return null
  }
  if (arrow.rows.length !== csv.rows.length)
    add("row-count-mismatch", info.arrow, `Arrow has ${arrow.rows.length} rows, CSV ${csv.rows.length}`)
  if (csv.rows.length !== info.rows)
    add("row-count-mismatch", info.csv, `CSV has ${csv.rows.length} rows, manifest says ${info.rows}`)
  let diffs = 0
  for (let i = 0; i < Math.min(arrow.rows.length, csv.rows.length) && diffs < 3; i++)
    for (const c of cols) {
      const a = csvCell(table.columns[c]!, arrow.rows[i]![c])
      if (a !== (csv.rows[i]![c] ?? "")) {
        if (diffs++ < 3)
          add(
            "csv-arrow-mismatch",
            info.csv,
            `row ${i} column ${c}: CSV ${JSON.stringify(csv.rows[i]![c])} vs Arrow ${JSON.stringify(a)}`
          )
      }
    }
  const pk = table.primaryKey
  const seen = new Set<string>()
  for (const r of csv.rows) {
    if (seen.has(r[pk]!)) add("duplicate-key", info.csv, `duplicate ${pk} ${r[pk]}`)
    seen.add(r[pk]!)
  }
  return csv.rows
}

/**
 * Referential integrity and provenance coverage: every reference names a key, every row has evidence. The evidence
 * rows.
 */
const checkReferences = (rows: TableRows, add: AddProblem): ReadonlyArray<Record<string, string>> => {
  const keys = new Map<string, Set<string>>(
    [...rows].map(([n, rs]) => [n, new Set(rs.map((r) => Object.values(r)[0]!))])
  )
  for (const def of TABLES) {
    const table = def as unknown as TableDef<Record<string, Column>>
    for (const [c, col] of Object.entries(table.columns)) {
      if (!col.references) continue
      for (const r of rows.get(def.name) ?? []) {
        const v = r[c]
        if (v && !keys.get(col.references)?.has(v))
          add("foreign-key", `data/${def.name}.csv`, `${c}=${v} is not a ${col.references} key`)
      }
    }
  }
  const evidence = rows.get("evidence") ?? []
  const supported = new Set(evidence.map((e) => e.row_id))
  for (const e of evidence)
    if (!keys.get(e.row_table!)?.has(e.row_id!))
      add("foreign-key", "data/evidence.csv", `row_id ${e.row_id} is not a ${e.row_table} key`)
  for (const n of ["entities", "events", "event_participants", "relations"])
    for (const r of rows.get(n) ?? []) {
      const id = Object.values(r)[0]!
      if (!supported.has(id)) add("no-evidence", `data/${n}.csv`, `${id} has no evidence row`)
    }
  return evidence
}

/**
 * The text of each source, by source id, as code points: the published text (checked against its hash), or for a
 * source under the quotes policy the original in `textsDir` when given (`validate --texts DIR`).
 */
const sourceTexts = (
  sources: ReadonlyArray<Record<string, string>>,
  read: ReadFile,
  add: AddProblem,
  textsDir: string | null
): Map<string, Array<string>> => {
  const texts = new Map<string, Array<string>>()
  for (const s of sources) {
    let text: string | null = null
    if (s.text_path) {
      const b = read(s.text_path)
      if (!b) continue
      if (sha256(b) !== s.text_sha256)
        add("text-hash-mismatch", s.text_path, `text does not match text_sha256 of ${s.source_id}`)
      text = b.toString("utf8")
    } else if (s.text_policy !== "quotes")
      add("required-field", "data/sources.csv", `${s.source_id}: text_policy ${s.text_policy} needs a text_path`)
    else if (textsDir !== null) text = originalText(textsDir, s, add)
    if (text !== null) texts.set(s.source_id!, [...text])
  }
  return texts
}

/**
 * A quotes-only source's text from a folder of originals: `<source_id>.txt` (a text as published) or the article file
 * `<file_name>` (decoded as ingest decodes it); null, with a problem, when neither is there or matches the hashes.
 */
const originalText = (dir: string, s: Record<string, string>, add: AddProblem): string | null => {
  const names = [
    `${s.source_id}.txt`,
    ...(/^[^/\\]+$/.test(s.file_name ?? "") && s.file_name !== ".." ? [s.file_name!] : [])
  ]
  const file = names.map((n) => nodePath.join(dir, n)).find((p) => fs.existsSync(p))
  if (file === undefined) {
    add("file-missing", dir, `no ${names.join(" or ")} for ${s.source_id}, whose text the release does not publish`)
    return null
  }
  const bytes = fs.readFileSync(file)
  if (sha256(bytes) === s.text_sha256) return bytes.toString("utf8")
  const decoded = sha256(bytes) === s.raw_sha256 ? decodeText(file, bytes) : null
  if (decoded !== null && Either.isRight(decoded) && sha256(decoded.right) === s.text_sha256) return decoded.right
  add("text-hash-mismatch", file, `matches neither text_sha256 nor (decoded) raw_sha256 of ${s.source_id}`)
  return null
}

/**
 * Every text matches its hash, and every evidence span lies inside its text and quotes it; where the text is not at
 * hand (a quotes-only source), every quote is as long as its span.
 */
const checkSpans = (
  sources: ReadonlyArray<Record<string, string>>,
  evidence: ReadonlyArray<Record<string, string>>,
  read: ReadFile,
  add: AddProblem,
  textsDir: string | null
): void => {
  const texts = sourceTexts(sources, read, add, textsDir)
  for (const e of evidence) {
    const cps = texts.get(e.source_id!)
    const a = Number(e.char_start)
    const b = Number(e.char_end)
    if (!cps) {
      if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && [...e.quote!].length === b - a))
        add(
          "span-mismatch",
          "data/evidence.csv",
          `${e.evidence_id}: quote of ${[...e.quote!].length} code points for span [${e.char_start},${e.char_end})`
        )
      continue
    }
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= cps.length && a < b)) {
      add(
        "span-out-of-range",
        "data/evidence.csv",
        `${e.evidence_id}: span [${e.char_start},${e.char_end}) outside ${e.source_id} (${cps.length} code points)`
      )
      continue
    }
    const got = cps.slice(a, b).join("")
    if (got !== e.quote)
      add(
        "span-mismatch",
        "data/evidence.csv",
        `${e.evidence_id}: text[${a}:${b}] is ${JSON.stringify(got.slice(0, 40))}, quote ${JSON.stringify(e.quote!.slice(0, 40))}`
      )
  }
}
