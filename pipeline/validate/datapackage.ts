/**
 * A Frictionless-style check of a release's datapackage.json: every resource's bytes and
 * SHA-256, and for CSV tables the header, field types, required fields, categories, primary
 * key uniqueness and foreign keys. Reads only files inside the release.
 */
import * as fs from "node:fs"
import { parseCsv } from "../05-publish/csv.js"
import { sha256 } from "../shared/hash.js"
import { insideRelease, type Problem } from "./checks.js"
import type { ProblemCode } from "./errors.js"

interface Field {
  readonly name: string
  readonly type: string
  readonly categories?: ReadonlyArray<string>
  readonly constraints?: { readonly required?: boolean }
}
interface Resource {
  readonly name: string
  readonly path: string
  readonly bytes: number
  readonly hash: string
  readonly format?: string
  readonly schema?: {
    readonly fields: ReadonlyArray<Field>
    readonly primaryKey: ReadonlyArray<string>
    readonly foreignKeys: ReadonlyArray<{
      readonly fields: ReadonlyArray<string>
      readonly reference: {
        readonly resource: string
        readonly fields: ReadonlyArray<string>
      }
    }>
  }
}

const typeOk = (type: string, v: string): boolean => {
  switch (type) {
    case "integer":
      return /^-?\d+$/.test(v)
    case "number":
      return v.trim() !== "" && Number.isFinite(Number(v))
    case "boolean":
      return v === "true" || v === "false"
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
    case "array":
      try {
        return Array.isArray(JSON.parse(v))
      } catch {
        return false
      }
    default:
      return true
  }
}

/** Check a release against its datapackage.json. */
export const checkDataPackage = (root: string): Array<Problem> => {
  const problems: Array<Problem> = []
  const add = (code: ProblemCode, file: string, message: string) => problems.push({ code, file, message })
  const dpPath = insideRelease(root, "datapackage.json")
  let dp: { resources?: ReadonlyArray<Resource> }
  try {
    dp = JSON.parse(fs.readFileSync(dpPath!, "utf8"))
  } catch (e) {
    add("datapackage-unreadable", "datapackage.json", (e as Error).message)
    return problems
  }
  const keys = new Map<string, Set<string>>()
  const tables: Array<{
    r: Resource
    rows: ReadonlyArray<Record<string, string>>
  }> = []
  for (const r of dp.resources ?? []) {
    const abs = insideRelease(root, r.path)
    if (abs === null || !fs.existsSync(abs)) {
      add(
        abs === null ? "path-outside-release" : "file-missing",
        r.path,
        `resource ${r.name}: ${abs === null ? "path leaves the release" : "no such file"}`
      )
      continue
    }
    const b = fs.readFileSync(abs)
    if (b.length !== r.bytes) add("size-mismatch", r.path, `${b.length} bytes, datapackage says ${r.bytes}`)
    if (`sha256:${sha256(b)}` !== r.hash) add("hash-mismatch", r.path, "SHA-256 differs from datapackage.json")
    if (r.format !== "csv" || !r.schema) continue
    const { fields, rows } = parseCsv(b.toString("utf8"))
    const names = r.schema.fields.map((f) => f.name)
    if (fields.join(",") !== names.join(","))
      add("header-mismatch", r.path, `header ${fields.join(",")} differs from the schema`)
    rows.forEach((row, i) => {
      for (const f of r.schema!.fields) {
        const v = row[f.name] ?? ""
        if (v === "") {
          if (f.constraints?.required) add("required-field", r.path, `row ${i + 1}: ${f.name} is empty`)
          continue
        }
        if (!typeOk(f.type, v))
          add("type-error", r.path, `row ${i + 1}: ${f.name}=${JSON.stringify(v)} is not a ${f.type}`)
        if (f.categories && !f.categories.includes(v))
          add("category-error", r.path, `row ${i + 1}: ${f.name}=${JSON.stringify(v)} is not one of its categories`)
      }
    })
    const pk = r.schema.primaryKey[0]!
    const seen = new Set<string>()
    for (const row of rows) {
      if (seen.has(row[pk]!)) add("primary-key", r.path, `duplicate ${pk} ${row[pk]}`)
      seen.add(row[pk]!)
    }
    keys.set(r.name, seen)
    tables.push({ r, rows })
  }
  for (const { r, rows } of tables)
    for (const fk of r.schema!.foreignKeys)
      for (const row of rows) {
        const v = row[fk.fields[0]!]
        if (v && !keys.get(fk.reference.resource)?.has(v))
          add("foreign-key", r.path, `${fk.fields[0]}=${v} is not a ${fk.reference.resource} key`)
      }
  return problems
}
