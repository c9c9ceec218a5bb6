from __future__ import annotations

import pytest

from reader.text import normalize, tokenize


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أكل", "اكل"),
        ("إيران", "ايران"),
        ("آكل", "اكل"),
        ("ٱلله", "الله"),
        ("مصطفى", "مصطفي"),
        ("غزة", "غزه"),
        ("الإقلیمیة", "الاقليميه"),  # Persian yeh
        ("کتاب", "كتاب"),  # Persian kaf
        ("كَتَبَ", "كتب"),
        ("الرئيـــس", "الرئيس"),
        ("٢٠٢٣", "2023"),
        ("۱۴۰۲", "1402"),
        ("iPhone", "iphone"),
        ("ﻻ", "لا"),  # presentation form
    ],
)
def test_normalize(raw: str, folded: str) -> None:
    assert normalize(raw) == folded


@pytest.mark.parametrize(
    "text",
    [
        "كَتَبَ الرئيـــس إبراهيم رئيسي",
        "كوفيد-19 بنسبة 20% و iPhone ١٢٣",
        'وقال: "لكن زملائي أبلغوني"',
    ],
)
def test_token_offsets_round_trip(text: str) -> None:
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.norm == normalize(tok.text)


def test_marks_and_tatweel_stay_inside_words() -> None:
    assert [t.text for t in tokenize("كَتَبَ الرئيـــس")] == ["كَتَبَ", "الرئيـــس"]
