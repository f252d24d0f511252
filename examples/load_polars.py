"""Load the newest release from its CSV files with the release's own typed loading code (LOADING.md, generated from
schemas/Tables.ts), check value by value that CSV, Arrow and Parquet hold the same data in polars, pandas and pyarrow,
then join events with their participants and entities. Exits 1 naming the first cell that differs.

Run from the repository root: python examples/load_polars.py (DATASET_DIST=<a folder with latest.json> for another)."""
import json
import math
import os
import re
import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl
import pyarrow.feather as feather
import pyarrow.parquet as pq

dist = Path(os.environ.get("DATASET_DIST") or "dist").resolve()
release = dist / json.loads((dist / "latest.json").read_text())["path"]
os.chdir(release)  # LOADING.md's paths are relative to the release folder
TABLES = list(json.loads(Path("manifest.json").read_text())["tables"])
LOADING = Path("LOADING.md").read_text(encoding="utf-8")


def loading_code(heading: str) -> dict:
    """Run the code block under a heading of LOADING.md; its names (load_csv, ...)."""
    code = re.search(rf"^## {re.escape(heading)}\n\n```\w+\n(.*?)^```", LOADING, re.M | re.S).group(1)
    names: dict = {}
    exec(code, names)
    return names


def plain(v):
    """A cell as a comparable Python value: one form for missing values, dates, lists and numpy scalars."""
    if isinstance(v, np.ndarray):
        v = v.tolist()
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, (list, tuple)):
        return tuple(plain(x) for x in v)
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, datetime):  # pandas reads CSV dates as datetime64
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def same(reader: str, table: str, **frames: tuple[list[str], list[list]]) -> None:
    """Exit 1 on the first cell where the loaded files differ; frames: file kind -> (columns, rows)."""
    (first, (cols, rows)), *others = frames.items()
    for name, (other_cols, other_rows) in others:
        if other_cols != cols or len(other_rows) != len(rows):
            sys.exit(f"{reader}: {table}: {name} has columns {other_cols} and {len(other_rows)} rows, "
                     f"{first} {cols} and {len(rows)}")
        for i, (a, b) in enumerate(zip(rows, other_rows)):
            for c, x, y in zip(cols, a, b):
                p, q = plain(x), plain(y)
                if p != q or type(p) is not type(q):
                    sys.exit(f"{reader}: {table}.{c} row {i}: {first} {p!r} != {name} {q!r}")
    print(f"{reader}: {table}: {', '.join(frames)} hold the same values ({len(rows)} rows)")


def pl_rows(df: pl.DataFrame):
    return df.columns, [list(r) for r in df.iter_rows()]


def pd_rows(df: pd.DataFrame):
    return list(df.columns), [list(r) for r in zip(*(df[c].tolist() for c in df.columns))]


def pa_rows(t):
    return t.column_names, [list(r.values()) for r in t.to_pylist()]


polars_code, pandas_code, pyarrow_code = (loading_code(h) for h in ("polars", "pandas", "pyarrow"))
for t in TABLES:
    csv, arrow, parquet = polars_code["load_csv"](t), pl.read_ipc(f"data/{t}.arrow"), pl.read_parquet(f"data/{t}.parquet")
    if not csv.schema == arrow.schema == parquet.schema:
        sys.exit(f"polars: {t}: types differ: csv {csv.schema}, arrow {arrow.schema}, parquet {parquet.schema}")
    same("polars", t, csv=pl_rows(csv), arrow=pl_rows(arrow), parquet=pl_rows(parquet))
    same("pandas", t, csv=pd_rows(pandas_code["load_csv"](t)),
         arrow=pd_rows(pd.read_feather(f"data/{t}.arrow", dtype_backend="numpy_nullable")),
         parquet=pd_rows(pd.read_parquet(f"data/{t}.parquet", dtype_backend="numpy_nullable")))
    same("pyarrow", t, csv=pa_rows(pyarrow_code["load_csv"](t)), arrow=pa_rows(feather.read_table(f"data/{t}.arrow")),
         parquet=pa_rows(pq.read_table(f"data/{t}.parquet")))

# events with their participants and entities, from the typed CSV files
events, parts, entities = (polars_code["load_csv"](t) for t in ("events", "event_participants", "entities"))
who = (
    events.join(parts, on="event_id")
    .join(entities.select("entity_id", "name", "entity_type"), on="entity_id")
    .select("event_id", "event_type", "cameo_code", "date", "date_precision", "modality", "role", "name")
    .sort("event_id", "role", "name")
)
print(f"release {release.name}: {events.height} events, {who.height} event-participant rows")
print(who.filter(pl.col("event_type") == "meeting").head(8))

# every event with the quotes that report it
evidence = polars_code["load_csv"]("evidence")
quotes = evidence.filter(pl.col("row_table") == "events").join(events, left_on="row_id", right_on="event_id")
print(quotes.select("event_type", "reported_date", "reported_modality", "quote").head(5))

# pandas, typed from CSV the same way
events_pd, parts_pd, ents_pd = (pandas_code["load_csv"](t) for t in ("events", "event_participants", "entities"))
joined = events_pd.merge(parts_pd, on="event_id").merge(ents_pd[["entity_id", "name"]], on="entity_id")
print(joined.groupby("event_type", observed=True).size().sort_values(ascending=False).head())
