"""Reads Chinese government documents (公文) and returns structured records.

>>> import gongwen
>>> p = gongwen.parse("国务院办公厅关于某事的通知\\n国办发〔2023〕12号\\n各省人民政府：\\n正文。\\n国务院办公厅\\n2023年3月29日\\n")
>>> p.documents[0].doc_number.text
'国办发〔2023〕12号'

Every value carries a ``span`` in code points: ``text[span.start:span.end]``
is the value's source text. ``to_dict()`` / ``to_json()`` give the output
contract (CONTRACT.md). Results pickle, for multiprocessing, Dask and Spark.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _native
from ._native import DecodeError, GongwenError

__all__ = [
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "tasks_frame",
    "appointments_frame",
    "documents_frame",
    "division_frame",
    "members_frame",
    "Parse",
    "Document",
    "GongwenError",
    "DecodeError",
    "SCHEMA_VERSION",
]

SCHEMA_VERSION: int = _native.SCHEMA_VERSION
__version__: str = _native.version()


class Record:
    """A read-only record with attribute access over one contract object."""

    __slots__ = ("_data",)
    _nested: Dict[str, type] = {}

    def __init__(self, data: Dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        kind = type(self)._nested.get(name)
        if kind is None or value is None:
            return value
        if isinstance(value, list):
            return [kind(v) for v in value]
        return kind(value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self._data.items() if not isinstance(v, (list, dict)))
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(json.dumps(self._data, sort_keys=True, ensure_ascii=False))

    def to_dict(self) -> Dict[str, Any]:
        """The contract object (a deep copy)."""
        return json.loads(json.dumps(self._data, ensure_ascii=False))  # type: ignore[no-any-return]

    def __getstate__(self) -> Dict[str, Any]:
        return self._data

    def __setstate__(self, state: Dict[str, Any]) -> None:
        object.__setattr__(self, "_data", state)


class Span(Record):
    pass


class DocNumber(Record):
    _nested = {"span": Span}


class Attachment(Record):
    _nested = {"span": Span}


class Citation(Record):
    _nested = {"span": Span}


class Deadline(Record):
    pass


class TaskSpans(Record):
    _nested = {
        "heading": Span,
        "lead_officials": Span,
        "lead_units": Span,
        "responsible_units": Span,
        "implied_units": Span,
        "deadline": Span,
    }


class Task(Record):
    _nested = {"deadline": Deadline, "span": Span, "spans": TaskSpans}


class PersonSpans(Record):
    _nested = {"person": Span, "position": Span}


class Appointment(Record):
    _nested = {"span": Span, "spans": PersonSpans}


class AssignmentSpans(Record):
    _nested = {"person": Span, "titles": Span, "supervises": Span, "liaises": Span}


class Assignment(Record):
    _nested = {"span": Span, "spans": AssignmentSpans}


class Member(Record):
    _nested = {"span": Span, "spans": PersonSpans}


class TargetSpans(Record):
    _nested = {"indicator": Span, "value": Span}


class Target(Record):
    _nested = {"span": Span, "spans": TargetSpans}


class Section(Record):
    _nested = {"span": Span}


class HeaderSpans(Record):
    _nested = {
        "title": Span,
        "issuers": Span,
        "recipients": Span,
        "date": Span,
        "enclosed_titles": Span,
        "signature": Span,
        "cc": Span,
        "notes": Span,
    }


class Document(Record):
    _nested = {
        "doc_number": DocNumber,
        "attachments": Attachment,
        "citations": Citation,
        "tasks": Task,
        "appointments": Appointment,
        "division": Assignment,
        "members": Member,
        "targets": Target,
        "sections": Section,
        "span": Span,
        "spans": HeaderSpans,
    }


class Diagnostic(Record):
    _nested = {"span": Span}


class Furniture(Record):
    _nested = {"span": Span}


def _require_pandas(what: str) -> Any:
    try:
        import pandas
    except ImportError:  # pragma: no cover - exercised in a pandas-free env
        raise ImportError(
            f"{what} needs pandas, an optional dependency of gongwen: pip install 'gongwen[pandas]'"
        ) from None
    return pandas


class Parse:
    """The result of parsing one text: ``documents``, ``diagnostics``,
    ``furniture`` and ``preamble`` as in the contract, decoded lazily."""

    __slots__ = ("_native", "_data", "source")

    def __init__(self, native: "_native.NativeParse", source: Optional[str] = None) -> None:
        self._native = native
        self._data: Optional[Dict[str, Any]] = None
        self.source = source

    def _dict(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._native.json())
        return self._data

    @property
    def schema_version(self) -> int:
        return int(self._dict()["schema_version"])

    @property
    def documents(self) -> List[Document]:
        return [Document(d) for d in self._dict()["documents"]]

    @property
    def diagnostics(self) -> List[Diagnostic]:
        return [Diagnostic(d) for d in self._dict()["diagnostics"]]

    @property
    def furniture(self) -> List[Furniture]:
        return [Furniture(d) for d in self._dict()["furniture"]]

    @property
    def preamble(self) -> Optional[Span]:
        p = self._dict()["preamble"]
        return None if p is None else Span(p)

    def to_dict(self) -> Dict[str, Any]:
        """The contract object."""
        return json.loads(self._native.json())  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The contract JSON."""
        return str(self._native.json())

    def task_rows(self) -> List[Dict[str, Any]]:
        """One dict per task × unit (the CLI's ``gongwen tasks`` table)."""
        return json.loads(self._native.task_rows_json())  # type: ignore[no-any-return]

    def people_rows(self) -> List[Dict[str, Any]]:
        """One dict per appointment/removal and per leader × body."""
        return json.loads(self._native.people_rows_json())  # type: ignore[no-any-return]

    def tasks_frame(self) -> Any:
        """pandas DataFrame, one row per task × unit: document, doc_number,
        doc_title, task (index within the document), task_number, task_path, task_heading, unit, role
        (lead/responsible/implied), officials, deadline_text and
        deadline_date (datetime64, NaT where the deadline is not a day)."""
        return tasks_frame([self])

    def appointments_frame(self) -> Any:
        """pandas DataFrame, one row per appointment or removal."""
        return appointments_frame([self])

    def documents_frame(self) -> Any:
        """pandas DataFrame, one row per document."""
        return documents_frame([self])

    def division_frame(self) -> Any:
        """pandas DataFrame, one row per leader × body supervised/liaised."""
        return division_frame([self])

    def members_frame(self) -> Any:
        """pandas DataFrame, one row per member of a group (组成人员)."""
        return members_frame([self])

    def __repr__(self) -> str:
        docs = self._dict()["documents"]
        return f"<gongwen.Parse {len(docs)} document(s)>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Parse) and other._native.json() == self._native.json()

    def __hash__(self) -> int:
        return hash(self._native.json())

    def __getstate__(self) -> Dict[str, Any]:
        return {"json": self._native.json(), "source": self.source}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._native = _native.NativeParse.from_json(state["json"])
        self._data = None
        self.source = state.get("source")


def parse(text: str, *, default_year: Optional[int] = None) -> Parse:
    """Parses one text: a pasted notice or a whole gazette.

    ``default_year`` completes deadlines such as ``3月底前`` when the
    document states no date of its own. Never fails on odd text; raises
    ``TypeError`` for a non-str argument."""
    return Parse(_native.parse(text, default_year))


def parse_bytes(data: bytes, encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse:
    """Decodes ``data`` (UTF-8, UTF-16 with BOM or GB18030/GBK detected; or
    the named ``encoding``) and parses it. Spans are code points of the
    decoded text, available as ``Parse.source``. Raises ``DecodeError``."""
    text, native = _native.parse_bytes(data, encoding, default_year)
    return Parse(native, source=text)


def parse_file(path: Union[str, "os.PathLike[str]"], encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse:
    """Reads and parses a file of any supported encoding."""
    with open(path, "rb") as f:
        data = f.read()
    return parse_bytes(data, encoding, default_year=default_year)


def parse_many(texts: Iterable[str], threads: Optional[int] = None, *, default_year: Optional[int] = None) -> List[Parse]:
    """Parses many texts in parallel Rust threads with the GIL released;
    results in input order. ``threads`` defaults to the number of cores."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("parse_many() takes a list of str, not a single string")
    return [Parse(n) for n in _native.parse_many(list(texts), threads, default_year)]


def _frame_from(rows: List[Dict[str, Any]], columns: Sequence[str], what: str) -> Any:
    pd = _require_pandas(what)
    return pd.DataFrame(rows, columns=list(columns))


_TASK_COLUMNS = [
    "source", "document", "doc_number", "doc_title", "task", "task_number", "task_path", "task_heading",
    "unit", "role", "officials", "deadline_text", "deadline_date",
]


def _sources(parses: Sequence[Parse]) -> List[Any]:
    return [p.source if p.source is not None else i for i, p in enumerate(parses)]


def tasks_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One pandas DataFrame of task × unit rows over many parses; the
    ``source`` column is each parse's index in ``parses`` (or its decoded
    source for ``parse_bytes``/``parse_file`` results)."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("tasks_frame()")
    rows: List[Dict[str, Any]] = []
    for i, p in enumerate(ps):
        for r in p.task_rows():
            r["source"] = i
            rows.append(r)
    df = pd.DataFrame(rows, columns=_TASK_COLUMNS)
    df["source"] = df["source"].astype("int64")
    df["document"] = df["document"].astype("int64")
    df["task"] = df["task"].astype("int64")
    df["role"] = pd.Categorical(df["role"], categories=["lead", "responsible", "implied"])
    df["deadline_date"] = pd.to_datetime(df["deadline_date"], format="%Y-%m-%d", errors="coerce")
    for c in ["doc_number", "doc_title", "task_number", "task_path", "task_heading", "unit", "officials", "deadline_text"]:
        df[c] = df[c].astype("string")
    return df


def _records(ps: Sequence[Parse], field: str, fields: Any) -> List[Dict[str, Any]]:
    """One row per record of ``field`` in every document: source, document,
    doc_number, then ``fields(record)``, then span_start and span_end."""
    rows: List[Dict[str, Any]] = []
    for i, p in enumerate(ps):
        for k, d in enumerate(p._dict()["documents"]):
            num = d["doc_number"]["text"] if d["doc_number"] else None
            for r in d[field]:
                row = {"source": i, "document": k, "doc_number": num}
                row.update(fields(r))
                row.update({"span_start": r["span"]["start"], "span_end": r["span"]["end"]})
                rows.append(row)
    return rows


def appointments_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One row per appointment or removal: source, document, doc_number,
    action (appoint/remove), person, position, note, span_start, span_end."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("appointments_frame()")
    rows = _records(ps, "appointments", lambda a: {
        "action": a["action"], "person": a["person"], "position": a["position"], "note": a["note"],
    })
    cols = ["source", "document", "doc_number", "action", "person", "position", "note", "span_start", "span_end"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ["source", "document", "span_start", "span_end"]:
        df[c] = df[c].astype("int64")
    df["action"] = pd.Categorical(df["action"], categories=["appoint", "remove"])
    for c in ["doc_number", "person", "position", "note"]:
        df[c] = df[c].astype("string")
    return df


def members_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One row per member of a 领导小组/委员会/联席会议: source, document,
    doc_number, group, role (组长, 成员 …), person (NA where the list names a
    post only), position, change (join/leave, NA), span_start, span_end."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("members_frame()")
    rows = _records(ps, "members", lambda m: {
        "group": m["group"], "role": m["role"], "person": m["person"], "position": m["position"], "change": m["change"],
    })
    cols = ["source", "document", "doc_number", "group", "role", "person", "position", "change", "span_start", "span_end"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ["source", "document", "span_start", "span_end"]:
        df[c] = df[c].astype("int64")
    df["change"] = pd.Categorical(df["change"], categories=["join", "leave"])
    for c in ["doc_number", "group", "role", "person", "position"]:
        df[c] = df[c].astype("string")
    return df


def documents_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One row per document: source, document, kind, title, doc_number,
    issuers, recipients (joined with ；), date (datetime64), counts of tasks,
    appointments, leaders and targets."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("documents_frame()")
    rows = []
    for i, p in enumerate(ps):
        for k, d in enumerate(p._dict()["documents"]):
            rows.append({
                "source": i, "document": k, "kind": d["kind"], "title": d["title"],
                "doc_number": d["doc_number"]["text"] if d["doc_number"] else None,
                "issuers": "；".join(d["issuers"]), "recipients": "；".join(d["recipients"]), "date": d["date"],
                "n_tasks": len(d["tasks"]), "n_appointments": len(d["appointments"]),
                "n_leaders": len(d["division"]), "n_targets": len(d["targets"]),
            })
    cols = ["source", "document", "kind", "title", "doc_number", "issuers", "recipients", "date",
            "n_tasks", "n_appointments", "n_leaders", "n_targets"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ["source", "document", "n_tasks", "n_appointments", "n_leaders", "n_targets"]:
        df[c] = df[c].astype("int64")
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d", errors="coerce")
    for c in ["kind", "title", "doc_number", "issuers", "recipients"]:
        df[c] = df[c].astype("string")
    return df


def division_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One row per leader × body: source, document, person, titles,
    relation (supervises/liaises, or leader for one without bodies), body,
    backup."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("division_frame()")
    rows = []
    for i, p in enumerate(ps):
        for r in p.people_rows():
            if r["relation"] in ("supervises", "liaises", "leader"):
                rows.append({
                    "source": i, "document": r["document"], "person": r["person"], "titles": r["titles"],
                    "relation": r["relation"], "body": r["object"] or None, "backup": r["backup"],
                })
    cols = ["source", "document", "person", "titles", "relation", "body", "backup"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ["source", "document"]:
        df[c] = df[c].astype("int64")
    df["relation"] = pd.Categorical(df["relation"], categories=["supervises", "liaises", "leader"])
    for c in ["person", "titles", "body", "backup"]:
        df[c] = df[c].astype("string")
    return df
