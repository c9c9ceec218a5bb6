"""Metadata sidecars (reader/formats/sidecar.py): a CSV naming pages of its folder gives them their
title, date and url, the same way from every path (export, the cache, read_folder, live changes)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from export_run import export_records

from reader.formats import read_folder
from reader.library.library import load_library
from reader.model import Span

PAGE_1 = (
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير لخدمة السكان.\n"
    "وقال الوزير إن المستشفى سيبدأ استقبال المرضى الشهر المقبل.\n"
)
PAGE_2 = "افتتاح معرض الكتاب\nيفتتح معرض الكتاب أبوابه غدا بمشاركة مئات الناشرين.\n"


def _sidecar_folder(root: Path) -> Path:
    root.mkdir()
    (root / "pages").mkdir()
    (root / "pages" / "001.txt").write_text(PAGE_1, encoding="utf-8")
    (root / "pages" / "002.txt").write_text(PAGE_2, encoding="utf-8")
    (root / "pages" / "metadata.csv").write_text(
        "file_name,title,date,url\n"
        "001.txt,مستشفى جديد في المدينة,2024-03-01,https://news.example/001\n"
        "002.txt,معرض الكتاب يفتتح غدا,05/03/2024,https://news.example/002\n"
        "003.txt,صفحة لم تحفظ,2024-03-09,https://news.example/003\n",
        encoding="utf-8",
    )
    return root


def test_sidecar_fields_land_on_the_pages_articles(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    records, err = export_records(folder)
    by_id = {r["id"]: r for r in records}
    assert list(by_id) == ["pages/001.txt", "pages/002.txt"]
    one, two = by_id["pages/001.txt"], by_id["pages/002.txt"]
    # a page saved without its headline: the sidecar's title, and the first paragraph back in
    # the body
    assert one["title"] == "مستشفى جديد في المدينة"
    assert one["body"] == PAGE_1.strip()
    assert (one["date"], one["url"]) == ("2024-03-01", "https://news.example/001")
    # a page with a headline of its own keeps it; the sidecar fills what the page lacks
    assert two["title"] == "افتتاح معرض الكتاب"
    assert (two["date"], two["url"]) == ("2024-03-05", "https://news.example/002")
    assert one["problems"] == [] and two["problems"] == []
    # the sidecar is read, not skipped; the row naming a page that is not there is named
    assert err == [
        "pages/003.txt: named by pages/metadata.csv (row 3, line 4) but not in the folder",
        "2 articles from 2 files, 1 files skipped: .txt ×1",
    ]


def test_sidecar_naming_pages_by_id_in_arabic_columns(tmp_path: Path) -> None:
    (tmp_path / "1001.txt").write_text(PAGE_1, encoding="utf-8")
    (tmp_path / "1002.md").write_text(PAGE_2, encoding="utf-8")
    (tmp_path / "بيانات.tsv").write_text(
        "المعرف\tالعنوان\tتاريخ النشر\tالرابط\tالمصدر\n"
        "1001\tمستشفى جديد\t2024-03-01\thttps://news.example/1001\tوكالة الأنباء\n"
        "1002\tمعرض الكتاب\t2024-03-05\thttps://news.example/1002\tوكالة الأنباء\n",
        encoding="utf-8",
    )
    records, err = export_records(tmp_path)
    assert [(r["id"], r["title"], r["date"], r["url"], r["source"]) for r in records] == [
        ("1001.txt", "مستشفى جديد", "2024-03-01", "https://news.example/1001", "وكالة الأنباء"),
        (
            "1002.md",
            "افتتاح معرض الكتاب",
            "2024-03-05",
            "https://news.example/1002",
            "وكالة الأنباء",
        ),
    ]
    assert err == ["2 articles from 2 files, 0 files skipped"]


def test_sidecar_join_is_the_same_from_the_cache_and_in_read_folder(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    first = load_library(folder, entities=False)
    second = load_library(folder, entities=False)
    assert second.stats["cached_files"] == 3
    assert second.articles == first.articles
    assert first.articles["pages/001.txt"].title == "مستشفى جديد في المدينة"
    plain = read_folder(folder)
    assert {a.id: a for a in plain.articles} == first.articles


def test_a_folder_with_a_sidecar_is_searched_as_joined_every_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    folder = _sidecar_folder(tmp_path / "site")
    args = ["search", str(folder), "مستشفى", "--format", "jsonl"]
    assert main(args) == 0
    first = capsys.readouterr()
    assert main(args) == 0
    second = capsys.readouterr()
    # no index snapshot is kept for it (a sidecar edit would leave the pages' entries stale),
    # so no answer from the snapshot alone either: the same hits, with the sidecar's title
    assert "index built" in second.err and "index loaded" not in second.err
    assert second.out == first.out
    assert json.loads(second.out)["results"][0]["title"] == "مستشفى جديد في المدينة"


def test_a_sidecar_edited_or_removed_between_opens(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    meta = folder / "pages" / "metadata.csv"
    original = meta.read_text(encoding="utf-8")
    meta.write_text(original.replace("مستشفى جديد في المدينة", "عيادة متنقلة"), encoding="utf-8")
    # nothing cached: the index is built while the files are parsed, before the join
    first = load_library(folder, entities=False)
    assert first.stats["cached_files"] == 0
    assert first.articles["pages/001.txt"].title == "عيادة متنقلة"
    assert list(first.search("عيادة").ids) == ["pages/001.txt"]
    meta.write_text(original.replace("مستشفى جديد في المدينة", "قافلة طبية"), encoding="utf-8")
    again = load_library(folder, entities=False)
    assert list(again.search("قافلة").ids) == ["pages/001.txt"]
    assert list(again.search("عيادة").ids) == []  # the old title's words are not indexed any more
    meta.unlink()
    removed = load_library(folder, entities=False)
    page = removed.articles["pages/001.txt"]
    # without its sidecar the page has no headline line: its lead sentence names it, and stays
    first_line = PAGE_1.split("\n", maxsplit=1)[0]
    assert (page.title, page.body, page.date, page.url) == (
        first_line.rstrip("."),
        PAGE_1.strip(),
        None,
        None,
    )
    assert list(removed.search("قافلة").ids) == []
    assert removed.summary() == "2 articles from 2 files, 0 files skipped"


class _NameFinder:
    """A stand-in recogniser: marks every occurrence of a few words."""

    NAMES = ("الوزير", "الصحة")

    def find_entities(self, text: str, keywords: object = ()) -> list[Span]:
        spans = [
            Span(match, match + len(name), "PERS")
            for name in self.NAMES
            for match in _find_all(text, name)
        ]
        return sorted(spans, key=lambda s: s.start)


def _find_all(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def test_entity_spans_fit_the_body_the_sidecar_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.library.library
    import reader.library.tagging

    monkeypatch.setattr(reader.library.tagging, "entity_recogniser", lambda: (_NameFinder(), None))
    monkeypatch.setattr(reader.library.tagging, "default_recogniser", lambda: None)
    folder = _sidecar_folder(tmp_path / "site")

    def spans_fit(library: reader.library.library.Library) -> None:
        page = library.articles["pages/001.txt"]
        assert page.entities
        assert {page.body[s.start : s.end] for s in page.entities} <= set(_NameFinder.NAMES)

    joined = load_library(folder)
    spans_fit(joined)
    assert joined.articles["pages/001.txt"].body.startswith("أعلنت وزارة الصحة")
    # the spans found on the joined body must not be laid on the page's own body, nor the
    # other way round
    (folder / "pages" / "metadata.csv").rename(folder / "metadata.bak")
    spans_fit(load_library(folder))
    (folder / "metadata.bak").rename(folder / "pages" / "metadata.csv")
    spans_fit(load_library(folder))


def test_live_changes_join_the_sidecar(tmp_path: Path) -> None:
    folder = _sidecar_folder(tmp_path / "site")
    library = load_library(folder, entities=False)
    # a page written while the folder is open gets its row's fields...
    (folder / "pages" / "003.txt").write_text(PAGE_1.replace("الصحة", "التعليم"), encoding="utf-8")
    library.apply_changes([folder / "pages" / "003.txt"], entities=False)
    assert library.articles["pages/003.txt"].title == "صفحة لم تحفظ"
    assert library.articles["pages/003.txt"].url == "https://news.example/003"
    # ...and a sidecar edited while open is joined onto the pages it names
    meta = folder / "pages" / "metadata.csv"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("2024-03-01", "2024-03-02"), encoding="utf-8"
    )
    library.apply_changes([meta], entities=False)
    assert library.articles["pages/001.txt"].title == "مستشفى جديد في المدينة"
    assert library.articles["pages/001.txt"].date == dt.date(2024, 3, 2)
    assert library.articles["pages/001.txt"].body == PAGE_1.strip()
