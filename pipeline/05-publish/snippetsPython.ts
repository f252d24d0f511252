/** The Python loading snippets of LOADING.md (snippets.ts): polars, pandas and pyarrow, one type per column. */
import type { Column, ColumnKind } from "../../schemas/Column.js"
import { byTable, dq, pyMap, type Table } from "./snippetFormat.js"

const POLARS: Record<ColumnKind, string> = {
  id: "pl.String",
  text: "pl.String",
  category: "pl.Categorical",
  int: "pl.Int32",
  float: "pl.Float64",
  bool: "pl.Boolean",
  date: "pl.Date",
  list: "pl.String"
}

/** polars: `schema_overrides`, lists decoded with `str.json_decode`. */
export const polars = (tables: ReadonlyArray<Table>): Array<string> => [
  "import polars as pl",
  "",
  "# every column's type; lists are JSON arrays in CSV, decoded after reading",
  ...pyMap("SCHEMAS", tables, (c) => POLARS[c.kind]),
  `LISTS = ${byTable(tables, ["list"])}`,
  "",
  "",
  "def load_csv(table: str) -> pl.DataFrame:",
  '    """A table from its CSV, with the types of its Arrow and Parquet files."""',
  '    df = pl.read_csv(f"data/{table}.csv", schema_overrides=SCHEMAS[table])',
  "    return df.with_columns(pl.col(c).str.json_decode(pl.List(pl.String)) for c in LISTS.get(table, []))",
  "",
  "",
  'events = load_csv("events")',
  'events_arrow = pl.read_ipc("data/events.arrow")  # the same values, typed by the file itself',
  'events_parquet = pl.read_parquet("data/events.parquet")'
]

const pandasType = (c: Column): string | null => {
  switch (c.kind) {
    case "id":
    case "text":
      return dq("string")
    case "category":
      return `pd.CategoricalDtype([${c.values!.map(dq).join(", ")}])`
    case "int":
      return dq("Int32")
    case "float":
      return dq("Float64")
    case "bool":
      return dq("boolean")
    default:
      return null // dates: parse_dates; lists: converters
  }
}

/** pandas: `dtype`, `parse_dates`, list converters, only an empty field null. */
export const pandas = (tables: ReadonlyArray<Table>): Array<string> => [
  "import json",
  "",
  "import pandas as pd",
  "",
  "# every column's type but dates (parse_dates) and lists (JSON arrays in CSV, decoded by converters)",
  ...pyMap("DTYPES", tables, pandasType),
  `DATES = ${byTable(tables, ["date"])}`,
  `LISTS = ${byTable(tables, ["list"])}`,
  "",
  "",
  "def load_csv(table: str) -> pd.DataFrame:",
  '    """A table from its CSV, typed; only an empty field is null ("NA" is Namibia\'s ISO code)."""',
  "    return pd.read_csv(",
  '        f"data/{table}.csv",',
  "        dtype=DTYPES[table],",
  "        parse_dates=DATES.get(table, []),",
  '        date_format="%Y-%m-%d",',
  "        converters={c: json.loads for c in LISTS.get(table, [])},",
  "        keep_default_na=False,",
  '        na_values=[""],',
  "    )",
  "",
  "",
  'events = load_csv("events")  # dates as datetime64; from Arrow and Parquet as datetime.date',
  'events_arrow = pd.read_feather("data/events.arrow", dtype_backend="numpy_nullable")',
  'events_parquet = pd.read_parquet("data/events.parquet", dtype_backend="numpy_nullable")'
]

const PYARROW: Record<ColumnKind, string> = {
  id: "pa.string()",
  text: "pa.string()",
  category: "pa.dictionary(pa.int32(), pa.string())",
  int: "pa.int32()",
  float: "pa.float64()",
  bool: "pa.bool_()",
  date: "pa.date32()",
  list: "pa.string()"
}

/** pyarrow: `pyarrow.csv` with `column_types`, and the Arrow and Parquet readers. */
export const pyarrow = (tables: ReadonlyArray<Table>): Array<string> => [
  "import json",
  "",
  "import pyarrow as pa",
  "import pyarrow.csv as pacsv",
  "import pyarrow.feather as feather",
  "import pyarrow.parquet as pq",
  "",
  ...pyMap("TYPES", tables, (c) => PYARROW[c.kind]),
  `LISTS = ${byTable(tables, ["list"])}`,
  "",
  "",
  "def load_csv(table: str) -> pa.Table:",
  '    """A table from its CSV, typed; only an empty field is null; lists decoded from JSON."""',
  '    options = pacsv.ConvertOptions(column_types=TYPES[table], null_values=[""], strings_can_be_null=True)',
  '    t = pacsv.read_csv(f"data/{table}.csv", convert_options=options)',
  "    for c in LISTS.get(table, []):",
  "        values = pa.array([json.loads(v) for v in t[c].to_pylist()], pa.list_(pa.string()))",
  "        t = t.set_column(t.schema.get_field_index(c), c, values)",
  "    return t",
  "",
  "",
  'events = load_csv("events")',
  'events_arrow = feather.read_table("data/events.arrow")',
  'events_parquet = pq.read_table("data/events.parquet")'
]
