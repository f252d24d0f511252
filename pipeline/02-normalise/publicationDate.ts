// TEMPORARY SHIM (not committed)
import type { DatePrecision } from "../../schemas/vocab.js"
export interface PublicationDate { readonly value: string | null; readonly precision: DatePrecision; readonly basis: "metadata" | "stated_in_text" | "url" | "inferred_from_content" | "unknown"; readonly note: string }
export const inferPublicationDate = (input: { readonly text: string; readonly url: string | null; readonly metadataDate: string | null }): PublicationDate =>
  input.metadataDate ? { value: input.metadataDate, precision: "day", basis: "metadata", note: "" } : { value: null, precision: "unknown", basis: "unknown", note: "shim" }
