"""parse_many versus a Python loop of parse, on 1,000 documents from the
corpus (the 26 real documents and the gazette's eleven, cycled).

    python bindings-py/bench/bench_parse_many.py
"""

import itertools
import os
import time
from pathlib import Path

import gongwen

ROOT = Path(__file__).resolve().parents[2]
texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "real").glob("*.txt"))]
texts.append((ROOT / "corpus" / "xiangtan-county-gazette-2023.txt").read_text(encoding="utf-8"))
docs = list(itertools.islice(itertools.cycle(texts), 1000))
mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6


def best(f, n=3):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


loop = best(lambda: [gongwen.parse(t) for t in docs])
many = best(lambda: gongwen.parse_many(docs))
print(f"{len(docs)} documents, {mb:.1f} MB, {os.cpu_count()} cores")
print(f"loop of parse: {loop:.2f} s ({mb / loop:.1f} MB/s)")
print(f"parse_many:    {many:.2f} s ({mb / many:.1f} MB/s)")
print(f"speed-up:      {loop / many:.2f}x")
