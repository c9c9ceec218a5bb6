"""A person's name the model cut short, completed by the article's own keywords (its tags)."""

from __future__ import annotations

import pytest

from reader.entities.name_rules import complete_names_from_keywords, keyword_words
from reader.text import normalize_token


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (("بوتين", "رئيسي"), {"بوتين", "رئيسي"}),
        (("الحرب على غزة",), {"غزة"}),  # ال words and particles are never a name's part
        (("الرئيسي", "في", "إيران"), {"إيران"}),  # two-letter words dropped
        ((), set()),
    ],
)
def test_keyword_words(tags: tuple[str, ...], expected: set[str]) -> None:
    assert keyword_words(tags) == {normalize_token(w) for w in expected}  # matched normalised


@pytest.mark.parametrize(
    ("words", "tags", "keywords", "expected"),
    [
        # the surname after a one-word person
        ("إبراهيم رئيسي ،", "B-PERS O O", ("رئيسي",), "B-PERS I-PERS O"),
        # the first name before one
        ("قال إبراهيم رئيسي", "O O B-PERS", ("إبراهيم",), "O B-PERS I-PERS"),
        # no keywords, or the word not among them: unchanged
        ("إبراهيم رئيسي", "B-PERS O", (), "B-PERS O"),
        ("إبراهيم رئيسي", "B-PERS O", ("بوتين",), "B-PERS O"),
        # a name of two words is whole already
        ("فلاديمير بوتين رئيسي", "B-PERS I-PERS O", ("رئيسي",), "B-PERS I-PERS O"),
        # a word the model gave another type keeps it
        ("بوتين موسكو", "B-PERS B-LOC", ("موسكو",), "B-PERS B-LOC"),
        # the adjective with its article stays out, even when it is a keyword
        ("إبراهيم الرئيسي", "B-PERS O", ("الرئيسي",), "B-PERS O"),
    ],
)
def test_complete_names_from_keywords(
    words: str, tags: str, keywords: tuple[str, ...], expected: str
) -> None:
    out = complete_names_from_keywords([tags.split()], [words.split()], keyword_words(keywords))
    assert out == [expected.split()]
