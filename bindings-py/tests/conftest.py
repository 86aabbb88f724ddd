"""Shared fixtures: the corpus lives at the repository root."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def gazette_text() -> str:
    return (CORPUS / "xiangtan-county-gazette-2023.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def real_texts() -> List[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "real").glob("*.txt"))]
