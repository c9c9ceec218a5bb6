"""Hostile input that used to lose or garble articles without a word (issue 17, cases 6-8 and
the "also weak" items; issue 16's NUL-terminated Windows-1256 files).

Each file is built here from bytes, in the shape the scrapers and old tools produce; each test
checks the exported fields, not merely that something came out.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.commands import export
from reader.formats import parse_file, read_folder
from reader.library.library import load_library

HUGE = "9" * 5000
DEEP = "[" * 100_000 + "]" * 100_000
TITLE = "الحكومة تعلن خطة جديدة للنقل"
BODY = "أعلنت الحكومة اليوم خطة جديدة لتطوير النقل العام في المدن الكبرى.\nوتشمل الخطة خطوطا جديدة."
# what Python's own error says: none of it may reach the user
PYTHON_ADVICE = ("sys.set_int_max_str_digits", "Exceeds the limit", "maximum recursion")


def _write(folder: Path, name: str | bytes, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    raw = name if isinstance(name, bytes) else name.encode()
    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))
    path.write_bytes(data)
    return path


def _export(folder: Path, capfdbinary: pytest.CaptureFixture[bytes]) -> tuple[list[dict], str]:
    """``main.py export FOLDER --no-entities`` in this process: (records, stderr)."""
    args = argparse.Namespace(
        folder=str(folder),
        format="jsonl",
        query=None,
        tag=[],
        entity=[],
        source=None,
        since=None,
        until=None,
        no_entities=True,
        no_cache=False,
    )
    assert export.run(args) == 0
    out, err = capfdbinary.readouterr()
    return [json.loads(line) for line in out.decode("utf-8").splitlines()], err.decode("utf-8")


def _no_python_advice(*texts: str) -> None:
    for text in texts:
        for advice in PYTHON_ADVICE:
            assert advice not in text


# --- case 6: a huge integer or a deep value costs its item, line or field, never the file ---------


def test_huge_integer_in_a_json_file_costs_only_that_field(tmp_path: Path) -> None:
    items = (
        f'[{{"title": "{TITLE}", "body": "نص الخبر الأول", "views": {HUGE}}},'
        ' {"title": "خبر ثان", "body": "نص الخبر الثاني", "date": "2024-03-05"}]'
    )
    result = parse_file(_write(tmp_path, "feed.json", items.encode()), tmp_path)
    assert result.problems == ()
    first, second = result.articles
    assert (first.id, first.title, first.body) == ("feed.json#1", TITLE, "نص الخبر الأول")
    assert first.problems == ("field 'views': a number of 5,000 digits; left out",)
    assert (second.id, second.title, str(second.date)) == ("feed.json#2", "خبر ثان", "2024-03-05")
    assert second.problems == ()


def test_huge_integer_and_deep_lines_cost_one_line_of_json_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "أول", "body": "نص أول", "url": "https://a.example/1"}),
        f'{{"title": "ثان", "body": "نص ثان", "id": {HUGE}}}',
        DEEP,
        f'{{"title": "رابع", "body": "نص رابع", "extra": {DEEP}}}',
        HUGE,
        json.dumps({"title": "سادس", "body": "نص سادس"}),
    ]
    result = parse_file(_write(tmp_path, "feed.jsonl", "\n".join(lines).encode()), tmp_path)
    got = [(a.id, a.title, a.body, a.problems) for a in result.articles]
    assert got == [
        ("feed.jsonl#1", "أول", "نص أول", ()),
        ("feed.jsonl#2", "ثان", "نص ثان", ("field 'id': a number of 5,000 digits; left out",)),
        (
            "feed.jsonl#4",
            "رابع",
            "نص رابع",
            ("field 'extra': a value nested too deeply to read; left out",),
        ),
        ("feed.jsonl#6", "سادس", "نص سادس", ()),
    ]
    assert result.articles[0].url == "https://a.example/1"
    assert [str(p) for p in result.problems] == [
        "feed.jsonl: line 3: nested too deeply to read",
        "feed.jsonl: line 5: a number of 5,000 digits; left out",
    ]
    _no_python_advice(*(str(p) for p in result.problems))


def test_deep_item_of_a_json_file_costs_that_item(tmp_path: Path) -> None:
    text = (
        '{"articles": [{"title": "أول", "body": "نص أول"}, '
        + DEEP
        + ', {"title": "ثالث", "body": "نص ثالث", "tags": ["سياسة", '
        + DEEP
        + "]}]}"
    )
    result = parse_file(_write(tmp_path, "dump.json", text.encode()), tmp_path)
    got = [(a.id, a.title, a.body, a.tags) for a in result.articles]
    assert got == [
        ("dump.json#1", "أول", "نص أول", ()),
        ("dump.json#3", "ثالث", "نص ثالث", ("سياسة",)),
    ]
    assert result.articles[1].problems == (
        "field 'tags': a value nested too deeply to read; left out",
    )
    reasons = [p.reason for p in result.problems]
    assert reasons[0].startswith("JSON nested too deeply to read at once")
    assert reasons[1].startswith("item 2: ")
    _no_python_advice(*reasons)


def test_json_array_holding_strings_does_not_turn_them_into_problems(tmp_path: Path) -> None:
    text = json.dumps(["a stray string", {"title": "عنوان", "body": "نص"}], ensure_ascii=False)
    result = parse_file(_write(tmp_path, "mixed.json", text.encode()), tmp_path)
    assert [a.title for a in result.articles] == ["عنوان"]
    assert [str(p) for p in result.problems] == ["mixed.json: item 1: not a JSON object but str"]


# --- case 7: two articles with one id both survive, the later one renamed with a note ------------


def _clashing_folder(folder: Path) -> None:
    _write(folder, b"t\xe1.txt", "خبر أول\nنص الخبر الأول.\n".encode())
    _write(folder, b"t\xe2.txt", "خبر ثان\nنص الخبر الثاني.\n".encode())
    items = [
        {"title": "بند أول", "body": "نص البند الأول"},
        {"title": "بند ثان", "body": "نص البند الثاني"},
    ]
    _write(folder, "feed", json.dumps(items, ensure_ascii=False).encode())
    _write(folder, "feed#2", "ملف اسمه feed#2\nنص الملف.\n".encode())


EXPECTED_CLASH_IDS = {
    "feed#1": "بند أول",
    "feed#2": "بند ثان",
    "feed#2~2": "ملف اسمه feed#2",
    "t\ufffd.txt": "خبر أول",
    "t\ufffd.txt~2": "خبر ثان",
}


def test_clashing_ids_both_exported_with_a_note(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    folder = tmp_path / "clash"
    _clashing_folder(folder)
    for _ in range(2):  # the second time from the disk cache: the same ids
        records, stderr = _export(folder, capfdbinary)
        assert {r["id"]: r["title"] for r in records} == EXPECTED_CLASH_IDS
        assert [r["id"] for r in records] == list(EXPECTED_CLASH_IDS)
        by_id = {r["id"]: r for r in records}
        assert by_id["feed#2~2"]["body"] == "نص الملف."
        assert by_id["feed#2~2"]["problems"] == [
            "id 'feed#2' is also another article's: listed as 'feed#2~2'"
        ]
        assert by_id["t\ufffd.txt~2"]["body"] == "نص الخبر الثاني."
        assert by_id["t\ufffd.txt"]["problems"] == []
        assert "feed#2: article id 'feed#2' is already another article's" in stderr
        assert "t\ufffd.txt~2: the file name reads like another file's" in stderr
        assert stderr.splitlines()[-1] == "5 articles from 4 files, 0 files skipped"


def test_clashing_ids_in_read_folder(tmp_path: Path) -> None:
    _clashing_folder(tmp_path)
    result = read_folder(tmp_path, workers=1)
    assert {a.id: a.title for a in result.articles} == EXPECTED_CLASH_IDS
    assert result.summary() == "5 articles from 4 files, 0 files skipped"


def test_clash_made_by_a_live_update_is_broken_too(tmp_path: Path) -> None:
    items = [
        {"title": "بند أول", "body": "نص البند الأول"},
        {"title": "بند ثان", "body": "نص البند الثاني"},
    ]
    _write(tmp_path, "feed", json.dumps(items, ensure_ascii=False).encode())
    library = load_library(tmp_path, entities=False)
    path = _write(tmp_path, "feed#2", "ملف جديد\nنص الملف الجديد.\n".encode())
    change = library.apply_changes([path])
    assert change.added == ("feed#2~2",)
    assert {i: a.title for i, a in library.articles.items()} == {
        "feed#1": "بند أول",
        "feed#2": "بند ثان",
        "feed#2~2": "ملف جديد",
    }
    assert library.index.search("الجديد").ids == ("feed#2~2",)
    assert library.summary() == "3 articles from 2 files, 0 files skipped"


# --- case 8: a UTF-8 file with a Windows-1256 paragraph ------------------------------------------


def test_utf8_file_with_a_windows_1256_paragraph_is_decoded_line_by_line(tmp_path: Path) -> None:
    appended = "فقرة أضيفت لاحقا بترميز ويندوز العربي."
    data = f"{TITLE}\n{BODY}\n".encode() + f"{appended}\n".encode("cp1256")
    result = parse_file(_write(tmp_path, "mixed.txt", data), tmp_path)
    (article,) = result.articles
    assert article.title == TITLE
    assert article.body == f"{BODY}\n{appended}"
    assert article.problems == (
        "mixed encodings: 1 of 4 lines decoded as windows-1256, the rest as utf-8",
    )


# --- also weak: NULs, odd UTF-16, tags objects, control characters -------------------------------


def test_nul_terminated_crlf_windows_1256_file_is_read_with_a_note(tmp_path: Path) -> None:
    """Issue 16: a Windows-1256 corpus whose every file ends in one NUL byte."""
    text = f"{TITLE}\r\n{BODY.replace(chr(10), chr(13) + chr(10))}\r\n"
    path = _write(tmp_path / "سياسة", "1.txt", text.encode("cp1256") + b"\x00")
    result = parse_file(path, tmp_path)
    assert result.problems == ()
    (article,) = result.articles
    assert (article.id, article.title, article.body) == ("سياسة/1.txt", TITLE, BODY)
    assert article.problems == ("decoded as windows-1256; 1 NUL byte(s) at the end dropped",)


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda text: text.encode("utf-8"), "utf-8"),
        (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8"),
        (lambda text: text.encode("cp1256"), "windows-1256"),
        (lambda text: text.encode("utf-16-le"), "utf-16-le"),
        (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1256", "utf-16-le", "utf-16-bom"],
)
def test_file_padded_with_more_nuls_than_text_is_read(
    tmp_path: Path, encode: Callable[[str], bytes], encoding: str
) -> None:
    """A file padded to its allocated size (Windows tools, an interrupted copy): the padding is
    dropped however long it is, and said so."""
    data = encode(f"{TITLE}\n{BODY}\n") + b"\x00" * 4096
    (article,) = parse_file(_write(tmp_path, "1.txt", data), tmp_path).articles
    assert (article.title, article.body) == (TITLE, BODY)
    assert article.problems[0].endswith("NUL byte(s) at the end dropped")
    assert ("decoded as" in article.problems[0]) == (encoding != "utf-8")


def test_file_of_nothing_but_nuls_is_named_as_empty(tmp_path: Path) -> None:
    result = parse_file(_write(tmp_path, "1.txt", b"\x00" * 4096), tmp_path)
    assert [p.reason for p in result.problems] == [
        "empty file (only 4,096 NUL bytes: a download or copy that never finished?)"
    ]


def test_binary_with_nuls_is_still_binary(tmp_path: Path) -> None:
    result = parse_file(_write(tmp_path, "b.txt", bytes(range(256)) * 64), tmp_path)
    assert [p.reason for p in result.problems] == ["binary file (contains NUL bytes), not text"]


def test_utf16_with_bom_cut_at_an_odd_length_keeps_its_text(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + f"{TITLE}\n{BODY}\n".encode("utf-16-le") + b"\x06"
    result = parse_file(_write(tmp_path, "cut.txt", data), tmp_path)
    (article,) = result.articles
    assert (article.title, article.body) == (TITLE, BODY)
    assert article.problems == (
        "decoded as utf-16-le; the file ends inside a character: its last 1 byte(s) dropped",
    )


def test_stray_control_characters_are_dropped_with_a_note(tmp_path: Path) -> None:
    data = f"{TITLE}\n{BODY}\n".replace("اليوم", "اليوم\x08").encode() + b"\x1a"
    (article,) = parse_file(_write(tmp_path, "dos.txt", data), tmp_path).articles
    assert (article.title, article.body) == (TITLE, BODY)
    assert article.problems == ("2 control character(s) dropped",)


@pytest.mark.parametrize(
    ("tags", "expected", "note"),
    [
        ({"a": "سياسة", "b": "اقتصاد"}, ("سياسة", "اقتصاد"), None),
        ({"name": "رياضة"}, ("رياضة",), None),
        ([["سياسة", ["اقتصاد"]], {"name": "رياضة"}, 12], ("سياسة", "اقتصاد", "رياضة"), None),
        ({"id": 4, "link": "https://site.example/tag/4", "label": "صحة"}, ("صحة",), None),
        (7, (), "tags field holds int 7, not tag names; left out"),
        (True, (), "tags field holds bool True, not tag names; left out"),
    ],
    ids=["object", "named-object", "nested", "object-with-label", "number", "bool"],
)
def test_tags_given_as_objects_numbers_or_nested_lists(
    tmp_path: Path, tags: object, expected: tuple[str, ...], note: str | None
) -> None:
    item = {"title": TITLE, "body": BODY, "tags": tags}
    path = _write(tmp_path, "a.json", json.dumps(item, ensure_ascii=False).encode())
    (article,) = parse_file(path, tmp_path).articles
    assert article.tags == expected
    assert article.problems == ((note,) if note else ())
    assert not any("{" in tag or "[" in tag for tag in article.tags)


def test_line_separators_inside_json_strings_do_not_break_the_file(tmp_path: Path) -> None:
    """Found by the fuzzing suite: U+2028, U+2029 and U+0085 are allowed raw in JSON strings,
    and reading them as newlines broke the JSON Lines line (and the whole JSON file)."""
    items = [
        {"title": "عنوان\u2028أول", "body": "فقرة أولى\u2028فقرة ثانية"},
        {"title": "ثان", "body": "نص\x85ثان", "author": {"\x85": None}},
        {"title": "ثالث", "body": "نص\u2029ثالث"},
    ]
    lines = "\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    result = parse_file(_write(tmp_path, "feed.jsonl", lines.encode()), tmp_path)
    assert result.problems == ()
    got = [(a.title, a.body) for a in result.articles]
    assert got == [
        ("عنوان أول", "فقرة أولى\nفقرة ثانية"),
        ("ثان", "نص\nثان"),
        ("ثالث", "نص\nثالث"),
    ]
    whole = json.dumps(items, ensure_ascii=False).encode()
    result = parse_file(_write(tmp_path, "feed.json", whole), tmp_path)
    assert [(a.title, a.body) for a in result.articles] == got


def test_json_lines_starting_with_a_bare_value_keep_their_line_separators(tmp_path: Path) -> None:
    # found by the fuzzing suite: U+0085 inside a key split the line when the file did not
    # start with "{" or "[" (a JSON Lines line may hold any value)
    path = tmp_path / "f.jsonl"
    path.write_bytes(b'null\n{"title": "a", "body": "b"}\n{"\xc2\x85": null}')
    result = parse_file(path, tmp_path)
    assert [a.body for a in result.articles] == ["b"]
    assert len(result.articles) + len(result.problems) == 3


def test_a_file_is_read_to_its_end_whatever_size_stat_gave(tmp_path: Path) -> None:
    # the first read asks for the size stat() gave: a file that grew since is read on, a file
    # that shrank ends where it ends, and nothing is read past the limit
    from reader.formats.file_bytes import _read_to_end

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 200_000)
    assert _read_to_end(path, 1_000_000, size=10) == b"x" * 200_000
    assert _read_to_end(path, 150_001, size=10) == b"x" * 150_001
    assert _read_to_end(path, 1_000_000, size=500_000) == b"x" * 200_000
    assert _read_to_end(path, 1_000_000, size=200_000) == b"x" * 200_000


def test_a_table_or_json_export_may_be_bigger_than_an_article_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site's whole export (CSV, JSON Lines) is read up to its own, higher limit; a text file
    that big is no article. The limits are lowered here to keep the test small."""
    from reader.formats import file_bytes

    monkeypatch.setattr(file_bytes, "MAX_FILE_BYTES", 2000)
    monkeypatch.setattr(file_bytes, "MAX_EXPORT_BYTES", 20000)
    line = json.dumps({"title": TITLE, "text": BODY}, ensure_ascii=False) + "\n"
    rows = line * (5000 // len(line.encode()) + 1)
    _write(tmp_path, "site.jsonl", rows.encode())
    _write(tmp_path, "article.txt", (TITLE + "\n" + BODY * 40).encode())
    _write(tmp_path, "bigger.jsonl", (rows * 6).encode())
    found = {
        name: parse_file(tmp_path / name, tmp_path)
        for name in ("site.jsonl", "article.txt", "bigger.jsonl")
    }
    assert len(found["site.jsonl"].articles) == rows.count("\n")
    assert found["article.txt"].problems[0].reason.startswith("file too large (")
    assert found["bigger.jsonl"].problems[0].reason.startswith("file too large (")


def test_a_reader_that_raises_costs_its_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever a reader raises on content it did not foresee, parse_file names the file and
    returns: a worker's chunk (and the folder's load) never stops on one file."""
    from reader.formats import parse as parse_module

    def broken(data: bytes) -> None:
        raise RuntimeError("a reader's bug")

    monkeypatch.setattr(parse_module, "saved_page", broken)
    _write(tmp_path, "page.mhtml", b"MIME-Version: 1.0\r\n\r\n")
    result = parse_file(tmp_path / "page.mhtml", tmp_path)
    assert [p.reason for p in result.problems] == ["could not read (RuntimeError: a reader's bug)"]
