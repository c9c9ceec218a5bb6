"""Tag lines of scraped pages and the folder-wide recovery of multi-word tags (issue 2)."""

from __future__ import annotations

import pytest

from reader.formats.tags import recover_multiword_tags, split_tag_line, strip_read_also_debris
from reader.model import Article
from reader.text.normalize import normalize

SAMPLE_LINE = (
    "كلمات دلالية: إيران روسيا الحرب في غزة غزة تعاون ثنائي تعاون عسكري بوتين رئيسي "
    "الملفات الإقلیمیة اقرأ أیضا"
)
SAMPLE_WORDS = "إيران روسيا الحرب في غزة غزة تعاون ثنائي تعاون عسكري بوتين رئيسي الملفات الإقلیمیة"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (SAMPLE_LINE, SAMPLE_WORDS.split()),
        ("كلمات دلالية: إيران روسيا", ["إيران", "روسيا"]),
        ("كلمات دلالية:إيران روسيا", ["إيران", "روسيا"]),
        ("الكلمات الدلالية : إيران", ["إيران"]),
        ("إيران روسيا", ["إيران", "روسيا"]),  # label already removed
        ("كلمات دلالية: إيران روسيا إقرأ أيضاً", ["إيران", "روسيا"]),
        ("كلمات دلالية: إيران روسيا اقرأ أيضا:", ["إيران", "روسيا"]),
        ("كلمات دلالية: إيران روسيااقرأ أيضاً", ["إيران", "روسيا"]),  # glued without a space
        ("كلمات دلالية: إيران روسيا اقرأ أيضـــاً", ["إيران", "روسيا"]),
        ("كلمات دلالية: إيران روسيا اقرأ أيضاً إقرأ أيضا", ["إيران", "روسيا"]),
        ("كلمات دلالية: إيران\u00a0روسيا\u200f", ["إيران", "روسيا"]),
        # separators in the line itself prove the multi-word tags
        (
            "كلمات دلالية: إيران، الحرب في غزة، تعاون ثنائي",
            ["إيران", "الحرب في غزة", "تعاون ثنائي"],
        ),
        ("كلمات دلالية: إيران, الحرب في غزة اقرأ أيضا", ["إيران", "الحرب في غزة"]),
        ("كلمات دلالية: #إيران #روسيا", ["إيران", "روسيا"]),
        ("كلمات دلالية: إيران | تعاون عسكري", ["إيران", "تعاون عسكري"]),
        ("كلمات دلالية:", []),
        ("كلمات دلالية: اقرأ أيضاً", []),
        ("", []),
    ],
)
def test_split_tag_line(line: str, expected: list[str]) -> None:
    assert split_tag_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الملفات الإقلیمیة اقرأ أیضا", "الملفات الإقلیمیة"),
        ("غزة", "غزة"),
        ("قراءة أيضا", "قراءة أيضا"),  # a different word, not the heading
        ("وقال إن الجمهور شاهد أيضا.", "وقال إن الجمهور شاهد أيضا."),  # a real sentence end
    ],
)
def test_strip_read_also_debris(line: str, expected: str) -> None:
    assert strip_read_also_debris(line) == expected


def _scraped(i: int, words: str, *, title: str = "عنوان", body: str = "نص.") -> Article:
    return Article(
        id=f"{i}.txt", title=title, body=body, tags=tuple(words.split()), path=f"{i}.txt"
    )


def _json(i: int, tags: tuple[str, ...]) -> Article:
    return Article(id=f"e.json#{i}", title="عنوان", body="نص.", tags=tags, path="e.json")


def _tags(articles: list[Article], index: int = 0) -> list[str]:
    return list(recover_multiword_tags(articles)[index].tags)


def test_no_evidence_words_stay_apart() -> None:
    assert _tags([_scraped(0, "إيران روسيا تعاون ثنائي بوتين")]) == [
        "إيران",
        "روسيا",
        "تعاون",
        "ثنائي",
        "بوتين",
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("إيران الحرب في غزة غزة", ["إيران", "الحرب في غزة", "غزة"]),
        ("السعودية محمد بن سلمان", ["السعودية", "محمد بن سلمان"]),
        ("الإمارات أبو ظبي", ["الإمارات", "أبو ظبي"]),
        ("الأردن عبد الله الثاني", ["الأردن", "عبد الله", "الثاني"]),
        ("في غزة", ["في غزة"]),  # at the edge it binds the one neighbour it has
        ("غزة في", ["غزة في"]),
    ],
)
def test_function_words_bind_their_neighbours(words: str, expected: list[str]) -> None:
    assert _tags([_scraped(0, words)]) == expected


def test_known_phrase_from_a_json_tag_list() -> None:
    folder = [
        _scraped(0, "إيران تعاون ثنائي روسيا"),
        _json(1, ("تعاون ثنائي", "الصين")),
    ]
    assert _tags(folder) == ["إيران", "تعاون ثنائي", "روسيا"]
    # the JSON article itself is never touched
    assert recover_multiword_tags(folder)[1] is folder[1]


def test_known_phrase_matches_normalised_letters() -> None:
    folder = [_scraped(0, "إيران الملفات الإقلیمیة"), _json(1, ("الملفات الاقليمية",))]
    assert _tags(folder) == ["إيران", "الملفات الإقلیمیة"]  # original letters kept


def test_json_single_word_tags_are_not_merged() -> None:
    folder = [_json(0, ("تعاون", "ثنائي")), _json(1, ("تعاون ثنائي",))]
    assert _tags(folder) == ["تعاون", "ثنائي"]


def test_collocation_across_the_folder() -> None:
    # "ثنائي" only ever follows "تعاون", and "تعاون" never ends a line: an adjective bound to its noun
    folder = [
        _scraped(0, "إيران تعاون ثنائي روسيا"),
        _scraped(1, "الصين تعاون ثنائي مصر"),
        _scraped(2, "تعاون ثنائي قطر"),
        _scraped(3, "تعاون عسكري إيران"),
        _scraped(4, "إيران روسيا"),
    ]
    assert _tags(folder) == ["إيران", "تعاون ثنائي", "روسيا"]
    assert _tags(folder, 3) == ["تعاون", "عسكري", "إيران"]  # only one line: no evidence


def test_pair_that_also_occurs_apart_is_not_a_collocation() -> None:
    folder = [
        _scraped(0, "إيران روسيا"),
        _scraped(1, "إيران روسيا"),
        _scraped(2, "إيران روسيا"),
        _scraped(3, "روسيا أوكرانيا"),
        _scraped(4, "مصر روسيا"),
    ]
    assert _tags(folder) == ["إيران", "روسيا"]


def test_identical_tag_lines_are_no_evidence() -> None:
    folder = [_scraped(i, "إيران روسيا بوتين") for i in range(5)]
    assert all(_tags(folder, i) == ["إيران", "روسيا", "بوتين"] for i in range(5))


def test_pair_repeated_in_the_article_text() -> None:
    body = "بحث الرئيسان الملفات الإقليمية.\nوكانت الملفات الإقليمية على رأس المحادثات."
    article = _scraped(0, "إيران الملفات الإقلیمیة بوتين", body=body)
    assert _tags([article]) == ["إيران", "الملفات الإقلیمیة", "بوتين"]
    once = _scraped(0, "إيران الملفات الإقلیمیة", body="بحث الرئيسان الملفات الإقليمية.")
    assert _tags([once]) == ["إيران", "الملفات", "الإقلیمیة"]


@pytest.mark.parametrize(
    "words",
    [
        "إيران روسيا الحرب في غزة غزة تعاون ثنائي تعاون عسكري بوتين رئيسي الملفات الإقلیمیة",
        "في من على",
        "أبو",
        "غزة غزة غزة",
    ],
)
def test_never_drops_invents_or_reorders_a_word(words: str) -> None:
    folder = [_scraped(0, words), _json(1, ("تعاون ثنائي", "تعاون عسكري")), _scraped(2, words)]
    for before, after in zip(folder, recover_multiword_tags(folder), strict=True):
        assert " ".join(after.tags).split() == " ".join(before.tags).split()


def test_sample_recovery_with_folder_evidence() -> None:
    sample = _scraped(
        0,
        SAMPLE_WORDS,
        title="توافق بين بوتين ورئيسي حول الملفات الإقليمية",
        body="الملفات الإقليمية الساخنة.",
    )
    folder = [sample, _json(1, ("تعاون ثنائي", "تعاون عسكري", "غزة"))]
    assert [normalize(t) for t in _tags(folder)] == [
        normalize(t)
        for t in (
            "إيران",
            "روسيا",
            "الحرب في غزة",
            "غزة",
            "تعاون ثنائي",
            "تعاون عسكري",
            "بوتين",
            "رئيسي",
            "الملفات الإقليمية",
        )
    ]


def test_custom_candidate_predicate() -> None:
    folder = [_json(0, ("الحرب", "في", "غزة"))]
    assert _tags(folder) == ["الحرب", "في", "غزة"]
    result = recover_multiword_tags(folder, is_candidate=lambda a: True)
    assert list(result[0].tags) == ["الحرب في غزة"]


def test_empty_folder() -> None:
    assert recover_multiword_tags([]) == []
