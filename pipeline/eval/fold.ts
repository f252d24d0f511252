/**
 * Name folding used by every matching rule of `eval`: two surface forms name the same thing
 * when their folds are equal.
 */

const DASHES = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g
const APOSTROPHES = /[\u0027\u0060\u00B4\u02BB\u02BC\u2018\u2019\u201A\u201B\u2032\uFF07]/g
const QUOTES = /[\u0022\u00AB\u00BB\u201C\u201D\u201E\u201F\u2033\uFF02]/g

/**
 * Fold a name for comparison, in this order:
 * 1. NFKD, then remove combining marks (strips diacritics: "Sánchez" → "sanchez");
 * 2. case-fold (lower case);
 * 3. unify every dash (hyphen-minus, hyphen, non-breaking hyphen, figure/en/em dash, bar, minus)
 *    to "-", every apostrophe ( ' ` ´ ʻ ʼ ‘ ’ ‚ ‛ ′ ) to "'" and every double quote to '"';
 * 4. remove punctuation, except the marks that separate words inside a name: a hyphen or an
 *    apostrophe between two letters/digits stays ("jackson-vanik", "xi'an"), a "/" becomes a
 *    space; every other punctuation mark (. , ; : ! ? quotes brackets, dangling hyphens and
 *    apostrophes) is removed ("U.S." → "us"); symbols such as "+" and "&" are kept ("C5+1");
 * 5. collapse whitespace runs to one space and trim;
 * 6. strip one leading "the " ("The United States" → "united states").
 */
export const fold = (s: string): string => {
  const base = s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(DASHES, "-")
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
  const kept = base
    .replace(/([\p{L}\p{N}])([-'])(?=[\p{L}\p{N}])/gu, "$1\u0000$2")
    .replace(/\//g, " ")
    .replace(/\u0000-/g, "\u0001")
    .replace(/\u0000'/g, "\u0002")
    .replace(/\p{P}/gu, "")
    .replace(/\u0001/g, "-")
    .replace(/\u0002/g, "'")
  const collapsed = kept.replace(/\s+/gu, " ").trim()
  return collapsed.startsWith("the ") ? collapsed.slice(4) : collapsed
}

/** The set of folds of a name and its aliases (empty folds dropped). */
export const foldAll = (names: ReadonlyArray<string>): ReadonlySet<string> =>
  new Set(names.map((n) => fold(n)).filter((f) => f.length > 0))
