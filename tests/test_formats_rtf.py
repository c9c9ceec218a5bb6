"""RTF as Word saves Arabic (code page 1256 bytes, or Unicode escapes) and as news databases
export it (the Nexis layout)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.formats import parse_file

TITLE = "افتتاح مستشفى جديد في صفاقس"
BODY = "أعلنت وزارة الصحة في تونس اليوم عن افتتاح مستشفى جديد في مدينة صفاقس بحضور الوزير."


def _cp1256(text: str) -> str:
    return "".join(f"\\'{b:02x}" if b > 127 else chr(b) for b in text.encode("cp1256"))


def _unicode(text: str) -> str:
    return "".join(f"\\u{ord(c)}?" if ord(c) > 127 else c for c in text)


def _rtf(lines: list[str], escape: Callable[[str], str], header: str) -> bytes:
    paragraphs = "".join(f"{escape(line)}\\par\n" for line in lines)
    return (
        "{\\rtf1"
        + header
        + "{\\fonttbl{\\f0\\fnil\\fcharset178 Arial;}}\\f0\\rtlpar\n"
        + paragraphs
        + "}"
    ).encode("ascii")


@pytest.mark.parametrize(
    ("escape", "header"),
    [(_cp1256, "\\ansi\\ansicpg1256\\deff0"), (_unicode, "\\ansi\\ansicpg1252\\deff0")],
    ids=["code-page-1256", "unicode-escapes"],
)
def test_arabic_rtf_is_an_article(
    tmp_path: Path, escape: Callable[[str], str], header: str
) -> None:
    data = _rtf([TITLE, "تونس في 3 نوفمبر 2026", BODY], escape, header)
    (tmp_path / "a.rtf").write_bytes(data)
    (article,) = parse_file(tmp_path / "a.rtf", tmp_path).articles
    assert (article.title, article.date, article.body) == (TITLE, dt.date(2026, 11, 3), BODY)


def test_a_nexis_rtf_export_is_an_article_a_document(tmp_path: Path) -> None:
    lines = []
    for title in (TITLE, "ارتفاع أسعار النفط"):
        lines += [title, "الصباح", "November 3, 2026 Tuesday", "Length: 120 words", "Body", BODY]
        lines += ["Load-Date: November 4, 2026", "End of Document"]
    (tmp_path / "export.rtf").write_bytes(_rtf(lines, _cp1256, "\\ansi\\ansicpg1256"))
    found = parse_file(tmp_path / "export.rtf", tmp_path).articles
    assert [(a.id, a.title, a.source) for a in found] == [
        ("export.rtf#1", TITLE, "الصباح"),
        ("export.rtf#2", "ارتفاع أسعار النفط", "الصباح"),
    ]


def test_a_file_named_rtf_that_is_not_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.rtf").write_text("just text", encoding="utf-8")
    result = parse_file(tmp_path / "a.rtf", tmp_path)
    assert result.articles == ()
    assert [p.reason for p in result.problems] == ["not an RTF file: it does not start with {\\rtf"]
