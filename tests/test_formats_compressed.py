"""Compressed article files (reader/formats/compressed.py, parse.py ``_read``): .gz, .bz2, .xz."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import json
import lzma
import tracemalloc
import zlib
from pathlib import Path

import pytest
from export_run import run_export

from reader.formats import MAX_FILE_BYTES, read_folder
from reader.formats.folder import is_article_name
from reader.formats.parse import CUT_SHORT_NOTE, parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "formats"
BOMB = "decompressed size exceeds the 64 MB limit (possible decompression bomb)"
ITEMS = [
    {"title": "خبر أول", "body": "نص الخبر الأول.", "date": "2023-12-07", "source": "BBC"},
    {"title": "خبر ثان", "body": "نص الخبر الثاني.", "tags": ["غزة", "إيران"]},
]
TEXT = "عنوان الوثيقة\nالفقرة الأولى من النص.\nالفقرة الثانية.\n"


def _gzip_bomb(path: Path, size: int) -> None:
    """``size`` bytes of zeros, gzip-compressed a megabyte at a time (never held whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip header and trailer
    zeros = bytes(1024 * 1024)
    with path.open("wb") as out:
        for _ in range(size // len(zeros)):
            out.write(packer.compress(zeros))
        out.write(packer.flush())


def test_gzip_of_a_json_file(tmp_path: Path) -> None:
    data = json.dumps(ITEMS, ensure_ascii=False).encode("utf-8")
    (tmp_path / "feed.json.gz").write_bytes(gzip.compress(data))
    result = read_folder(tmp_path)  # .gz files are scanned
    assert result.problems == ()
    first, second = result.articles
    assert (first.id, second.id) == ("feed.json.gz#1", "feed.json.gz#2")
    assert first.path == "feed.json.gz"
    assert (first.title, first.body, first.date, first.source) == (
        "خبر أول",
        "نص الخبر الأول.",
        dt.date(2023, 12, 7),
        "BBC",
    )
    assert (second.title, second.tags) == ("خبر ثان", ("غزة", "إيران"))


@pytest.mark.parametrize(
    ("name", "pack"), [("docs.txt.bz2", bz2.compress), ("docs.txt.xz", lzma.compress)]
)
def test_bz2_and_xz_of_text_files(tmp_path: Path, name: str, pack) -> None:
    (tmp_path / name).write_bytes(pack(TEXT.encode("utf-8")))
    (article,) = parse_file(tmp_path / name, tmp_path).articles
    assert article.id == name
    assert article.title == "عنوان الوثيقة"
    assert article.body == "الفقرة الأولى من النص.\nالفقرة الثانية."
    assert article.problems == ()


def test_inner_name_decides_the_layout(tmp_path: Path) -> None:
    page = (FIXTURES / "news_page.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page))
    (article,) = parse_file(tmp_path / "page.html.gz", tmp_path).articles
    assert article.title == "البنك المركزي يرفع سعر الفائدة نصف نقطة لمواجهة التضخم"
    assert article.source == "الوطن نيوز"
    assert "googletag" not in article.body
    # Markdown by its inner .md name
    (tmp_path / "note.md.gz").write_bytes(gzip.compress(b"# Title\n\nline one\nline two\n"))
    (note,) = parse_file(tmp_path / "note.md.gz", tmp_path).articles
    assert (note.title, note.body) == ("Title", "line one line two")


def test_gzip_of_a_csv_table(tmp_path: Path) -> None:
    table = "title,text,date\nعنوان أ,نص أ,2023-01-02\nعنوان ب,نص ب,2023-01-03\n"
    (tmp_path / "table.csv.gz").write_bytes(gzip.compress(table.encode("utf-8")))
    articles = read_folder(tmp_path).articles
    assert [(a.id, a.title, a.body, a.date) for a in articles] == [
        ("table.csv.gz#1", "عنوان أ", "نص أ", dt.date(2023, 1, 2)),
        ("table.csv.gz#2", "عنوان ب", "نص ب", dt.date(2023, 1, 3)),
    ]


def test_windows_1256_inside_gzip(tmp_path: Path) -> None:
    (tmp_path / "old.txt.gz").write_bytes(gzip.compress(TEXT.encode("cp1256")))
    (article,) = parse_file(tmp_path / "old.txt.gz", tmp_path).articles
    assert article.title == "عنوان الوثيقة"
    assert article.problems == ("decoded as windows-1256",)


def test_multi_member_gzip(tmp_path: Path) -> None:
    """``cat a.gz b.gz > c.gz`` is valid gzip: both parts are read."""
    path = tmp_path / "log.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()) + gzip.compress("سطر ملحق.\n".encode()))
    (article,) = parse_file(path, tmp_path).articles
    assert article.body.endswith("الفقرة الثانية.\nسطر ملحق.")


def test_gzip_bomb_is_a_named_problem_within_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    _gzip_bomb(path, 100 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        result = parse_file(path, tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.articles == ()
    assert [str(p) for p in result.problems] == [f"bomb.txt.gz: {BOMB}"]
    assert MAX_FILE_BYTES <= peak < 100 * 1024 * 1024


def test_xz_bomb(tmp_path: Path) -> None:
    packer = lzma.LZMACompressor(preset=0)
    zeros = bytes(1024 * 1024)
    path = tmp_path / "bomb.txt.xz"
    with path.open("wb") as out:
        for _ in range(65):
            out.write(packer.compress(zeros))
        out.write(packer.flush())
    assert [p.reason for p in parse_file(path, tmp_path).problems] == [BOMB]


def test_just_under_the_limit_is_read(tmp_path: Path) -> None:
    body = ("نص " * 50 + "\n") * 1000
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(("عنوان\n" + body).encode()))
    (article,) = parse_file(path, tmp_path).articles
    assert article.title == "عنوان"
    assert article.body.count("\n") == 999


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "cut.txt.gz",
            gzip.compress(TEXT.encode() * 50)[:12],  # cut before anything decompresses
            "corrupt gzip file: the data ends before the end of the compressed stream "
            "(truncated download?)",
        ),
        (
            "garbage.json.gz",
            gzip.compress(b"{}")[:10] + b"\xff" * 40,
            "corrupt gzip file: invalid block type",
        ),
        (
            "plain.gz",
            b"not compressed at all",
            "corrupt gzip file: it does not start with a gzip header",
        ),
        (
            "bad.txt.xz",
            b"\xfd7zXZ\x00" + b"\x00" * 30,
            "corrupt xz file: Corrupt input data",
        ),
        ("bad.txt.bz2", b"BZh91AY&SY" + b"\x00" * 30, "corrupt bzip2 file: Invalid data stream"),
        ("empty.txt.gz", gzip.compress(b""), "empty gzip file: nothing inside"),
    ],
)
def test_corrupt_archives_are_named(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    result = parse_file(tmp_path / name, tmp_path)
    assert result.articles == ()
    assert [str(p) for p in result.problems] == [f"{name}: {reason}"]


CUT = (
    "gzip file cut short (the data ends before the end of the compressed stream (truncated "
    "download?)); what came before the cut is read"
)


def test_a_compressed_export_cut_short_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    """A JSON Lines export of 40 articles, its .gz cut in the middle: the whole records before
    the cut are read, each saying where it comes from, and the file is named as cut short."""
    records = [
        {"title": f"خبر {i}", "content": f"نص الخبر رقم {i} " * 40, "date": "2024-03-01"}
        for i in range(40)
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    packed = gzip.compress(data)
    (tmp_path / "export.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    result = parse_file(tmp_path / "export.jsonl.gz", tmp_path)
    before_the_cut = zlib.decompressobj(31).decompress(packed[: len(packed) // 2])
    whole = before_the_cut.count(b"\n")  # the line the cut falls in is not whole
    assert [a.title for a in result.articles] == [f"خبر {i}" for i in range(whole)]
    assert 5 < whole < 40
    assert all(CUT_SHORT_NOTE in a.problems for a in result.articles)
    assert [p.reason for p in result.problems][-1] == CUT


def test_a_compressed_article_cut_short_is_read_as_far_as_it_goes(tmp_path: Path) -> None:
    text = "عنوان الخبر\n" + "".join(f"الفقرة رقم {i} من نص الخبر.\n" for i in range(400))
    packed = lzma.compress(text.encode())
    (tmp_path / "cut.txt.xz").write_bytes(packed[: len(packed) // 2])
    result = parse_file(tmp_path / "cut.txt.xz", tmp_path)
    (article,) = result.articles
    assert article.title == "عنوان الخبر"
    assert 0 < len(article.body) < len(text) - 200
    assert text.startswith(f"عنوان الخبر\n{article.body[:200]}")
    assert CUT_SHORT_NOTE in article.problems
    assert [p.reason for p in result.problems] == [CUT.replace("gzip", "xz")]


def test_compressed_suffixes_are_scanned() -> None:
    for name in ("a.json.gz", "a.txt.bz2", "a.txt.xz", "page.html.GZ"):
        assert is_article_name(name)


def test_export_command_reads_compressed_files(tmp_path: Path) -> None:
    data = json.dumps(ITEMS, ensure_ascii=False).encode("utf-8")
    (tmp_path / "feed.json.gz").write_bytes(gzip.compress(data))
    (tmp_path / "docs.txt.xz").write_bytes(lzma.compress(TEXT.encode()))
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(TEXT.encode())[:-12])
    _gzip_bomb(tmp_path / "zeros.txt.gz", 80 * 1024 * 1024)
    done = run_export(str(tmp_path), "--no-entities")
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [(r["id"], r["title"]) for r in records] == [
        ("broken.txt.gz", "عنوان الوثيقة"),  # only its end was cut: all its text is read
        ("docs.txt.xz", "عنوان الوثيقة"),
        ("feed.json.gz#1", "خبر أول"),
        ("feed.json.gz#2", "خبر ثان"),
    ]
    assert records[0]["problems"] == [CUT_SHORT_NOTE]
    assert records[1]["body"] == "الفقرة الأولى من النص.\nالفقرة الثانية."
    assert done.stderr.decode("utf-8").splitlines() == [
        f"broken.txt.gz: {CUT}",
        f"zeros.txt.gz: {BOMB}",
        "4 articles from 3 files, 1 files skipped: .gz ×1",
    ]
