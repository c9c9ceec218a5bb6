from __future__ import annotations

import datetime as dt
import random

import pytest

from reader.index import Filters, ParsedQuery, parse_query


def _shape(q: ParsedQuery) -> list[tuple[bool, list[tuple[list[str], bool]]]]:
    """(negated, [(normalised words, exact) per alternative]) per clause."""
    return [
        (c.negated, [([w.norm for w in a.words], a.exact) for a in c.alternatives])
        for c in q.clauses
    ]


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("ايران", [(False, [(["ايران"], False)])]),
        ("إيران روسيا", [(False, [(["ايران"], False)]), (False, [(["روسيا"], False)])]),
        ('"الحرب في غزة"', [(False, [(["الحرب", "في", "غزه"], True)])]),
        ("«غزة»", [(False, [(["غزه"], True)])]),
        ("-بوتين", [(True, [(["بوتين"], False)])]),
        (
            'ايران -"ابراهيم رئيسي"',
            [(False, [(["ايران"], False)]), (True, [(["ابراهيم", "رئيسي"], True)])],
        ),
        ("a OR b c", [(False, [(["a"], False), (["b"], False)]), (False, [(["c"], False)])]),
        ("a | b", [(False, [(["a"], False), (["b"], False)])]),
        ("كوفيد-19", [(False, [(["كوفيد", "19"], False)])]),  # one typed chunk stays together
        ("Trump ترامب", [(False, [(["trump"], False)]), (False, [(["ترامب"], False)])]),
        ("كَتَبَ", [(False, [(["كتب"], False)])]),
        ("ترامب أو بوتين", [(False, [(["ترامب"], False), (["بوتين"], False)])]),
        ("ترامب او بوتين", [(False, [(["ترامب"], False), (["بوتين"], False)])]),
        # a proclitic typed apart is no word of an article; quoted, it stays as typed
        ("ترامب و بوتين", [(False, [(["ترامب"], False)]), (False, [(["بوتين"], False)])]),
        ('"ترامب و بوتين"', [(False, [(["ترامب", "و", "بوتين"], True)])]),
        # names written joined or apart match either way
        ("عبدالفتاح", [(False, [(["عبدالفتاح"], False), (["عبد", "الفتاح"], False)])]),
        ("عبد الفتاح", [(False, [(["عبد", "الفتاح"], False), (["عبدالفتاح"], False)])]),
        ("أبو ظبي", [(False, [(["ابو", "ظبي"], False), (["ابوظبي"], False)])]),
        ("ابواب", [(False, [(["ابواب"], False)])]),  # doors, not أبو + اب
        ('"عبد الله"', [(False, [(["عبد", "الله"], True)])]),
        # a headline pasted with its label: مصدر (source) is a word there, not a field
        (
            "مصدر: أميركا تشن",
            [
                (False, [(["مصدر"], False)]),
                (False, [(["اميركا"], False)]),
                (False, [(["تشن"], False)]),
            ],
        ),
    ],
)
def test_words_phrases_or_not(text: str, shape: list) -> None:
    q = parse_query(text)
    assert q.error is None
    assert _shape(q) == shape


@pytest.mark.parametrize(
    ("text", "filters"),
    [
        ("tag:غزة", Filters(include_tags=frozenset({"غزة"}))),
        ('tag:"الحرب في غزة"', Filters(include_tags=frozenset({"الحرب في غزة"}))),
        ("-tag:رياضة", Filters(exclude_tags=frozenset({"رياضة"}))),
        ("وسم:غزة", Filters(include_tags=frozenset({"غزة"}))),
        ("مصدر:BBC", Filters(include_sources=frozenset({"BBC"}))),
        ("source: BBC", Filters(include_sources=frozenset({"BBC"}))),
        ("tag: غزة", Filters(include_tags=frozenset({"غزة"}))),
        ("TAG:غزة", Filters(include_tags=frozenset({"غزة"}))),
        ("source:BBC", Filters(include_sources=frozenset({"BBC"}))),
        ("-source:CNN", Filters(exclude_sources=frozenset({"CNN"}))),
        ("entity:بوتين", Filters(include_entities=frozenset({("*", "بوتين")}))),
        ("since:2018-03-01", Filters(since=dt.date(2018, 3, 1))),
        ("until:2018-02", Filters(until=dt.date(2018, 2, 28))),
        ("since:2018 until:2018", Filters(since=dt.date(2018, 1, 1), until=dt.date(2018, 12, 31))),
    ],
)
def test_fields(text: str, filters: Filters) -> None:
    q = parse_query(text)
    assert q.error is None
    assert q.clauses == ()
    assert q.filters == filters


@pytest.mark.parametrize(
    ("text", "error_part", "shape"),
    [
        ('"الحرب في غزة', "not closed", [(False, [(["الحرب", "في", "غزه"], True)])]),
        ("-", "lone '-'", []),
        ("ايران -", "lone '-'", [(False, [(["ايران"], False)])]),
        ("OR", "OR needs", []),
        ("OR ايران", "OR needs", [(False, [(["ايران"], False)])]),
        ("ايران OR", "OR needs", [(False, [(["ايران"], False)])]),
        ("tag:", "needs a value", []),
        ('tag:""', "needs a value", []),
        ('""', "nothing to search for", []),
        ("...", "nothing to search for", []),
        ("since:2018-13-01", "expects a date", []),
        ("until:yesterday", "expects a date", []),
    ],
)
def test_malformed_input_is_answered(text: str, error_part: str, shape: list) -> None:
    q = parse_query(text)
    assert q.error is not None
    assert error_part in q.error
    assert _shape(q) == shape


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_query_means_everything(text: str) -> None:
    q = parse_query(text)
    assert (q.clauses, q.error, q.has_words) == ((), None, False)


def test_highlight_terms_skip_negated_words() -> None:
    assert parse_query('ايران -بوتين "حرب غزة"').highlight_terms() == {"ايران", "حرب", "غزه"}


def test_random_strings_never_raise() -> None:
    rng = random.Random(1234)
    alphabet = 'ab إيرانغزة"«»-:|OR tag:source:entity:since:2018-01-01 \n\u064e\u0640()*'
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        q = parse_query(text)
        assert isinstance(q, ParsedQuery)


def test_the_query_data_imports_only_the_standard_library() -> None:
    """The parsed query is plain data any layer may hold (reader.index.query_ast)."""
    import ast
    import sys
    from pathlib import Path

    from reader.index import query_ast

    tree = ast.parse(Path(query_ast.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}
