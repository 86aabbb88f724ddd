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
    "parse_files",
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
    # Fields the contract omits when empty, with the value they stand for.
    _defaults: Dict[str, Any] = {}

    def __init__(self, data: Dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            if name in type(self)._defaults:
                return json.loads(json.dumps(type(self)._defaults[name]))
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None
        kind = type(self)._nested.get(name)
        if kind is None or value is None:
            return value
        if isinstance(value, list):
            return [kind(v) for v in value]
        return kind(value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __dir__(self) -> List[str]:
        return sorted(set(self._data) | set(type(self)._defaults) | {"to_dict"})

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
    """Where a value lies in the input, in code points: ``start``, ``end``
    (``text[start:end]``), and ``segments`` (a list of ``{"start", "end"}``,
    empty unless the value's text is not contiguous)."""

    _defaults = {"segments": []}


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
    """A numbered item with its allocation: ``number``, ``path``, ``heading``,
    ``text``, ``lead_officials``, ``lead_units``, ``responsible_units``
    (leads first), ``implied_units``, ``deadline`` (``text``, ``date``),
    ``span``, and ``spans`` (where each value is printed)."""

    _nested = {"deadline": Deadline, "span": Span, "spans": TaskSpans}


class PersonSpans(Record):
    _nested = {"person": Span, "position": Span}


class Appointment(Record):
    """An appointment or removal: ``action`` (``appoint``/``remove``),
    ``person``, ``position``, ``note``, ``span``, ``spans``."""

    _nested = {"span": Span, "spans": PersonSpans}


class AssignmentSpans(Record):
    _nested = {"person": Span, "titles": Span, "supervises": Span, "liaises": Span}


class Assignment(Record):
    """A leader's share of a division of labour: ``person``, ``titles``,
    ``duties``, ``supervises``, ``liaises``, ``backup``, ``concurrent``,
    ``span``, ``spans``."""

    _nested = {"span": Span, "spans": AssignmentSpans}


class Member(Record):
    """A member of a 领导小组/委员会: ``group``, ``role``, ``person`` (None
    for a post alone), ``position``, ``change`` (``join``/``leave``/None),
    ``span``, ``spans``."""

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
    """One 公文: ``kind``, ``title``, ``doc_number``, ``issuers``,
    ``recipients``, ``date``, ``enclosed_titles``, ``attachments``,
    ``citations``, ``tasks``, ``appointments``, ``division``, ``members``,
    ``targets``, ``sections``, ``span``, ``spans`` (see CONTRACT.md)."""

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
    """Something the parser noticed: ``level``, ``code``, ``message``, ``span``."""

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
    ``furniture`` and ``preamble`` as in the contract, decoded lazily.

    ``source`` is the file's path for ``parse_file``/``parse_files`` results
    (the frames' ``source`` column), else None; ``text`` is the decoded text
    for ``parse_bytes``/``parse_file``/``parse_files`` results (spans index
    it), else None."""

    __slots__ = ("_native", "_data", "_extra", "source", "text")

    def __init__(self, native: "_native.NativeParse", source: Optional[str] = None, text: Optional[str] = None,
                 extra: Optional[List[Dict[str, Any]]] = None) -> None:
        self._native = native
        self._data: Optional[Dict[str, Any]] = None
        self._extra = extra or []
        self.source = source
        self.text = text

    def _dict(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = json.loads(self._native.json())
            if self._extra:
                self._data["diagnostics"] = self._extra + self._data["diagnostics"]
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

    @property
    def offsets(self) -> str:
        """The unit of every span: ``code_point`` (``text[span.start:span.end]``)."""
        return str(self._dict()["offsets"])

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
        return {"json": self._native.json(), "source": self.source, "text": self.text, "extra": self._extra}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._native = _native.NativeParse.from_json(state["json"])
        self._data = None
        self._extra = state.get("extra") or []
        self.source = state.get("source")
        self.text = state.get("text")


def _surrogates(text: str) -> List[int]:
    return [i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff"]


def _without_surrogates(text: str) -> "tuple[str, List[Dict[str, Any]]]":
    """Lone surrogates (from ``surrogateescape`` or broken JSON) replaced by
    U+FFFD, one code point for one, so spans stay those of ``text``; a
    diagnostic says where."""
    at = _surrogates(text)
    if not at:
        return text, []
    fixed = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    diag = {
        "level": "warning",
        "code": "lone_surrogate",
        "message": f"{len(at)} lone surrogate(s) replaced by U+FFFD, the first at code point {at[0]}",
        "span": {"start": at[0], "end": at[0] + 1},
    }
    return fixed, [diag]


def parse(text: str, *, default_year: Optional[int] = None) -> Parse:
    """Parses one text: a pasted notice or a whole gazette.

    ``default_year`` completes deadlines such as ``3月底前`` when the
    document states no date of its own. Never fails on odd text (lone
    surrogates are replaced, with a ``lone_surrogate`` diagnostic); raises
    ``TypeError`` for a non-str argument."""
    try:
        return Parse(_native.parse(text, default_year))
    except UnicodeEncodeError:
        fixed, extra = _without_surrogates(text)
        return Parse(_native.parse(fixed, default_year), extra=extra)


def _decode(data: bytes, encoding: Optional[str]) -> str:
    """``data`` as text: detected (UTF-8, UTF-16 with BOM, GB18030/GBK) or
    in the named ``encoding``: a WHATWG label (``gbk`` reads GB18030, as
    browsers do), else any Python codec (``latin-1``, ``cp936`` …)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    if encoding is None:
        return _native.decode(bytes(data))
    known = _native.decode_as(bytes(data), encoding)
    if known is not None:
        return known
    try:
        import codecs
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    try:
        return bytes(data).decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(f"invalid {encoding} at byte offset {e.start}: {e.reason}") from None


def parse_bytes(data: bytes, encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse:
    """Decodes ``data`` (UTF-8, UTF-16 with BOM or GB18030/GBK detected; or
    the named ``encoding``, any Python codec) and parses it. Spans are code
    points of the decoded text, available as ``Parse.text``. Raises
    ``DecodeError`` (with the byte offset) or ``ValueError`` for an unknown
    encoding."""
    text = _decode(data, encoding)
    p = parse(text, default_year=default_year)
    p.text = text
    return p


def parse_file(path: Union[str, "os.PathLike[str]"], encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse:
    """Reads and parses a file of any supported encoding; ``Parse.source``
    is the path, ``Parse.text`` the decoded text."""
    with open(path, "rb") as f:
        data = f.read()
    p = parse_bytes(data, encoding, default_year=default_year)
    p.source = os.fspath(path)
    return p


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be a positive int or None, not {threads!r}")
    return threads


def parse_many(texts: Iterable[str], threads: Optional[int] = None, *, default_year: Optional[int] = None) -> List[Parse]:
    """Parses many texts in parallel Rust threads with the GIL released;
    results in input order. ``threads`` defaults to the number of cores."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("parse_many() takes a list of str, not a single string")
    n = _threads(threads)
    items = list(texts)
    try:
        return [Parse(p) for p in _native.parse_many(items, n, default_year)]
    except UnicodeEncodeError:
        cleaned = [_without_surrogates(t) if isinstance(t, str) else (t, []) for t in items]
        natives = _native.parse_many([t for t, _ in cleaned], n, default_year)
        return [Parse(p, extra=extra) for p, (_, extra) in zip(natives, cleaned)]


def parse_files(paths: Iterable[Union[str, "os.PathLike[str]"]], encoding: Optional[str] = None,
                threads: Optional[int] = None, *, default_year: Optional[int] = None) -> List[Parse]:
    """Reads, decodes and parses many files (as ``parse_file``), parsing in
    parallel as ``parse_many``; each result's ``source`` is its path, so
    the frames group by file."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("parse_files() takes a list of paths, not a single path")
    paths = [os.fspath(p) for p in paths]
    texts = []
    for path in paths:
        with open(path, "rb") as f:
            texts.append(_decode(f.read(), encoding))
    out = parse_many(texts, threads, default_year=default_year)
    for p, path, text in zip(out, paths, texts):
        p.source = path
        p.text = text
    return out


def _frame_from(rows: List[Dict[str, Any]], columns: Sequence[str], what: str) -> Any:
    pd = _require_pandas(what)
    return pd.DataFrame(rows, columns=list(columns))


_TASK_COLUMNS = [
    "source", "document", "doc_number", "doc_title", "task", "task_number", "task_path", "task_heading",
    "unit", "role", "officials", "deadline_text", "deadline_date",
]


def _sources(parses: Sequence[Parse]) -> List[Any]:
    """Each parse's path, or its index in ``parses`` when it has none."""
    return [p.source if p.source is not None else i for i, p in enumerate(parses)]


def _source_column(df: Any) -> None:
    """``source`` as int64 when every parse is an index, else as strings."""
    if all(isinstance(v, int) for v in df["source"]):
        df["source"] = df["source"].astype("int64")
    else:
        df["source"] = df["source"].astype("string")


def tasks_frame(parses: Union[Parse, Iterable[Parse]]) -> Any:
    """One pandas DataFrame of task × unit rows over many parses. ``source``
    is each parse's path (``parse_file``/``parse_files``) or else its index
    in ``parses``; ``officials`` is a list of names (``[]`` when none, so
    ``df.explode("officials")`` counts leaders); ``deadline_date`` is
    datetime64."""
    ps = [parses] if isinstance(parses, Parse) else list(parses)
    pd = _require_pandas("tasks_frame()")
    rows: List[Dict[str, Any]] = []
    for src, p in zip(_sources(ps), ps):
        for r in p.task_rows():
            r["source"] = src
            r["officials"] = [o for o in r["officials"].split("、") if o] if r["officials"] else []
            rows.append(r)
    df = pd.DataFrame(rows, columns=_TASK_COLUMNS)
    _source_column(df)
    df["document"] = df["document"].astype("int64")
    df["task"] = df["task"].astype("int64")
    df["role"] = pd.Categorical(df["role"], categories=["lead", "responsible", "implied"])
    df["deadline_date"] = pd.to_datetime(df["deadline_date"], format="%Y-%m-%d", errors="coerce")
    for c in ["doc_number", "doc_title", "task_number", "task_path", "task_heading", "unit", "deadline_text"]:
        df[c] = df[c].astype("string")
    return df


def _records(ps: Sequence[Parse], field: str, fields: Any) -> List[Dict[str, Any]]:
    """One row per record of ``field`` in every document: source, document,
    doc_number, then ``fields(record)``, then span_start and span_end."""
    rows: List[Dict[str, Any]] = []
    for src, p in zip(_sources(ps), ps):
        for k, d in enumerate(p._dict()["documents"]):
            num = d["doc_number"]["text"] if d["doc_number"] else None
            for r in d[field]:
                row = {"source": src, "document": k, "doc_number": num}
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
    _source_column(df)
    for c in ["document", "span_start", "span_end"]:
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
    _source_column(df)
    for c in ["document", "span_start", "span_end"]:
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
    for src, p in zip(_sources(ps), ps):
        for k, d in enumerate(p._dict()["documents"]):
            rows.append({
                "source": src, "document": k, "kind": d["kind"], "title": d["title"],
                "doc_number": d["doc_number"]["text"] if d["doc_number"] else None,
                "issuers": "；".join(d["issuers"]), "recipients": "；".join(d["recipients"]), "date": d["date"],
                "n_tasks": len(d["tasks"]), "n_appointments": len(d["appointments"]),
                "n_leaders": len(d["division"]), "n_targets": len(d["targets"]),
            })
    cols = ["source", "document", "kind", "title", "doc_number", "issuers", "recipients", "date",
            "n_tasks", "n_appointments", "n_leaders", "n_targets"]
    df = pd.DataFrame(rows, columns=cols)
    _source_column(df)
    for c in ["document", "n_tasks", "n_appointments", "n_leaders", "n_targets"]:
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
    for src, p in zip(_sources(ps), ps):
        for r in p.people_rows():
            if r["relation"] in ("supervises", "liaises", "leader"):
                rows.append({
                    "source": src, "document": r["document"], "person": r["person"], "titles": r["titles"],
                    "relation": r["relation"], "body": r["object"] or None, "backup": r["backup"],
                })
    cols = ["source", "document", "person", "titles", "relation", "body", "backup"]
    df = pd.DataFrame(rows, columns=cols)
    _source_column(df)
    df["document"] = df["document"].astype("int64")
    df["relation"] = pd.Categorical(df["relation"], categories=["supervises", "liaises", "leader"])
    for c in ["person", "titles", "body", "backup"]:
        df[c] = df[c].astype("string")
    return df
