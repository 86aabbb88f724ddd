"""Parse a folder of documents with a Dask bag on a local cluster and write
the task table (one row per task × unit) to Parquet.

    python bindings-py/examples/dask_tasks.py corpus/ tasks.parquet
"""

import sys
from pathlib import Path
from typing import Any, Dict, List

import dask.bag as db
import pandas as pd
from dask.distributed import Client, LocalCluster

import gongwen


def rows(path: str) -> List[Dict[str, Any]]:
    parse = gongwen.parse_file(path)
    out = []
    for r in parse.task_rows():
        r["path"] = path
        out.append(r)
    return out


def main(folder: str, target: str) -> None:
    paths = sorted(str(p) for p in Path(folder).rglob("*.txt") if p.name != "README.md")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 8))).map(rows).flatten()
        text_columns = ["doc_number", "doc_title", "task_number", "task_path", "task_heading", "unit", "role",
                        "officials", "deadline_text", "deadline_date", "path"]
        meta = pd.DataFrame({"document": pd.Series(dtype="int64"), "task": pd.Series(dtype="int64"),
                             **{c: pd.Series(dtype="string") for c in text_columns}})
        df = bag.to_dataframe(meta=meta)
        df.to_parquet(target, write_index=False)
    print(f"wrote the task table of {len(paths)} files to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
