"""Entities found in worker processes: same spans as tagging in-process, cancellable."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library, LoadCancelled, build_index, entity_recogniser
from reader.model import Appended, Article
from reader.ui import entity_pool

ARTICLES = [
    Article(
        id=f"a{i}.txt",
        title="عنوان",
        body="التقى الرئيس الروسي فلاديمير بوتين نظيره الإيراني في موسكو.",
        appended=(Appended("ملحق", "وزار جو بايدن العاصمة الصينية بكين."),),
    )
    for i in range(40)
]


def _library(tmp_path: Path) -> Library:
    return Library(
        root=tmp_path,
        articles={a.id: a for a in ARTICLES},
        problems=[],
        index=build_index(ARTICLES, len(ARTICLES)),
        files_seen=len(ARTICLES),
    )


@pytest.fixture(scope="module")
def recogniser():
    found, why = entity_recogniser()
    if found is None:
        pytest.skip(f"no entity model: {why}")
    return found


def test_spans_match_tagging_in_process(tmp_path: Path, recogniser) -> None:
    seen = []
    tagged = entity_pool.find_entities(
        _library(tmp_path), progress=seen.append, should_stop=lambda: False, workers=1
    )
    assert tagged.entity_status is None
    for article in ARTICLES:
        expected = recogniser.annotate(article)
        got = tagged.articles[article.id]
        assert got.entities == expected.entities
        assert got.appended[0].entities == expected.appended[0].entities
    assert seen[-1].stage == "index" and seen[-1].done == len(ARTICLES)
    assert any(p.stage == "entities" for p in seen)


def test_cancel_raises_and_leaves_the_library(tmp_path: Path, recogniser) -> None:
    library = _library(tmp_path)
    with pytest.raises(LoadCancelled):
        entity_pool.find_entities(
            library, progress=lambda _p: None, should_stop=lambda: True, workers=1
        )
    assert all(not a.entities for a in library.articles.values())
