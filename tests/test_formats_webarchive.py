"""Pages Safari saved (``.webarchive``, a binary property list): read as the page inside, with
the address Safari saved it from; damaged archives named."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from reader.formats.names import is_article_name
from reader.formats.parse import parse_file

TITLE = "افتتاح مستشفى جديد في صفاقس"
TEXT = (
    "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير، وقال"
    " الوزير إن المستشفى سيفتح أبوابه للمرضى في مطلع الشهر القادم بطاقة مئتي سرير."
)
SECOND = (
    "وأضاف الوزير أن أشغال الجناح الثاني ستنطلق في الربيع المقبل بكلفة تقدر بعشرين مليون دينار."
)
URL = "https://www.example-news.tn/national/2026/11/03/hospital"
PAGE = (
    f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256"><title>{TITLE}'
    f"</title></head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{TITLE}</h1>"
    f"<p>{TEXT}</p><p>{SECOND}</p></article></body></html>"
)


def _archive(page: bytes, *, encoding: str = "windows-1256", mime: str = "text/html") -> bytes:
    return plistlib.dumps(
        {
            "WebMainResource": {
                "WebResourceData": page,
                "WebResourceFrameName": "",
                "WebResourceMIMEType": mime,
                "WebResourceTextEncodingName": encoding,
                "WebResourceURL": URL,
            },
            "WebSubresources": [
                {
                    "WebResourceData": b"\x89PNG",
                    "WebResourceMIMEType": "image/png",
                    "WebResourceURL": "https://www.example-news.tn/logo.png",
                }
            ],
        },
        fmt=plistlib.FMT_BINARY,
    )


def test_a_safari_page_is_its_article(tmp_path: Path) -> None:
    (tmp_path / "مستشفى.webarchive").write_bytes(_archive(PAGE.encode("cp1256")))
    (article,) = parse_file(tmp_path / "مستشفى.webarchive", tmp_path).articles
    assert (article.title, article.url) == (TITLE, URL)
    assert article.body.split("\n") == [TEXT, SECOND]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"bplist00 cut short", "damaged Safari web archive ("),
        (
            plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY),
            "a Safari web archive without its page (no WebMainResource)",
        ),
        (
            _archive(b"%PDF-1.4", mime="application/pdf"),
            "a Safari web archive of a application/pdf, not a page",
        ),
    ],
)
def test_damaged_archives_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.webarchive").write_bytes(data)
    result = parse_file(tmp_path / "x.webarchive", tmp_path)
    assert result.articles == ()
    assert [p.reason[: len(reason)] for p in result.problems] == [reason]


def test_webarchive_names_are_scanned() -> None:
    assert is_article_name("page.webarchive")
