"""Which units carry the most tasks, and which leaders lead the most, in
the bundled gazette. Run: python bindings-py/examples/analysis.py"""

from pathlib import Path

import gongwen

ROOT = Path(__file__).resolve().parents[2]
gazette = (ROOT / "corpus" / "xiangtan-county-gazette-2023.txt").read_text(encoding="utf-8")

p = gongwen.parse(gazette)
tasks = p.tasks_frame()

print("Units carrying the most tasks (any role):")
print(tasks.groupby("unit").size().sort_values(ascending=False).head(10).to_string())
print()
print("Units leading the most tasks:")
print(tasks[tasks["role"] == "lead"].groupby("unit").size().sort_values(ascending=False).head(10).to_string())
print()
# `officials` is a list per row: one row per official after explode().
leads = tasks.drop_duplicates(["document", "task"]).explode("officials").dropna(subset=["officials"])
print("Leaders leading the most tasks:")
print(leads.groupby("officials").size().sort_values(ascending=False).to_string())
