"""An ArchiveBox archive: each snapshot folder keeps one page several ways; one copy is read."""

from __future__ import annotations

import json
from pathlib import Path

from reader.formats import read_folder
from reader.library.library import load_library

TITLE = "افتتاح مستشفى جديد في صفاقس"
BODY = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."
URL = "https://news.example/2026/11/03/hospital"
PAGE = (
    f"<!--\n Page saved with SingleFile \n url: {URL} \n saved date: Tue Nov 03 2026\n-->"
    f'<html lang="ar"><head><meta charset="utf-8"><title>{TITLE}</title>'
    '<meta property="og:type" content="article">'
    '<meta property="article:published_time" content="2026-11-03T09:00:00Z"></head>'
    f"<body><article><h1>{TITLE}</h1><p>{BODY}</p></article></body></html>"
)


def _snapshot(folder: Path, *, singlefile: bool = True) -> Path:
    """What ArchiveBox writes for one URL (trimmed): its index, and the copies of the page."""
    folder.mkdir(parents=True)
    index = {"url": URL, "timestamp": "1793700000.0", "title": TITLE, "history": {}}
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    (folder / "index.html").write_text("<html><body>ArchiveBox snapshot</body></html>")
    if singlefile:
        (folder / "singlefile.html").write_text(PAGE, encoding="utf-8")
    (folder / "output.html").write_text(PAGE.replace("<!--", "<!-- x"), encoding="utf-8")
    (folder / "readability").mkdir()
    (folder / "readability" / "content.html").write_text(f"<div><p>{BODY}</p></div>")
    (folder / "htmltotext.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (folder / "screenshot.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "warc").mkdir()
    (folder / "warc" / "1793700000.warc.gz").write_bytes(b"")
    return folder


def test_each_snapshot_is_one_article_from_its_most_complete_copy(tmp_path: Path) -> None:
    _snapshot(tmp_path / "archive" / "1793700000.0")
    _snapshot(tmp_path / "archive" / "1793700100.0", singlefile=False)
    result = read_folder(tmp_path)
    assert sorted((a.id, a.title, a.url) for a in result.articles) == [
        ("archive/1793700000.0/singlefile.html", TITLE, URL),
        ("archive/1793700100.0/output.html", TITLE, None),
    ]
    assert result.problems == ()
    note = result.articles[0].problems[-1]
    assert note.startswith("an ArchiveBox snapshot: read from ")


def test_a_folder_with_an_index_json_of_another_tool_is_read_as_any_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "index.json").write_text('[{"title": "خبر", "text": "نص الخبر."}]', encoding="utf-8")
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "singlefile.html").write_text(PAGE, encoding="utf-8")
    ids = sorted(a.id for a in read_folder(tmp_path).articles)
    assert ids == ["export/index.html", "export/index.json", "export/singlefile.html"]


def test_a_live_change_to_another_copy_changes_nothing(tmp_path: Path) -> None:
    snapshot = _snapshot(tmp_path / "archive" / "1793700000.0")
    library = load_library(tmp_path, entities=False)
    assert len(library.articles) == 1
    (snapshot / "readability" / "content.html").write_text(f"<div><p>{BODY} تحديث</p></div>")
    changes = library.apply_changes([snapshot / "readability" / "content.html"], entities=False)
    assert not changes.problems
    assert list(library.articles) == ["archive/1793700000.0/singlefile.html"]
