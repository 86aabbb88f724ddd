"""pandas frames: columns, dtypes, contents."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

import pandas as pd

import gongwen

ROOT = Path(__file__).resolve().parents[2]


def test_tasks_frame(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    df = p.tasks_frame()
    assert list(df.columns) == ["source", "document", "doc_number", "doc_title", "task", "task_number", "task_path",
                                "task_heading", "unit", "role", "officials", "deadline_text", "deadline_date"]
    assert str(df["role"].dtype) == "category"
    assert pd.api.types.is_datetime64_any_dtype(df["deadline_date"])
    assert df["document"].dtype == "int64"
    # one row per task × unit
    assert len(df) == len(p.task_rows())
    assert df.groupby(["document", "task"]).ngroups == 76
    row = df[(df["task_number"] == "1.") & (df["role"] == "lead")].iloc[0]
    assert (row["unit"], row["officials"]) == ("县卫健局", ["陈赞"])
    # No official: an empty list, not ''.
    assert all(isinstance(o, list) for o in df["officials"])
    assert not any(o == [""] for o in df["officials"])
    assert row["deadline_date"] == pd.Timestamp("2023-03-31")
    assert df[df["role"] == "implied"]["unit"].unique().tolist() == ["各乡镇"]


def test_module_level_frames_over_many(gazette_text: str, real_texts: List[str]) -> None:
    parses = gongwen.parse_many([gazette_text, *real_texts])
    df = gongwen.tasks_frame(parses)
    assert sorted(df["source"].unique().tolist())[0] == 0
    assert df["source"].nunique() > 5
    docs = gongwen.documents_frame(parses)
    assert len(docs) == 11 + len(real_texts)
    assert pd.api.types.is_datetime64_any_dtype(docs["date"])
    assert docs.loc[0, "doc_number"] == "潭县政办发〔2023〕2号"


def test_appointments_and_division_frames(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    a = p.appointments_frame()
    assert len(a) == 75
    assert list(a.columns) == ["source", "document", "doc_number", "action", "person", "position", "note", "span_start", "span_end"]
    assert set(a["action"].unique()) == {"appoint", "remove"}
    first = a.iloc[0]
    assert gazette_text[first["span_start"]:first["span_end"]].replace(" ", "").startswith("崔赣同志为")
    d = p.division_frame()
    assert d["person"].nunique() == 12
    assert d[(d["person"] == "张清平") & (d["relation"] == "supervises")]["body"].tolist()[-1] == "县国防动员办（县人防办）"
    assert set(d[d["person"] == "崔勇"]["backup"].dropna()) == {"肖睿"}


def test_members_frame() -> None:
    text = (ROOT / "corpus/real/13_hebei-jizhengban-2004-kejiao-xiaozu-renyuan.txt").read_text(encoding="utf-8")
    m = gongwen.parse(text).members_frame()
    assert list(m.columns) == ["source", "document", "doc_number", "group", "role", "person", "position", "change", "span_start", "span_end"]
    assert len(m) == 13
    assert m.iloc[0]["role"] == "组长"
    assert str(m["source"].dtype) == "int64" and str(m["change"].dtype) == "category"
    first = m.iloc[0]
    assert first["person"] in text[first["span_start"]:first["span_end"]].replace(" ", "").replace("\u3000", "")


def test_missing_pandas_gives_a_clear_error(tmp_path: Path) -> None:
    # Hide pandas from a child interpreter.
    shim = tmp_path / "pandas"
    shim.mkdir()
    (shim / "__init__.py").write_text("raise ImportError('no pandas here')\n")
    code = (
        "import gongwen\n"
        "p = gongwen.parse('关于某事的通知')\n"
        "try:\n    p.tasks_frame()\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(tmp_path)}, check=True)
    assert "pip install 'gongwen[pandas]'" in out.stdout


def test_dask_example_writes_parquet(tmp_path: Path) -> None:
    out = tmp_path / "tasks.parquet"
    subprocess.run([sys.executable, str(ROOT / "bindings-py" / "examples" / "dask_tasks.py"), str(ROOT / "corpus"), str(out)],
                   check=True, capture_output=True, text=True, timeout=600)
    df = pd.read_parquet(out)
    assert len(df) > 300
    assert {"unit", "role", "task_heading", "path"} <= set(df.columns)
    # Dates as timestamps and officials as lists survive Parquet.
    assert pd.api.types.is_datetime64_any_dtype(df["deadline_date"])
    assert any(len(o) > 0 for o in df["officials"]) and all(len(o) == 0 or o[0] for o in df["officials"])


def test_tasks_frame_carries_allocation_table_rows() -> None:
    # Real 21's 任务分工表 (one cell per line): rows are tasks, the 牵头
    # columns lead.
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "corpus" / "real" / "21_guangzhou-suiweihan-2023-1930-jiating-yisheng-fangan.txt"
    df = gongwen.parse(path.read_text(encoding="utf-8")).tasks_frame()
    assert df.groupby("task").ngroups == 39
    first = df[df["task"] == 0]
    assert first["task_heading"].iloc[0] == "有序扩大家庭医生来源"
    assert first[first["role"] == "lead"]["unit"].tolist() == ["各区政府", "基层处"]
    assert first[first["role"] == "responsible"]["unit"].tolist() == ["市卫生健康委", "医政处"]
