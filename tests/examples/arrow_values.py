"""Every table of a release as read from its Arrow file, one JSON file per table ({column: [values]}; dates as
YYYY-MM-DD, null as null), for readers.R to compare the R readers with. Usage: arrow_values.py RELEASE OUT_DIR"""
import json
import sys
from pathlib import Path

import pyarrow.feather as feather

release, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for table in json.loads((release / "manifest.json").read_text())["tables"]:
    t = feather.read_table(release / "data" / f"{table}.arrow")
    plain = lambda v: v.isoformat() if hasattr(v, "isoformat") else v  # noqa: E731
    values = {c: [plain(v) for v in t[c].to_pylist()] for c in t.column_names}
    (out / f"{table}.json").write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
