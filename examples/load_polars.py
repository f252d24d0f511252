"""Load the newest release with polars and with pyarrow/pandas, and join events with their
participants and entities. Run from the repository root: python examples/load_polars.py"""
import json
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow.feather as feather

dist = Path("dist")
release = dist / json.loads((dist / "latest.json").read_text())["path"]
data = release / "data"

# polars, from the Arrow files (typed: dates, categoricals, lists)
events = pl.read_ipc(data / "events.arrow")
parts = pl.read_ipc(data / "event_participants.arrow")
entities = pl.read_ipc(data / "entities.arrow")
who = (
    events.join(parts, on="event_id")
    .join(entities.select("entity_id", "name", "entity_type"), on="entity_id")
    .select("event_id", "event_type", "date", "date_precision", "modality", "role", "name")
    .sort("event_id", "role", "name")
)
print(f"release {release.name}: {events.height} events, {who.height} event-participant rows")
print(who.filter(pl.col("event_type") == "meeting").head(8))

# every event with the quotes that report it
evidence = pl.read_ipc(data / "evidence.arrow")
quotes = evidence.filter(pl.col("row_table") == "events").join(events, left_on="row_id", right_on="event_id")
print(quotes.select("event_type", "reported_date", "reported_modality", "quote").head(5))

# the same from CSV (identical values)
assert pl.read_csv(data / "entities.csv").height == entities.height

# pyarrow / pandas, keeping Arrow types
ents_pd = feather.read_table(data / "entities.arrow").to_pandas(types_mapper=pd.ArrowDtype)
events_pd = pd.read_feather(data / "events.arrow", dtype_backend="numpy_nullable")
parts_pd = pd.read_feather(data / "event_participants.arrow", dtype_backend="numpy_nullable")
joined = events_pd.merge(parts_pd, on="event_id").merge(ents_pd[["entity_id", "name"]], on="entity_id")
print(joined.groupby("event_type", observed=True).size().sort_values(ascending=False).head())
