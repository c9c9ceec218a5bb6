"""Classifiers of single lines of a scraped page (reader/formats/scraped_lines.py)."""

from __future__ import annotations

import pytest

from reader.formats.scraped_lines import (
    date_line_value,
    is_bare_date_line,
    is_headline,
    is_marker,
    is_source_line,
    marker_headline,
    parse_source_line,
    unglue_lines,
)

INLINE_MARKERS = ("اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "إقرأ أيضا", "اقرأ أیضا", "اقرأ أيضـــاً")
FINAL_MARKERS = ("إقرأ أيضاً:", "اقرأ أيضاً:", "إقرأ أيضا:", "اقرأ أیضاً :")
RELATED = (
    "روسيا وإيران توقعان اتفاقية لمواجهة العقوبات الأمريكية والغربية",
    "بوتين يزور السعودية والإمارات الأربعاء.. ورئيسي في موسكو الخميس",
)
PARAGRAPH = (
    "بدا التطابق، في مواقف موسكو وطهران، حيال غالبية الملفات الإقليمية، خلال محادثات الرئيسين."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("المصدر | الخليج الجديدالمصدر: الخليج الجديد", "الخليج الجديد"),
        ("المصدر: الخليج الجديد", "الخليج الجديد"),
        ("المصدر | الخليج الجديد", "الخليج الجديد"),
        ("المصدر : عربي 21", "عربي 21"),
        ("المصدر | BBC عربيالمصدر: BBC عربي", "BBC عربي"),
        ("المصدر | رويترز المصدر: رويترز", "رويترز"),
        ("المصدر: رويترزرويترز", "رويترز"),
        ("المصدر: رويترزاقرأ أيضاً", "رويترز"),
        ("المصدر | رويترز إقرأ أيضا:", "رويترز"),
        ("المصدر:", None),
        ("المصدر | ", None),
    ],
)
def test_parse_source_line(line: str, expected: str | None) -> None:
    assert is_source_line(line)
    assert parse_source_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "المصدر الذي تحدث إلى الصحيفة قال إن المفاوضات مستمرة منذ أسابيع طويلة دون أي تقدم يذكر في الملفات العالقة.",
            False,
        ),
        ("المصدرين", False),
        ("إن المصدر: فلان", False),
    ],
)
def test_not_source_line(line: str, expected: bool) -> None:
    assert is_source_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        *[(marker, True) for marker in INLINE_MARKERS + FINAL_MARKERS],
        ("اقرأ أيضًا", True),
        ("اقرا ايضا", True),
        ("اقرأ كذلك:", True),
        ("طالع أيضاً", True),
        ("اقرأ المزيد", True),
        ("- اقرأ أيضاً -", True),
        ("اقرأ أيضاً: روسيا وإيران توقعان اتفاقية", False),
        ("اقرأ المقال كاملا", False),
        ("قرأ الرئيس البيان أيضا", False),
    ],
)
def test_is_marker(line: str, expected: bool) -> None:
    assert is_marker(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("اقرأ أيضاً: روسيا وإيران توقعان اتفاقية", "روسيا وإيران توقعان اتفاقية"),
        ("إقرأ أيضا - بوتين يزور السعودية", "بوتين يزور السعودية"),
        ("اقرأ أيضاً", None),
        ("عنوان عادي", None),
    ],
)
def test_marker_headline(line: str, expected: str | None) -> None:
    assert marker_headline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (RELATED[0], True),
        (RELATED[1], True),  # ".." inside and no final stop
        ("من هي كارولين ليفيت؟", True),
        (PARAGRAPH, False),
        ("قال الوزير إن الاتفاق سيوقع غدا.", False),
        ("قال الوزير:", False),
        (" ".join(["كلمة"] * 40), False),
    ],
)
def test_is_headline(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تاريخ النشر: 7th, December 2023 GMT", "7th, December 2023 GMT"),
        ("تاريخ النشر : 2023-12-07", "2023-12-07"),
        ("تاريخ النشر:", ""),
        ("نشر في 07/12/2023", "07/12/2023"),
        ("نشر في موقع الصحيفة مقال طويل عن الحرب", None),
        ("نشر في 7 ديسمبر 2023 تقرير عن الحرب في غزة", None),
        ("عنوان", None),
        ("dated 7 December 2023, the letter said", None),
        ("Date: 7 December 2023", "7 December 2023"),
    ],
)
def test_date_line_value(line: str, expected: str | None) -> None:
    assert date_line_value(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الخميس 7 ديسمبر 2023", True),
        ("7th, December 2023 GMT", True),
        ("الخميس 24 جمادى الأولى 1445 هـ - 7 ديسمبر 2023 م", False),  # Hijri month names: not bare
        ("القاهرة في 7 ديسمبر 2023", False),
        ("مهم 7 ديسمبر 2023", False),
        ("الخميس، 7 ديسمبر 2023م", True),
        ("7 ديسمبر 2023 - 10:30 ص", True),
        ("عنوان", False),
    ],
)
def test_is_bare_date_line(line: str, expected: bool) -> None:
    assert is_bare_date_line(line) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([PARAGRAPH + "اقرأ أيضاً", RELATED[0]], [PARAGRAPH, "اقرأ أيضاً", RELATED[0]]),
        (["عنوانتاريخ النشر: 2023-12-07"], ["عنوان", "تاريخ النشر: 2023-12-07"]),
        (
            ["تاريخ النشر: 7th, December 2023 GMT" + PARAGRAPH],
            ["تاريخ النشر: 7th, December 2023 GMT", PARAGRAPH],
        ),
        (
            [PARAGRAPH + "المصدر | الخليج الجديدالمصدر: الخليج الجديد"],
            [PARAGRAPH, "المصدر | الخليج الجديدالمصدر: الخليج الجديد"],
        ),
        (["المصدر: سكلمات دلالية: أ ب"], ["المصدر: س", "كلمات دلالية: أ ب"]),
        (["اقرأ أيضاً" + PARAGRAPH], [PARAGRAPH]),
        # a single "المصدر: X" inside a paragraph is not cut out: it may be ordinary text
        ([PARAGRAPH + " المصدر: س"], [PARAGRAPH + " المصدر: س"]),
        ([PARAGRAPH], [PARAGRAPH]),
        (
            [PARAGRAPH + "المصدر | سالمصدر: ساقرأ أيضاً"],
            [PARAGRAPH, "المصدر | سالمصدر: س", "اقرأ أيضاً"],
        ),
    ],
)
def test_unglue_lines(lines: list[str], expected: list[str]) -> None:
    assert unglue_lines(lines) == expected
