"""The Python API end to end on the corpus."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import pytest

import gongwen

ROOT = Path(__file__).resolve().parents[2]


def test_gazette_documents(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    assert len(p.documents) == 11
    d = p.documents[0]
    assert d.kind == "通知"
    assert d.doc_number is not None and d.doc_number.text == "潭县政办发〔2023〕2号"
    assert d.doc_number.year == 2023 and d.doc_number.serial == 2
    assert d.issuers == ["湘潭县人民政府办公室"]
    assert d.recipients == ["各乡镇人民政府", "县直机关有关单位"]
    assert d.date == "2023-03-29"
    assert [(a.index, a.title, a.omitted) for a in d.attachments][0] == (1, "湘潭县人工影响天气领导小组组成人员名单", True)
    assert sum(len(doc.tasks) for doc in p.documents) == 76
    assert sum(len(doc.appointments) for doc in p.documents) == 75
    assert len(p.documents[1].division) == 12


def test_attribute_access(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    task = p.documents[2].tasks[0]
    assert task.number == "1."
    assert task.path == ["三、"]
    assert task.lead_officials == ["陈赞"]
    assert task.lead_units == ["县卫健局"]
    assert task.deadline is not None and task.deadline.date == "2023-03-31"
    a = p.documents[7].appointments[1]
    assert (a.action, a.person, a.note) == ("appoint", "马铁光", "试用期一年")
    with pytest.raises(AttributeError):
        getattr(task, "no_such_field")


def _spans(value: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "span" and isinstance(v, dict):
                yield f"{path}.span", v
            elif k == "spans" and isinstance(v, dict):
                for name, s in v.items():
                    for one in s if isinstance(s, list) else ([s] if s else []):
                        yield f"{path}.spans.{name}", one
            else:
                yield from _spans(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _spans(v, f"{path}[{i}]")


def _squeeze(s: str) -> str:
    return "".join(s.split())


def test_every_span_is_a_slice_of_the_input(gazette_text: str, real_texts: List[str]) -> None:
    for text in [gazette_text, *real_texts]:
        d = gongwen.parse(text).to_dict()
        n = 0
        for where, s in _spans(d):
            assert 0 <= s["start"] <= s["end"] <= len(text), where
            n += 1
        assert n > 0
        for doc in d["documents"]:
            if doc["doc_number"]:
                s = doc["doc_number"]["span"]
                printed = _squeeze(text[s["start"]:s["end"]])
                assert printed[:2] == doc["doc_number"]["text"][:2]
            if doc["spans"]["title"]:
                s = doc["spans"]["title"]
                assert _squeeze(text[s["start"]:s["end"]]).replace("\u3000", "") == doc["title"]
            for name, s in zip(doc["recipients"], doc["spans"]["recipients"]):
                assert _squeeze(text[s["start"]:s["end"]]) == name
            for t in doc["tasks"]:
                s = t["span"]
                assert t["heading"][:4] in _squeeze(text[s["start"]:s["end"]])
            for a in doc["appointments"]:
                s = a["span"]
                assert a["person"] in _squeeze(text[s["start"]:s["end"]])


def test_spans_after_astral_characters() -> None:
    text = "𠮷𠮷\n𠀋县人民政府关于𠮷事的通知\n𠀋政发〔2023〕1号\n各乡镇人民政府：\n一、工作任务\n（一）做好𠮷工作。（责任单位：县𠮷局、县财政局）\n𠀋县人民政府\n2023年3月1日\n"
    p = gongwen.parse(text)
    d = p.documents[0]
    assert d.doc_number is not None
    s = d.doc_number.span
    assert text[s.start:s.end] == "𠀋政发〔2023〕1号"
    title = d.spans.title
    assert title is not None and text[title.start:title.end].replace("\n", "") == d.title
    t = d.tasks[0]
    assert t.responsible_units == ["县𠮷局", "县财政局"]
    assert text[t.span.start:t.span.end].startswith("（一）做好𠮷工作")
    units = [text[u.start:u.end] for u in t.spans.responsible_units]
    assert units == ["县𠮷局", "县财政局"]
    heading = t.spans.heading
    assert heading is not None and text[heading.start:heading.end] == "做好𠮷工作"


def test_every_value_span_covers_its_value(gazette_text: str, real_texts: List[str]) -> None:
    n = 0
    for text in [gazette_text, *real_texts]:
        for d in gongwen.parse(text).documents:
            records = [*d.tasks, *d.appointments, *d.division, *d.targets]
            for r in records:
                for name, spans in r.to_dict()["spans"].items():
                    value = r.to_dict()[name]
                    if name == "implied_units" or (name == "value" and isinstance(value, float)):
                        continue
                    if name == "deadline":
                        value = value and value["text"]
                    values = value if isinstance(value, list) else [value]
                    spans = spans if isinstance(spans, list) else [spans]
                    assert len(values) == len(spans), name
                    for v, s in zip(values, spans):
                        if v is None:
                            continue
                        parts = s.get("segments") or [s]
                        printed = _squeeze("".join(text[x["start"]:x["end"]] for x in parts))
                        # A unit repaired from a typo split is printed as the hull of its pieces.
                        assert printed == v or printed.replace("、", "") == v, (name, v, printed)
                        n += 1
    assert n > 700


def test_parse_many_equals_serial(gazette_text: str, real_texts: List[str]) -> None:
    texts = [gazette_text, *real_texts] * 3
    serial = [gongwen.parse(t).to_json() for t in texts]
    parallel = [p.to_json() for p in gongwen.parse_many(texts, threads=2)]
    assert parallel == serial
    assert [p.to_json() for p in gongwen.parse_many(texts[:3])] == serial[:3]
    assert gongwen.parse_many([]) == []


def test_to_dict_and_to_json_are_the_contract(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    d = p.to_dict()
    assert d == json.loads(p.to_json())
    assert set(d) >= {"schema_version", "documents", "diagnostics"}
    assert d["schema_version"] == gongwen.SCHEMA_VERSION
    doc = d["documents"][0]
    for key in ["kind", "title", "doc_number", "issuers", "recipients", "date", "enclosed_titles", "attachments",
                "citations", "tasks", "appointments", "division", "targets", "span"]:
        assert key in doc
    assert p.documents[0].to_dict() == doc


def test_contract_json_equals_the_cli(gazette_text: str) -> None:
    cli = ROOT / "target" / "release" / "gongwen"
    # (Built every time: a stale binary would compare an older output.)
    subprocess.run(["cargo", "build", "--release", "-p", "gongwen", "--features", "cli"], cwd=ROOT, check=True)
    out = subprocess.run([str(cli), "parse", str(ROOT / "corpus" / "xiangtan-county-gazette-2023.txt")],
                         check=True, capture_output=True).stdout
    native = json.loads(out)
    ours = gongwen.parse(gazette_text).to_dict()
    # The same records; spans differ only by unit (bytes vs code points).
    raw = gazette_text.encode("utf-8")

    def to_chars(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) >= {"start", "end"} and isinstance(v["start"], int) and set(v) <= {"start", "end", "segments"}:
                w: dict[str, Any] = {"start": len(raw[:v["start"]].decode("utf-8")), "end": len(raw[:v["end"]].decode("utf-8"))}
                if "segments" in v:
                    w["segments"] = [to_chars(s) for s in v["segments"]]
                return w
            return {k: to_chars(x) for k, x in v.items()}
        if isinstance(v, list):
            return [to_chars(x) for x in v]
        return v

    assert native["offsets"] == "utf8" and ours["offsets"] == "code_point"
    native["offsets"] = "code_point"
    assert to_chars(native) == ours


def test_pickle_round_trip(gazette_text: str) -> None:
    p = gongwen.parse(gazette_text)
    q = pickle.loads(pickle.dumps(p))
    assert q == p and q.to_json() == p.to_json()
    assert q.task_rows() == p.task_rows()
    d = p.documents[0]
    assert pickle.loads(pickle.dumps(d)) == d


def test_parse_bytes_and_file(tmp_path: Path) -> None:
    text = (ROOT / "corpus" / "real" / "06_guohan-2018-144-lianxi-huiyi-pifu.txt").read_text(encoding="utf-8")
    gbk = text.encode("gb18030")
    p = gongwen.parse_bytes(gbk)
    assert p.documents[0].doc_number is not None and p.documents[0].doc_number.text == "国函〔2018〕144号"
    assert p.text == text and p.source is None
    s = p.documents[0].doc_number.span
    assert p.text[s.start:s.end] == "国函〔2018〕144号"
    f = tmp_path / "notice.txt"
    f.write_bytes(text.encode("utf-16"))
    q = gongwen.parse_file(f)
    assert q.documents[0].kind == "批复"
    # The file's path is its source (as the CLI's), the decoded text its text.
    assert q.source == str(f) and q.text == text
    assert gongwen.parse_bytes(gbk, encoding="gbk").documents[0].kind == "批复"


def test_any_python_codec_is_accepted_by_name() -> None:
    # `latin-1` is no WHATWG label (`latin1` is, as windows-1252): Python's codec reads it.
    assert gongwen.parse_bytes("通知 café".encode("latin-1", "replace"), encoding="latin-1").text == "?? café"
    assert gongwen.parse_bytes("關於".encode("big5"), encoding="big5").text == "關於"
    with pytest.raises(ValueError, match="unknown encoding 'no-such-codec'"):
        gongwen.parse_bytes(b"abc", encoding="no-such-codec")
    with pytest.raises(gongwen.DecodeError, match="byte offset 3"):
        gongwen.parse_bytes(b"abc\xff", encoding="utf-8")


def test_lone_surrogates_are_replaced_and_reported() -> None:
    text = "某县人民政府关于某事的通知\n各乡镇：\ud800正文。\n"
    p = gongwen.parse(text)
    d = p.diagnostics[0]
    assert d.code == "lone_surrogate" and d.span.start == text.index("\ud800")
    assert p.documents[0].title == "某县人民政府关于某事的通知"
    [q] = gongwen.parse_many([text])
    assert q.diagnostics[0].code == "lone_surrogate"


def test_the_result_says_its_offset_unit() -> None:
    p = gongwen.parse("某县人民政府关于某事的通知\n")
    assert p.offsets == "code_point" and p.to_dict()["offsets"] == "code_point"
    assert p.schema_version == gongwen.SCHEMA_VERSION == 5


def test_threads_must_be_positive() -> None:
    for bad in (-1, 0, 1.5, True):
        with pytest.raises(ValueError, match="threads"):
            gongwen.parse_many(["通知"], threads=bad)  # type: ignore[arg-type]


def test_records_show_their_fields() -> None:
    p = gongwen.parse("某县人民政府关于某事的通知\n某政发〔2023〕1号\n")
    d = p.documents[0]
    assert {"title", "doc_number", "tasks", "to_dict"} <= set(dir(d))
    # A span's segments: empty unless the value is not contiguous.
    assert d.doc_number is not None and d.doc_number.span.segments == []
    assert "segments" in dir(d.doc_number.span)
    assert "responsible_units" in (gongwen.Task.__doc__ or "")


def test_parse_files_groups_frames_by_path(tmp_path: Path) -> None:
    # A notebook over files: tasks_frame grouped by source path and by official.
    gazette = (ROOT / "corpus" / "xiangtan-county-gazette-2023.txt").read_text(encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(gazette, encoding="utf-8")
    b.write_bytes(gazette.encode("gb18030"))
    ps = gongwen.parse_files([a, b], threads=2)
    assert [p.source for p in ps] == [str(a), str(b)]
    df = gongwen.tasks_frame(ps)
    assert str(df["source"].dtype) == "string"
    per_file = df.drop_duplicates(["source", "document", "task"]).groupby("source").size()
    assert per_file.to_dict() == {str(a): 76, str(b): 76}
    leaders = df.drop_duplicates(["source", "document", "task"]).explode("officials")
    counts = leaders.dropna(subset=["officials"]).groupby("officials").size()
    assert counts["陈赞"] >= 2 and "" not in counts.index


def test_bad_inputs() -> None:
    with pytest.raises(TypeError, match="str"):
        gongwen.parse(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parse_bytes"):
        gongwen.parse(b"\xb9\xab\xce\xc4")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gongwen.parse_many("a single string")
    with pytest.raises(TypeError, match="item 1"):
        gongwen.parse_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(gongwen.DecodeError):
        gongwen.parse_bytes(b"abc \x81\x30\xff\xff text")
    with pytest.raises(gongwen.GongwenError):
        gongwen.parse_bytes(b"\x00\x01 binary")
    with pytest.raises(TypeError):
        gongwen.parse_bytes("text")  # type: ignore[arg-type]
    empty = gongwen.parse("")
    assert empty.documents == [] and empty.diagnostics[0].code == "empty_input"


def test_ten_megabytes(gazette_text: str) -> None:
    big = gazette_text * (10_000_000 // len(gazette_text.encode("utf-8")) + 1)
    assert len(big.encode("utf-8")) >= 10_000_000
    p = gongwen.parse(big)
    assert len(p.documents) >= 11 * 100


def test_examples_run() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bindings-py" / "examples" / "analysis.py")],
                         check=True, capture_output=True, text=True).stdout
    assert "县发改局" in out and "张清平" in out
