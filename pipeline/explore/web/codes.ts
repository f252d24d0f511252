/**
 * What the event codes mean: CAMEO codes (CAMEO 1.1b3 codebook) for the codes the trigger lexicons use, else the
 * code's root category; the PLOVER categories (PLOVER manual). The names and meanings are the codebook's
 * (schemas/meanings.ts), so the explorer and CODEBOOK.md say the same. Vocabulary, not facts of any article.
 */
import { CAMEO_NAMES, PLOVER_MEANINGS } from "../../../schemas/meanings.js"

const CAMEO_ROOTS: Record<string, string> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence"
}

/** The meaning of a CAMEO code: its own name where listed, else its root category's (said so). */
export const cameoMeaning = (published: string): string => {
  // the tables publish CAMEO:042 (so no CSV reader drops the leading zero); the names are keyed by the bare code
  const code = published.replace(/^CAMEO:/, "")
  return (
    CAMEO_NAMES[code] ??
    (CAMEO_ROOTS[code.slice(0, 2)] ? `${CAMEO_ROOTS[code.slice(0, 2)]} (root category)` : "unknown code")
  )
}

/** The meaning of a PLOVER category. */
export const ploverMeaning = (code: string): string =>
  (PLOVER_MEANINGS as Readonly<Record<string, string>>)[code] ?? "unknown category"
