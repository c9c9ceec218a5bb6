"""The index on the real Jawhara FM corpus (../shared/corpus), unpacked into a temporary folder.

Opt-in (corpus, slow). Issue 3, acceptance 3 in small: a known-item test of 200 queries typed the
way a person might, built by tests/benchmarks/known_items.py's generator, must reach
success@10 >= 0.95 and MRR@10 >= 0.85 (the full benchmark measures both ANT corpora).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from reader.formats import read_folder
from reader.index import Index

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

BENCH = Path(__file__).resolve().parent / "benchmarks" / "known_items.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("known_items", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_known_items_on_jawhara(jawhara_dir: Path) -> None:
    articles = list(read_folder(jawhara_dir).articles)
    bench = _bench()
    queries = bench.known_item_queries(articles, 200, seed=11)
    index = Index()
    index.add_many(articles)

    ranks = [bench.rank_of(index.search(q).ids, target) for q, target, _ in queries]
    success, mrr = bench.quality(ranks)

    assert len(queries) == 200
    assert success >= 0.95, success
    assert mrr >= 0.85, mrr
