"""Nothing skipped in silence (issue 16): every file the scan leaves out is named with its reason,
and the summary line counts the skipped files by extension."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from export_run import run_export

from reader.formats.folder import summary_line
from reader.formats.names import is_article_name
from reader.formats.scan import scan_entries
from reader.library.library import load_library

ROOT = Path(__file__).resolve().parent.parent


def _export(folder: Path) -> subprocess.CompletedProcess[bytes]:
    return run_export(str(folder), "--no-entities")


def _unsupported(root: Path) -> Path:
    root.mkdir()
    (root / "report.mobi").write_bytes(b"PK\x03\x04BOOKMOBI")
    (root / "scans").mkdir()
    (root / "scans" / "page 2.MOBI").write_bytes(b"PK\x03\x04")
    (root / "slides.pptx").write_bytes(b"PK\x03\x04\x14\x00")
    return root


def test_a_folder_of_unsupported_files_names_each_and_groups_the_summary(tmp_path: Path) -> None:
    done = _export(_unsupported(tmp_path / "docs"))
    assert done.returncode == 0
    assert done.stdout == b""
    assert done.stderr.decode("utf-8").splitlines() == [
        "report.mobi: not an article format (.mobi)",
        "scans/page 2.MOBI: not an article format (.mobi)",
        "slides.pptx: not an article format (.pptx)",
        "0 articles from 0 files, 3 files skipped: .mobi ×2, .pptx ×1",
    ]


def test_skipped_files_next_to_articles(tmp_path: Path) -> None:
    root = _unsupported(tmp_path / "news")
    (root / "a.txt").write_text("عنوان\nنص الخبر.\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (root / "blob").write_bytes(b"\x00\x01\x02\x03" * 10)  # no extension: read, and refused
    # not named: hidden files and folders, the collection's own documentation
    (root / ".DS_Store").write_bytes(b"\x00\x00")
    (root / ".git").mkdir()
    (root / ".git" / "index").write_bytes(b"DIRC")
    (root / "README.md").write_text("# the collection\n", encoding="utf-8")
    (root / "LICENSE").write_text("licence\n", encoding="utf-8")
    # nor what Windows leaves in a folder it showed
    (root / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (root / "desktop.ini").write_text("[.ShellClassInfo]\r\n", encoding="utf-8")
    done = _export(root)
    err = done.stderr.decode("utf-8").splitlines()
    assert "photo.jpg: not an article format (.jpg)" in err
    assert any(line.startswith("blob: ") for line in err)
    assert not any(
        line.startswith((".DS_Store", ".git", "README.md", "LICENSE", "Thumbs.db", "desktop.ini"))
        for line in err[:-1]
    )
    assert err[-1] == (
        "1 articles from 1 files, 5 files skipped: .mobi ×2, .jpg ×1, .pptx ×1, (none) ×1"
    )


def test_the_library_summary_and_the_scan_agree(tmp_path: Path) -> None:
    root = _unsupported(tmp_path / "news")
    (root / "a.txt").write_text("عنوان\nنص الخبر.\n", encoding="utf-8")
    found, problems = scan_entries(root)
    assert [rel for rel, _ in found] == ["a.txt"]
    assert sorted(p.path for p in problems) == ["report.mobi", "scans/page 2.MOBI", "slides.pptx"]
    library = load_library(root, entities=False)
    assert library.summary() == "1 articles from 1 files, 3 files skipped: .mobi ×2, .pptx ×1"


@pytest.mark.parametrize(
    ("skipped", "line"),
    [
        ([], "4 articles from 2 files, 0 files skipped"),
        (["a.epub"], "4 articles from 2 files, 1 files skipped: .epub ×1"),
        (
            ["x/b.docx", "a.epub", "c.EPUB", "noext", "d.tar.gz", ".hidden"],
            "4 articles from 2 files, 6 files skipped: .epub ×2, (none) ×2, .docx ×1, .gz ×1",
        ),
    ],
)
def test_summary_line(skipped: list[str], line: str) -> None:
    assert summary_line(4, 2, skipped) == line


@pytest.mark.parametrize(
    ("name", "read"),
    [("a.csv", True), ("a.TSV", True), ("a.txt", True), ("noext", True), ("a.mobi", False)],
)
def test_tables_are_article_files(name: str, read: bool) -> None:
    assert is_article_name(name) is read


def test_a_live_folder_names_the_unsupported_files_written_into_it(tmp_path: Path) -> None:
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text("عنوان\nنص الخبر.\n", encoding="utf-8")
    library = load_library(root, entities=False)
    assert library.summary() == "1 articles from 1 files, 0 files skipped"
    (root / "scan.mobi").write_bytes(b"%PDF-1.7\n")
    (root / "README.md").write_text("# about\n", encoding="utf-8")
    changes = library.apply_changes([root / "scan.mobi", root / "README.md"], entities=False)
    assert [str(p) for p in changes.problems] == ["scan.mobi: not an article format (.mobi)"]
    assert library.summary() == "1 articles from 1 files, 1 files skipped: .mobi ×1"
    # as a full load of the folder as it is now says
    assert load_library(root, entities=False).summary() == library.summary()
    (root / "scan.mobi").unlink()
    library.apply_changes([], [root / "scan.mobi"], entities=False)
    assert library.problems == []
    assert library.summary() == "1 articles from 1 files, 0 files skipped"


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("page.html.gz", True),
        ("news.2012.gz", True),  # a date is no format
        ("feed.gz", True),
        ("crawl.warc.gz", True),  # a crawl's web archive: its own reader, not read as text
        ("backup.tar.gz", True),  # a tar archive: read as a zip is
        ("scan.mobi.gz", False),
    ],
)
def test_a_compressed_file_is_read_by_the_name_inside(name: str, read: bool) -> None:
    assert is_article_name(name) is read


def test_a_web_archive_without_pages_says_so(tmp_path: Path) -> None:
    """Read by its own reader, not as text (it became an article titled WARC/1.0)."""
    import gzip

    root = tmp_path / "crawl"
    root.mkdir()
    record = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nwget\n\r\n\r\n"
    (root / "site.warc.gz").write_bytes(gzip.compress(record))
    (root / "site.wacz").write_bytes(b"PK\x03\x04")
    done = _export(root)
    assert done.stdout == b""
    assert done.stderr.decode("utf-8").splitlines() == [
        "site.wacz: corrupt packed web archive (WACZ): File is not a zip file",
        "site.warc.gz: a web archive without pages",
        "0 articles from 0 files, 2 files skipped: .gz ×1, .wacz ×1",
    ]
