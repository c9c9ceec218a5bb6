"""Entities found in worker processes: same spans as tagging in-process, cancellable."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_fixtures import InlineExecutor

from reader.library import Library, LoadCancelled, build_index, entity_recogniser, load_library
from reader.model import Appended, Article, Span
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
    assert seen[-1].stage == "entities" and seen[-1].done == len(ARTICLES)
    # only the spans changed: the new index shares the old one's postings and finds the same
    assert tagged.search("بوتين").total == len(ARTICLES)
    first = tagged.articles[ARTICLES[0].id]
    name = next(first.body[s.start : s.end] for s in first.entities if s.kind == "PERS")
    assert tagged.search(f'entity:"{name}"').total == len(ARTICLES)


def test_cancel_raises_and_leaves_the_library(tmp_path: Path, recogniser) -> None:
    library = _library(tmp_path)
    with pytest.raises(LoadCancelled):
        entity_pool.find_entities(
            library, progress=lambda _p: None, should_stop=lambda: True, workers=1
        )
    assert all(not a.entities for a in library.articles.values())


def _write(folder: Path, name: str, place: str) -> None:
    text = f"<DOC>\n<DOCNO>{name}</DOCNO>\n<TITLE>خبر</TITLE>\n<TEXT>\nوصل الوفد إلى {place} أمس.\n</TEXT>\n</DOC>\n"
    (folder / name).write_text(text, encoding="utf-8")


def test_a_reopened_folder_is_tagged_only_where_files_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged_ids: list[str] = []

    def tag_places(articles):
        out = []
        for article in articles:
            tagged_ids.append(article.id)
            at = article.body.find("إلى ") + 4
            end = article.body.find(" أمس")
            out.append(((Span(at, end, "LOC"),), tuple(() for _ in article.appended)))
        return out

    monkeypatch.setattr(entity_pool, "_tag_chunk", tag_places)
    monkeypatch.setattr(entity_pool.cf, "ProcessPoolExecutor", InlineExecutor)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(5):
        _write(folder, f"d{i}.txt", "غزة")

    def opened() -> Library:
        return load_library(folder, entities=False, workers=1)

    first = entity_pool.find_entities(opened(), progress=lambda _p: None, should_stop=lambda: False)
    assert len(tagged_ids) == 5
    assert first.search("entity:غزة").total == 5

    # unchanged: listed and searchable without the spans first, then every span comes from
    # the disk cache in the entity stage and nothing is tagged again
    again = opened()
    assert not again.has_entities
    found = entity_pool.find_entities(again, progress=lambda _p: None, should_stop=lambda: False)
    assert found.has_entities and len(tagged_ids) == 5
    assert found.search("entity:غزة").total == 5
    assert (
        entity_pool.find_entities(found, progress=lambda _p: None, should_stop=lambda: False)
        is found
    )

    # one file changed: only it is tagged again, the others keep their cached spans
    _write(folder, "d3.txt", "موسكو")
    changed = opened()
    assert not changed.has_entities
    tagged_ids.clear()
    done = entity_pool.find_entities(changed, progress=lambda _p: None, should_stop=lambda: False)
    assert [i.split("#")[0] for i in tagged_ids] == ["d3.txt"]
    assert done.search("entity:غزة").total == 4
    assert done.search("entity:موسكو").total == 1
