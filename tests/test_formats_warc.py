"""A crawler's web archive (wget --warc-file, Browsertrix): the article pages read as saved pages
are, everything else a crawl fetches counted in a line per kind."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from reader.formats import parse_file, read_folder

TITLE = "افتتاح مستشفى جديد في صفاقس"
PARAGRAPHS = [
    "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير.",
    "وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم بعد اكتمال تجهيزه.",
]
ARTICLE = (
    '<html lang="ar"><head><meta charset="utf-8"><title>' + TITLE + "</title>"
    '<meta property="og:type" content="article"></head><body><article><h1>'
    + TITLE
    + "</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "</article></body></html>"
)
LISTING = (
    '<html><head><meta charset="utf-8"><meta property="og:type" content="website"></head>'
    "<body><main>"
    + "".join(
        f'<h2><a href="/news/{i}">خبر رقم {i} عن الاقتصاد</a></h2><p>ملخص.</p>' for i in range(10)
    )
    + "</main></body></html>"
)


def _record(kind: str, block: bytes, url: str | None = None) -> bytes:
    """A WARC record as crawlers write it (headers, a blank line, the block, two line ends)."""
    head = ["WARC/1.0", f"WARC-Type: {kind}", "WARC-Date: 2026-11-03T10:00:00Z"]
    head += [f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, url, block))):032x}>"]
    if url:
        head += [f"WARC-Target-URI: {url}", "Content-Type: application/http; msgtype=response"]
    head += [f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


BOT_CHECK = (
    "<html><head><title>Just a moment...</title></head><body><h1>site.example</h1>"
    "<p>Checking if the site connection is secure</p>"
    '<form id="challenge-form" action="/news/2?__cf_chl_f_tk=x"></form></body></html>'
)


def _response(url: str, status: str, content_type: str, body: bytes) -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    http += f"Content-Length: {len(body)}\r\n\r\n"
    return _record("response", http.encode() + body, url)


def _warc(*, gz: bool) -> bytes:
    records = [
        _record("warcinfo", b"software: wget/1.21\r\n"),
        _response(
            "https://site.example/news/1", "200 OK", "text/html; charset=utf-8", ARTICLE.encode()
        ),
        _response("https://site.example/", "200 OK", "text/html", LISTING.encode()),
        _response("https://site.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        _response("https://site.example/app.js", "200 OK", "application/javascript", b"var a;"),
        _response("https://site.example/old", "301 Moved Permanently", "text/html", b""),
        # a bot check served with 200, as a crawler without a browser is answered
        _response("https://site.example/news/2", "200 OK", "text/html", BOT_CHECK.encode()),
    ]
    # a .warc.gz compresses each record apart, so a reader can start at any of them
    return b"".join(gzip.compress(r) for r in records) if gz else b"".join(records)


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_crawl_gives_its_article_pages_and_counts_the_rest(tmp_path: Path, gz: bool) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    (tmp_path / name).write_bytes(_warc(gz=gz))
    result = parse_file(tmp_path / name, tmp_path)
    (article,) = result.articles
    assert (article.id, article.title, article.url) == (
        f"{name}#1",
        TITLE,
        "https://site.example/news/1",
    )
    assert article.body == "\n".join(PARAGRAPHS)
    assert sorted(p.reason for p in result.problems) == [
        "error pages and bot checks: 1 left out",
        "images, scripts, styles and other files that are no page: 2 left out",
        "pages listing articles (home, section and tag pages): 1 left out",
        "responses that are no page (redirects and errors): 1 left out",
    ]


def test_a_crawl_cut_short_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    data = _warc(gz=False)
    cut = data.index(LISTING.encode()) + 100  # inside the home page's record
    (tmp_path / "cut.warc").write_bytes(data[:cut])
    result = parse_file(tmp_path / "cut.warc", tmp_path)
    # the article before the cut is kept; half the home page is no article
    assert [a.title for a in result.articles] == [TITLE]
    assert [p.reason for p in result.problems] == [
        "damaged web archive after 1 pages (EOFError: the file ends inside a record)"
    ]


def test_a_crawl_inside_a_zip_archive(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "crawls.zip", "w") as archive:
        archive.writestr("2026/site.warc.gz", _warc(gz=True))
        archive.writestr("notes.txt", "ملاحظات\n\nنص الملاحظات عن الزحف.\n")
    ids = [a.id for a in read_folder(tmp_path).articles]
    assert "crawls.zip/2026/site.warc.gz#1" in ids


def test_a_packed_web_archive_reads_the_warc_files_of_its_archive_folder(tmp_path: Path) -> None:
    """A WACZ (Browsertrix, Webrecorder): the crawl's WARC files in archive/, its page list and
    indexes beside them as metadata, not articles."""
    with zipfile.ZipFile(tmp_path / "crawl.wacz", "w") as wacz:
        wacz.writestr("archive/data.warc.gz", _warc(gz=True))
        wacz.writestr(
            "pages/pages.jsonl", '{"format": "json-pages-1.0"}\n{"url": "u", "ts": "t"}\n'
        )
        wacz.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
        wacz.writestr("indexes/index.cdx.gz", b"")
    result = read_folder(tmp_path)
    (article,) = result.articles
    assert (article.id, article.title, article.url) == (
        "crawl.wacz/archive/data.warc.gz#1",
        TITLE,
        "https://site.example/news/1",
    )
    assert all(p.reason.startswith("archive/data.warc.gz: ") for p in result.problems)
