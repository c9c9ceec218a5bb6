"""Entities found in worker processes only (the window's entity stage and live lane): the same
spans as tagging in-process, cached by file, cancellable, and a missing model said, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from inline_tagging import tag_inline

from reader.entities import RecogniserUnavailable
from reader.library import tagging
from reader.library.library import (
    Library,
    LoadCancelled,
    LoadProgress,
    build_index,
    entity_recogniser,
    load_library,
    tag_articles,
    with_entities,
)
from reader.model import Appended, Article, Span

ARTICLES = [
    Article(
        id=f"a{i}.txt",
        title="عنوان",
        # without the page's keywords the model names أردوغان alone; with them, رجب أردوغان
        body="التقى بوتين نظيره رجب أردوغان في موسكو.",
        appended=(Appended("ملحق", "وزار جو بايدن العاصمة الصينية بكين."),),
        # the page's keywords complete a name the model cuts short (half of the articles)
        tags=("بوتين", "رجب طيب أردوغان") if i % 2 else (),
    )
    for i in range(40)
]


def _library(tmp_path: Path, workers: int | None = None) -> Library:
    # no files map: articles no file lists (added live) are tagged one by one
    return Library(
        root=tmp_path,
        articles={a.id: a for a in ARTICLES},
        problems=[],
        index=build_index(ARTICLES, len(ARTICLES)),
        files_seen=len(ARTICLES),
        workers=workers,
    )


@pytest.fixture(scope="module")
def recogniser():
    found, why = entity_recogniser()
    if found is None:
        pytest.skip(f"no entity model: {why}")
    return found


def test_spans_from_a_worker_process_match_tagging_in_process(tmp_path: Path, recogniser) -> None:
    seen: list[LoadProgress] = []
    tagged = with_entities(_library(tmp_path, workers=1), progress=seen.append, workers_only=True)
    assert tagged.entity_status is None
    for article in ARTICLES:
        expected = recogniser.annotate(article)
        got = tagged.articles[article.id]
        assert got.entities == expected.entities
        assert got.appended[0].entities == expected.appended[0].entities
    people = [
        {a.body[s.start : s.end] for s in tagged.articles[a.id].entities if s.kind == "PERS"}
        for a in ARTICLES[:2]
    ]
    assert "رجب أردوغان" not in people[0] and "رجب أردوغان" in people[1]
    entities = [p for p in seen if p.stage == "entities"]
    assert entities[0] == LoadProgress("entities", 0, len(ARTICLES))
    assert entities[-1] == LoadProgress("entities", len(ARTICLES), len(ARTICLES))
    # only the spans changed: the new index shares the old one's postings and finds the same
    found = tagged.search("بوتين")  # one text in 40 files: a search lists it once
    assert (found.total, found.copies) == (1, len(ARTICLES) - 1)
    first = tagged.articles[ARTICLES[0].id]
    name = next(first.body[s.start : s.end] for s in first.entities if s.kind == "PERS")
    assert tagged.search(f'entity:"{name}"').total == len(ARTICLES)


def test_cancel_raises_and_leaves_the_library(tmp_path: Path, recogniser) -> None:
    library = _library(tmp_path, workers=1)
    with pytest.raises(LoadCancelled):
        with_entities(library, should_stop=lambda: True, workers_only=True)
    assert all(not a.entities for a in library.articles.values())
    assert not library.has_entities


def _write(folder: Path, name: str, place: str) -> None:
    text = (
        f"<DOC>\n<DOCNO>{name}</DOCNO>\n<TITLE>خبر</TITLE>\n<TEXT>\n"
        f"وصل الوفد {name} إلى {place} أمس.\n</TEXT>\n</DOC>\n"
    )
    (folder / name).write_text(text, encoding="utf-8")


def _places(text: str) -> list[Span]:
    at = text.find("إلى ") + 4
    return [Span(at, text.find(" أمس"), "LOC")] if at >= 4 else []


def _news(tmp_path: Path, files: int) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(files):
        _write(folder, f"d{i}.txt", "غزة")
    return folder


def test_a_reopened_folder_is_tagged_only_where_files_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged = tag_inline(monkeypatch, _places)
    folder = _news(tmp_path, 5)

    def opened() -> Library:
        return load_library(folder, entities=False, workers=1)

    def found(library: Library, seen: list[LoadProgress] | None = None) -> Library:
        report = seen.append if seen is not None else None
        return with_entities(library, progress=report, workers_only=True)

    first = found(opened())
    assert len(tagged) == 5
    assert first.search("entity:غزة").total == 5

    # unchanged: listed and searchable without the spans first, then every span comes from
    # the disk cache in the entity stage and nothing is tagged again
    again = opened()
    assert not again.has_entities
    cached = found(again)
    assert cached.has_entities and len(tagged) == 5
    assert cached.search("entity:غزة").total == 5
    assert found(cached) is cached

    # one file changed: only it is tagged again, the others keep their cached spans, and the
    # count of those is said before any worker starts
    _write(folder, "d3.txt", "موسكو")
    changed = opened()
    assert not changed.has_entities
    tagged.clear()
    seen: list[LoadProgress] = []
    done = found(changed, seen)
    assert len(tagged) == 1 and "d3.txt" in tagged[0]
    assert seen[0] == LoadProgress("entities", 4, 5)
    assert [p for p in seen if p.stage == "entities"][-1] == LoadProgress("entities", 5, 5)
    assert done.search("entity:غزة").total == 4
    assert done.search("entity:موسكو").total == 1


def test_articles_no_file_lists_are_tagged_and_only_files_are_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged = tag_inline(monkeypatch, _places)
    folder = _news(tmp_path, 3)
    library = load_library(folder, entities=False, workers=1)
    files = {"d0.txt": library.files["d0.txt"], "d1.txt": library.files["d1.txt"]}
    # d2.txt is not among the files given: its article is tagged alone, its spans not stored
    articles, status = tag_articles(
        library, list(library.articles.values()), files, workers_only=True
    )
    assert status is None and len(tagged) == 3
    assert [[a.body[s.start : s.end] for s in a.entities] for a in articles] == [["غزة"]] * 3
    tagged.clear()
    reopened = with_entities(load_library(folder, entities=False, workers=1), workers_only=True)
    assert reopened.search("entity:غزة").total == 3
    assert len(tagged) == 1 and "d2.txt" in tagged[0]


def test_a_model_the_workers_cannot_load_is_said_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(_text: str) -> list[Span]:
        raise RecogniserUnavailable("entity model missing: test")

    tag_inline(monkeypatch, missing)
    library = _library(tmp_path)
    result = with_entities(library, workers_only=True)
    assert result.entity_status == "entity model missing: test"
    assert result.articles is library.articles and result.index is library.index
    articles, status = tag_articles(library, ARTICLES[:2], {}, workers_only=True)
    assert status == "entity model missing: test" and articles == ARTICLES[:2]


@pytest.mark.parametrize("nice_refused", [False, True])
def test_a_worker_lowers_its_priority_then_loads_the_model(
    monkeypatch: pytest.MonkeyPatch, nice_refused: bool
) -> None:
    """The pool initializer, run here: niceness first (best effort), then the model; a model it
    cannot load is said by each task (an initializer's exception would only break the pool)."""
    import os

    import reader.entities

    calls: list[str] = []

    def nice(increment: int) -> int:
        calls.append(f"nice {increment}")
        if nice_refused:
            raise PermissionError("not permitted")
        return increment

    def load_recogniser():
        calls.append("load")
        raise RecogniserUnavailable("entity model missing: worker")

    monkeypatch.setattr(os, "nice", nice)
    monkeypatch.setattr(reader.entities, "load_recogniser", load_recogniser)
    monkeypatch.setattr(tagging, "_worker_recogniser", None)
    monkeypatch.setattr(tagging, "_worker_problem", "entity model not loaded")
    tagging._init_worker()
    assert calls == [f"nice {tagging.NICENESS}", "load"]
    with pytest.raises(RecogniserUnavailable, match="entity model missing: worker"):
        tagging._tag_plain([("نص", ())])
