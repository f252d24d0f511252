/** JSON Schema (draft-07) of every table row and of the manifest, generated from the Effect Schemas. */
import { JSONSchema, Schema } from "effect"
import { fieldsOf } from "./Column.js"
import { ReleaseManifest } from "./Manifest.js"
import { TABLES } from "./Tables.js"

/** file name → JSON Schema document. */
export const jsonSchemas = (): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const t of TABLES) {
    const row = Schema.Struct(fieldsOf(t as never)).annotations({
      title: t.name,
      description: t.description
    })
    out[`${t.name}.schema.json`] = JSONSchema.make(row)
  }
  out["manifest.schema.json"] = JSONSchema.make(ReleaseManifest)
  return out
}
