"""E-books (reader/formats/epub.py), in the shape of Calibre's news downloads
(tests/fixtures/make_epub.py)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

from reader.formats.epub import BOOK_DATE_NOTE
from reader.formats.folder import read_folder

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
TITLES = [
    "وزير الخارجية يبحث مع نظيره الفرنسي تطورات المنطقة",
    "ارتفاع أسعار النفط بعد قرار خفض الإنتاج",
]


def _rewritten(change) -> bytes:
    """news.epub with its members passed through ``change(name, data) -> data | None``."""
    out = io.BytesIO()
    with zipfile.ZipFile(FIXTURES / "news.epub") as book, zipfile.ZipFile(out, "w") as copy:
        for info in book.infolist():
            data = change(info.filename, book.read(info))
            if data is not None:
                copy.writestr(info, data)
    return out.getvalue()


def test_a_news_download_gives_its_articles_and_leaves_its_lists_out(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "news.epub", tmp_path)
    loaded = read_folder(tmp_path)
    assert [a.title for a in loaded.articles] == TITLES
    first = loaded.articles[0]
    assert first.id == "news.epub/feed_0/article_0/index.html"
    assert first.url == "https://www.example-news.net/news/2023/11/14/talks"
    assert first.source == "الجزيرة نت"  # the book's title without Calibre's day
    assert first.date == dt.date(2023, 11, 14)
    assert first.body.startswith("بحث وزير الخارجية مع نظيره الفرنسي")
    assert "calibre" not in first.body and "Section Menu" not in first.body
    assert first.problems == ()
    assert [p.reason for p in loaded.problems] == [
        "2 page(s) without article text left out (cover, contents, section lists)"
    ]


def test_an_article_without_a_date_takes_the_books_noted(tmp_path: Path) -> None:
    def undated(name: str, data: bytes) -> bytes:
        return data.replace('<p class="date">14 نوفمبر 2023</p>'.encode(), b"")

    (tmp_path / "news.epub").write_bytes(_rewritten(undated))
    first = read_folder(tmp_path).articles[0]
    assert first.date == dt.date(2023, 11, 14)
    assert first.problems == (BOOK_DATE_NOTE,)


def test_a_drm_protected_book_is_named(tmp_path: Path) -> None:
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="feed_0/article_0/index.html"/>'
        "</enc:CipherData></enc:EncryptedData></encryption>"
    )
    buffer = io.BytesIO(_rewritten(lambda name, data: data))
    with zipfile.ZipFile(buffer, "a") as book:
        book.writestr("META-INF/encryption.xml", encryption)
    (tmp_path / "locked.epub").write_bytes(buffer.getvalue())
    loaded = read_folder(tmp_path)
    assert loaded.articles == ()
    assert [p.reason for p in loaded.problems] == [
        "a DRM-protected EPUB e-book (its pages are encrypted); not read"
    ]


def test_a_book_without_its_package_is_named(tmp_path: Path) -> None:
    data = _rewritten(lambda name, data: None if name == "content.opf" else data)
    (tmp_path / "broken.epub").write_bytes(data)
    (problem,) = read_folder(tmp_path).problems
    assert problem.reason == "corrupt EPUB e-book (its package file is missing)"
    (tmp_path / "broken.epub").write_bytes(b"PK\x03\x04 not really")
    (problem,) = read_folder(tmp_path).problems
    assert problem.reason.startswith("corrupt EPUB e-book")


def test_books_in_a_zip_archive_are_read(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "downloads.zip", "w") as archive:
        archive.write(FIXTURES / "news.epub", "2023-11-14/news.epub")
    titles = [a.title for a in read_folder(tmp_path).articles]
    assert titles == TITLES
