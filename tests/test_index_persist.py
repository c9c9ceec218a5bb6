"""An index saved and loaded answers exactly like the one that was saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.index import Filters, Index, persist
from reader.index.persist import load_index, save_index
from reader.model import Article, Span

ARTICLES = [
    Article(
        id=f"{i}.txt",
        title=f"خبر رقم {i} عن {place}",
        body=f"قال الوزير في {place} إن المحادثات مستمرة. الأمم المتحدة ترحب",
        date=dt.date(2024, 1 + i % 12, 1 + i % 28),
        source=("BBC", "CNN", "الجزيرة")[i % 3],
        tags=(place, "سياسة"),
        entities=(Span(14, 14 + len(place), "LOC"),),
        path=f"{i}.txt",
    )
    for i, place in enumerate(["غزة", "موسكو", "القاهرة", "بيروت", "دمشق"] * 8)
]
QUERIES = [
    ("غزة", None),
    ('"الأمم المتحدة"', None),
    ("الوزير -موسكو", None),
    ("المحادثات", Filters(include_sources=frozenset({"BBC"}))),
    ("", Filters(include_tags=frozenset({"بيروت"}))),
    ("خبر", Filters(include_entities=frozenset({("LOC", "دمشق")}))),
]


def _answers(index: Index) -> list[tuple]:
    out = []
    for query, filters in QUERIES:
        r = index.search(query, filters)
        out.append((r.ids, [round(float(s), 5) for s in r.scores], r.facets, r.timeline))
    return out


@pytest.mark.parametrize("removed", [0, 5])
def test_a_loaded_index_answers_like_the_saved_one(tmp_path: Path, removed: int) -> None:
    index = Index()
    index.add_many(ARTICLES)
    for article in ARTICLES[:removed]:
        index.remove(article.id)  # dead documents stay in the arrays
    save_index(index, tmp_path)
    by_id = {a.id: a for a in ARTICLES}
    loaded, live = load_index(tmp_path, by_id)
    assert _answers(loaded) == _answers(index)
    assert sorted(live) == sorted(a.id for a in ARTICLES[removed:])
    assert loaded.get("7.txt") == by_id["7.txt"]
    extra = Article(id="new.txt", title="خبر جديد عن غزة", body="نص", path="new.txt")
    loaded.add(extra)  # and it keeps growing like any index
    assert "new.txt" in loaded.search("غزة").ids


@pytest.mark.parametrize(
    "damage", [lambda data: b"short", lambda data: data[:-1], lambda data: data + b"\0"]
)
def test_damage_is_an_error_the_caller_catches(tmp_path: Path, damage) -> None:
    index = Index()
    index.add_many(ARTICLES)
    save_index(index, tmp_path)
    buffers = tmp_path / "buffers.bin"
    buffers.write_bytes(damage(buffers.read_bytes()))
    with pytest.raises(ValueError):
        load_index(tmp_path, {})


@pytest.mark.parametrize("chunk", [3, 7, 1000])
def test_large_dicts_and_lists_written_in_chunks_load_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    # with 3 or 7 entries per chunk the vocabulary, the document numbers and the facet values
    # (and their bitmaps) of these 40 articles are all split; with 1000 none is
    monkeypatch.setattr(persist, "CHUNK", chunk)
    index = Index()
    index.add_many(ARTICLES)
    index.remove(ARTICLES[3].id)
    save_index(index, tmp_path)
    loaded, live = load_index(tmp_path, {a.id: a for a in ARTICLES})
    assert _answers(loaded) == _answers(index)
    assert len(live) == len(ARTICLES) - 1
    assert loaded.facet_values("tags") == index.facet_values("tags")


@pytest.mark.parametrize(
    "damage", [lambda data: data[: len(data) // 2], lambda data: data + b"\x80\x05N."]
)
def test_a_damaged_chunk_stream_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    monkeypatch.setattr(persist, "CHUNK", 3)
    index = Index()
    index.add_many(ARTICLES)
    save_index(index, tmp_path)
    state = tmp_path / "state.pickle"
    state.write_bytes(damage(state.read_bytes()))
    with pytest.raises(Exception):  # noqa: B017 - any error: the snapshot is not used
        load_index(tmp_path, {})
