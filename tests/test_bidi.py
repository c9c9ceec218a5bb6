"""First-strong paragraph direction (the dir=auto rule the reading pane relies on)."""

from __future__ import annotations

import pytest

from reader.bidi import first_strong_direction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بدا التطابق في مواقف موسكو", "rtl"),
        ("The president said", "ltr"),
        ('"Apple" أعلنت شركة', "ltr"),  # the first strong letter is Latin
        ("20% زيادة في التجارة", "rtl"),  # digits and signs are weak
        ("«لكن زملائي أبلغوني»", "rtl"),
        ("2023 — 7th December", "ltr"),
        ("שלום", "rtl"),
        ("", "rtl"),
        ("123 456", "rtl"),
    ],
)
def test_first_strong_direction(text: str, expected: str) -> None:
    assert first_strong_direction(text) == expected


def test_default_applies_only_without_strong_characters() -> None:
    assert first_strong_direction("123", default="ltr") == "ltr"
    assert first_strong_direction("123 كلمة", default="ltr") == "rtl"
