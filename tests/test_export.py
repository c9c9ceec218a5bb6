"""The export record, CSV rows, field filters (reader/library/export.py) and the command (reader/commands/export.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from export_run import run_export

from reader.library.export import (
    CSV_COLUMNS,
    FieldFilter,
    article_record,
    csv_header,
    csv_line,
    csv_row,
    jsonl_line,
)
from reader.model import Appended, Article, Span

ROOT = Path(__file__).resolve().parent.parent
KEYS = [
    "id",
    "title",
    "date",
    "source",
    "url",
    "author",
    "category",
    "tags",
    "body",
    "related",
    "appended",
    "problems",
]

BODY = "استقبل بوتين رئيسي في موسكو.\nفقرة ثانية."
PUTIN = BODY.index("بوتين")
MOSCOW = BODY.index("موسكو")
ARTICLE = Article(
    id="sub/a.json#2",
    title="بوتين يستقبل رئيسي",
    body=BODY,
    date=dt.date(2023, 12, 7),
    source="الخليج الجديد",
    url="https://example.org/1",
    author=None,
    category="سياسة",
    tags=("إيران", "الحرب في غزة"),
    related=("عنوان مرتبط",),
    appended=(Appended("خبر ملحق", "نص ملحق", (Span(0, 2, "MISC"),)),),
    entities=(Span(PUTIN, PUTIN + 5, "PERS"), Span(MOSCOW, MOSCOW + 5, "LOC")),
    problems=("decoded as windows-1256",),
    path="sub/a.json",
)


def test_record_has_the_documented_keys_in_order() -> None:
    record = article_record(ARTICLE)
    assert list(record) == KEYS
    assert record["date"] == "2023-12-07"
    assert record["tags"] == ["إيران", "الحرب في غزة"]
    assert record["appended"] == [{"title": "خبر ملحق", "body": "نص ملحق"}]
    assert record["author"] is None


def test_entities_only_when_annotated() -> None:
    record = article_record(ARTICLE, with_entities=True)
    assert list(record) == [*KEYS[:-1], "entities", "problems"]
    # each span with its identity's name (issue 20); نص, two letters, names nothing
    assert record["entities"] == [
        {"start": PUTIN, "end": PUTIN + 5, "type": "PERS", "text": "بوتين", "canonical": "بوتين"},
        {"start": MOSCOW, "end": MOSCOW + 5, "type": "LOC", "text": "موسكو", "canonical": "موسكو"},
    ]
    assert record["appended"][0]["entities"] == [
        {"start": 0, "end": 2, "type": "MISC", "text": "نص", "canonical": None}
    ]


def test_jsonl_line_is_one_line_of_unescaped_arabic() -> None:
    line = jsonl_line(ARTICLE)
    assert line.endswith("\n") and line.count("\n") == 1
    assert "بوتين" in line
    assert json.loads(line) == article_record(ARTICLE)


def test_csv_row_round_trips() -> None:
    text = csv_line(csv_header()) + csv_line(csv_row(ARTICLE))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["tags"] == "إيران | الحرب في غزة"
    assert rows[0]["body"] == ARTICLE.body
    assert rows[0]["appended"] == "خبر ملحق"
    assert csv_row(ARTICLE, with_entities=True)[-1] == "بوتين (PERS) | موسكو (LOC)"


@pytest.mark.parametrize(
    ("flt", "passes"),
    [
        (FieldFilter(), True),
        (FieldFilter(tags=("ايران",)), True),  # hamza folded
        (FieldFilter(tags=("الحرب في غزه",)), True),  # ta marbuta folded
        (FieldFilter(tags=("إيران", "روسيا")), False),  # all tags must be there
        (FieldFilter(tags=("غزة",)), False),  # a word of a tag is not the tag
        (FieldFilter(source="الخليج  الجديد"), True),
        (FieldFilter(source="BBC"), False),
        (FieldFilter(since=dt.date(2023, 12, 7), until=dt.date(2023, 12, 7)), True),
        (FieldFilter(since=dt.date(2023, 12, 8)), False),
        (FieldFilter(until=dt.date(2023, 12, 6)), False),
    ],
)
def test_field_filter(flt: FieldFilter, passes: bool) -> None:
    assert flt.matches(ARTICLE) is passes


def test_undated_article_fails_any_date_bound() -> None:
    undated = Article(id="x", title="t", body="b")
    assert not FieldFilter(since=dt.date(2000, 1, 1)).matches(undated)
    assert FieldFilter().matches(undated)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("عنوان أ\nنص أ\n", encoding="utf-8")
    items = [
        {
            "title": "خبر غزة",
            "body": "نص",
            "date": "2023-12-07",
            "source": "BBC",
            "tags": ["غزة", "إيران"],
        },
        {
            "title": "خبر قديم",
            "body": "نص",
            "date": "2019-01-01",
            "source": "CNN",
            "tags": ["اقتصاد"],
        },
    ]
    (tmp_path / "b.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    return tmp_path


def test_command_exports_jsonl_with_problems_and_summary(folder: Path) -> None:
    done = run_export(str(folder))
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a.txt", "b.json#1", "b.json#2"]
    # the bundled recogniser annotates every record by default: spans slice the body
    for r in records:
        assert isinstance(r["entities"], list)
        for e in r["entities"]:
            assert r["body"][e["start"] : e["end"]] == e["text"]
    err = done.stderr.decode("utf-8").splitlines()
    assert err[0].startswith("bad.json: invalid JSON")
    assert err[-1] == "3 articles from 2 files, 1 files skipped: .json ×1"


def test_command_without_entities_leaves_the_key_out(folder: Path) -> None:
    done = run_export(str(folder), "--no-entities")
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == 3
    assert all("entities" not in r for r in records)


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--tag", "غزه"], ["b.json#1"]),
        (["--tag", "غزة", "--tag", "اقتصاد"], []),
        (["--source", "cnn"], ["b.json#2"]),
        (["--since", "2020-01-01"], ["b.json#1"]),
        (["--until", "2020-01-01"], ["b.json#2"]),
    ],
)
def test_command_filters(folder: Path, args: list[str], ids: list[str]) -> None:
    done = run_export(str(folder), *args)
    assert done.returncode == 0
    assert [json.loads(line)["id"] for line in done.stdout.decode("utf-8").splitlines()] == ids


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--query", "غزه"], ["b.json#1"]),  # the title says غزة: matched after normalisation
        (["--query", "خبر"], ["b.json#1", "b.json#2"]),  # folder order, not rank order
        (["--query", "خبر", "--source", "CNN"], ["b.json#2"]),
        (["--query", "كلمة_غير_موجودة"], []),
    ],
)
def test_command_query_goes_through_the_index(
    folder: Path, args: list[str], ids: list[str]
) -> None:
    done = run_export(str(folder), *args)
    assert done.returncode == 0, done.stderr.decode()
    assert [json.loads(line)["id"] for line in done.stdout.decode("utf-8").splitlines()] == ids


def test_command_query_exports_every_copy_and_no_partial_match(folder: Path) -> None:
    # c.txt is a.txt saved again: a search lists the text once, an export keeps both files
    (folder / "c.txt").write_text("عنوان أ\nنص أ\n", encoding="utf-8")
    done = run_export(str(folder), "--query", "عنوان", "--no-entities")
    assert [json.loads(line)["id"] for line in done.stdout.decode("utf-8").splitlines()] == [
        "a.txt",
        "c.txt",
    ]
    # no article holds all three words: the window lists those with two, an export takes none
    done = run_export(str(folder), "--query", "خبر غزة القاهرة", "--no-entities")
    assert done.stdout == b""
    assert "no article holds all 3 words (1 hold 2); nothing exported" in done.stderr.decode()


def test_command_csv_starts_with_a_bom(folder: Path) -> None:
    done = run_export(str(folder), "--format", "csv")
    assert done.returncode == 0
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"))))
    assert rows[0] == [*CSV_COLUMNS, "entities"]
    assert [r[0] for r in rows[1:]] == ["a.txt", "b.json#1", "b.json#2"]


@pytest.mark.parametrize("make", ["missing", "file"])
def test_command_refuses_an_unreadable_folder(tmp_path: Path, make: str) -> None:
    target = tmp_path / "x"
    if make == "file":
        target.write_text("x", encoding="utf-8")
    done = run_export(str(target))
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith("export: ")


def test_command_survives_a_closed_pipe(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"{i:03}.txt").write_text(f"عنوان {i}\n" + "نص طويل " * 200, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "export", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert json.loads(first)["id"] == "000.txt"
    assert "Traceback" not in err and "BrokenPipeError" not in err


class _NameFinder:
    """A stand-in for the trained recogniser: marks every occurrence of a few known names."""

    NAMES: ClassVar[dict[str, str]] = {"بوتين": "PERS", "موسكو": "LOC"}

    def __init__(self) -> None:
        self.texts = 0

    def find_entities(self, text: str, keywords=()) -> list[Span]:
        self.texts += 1
        spans = []
        for name, kind in self.NAMES.items():
            start = text.find(name)
            while start >= 0:
                spans.append(Span(start, start + len(name), kind))
                start = text.find(name, start + 1)
        return sorted(spans, key=lambda s: s.start)


def test_a_second_export_takes_the_entities_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    """The spans an export tagged are cached as the window caches them: the next export of the
    folder tags nothing and writes the same records; ``--no-cache`` tags again."""
    import reader.library.tagging
    from reader.cli import main

    (tmp_path / "a.txt").write_text("خبر أول\nقال بوتين إن الاتفاق قريب.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("خبر ثالث\nوصل بوتين إلى موسكو.\n", encoding="utf-8")
    finder = _NameFinder()
    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (finder, None))
    outputs = []
    for args, tagged in (([], 2), ([], 0), (["--no-cache"], 2)):
        before = finder.texts
        assert main(["export", str(tmp_path), *args]) == 0
        assert finder.texts - before == tagged
        outputs.append(capfdbinary.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert '"text": "موسكو"'.encode() in outputs[0]


@pytest.mark.parametrize(
    ("entities", "ids"),
    [
        (["بوتين"], ["a.txt", "c.txt"]),
        (["بوتين", "موسكو"], ["c.txt"]),
        (["ترامب"], []),
    ],
)
def test_command_entity_filter_annotates_and_emits_entities(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
    entities: list[str],
    ids: list[str],
) -> None:
    import reader.library.library
    import reader.library.tagging
    from reader.cli import main

    (tmp_path / "a.txt").write_text("خبر أول\nقال بوتين إن الاتفاق قريب.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر ثان\nلا أسماء هنا.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("خبر ثالث\nوصل بوتين إلى موسكو.\n", encoding="utf-8")
    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (_NameFinder(), None))
    args = ["export", str(tmp_path)]
    for entity in entities:
        args += ["--entity", entity]
    assert main(args) == 0
    records = [
        json.loads(line) for line in capfdbinary.readouterr().out.decode("utf-8").splitlines()
    ]
    assert [r["id"] for r in records] == ids
    for record in records:
        assert {e["text"] for e in record["entities"]} <= {"بوتين", "موسكو"}
        assert all(record["body"][e["start"] : e["end"]] == e["text"] for e in record["entities"])
