/**
 * LOADING.md of a release: code that reads every table in polars, pandas, pyarrow, DuckDB, readr, base R, data.table
 * and R arrow with each column's declared type, generated from the column definitions (schemas/Tables.ts) so that it
 * cannot drift from the data; paths are relative to the release folder. No reader is left to guess a type: a guess
 * turns a year ("2025") into a number and Namibia's ISO code ("NA") into a null. Pure: the release's version in, text
 * out.
 */
import { TABLES } from "../../schemas/Tables.js"
import { byTable, type Table } from "./snippetFormat.js"
import { pandas, polars, pyarrow } from "./snippetsPython.js"
import { baseR, duckdb, fread, rArrow, readr } from "./snippetsR.js"

/** The readers of LOADING.md in order: heading (examples/ finds a block by it), fence language, code. */
export const loadingSections = (
  tables: ReadonlyArray<Table>
): ReadonlyArray<readonly [string, string, Array<string>]> => [
  ["polars", "python", polars(tables)],
  ["pandas", "python", pandas(tables)],
  ["pyarrow", "python", pyarrow(tables)],
  ["DuckDB", "sql", duckdb(tables)],
  ["readr", "r", readr(tables)],
  ["base R", "r", baseR(tables)],
  ["data.table", "r", fread()],
  ["R arrow", "r", rArrow()]
]

const intro = (version: string, tables: ReadonlyArray<Table>): Array<string> => [
  `# Loading release ${version}`,
  "",
  "Code that reads every table of this release with each column's declared type, in the readers below. It is",
  "generated from the table definitions (`schemas/Tables.ts`) with the release, and the paths are relative to this",
  "folder. Read CSV with these types rather than letting a reader guess: a guess turns a year alone (`2025` in",
  "`published`, `date`, `date_end`, `reported_date`) into a number and Namibia's ISO code `NA` into a null. The Arrow",
  "and Parquet files carry the types themselves; each table's CSV holds the same values.",
  "",
  'The CSV files: UTF-8 without a byte-order mark, a header row, commas, CRLF line ends, RFC 4180 quoting (a `"`',
  "inside a quoted cell is doubled). Null is an empty field and nothing else. Booleans are `true` and `false`, dates",
  "`YYYY-MM-DD`. Lists are JSON arrays of strings (`[]` when empty), in these columns:",
  `\`${byTable(tables, ["list"])}\`.`,
  "`cameo_code` is `CAMEO:` followed by the code (`CAMEO:042`), so that it stays text, with its leading zero, in",
  "every reader, even without types; the code is the part after the colon.",
  ""
]

/** The text of LOADING.md for a release. */
export const loadingMarkdown = (
  version: string,
  tables: ReadonlyArray<Table> = TABLES as unknown as ReadonlyArray<Table>
): string =>
  [
    ...intro(version, tables),
    ...loadingSections(tables).flatMap(([heading, lang, code]) => [
      `## ${heading}`,
      "",
      "```" + lang,
      ...code,
      "```",
      ""
    ])
  ].join("\n")
