"""The search's messages about a query in Arabic (reader/ui/common/query_text.py)."""

from __future__ import annotations

import pytest

from reader.index import Index
from reader.index.query import parse_query
from reader.model import Article
from reader.ui.common.query_text import query_text


@pytest.mark.parametrize(
    "query",
    [
        "-",
        '"غزة',
        "a OR",
        "tag:",
        "ب*",
        "since:yesterday",
        "-since:2020",
        "is:favourite",
        "note:،",
        "- a OR",
    ],
)
def test_every_message_of_the_parser_reads_in_arabic(query: str) -> None:
    error = parse_query(query).error
    assert error
    arabic = query_text(error, "ar")
    assert arabic != error
    # what stays in Latin letters is the syntax itself (field names, dates, the query's words)
    assert not any(w in arabic for w in ("needs", "expects", "nothing", "ignored", "supported"))


def test_unknown_values_are_said_in_either_language() -> None:
    ix = Index()
    ix.add(Article(id="a", title="خبر", body="نص", source="BBC", category="sport"))
    result = ix.search("قسم:رياضة مصدر:الجزيرة")
    assert result.ids == ()
    assert result.error == "no source is called «الجزيرة»; no section is called «رياضة»"
    assert query_text(result.error, "ar") == "لا مصدر باسم «الجزيرة»؛ لا قسم باسم «رياضة»"
    assert query_text(result.error, "en") == result.error
    assert ix.search("category:sport").error is None
