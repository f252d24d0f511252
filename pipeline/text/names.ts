/** Name folding shared by extraction (pattern keys) and resolution (role keys). Pure. */

/** Fold a name for pattern keys: lower case, no diacritics, unified punctuation. */
export const foldName = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[–—‑]/g, "-")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim()
