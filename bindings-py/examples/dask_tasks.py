"""Parse a folder of documents with a Dask bag on a local cluster and write
the task table (one row per task × unit) to Parquet: ``officials`` as a
list of names, ``deadline_date`` as a timestamp.

    pip install 'gongwen[dask]'
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
        r["officials"] = [o for o in r["officials"].split("、") if o]
        out.append(r)
    return out


def main(folder: str, target: str) -> None:
    paths = sorted(str(p) for p in Path(folder).rglob("*.txt") if p.name != "README.md")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 8))).map(rows).flatten()
        # The parsing runs on the cluster; the task table (small: one row per
        # task × unit) is gathered and written with its types: dates as
        # timestamps, officials as a list of names.
        df = pd.DataFrame(bag.compute())
    df["deadline_date"] = pd.to_datetime(df["deadline_date"], format="%Y-%m-%d", errors="coerce")
    for c in ["document", "task"]:
        df[c] = df[c].astype("int64")
    df.to_parquet(target, index=False)
    print(f"wrote the task table of {len(paths)} files to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
