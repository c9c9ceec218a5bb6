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
        ("٧٫٥", "7.5"),  # the Arabic decimal separator
        ("١٬٠٠٠", "1,000"),  # ... and thousands separator
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


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("كوفيد-19 بنسبة 20%", ["كوفيد", "19", "بنسبة", "20"]),
        ("بلغ 3.5 بالمئة و1,000 دولار", ["بلغ", "3.5", "بالمئة", "و1", "000", "دولار"]),
        ("ـ الرئيـــس ـــ", ["الرئيـــس"]),  # a lone tatweel is decoration, not a word
        (
            "إِيرَانُ\u200fوروسيا",
            ["إِيرَانُ\u200fوروسيا"],
        ),  # an invisible mark inside a word keeps it whole
        ("iPhone 15 Pro", ["iPhone", "15", "Pro"]),
        ("٢٠٢٣/١٢/٠٧", ["٢٠٢٣", "١٢", "٠٧"]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens


@pytest.mark.parametrize(
    "text",
    [
        "كَتَبَ الرئيـــس إبراهيم رئيسي",
        "كوفيد-19 بنسبة 20% و iPhone ١٢٣ و3.5",
        'وقال: "لكن زملائي أبلغوني" ـ ـــ',
        "مصطفى في غزة، الإقلیمیة کتاب\u200f",
    ],
)
def test_index_terms_equal_token_norms(text: str) -> None:
    from reader.text.analyze import terms

    assert terms(text) == [t.norm for t in tokenize(text)]


def test_long_tatweel_runs_are_fast() -> None:
    # the token pattern once backtracked exponentially on runs of tatweel; this must be instant
    text = "ـ" * 5000 + " كتب"
    assert [t.norm for t in tokenize(text)] == ["كتب"]
