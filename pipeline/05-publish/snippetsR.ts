/** The R and DuckDB loading snippets of LOADING.md (snippets.ts): readr, base R, data.table, R arrow, DuckDB SQL. */
import type { Column, ColumnKind } from "../../schemas/Column.js"
import { byTable, columnsOf, dq, rMap, sq, type Table, wrapItems } from "./snippetFormat.js"

const readrType = (c: Column): string => {
  switch (c.kind) {
    case "category":
      return `col_factor(c(${c.values!.map(dq).join(", ")}))`
    case "int":
      return "col_integer()"
    case "float":
      return "col_double()"
    case "bool":
      return "col_logical()"
    case "date":
      return "col_date()"
    default:
      return "col_character()"
  }
}

const JSON_LISTS = "lapply(df[[c]], function(x) as.character(jsonlite::fromJSON(x)))"

/** readr: `col_types` for every column, `na = ""` only, whitespace kept; lists decoded with jsonlite. */
export const readr = (tables: ReadonlyArray<Table>): Array<string> => [
  "library(readr)",
  "",
  ...rMap("COL_TYPES", "cols", tables, readrType),
  `LISTS <- ${byTable(tables, ["list"], true)}`,
  "",
  "load_csv <- function(table) {",
  '  df <- read_csv(file.path("data", paste0(table, ".csv")), col_types = COL_TYPES[[table]], na = "", trim_ws = FALSE)',
  `  for (c in LISTS[[table]]) df[[c]] <- ${JSON_LISTS}`,
  "  df",
  "}",
  "",
  'events <- load_csv("events")'
]

const R_CLASS: Record<ColumnKind, string> = {
  id: "character",
  text: "character",
  category: "factor",
  int: "integer",
  float: "numeric",
  bool: "logical",
  date: "Date",
  list: "character"
}

/** `colClasses` for every column, shared by base R and data.table (defined once, in the base R section). */
const classes = (tables: ReadonlyArray<Table>): Array<string> => [
  ...rMap("CLASSES", "c", tables, (c) => dq(R_CLASS[c.kind])),
  `LISTS <- ${byTable(tables, ["list"], true)}`
]

/** Base R `read.csv`: `colClasses`, `na.strings = ""` ("NA" is Namibia's ISO code); lists need jsonlite. */
export const baseR = (tables: ReadonlyArray<Table>): Array<string> => [
  ...classes(tables),
  "",
  "load_csv <- function(table) {",
  '  df <- read.csv(file.path("data", paste0(table, ".csv")), colClasses = CLASSES[[table]], na.strings = "",',
  '                 fileEncoding = "UTF-8", check.names = FALSE)',
  `  for (c in LISTS[[table]]) df[[c]] <- ${JSON_LISTS}`,
  "  df",
  "}",
  "",
  'events <- load_csv("events")'
]

/** data.table `fread` with the same classes; a quoted cell's doubled quotes are undone (fread keeps them). */
export const fread = (): Array<string> => [
  "library(data.table)",
  "",
  "# CLASSES and LISTS: as in the base R section above",
  "load_csv <- function(table) {",
  '  dt <- fread(file.path("data", paste0(table, ".csv")), colClasses = CLASSES[[table]], na.strings = "",',
  '              encoding = "UTF-8")',
  '  # fread keeps the doubled quotes of a quoted cell ("" for "; data.table issue 4779): undo them',
  "  for (c in names(dt)[vapply(dt, is.character, TRUE)]) set(dt, j = c, value = gsub('\"\"', '\"', dt[[c]], fixed = TRUE))",
  `  for (c in LISTS[[table]]) set(dt, j = c, value = ${JSON_LISTS.replace("df[[c]]", "dt[[c]]")})`,
  "  dt",
  "}",
  "",
  'events <- load_csv("events")'
]

/** R arrow: the Arrow and Parquet files carry their types. */
export const rArrow = (): Array<string> => [
  "library(arrow)",
  "",
  'events <- read_feather("data/events.arrow")',
  'events_parquet <- read_parquet("data/events.parquet")'
]

const DUCKDB: Record<ColumnKind, string> = {
  id: "VARCHAR",
  text: "VARCHAR",
  category: "VARCHAR",
  int: "INTEGER",
  float: "DOUBLE",
  bool: "BOOLEAN",
  date: "DATE",
  list: "VARCHAR"
}

/** DuckDB: one view per table over its CSV, nothing detected, lists decoded with `from_json`. */
export const duckdb = (tables: ReadonlyArray<Table>): Array<string> => [
  "-- one view per table over its CSV, typed as its Parquet file reads (categories as VARCHAR)",
  ...tables.flatMap((t) => {
    const lists = columnsOf(t).filter(([, c]) => c.kind === "list")
    const columns = wrapItems(
      columnsOf(t).map(([n, c]) => `${sq(n)}: ${sq(DUCKDB[c.kind])}`),
      "    "
    )
    columns[columns.length - 1] = columns[columns.length - 1]!.replace(/,$/, "")
    const replace = lists.map(([n]) => `from_json(${n}, '["VARCHAR"]') AS ${n}`).join(", ")
    return [
      `CREATE VIEW ${t.name} AS`,
      `SELECT *${lists.length > 0 ? ` REPLACE (${replace})` : ""}`,
      `FROM read_csv('data/${t.name}.csv', header = true, auto_detect = false, nullstr = '', columns = {`,
      ...columns,
      "});"
    ]
  }),
  "-- the same rows: SELECT * FROM 'data/events.parquet'"
]
