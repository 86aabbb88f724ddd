import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Union

from ._native import DecodeError as DecodeError, GongwenError as GongwenError

SCHEMA_VERSION: int
__version__: str

class Record:
    def to_dict(self) -> Dict[str, Any]: ...

class Span(Record):
    start: int
    end: int
    segments: List[Dict[str, int]]

class DocNumber(Record):
    text: str
    agency: str
    year: int
    serial: int
    span: Span

class Attachment(Record):
    index: int
    title: str
    omitted: bool
    span: Span

class Citation(Record):
    title: Optional[str]
    doc_number: Optional[str]
    span: Span

class Deadline(Record):
    text: str
    date: Optional[str]

class TaskSpans(Record):
    heading: Optional[Span]
    lead_officials: List[Span]
    lead_units: List[Span]
    responsible_units: List[Span]
    implied_units: List[Span]
    deadline: Optional[Span]

class Task(Record):
    number: str
    path: List[str]
    heading: str
    text: str
    lead_officials: List[str]
    lead_units: List[str]
    responsible_units: List[str]
    implied_units: List[str]
    deadline: Optional[Deadline]
    span: Span
    spans: TaskSpans

class PersonSpans(Record):
    person: Optional[Span]
    position: Optional[Span]

class Appointment(Record):
    action: Literal["appoint", "remove"]
    person: str
    position: str
    note: Optional[str]
    span: Span
    spans: PersonSpans

class AssignmentSpans(Record):
    person: Optional[Span]
    titles: List[Span]
    supervises: List[Span]
    liaises: List[Span]

class Assignment(Record):
    person: str
    titles: List[str]
    duties: List[str]
    supervises: List[str]
    liaises: List[str]
    backup: Optional[str]
    concurrent: List[str]
    span: Span
    spans: AssignmentSpans

class Member(Record):
    group: Optional[str]
    role: str
    person: Optional[str]
    position: str
    change: Optional[Literal["join", "leave"]]
    span: Span
    spans: PersonSpans

class TargetSpans(Record):
    indicator: Optional[Span]
    value: Optional[Span]

class Target(Record):
    indicator: str
    value: float
    unit: str
    qualifier: Optional[str]
    year: Optional[int]
    span: Span
    spans: TargetSpans

class Section(Record):
    marker: str
    level: int
    path: List[str]
    heading: str
    text: str
    part: int
    span: Span

class HeaderSpans(Record):
    title: Optional[Span]
    issuers: List[Span]
    recipients: List[Span]
    date: Optional[Span]
    enclosed_titles: List[Span]
    signature: List[Span]
    cc: List[Span]
    notes: List[Span]

class Document(Record):
    kind: Optional[str]
    title: str
    doc_number: Optional[DocNumber]
    issuers: List[str]
    recipients: List[str]
    date: Optional[str]
    enclosed_titles: List[str]
    attachments: List[Attachment]
    citations: List[Citation]
    tasks: List[Task]
    appointments: List[Appointment]
    division: List[Assignment]
    members: List[Member]
    targets: List[Target]
    sections: List[Section]
    span: Span
    spans: HeaderSpans
    copy_number: Optional[str]
    classification: Optional[str]
    urgency: Optional[str]
    signers: List[str]
    signature: List[str]
    notes: List[str]
    cc: List[str]
    printed_by: Optional[str]
    printed_date: Optional[str]

class Diagnostic(Record):
    level: Literal["info", "warning", "error"]
    code: str
    message: str
    span: Span

class Furniture(Record):
    kind: Literal["page_header", "page_number", "web_chrome", "metadata", "duplicate"]
    text: str
    span: Span

class Parse:
    source: Optional[str]
    text: Optional[str]
    @property
    def schema_version(self) -> int: ...
    @property
    def documents(self) -> List[Document]: ...
    @property
    def diagnostics(self) -> List[Diagnostic]: ...
    @property
    def furniture(self) -> List[Furniture]: ...
    @property
    def preamble(self) -> Optional[Span]: ...
    @property
    def offsets(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def task_rows(self) -> List[Dict[str, Any]]: ...
    def people_rows(self) -> List[Dict[str, Any]]: ...
    def tasks_frame(self) -> Any: ...
    def appointments_frame(self) -> Any: ...
    def documents_frame(self) -> Any: ...
    def division_frame(self) -> Any: ...
    def members_frame(self) -> Any: ...

def parse(text: str, *, default_year: Optional[int] = None) -> Parse: ...
def parse_bytes(data: bytes, encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse: ...
def parse_file(path: Union[str, "os.PathLike[str]"], encoding: Optional[str] = None, *, default_year: Optional[int] = None) -> Parse: ...
def parse_many(texts: Iterable[str], threads: Optional[int] = None, *, default_year: Optional[int] = None) -> List[Parse]: ...
def parse_files(paths: Iterable[Union[str, "os.PathLike[str]"]], encoding: Optional[str] = None, threads: Optional[int] = None, *, default_year: Optional[int] = None) -> List[Parse]: ...
def tasks_frame(parses: Union[Parse, Iterable[Parse]]) -> Any: ...
def appointments_frame(parses: Union[Parse, Iterable[Parse]]) -> Any: ...
def documents_frame(parses: Union[Parse, Iterable[Parse]]) -> Any: ...
def division_frame(parses: Union[Parse, Iterable[Parse]]) -> Any: ...
def members_frame(parses: Union[Parse, Iterable[Parse]]) -> Any: ...
