"""No article text keeps a UTF-8 copy of itself after a load or the entity stage.

CPython stores the UTF-8 form it makes of a non-ASCII str when that str is pickled (or passed to
any C API asking for UTF-8) inside the str, for the string's lifetime: at 100,000 Arabic articles
the bodies went from 279 to 524 MB that way (the cache rows and the texts sent to the tagging
workers were pickled from the loaded articles). These tests watch the two paths that did it.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest

from reader.formats import parse_pool
from reader.library.library import entity_recogniser, load_library, with_entities
from reader.model import Article


def utf8_copy_kept(text: str) -> bool:
    fresh = text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
    return sys.getsizeof(text) != sys.getsizeof(fresh)


def copies(articles: list[Article]) -> list[str]:
    return [a.id for a in articles if utf8_copy_kept(a.body) or utf8_copy_kept(a.title)]


def test_the_check_sees_a_copy() -> None:
    text = "".join(["التقى الرئيس ", "بوتين في موسكو"])
    assert not utf8_copy_kept(text)
    pickle.dumps(text)
    if not utf8_copy_kept(text):
        pytest.skip("this Python keeps no UTF-8 copy in a pickled str")


def write_folder(root: Path, files: int) -> Path:
    root.mkdir()
    for i in range(files):
        body = f"التقى الرئيس فلاديمير بوتين نظيره في موسكو يوم {i}.\nوقال إن المحادثات كانت بناءة."
        (root / f"{i:04d}.txt").write_text(f"خبر رقم {i}\n\n{body}\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("pool", [False, True], ids=["in-process", "worker-processes"])
def test_a_cold_load_with_the_cache_leaves_no_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: bool
) -> None:
    test_the_check_sees_a_copy()
    if pool:
        monkeypatch.setattr(parse_pool, "PARALLEL_MIN_FILES", 10)
        monkeypatch.setattr(parse_pool, "CHUNK_FILES", 8)
    root = write_folder(tmp_path / "news", 60)
    library = load_library(
        root, entities=False, workers=2 if pool else 1, cache_base=tmp_path / "cache"
    )
    assert library.stats["parsed_files"] == 60
    assert library.notes == []  # the rows were stored
    assert copies(list(library.articles.values())) == []
    reopened = load_library(root, entities=False, workers=1, cache_base=tmp_path / "cache")
    assert reopened.stats["cached_files"] == 60


def test_the_entity_stage_leaves_no_copies(tmp_path: Path) -> None:
    test_the_check_sees_a_copy()
    if entity_recogniser()[0] is None:
        pytest.skip("no entity model")
    root = write_folder(tmp_path / "news", 12)
    library = load_library(root, entities=False, workers=1, use_cache=False)
    tagged = with_entities(library, workers_only=True)  # texts go to a worker process
    assert tagged.entity_status is None
    assert any(a.entities for a in tagged.articles.values())
    assert copies(list(tagged.articles.values())) == []
