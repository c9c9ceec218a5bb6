"""What ranks first (reader/index/ranking.py)."""

from __future__ import annotations

from reader.index import Index
from reader.model import Article


def test_a_quoted_phrase_in_the_title_ranks_above_passing_mentions() -> None:
    ix = Index()
    passing = [
        Article(
            id=f"passing{i}",
            title="قمة أوروبية في بروكسل",
            body="الاتفاق النووي والهجرة، ثم الاتفاق النووي والتجارة، ثم الاتفاق النووي ثانية",
        )
        for i in range(5)
    ]
    titled = Article(
        id="titled",
        title="الاتفاق النووي على المحك",
        body="قال دبلوماسيون إن المفاوضات صعبة وطويلة " * 20,
    )
    ix.add_many([*passing, titled])
    assert ix.search('"الاتفاق النووي"').ids[0] == "titled"
    assert ix.search("الاتفاق النووي").ids[0] == "titled"
