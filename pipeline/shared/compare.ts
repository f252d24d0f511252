/** Locale-independent ordering (never localeCompare: its result depends on LANG / ICU). */

/** Compare two strings by UTF-16 code units. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Sort a copy of rows by a string key. */
export const sortBy = <T>(rows: ReadonlyArray<T>, key: (t: T) => string): Array<T> =>
  [...rows].sort((a, b) => compareStrings(key(a), key(b)))
