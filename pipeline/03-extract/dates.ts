// TEMPORARY SHIM (not committed): replaced by the dates helper's module.
import type { DatePrecision } from "../../schemas/vocab.js"
export interface DateRef { readonly value: string | null; readonly precision: DatePrecision }
export interface DateMention { readonly start: number; readonly end: number; readonly text: string; readonly value: string; readonly precision: "day" | "month" | "year"; readonly relative: boolean; readonly rule: string }
export const findDates = (text: string, _ref: DateRef): ReadonlyArray<DateMention> => {
  const out: Array<DateMention> = []
  for (const m of text.matchAll(/\b(?:in|by) (20\d\d)\b/g)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value: m[1]!, precision: "year", relative: false, rule: "shim" })
  return out
}
