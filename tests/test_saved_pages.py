"""Pages a browser saved: "Webpage, complete" (the page and its resources folder) and "Webpage,
single file" (MHTML), as a user who saves articles from the browser fills a folder."""

from __future__ import annotations

import base64
import quopri
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reader.formats import parse_file, read_folder
from reader.library.library import load_library

TITLE = "افتتاح مستشفى جديد في صفاقس"
BODY = (
    "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير "
    "وعدد من المسؤولين في الجهة، ويضم المستشفى ثلاثمائة سرير وقسما للطوارئ."
)
MORE = (
    "وقال الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم بعد اكتمال تجهيزه بالمعدات."
)
PAGE = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
    f"<title>{TITLE} - جريدة الصباح</title>"
    '<meta property="article:published_time" content="2026-11-03T10:00:00Z">'
    '<script src="page_files/app.js"></script></head><body>'
    "<nav>الرئيسية | سياسة | اقتصاد</nav>"
    f"<article><h1>{TITLE}</h1><p>{BODY}</p><p>{MORE}</p></article>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)
URL = "https://example.org/news/2026/11/03/hospital"


def _complete_page(folder: Path, name: str = "page", resources: str = "_files") -> Path:
    """What "Save page as: Webpage, complete" writes: the page, and beside it a folder of its
    scripts, images and frames (an ad frame among them)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    assets = folder / f"{name}{resources}"
    assets.mkdir()
    (assets / "app.js").write_text("var a = 1;", encoding="utf-8")
    (assets / "style.css").write_text("body { color: red }", encoding="utf-8")
    (assets / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (assets / "saved_resource.html").write_text(
        "<html><body><div>إعلان</div></body></html>", encoding="utf-8"
    )
    return folder


def test_complete_page_is_one_article_and_its_resources_folder_one_named_problem(
    tmp_path: Path,
) -> None:
    result = read_folder(_complete_page(tmp_path / "saved"))
    (article,) = result.articles
    assert (article.id, article.title, article.date) == ("page.html", TITLE, date(2026, 11, 3))
    assert [str(p) for p in result.problems] == [
        "page_files: the images, scripts and frames of the saved web page page.html; not read"
    ]


@pytest.mark.parametrize("resources", ["_fichiers", "-Dateien"])
def test_localised_resources_folders_are_recognised(tmp_path: Path, resources: str) -> None:
    result = read_folder(_complete_page(tmp_path / "saved", resources=resources))
    assert [a.id for a in result.articles] == ["page.html"]
    assert [p.path for p in result.problems] == [f"page{resources}"]


def test_a_folder_named_like_resources_without_its_page_is_read(tmp_path: Path) -> None:
    """ "2026_files" is an ordinary folder of articles when no "2026.html" lies beside it."""
    folder = tmp_path / "news" / "2026_files"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    result = read_folder(tmp_path / "news")
    assert [a.id for a in result.articles] == ["2026_files/a.txt"]
    assert result.problems == ()


def test_files_written_into_a_resources_folder_later_are_not_read(tmp_path: Path) -> None:
    root = _complete_page(tmp_path / "saved")
    library = load_library(root, entities=False)
    frame = root / "page_files" / "frame.html"
    frame.write_text("<html><body><p>إعلان آخر</p></body></html>", encoding="utf-8")
    changes = library.apply_changes([frame], entities=False)
    assert not changes.problems
    assert sorted(library.articles) == ["page.html"]


def _mhtml(html: bytes, *, charset: str, encoding: str) -> bytes:
    """A page as Chrome saves it to one file: MIME parts, the page first, CRLF line ends."""
    body = base64.encodebytes(html) if encoding == "base64" else quopri.encodestring(html)
    head = (
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {URL}\r\n"
        "Subject: =?utf-8?Q?page?=\r\n"
        "Date: Tue, 3 Nov 2026 10:00:00 -0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--abc----"\r\n\r\n'
        "------MultipartBoundary--abc----\r\n"
        f"Content-Type: text/html; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n"
        f"Content-Location: {URL}\r\n\r\n"
    ).encode()
    tail = (
        b"\r\n------MultipartBoundary--abc----\r\n"
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://example.org/logo.png\r\n\r\niVBORw0KGgo=\r\n"
        b"------MultipartBoundary--abc------\r\n"
    )
    return head + body.replace(b"\n", b"\r\n") + tail


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [("utf-8", "quoted-printable"), ("windows-1256", "base64")],
)
def test_single_file_page_is_read_with_its_address(
    tmp_path: Path, charset: str, encoding: str
) -> None:
    html = PAGE.format(charset=charset).encode(charset)
    path = tmp_path / "مستشفى صفاقس.mhtml"
    path.write_bytes(_mhtml(html, charset=charset, encoding=encoding))
    (article,) = parse_file(path, tmp_path).articles
    assert (article.title, article.date, article.url) == (TITLE, date(2026, 11, 3), URL)
    assert article.body == f"{BODY}\n{MORE}"


def test_single_file_page_inside_a_zip_archive(tmp_path: Path) -> None:
    html = PAGE.format(charset="utf-8").encode()
    with zipfile.ZipFile(tmp_path / "saved.zip", "w") as archive:
        archive.writestr("pages/one.mht", _mhtml(html, charset="utf-8", encoding="base64"))
    (article,) = read_folder(tmp_path).articles
    assert (article.id, article.title, article.url) == ("saved.zip/pages/one.mht", TITLE, URL)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"just some bytes that are not a MIME message", "no MIME header"),
        (
            b"MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            "without an HTML part",
        ),
    ],
    ids=["no-mime", "no-html"],
)
def test_single_file_page_without_a_page_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "broken.mhtml"
    path.write_bytes(data)
    result = parse_file(path, tmp_path)
    assert result.articles == ()
    (problem,) = result.problems
    assert problem.path == "broken.mhtml" and reason in problem.reason
