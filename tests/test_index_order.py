"""The packed-key sorts of reader/index/scoring.py give exactly numpy's stable argsort."""

from __future__ import annotations

import numpy as np
import pytest

from reader.index.scoring import descending_score_key, stable_order


def _scores(seed: int, n: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    scores = (rng.random(n) * 20 - 2).astype(np.float32)
    if n == 0:
        return scores
    scores[rng.integers(0, n, n // 3)] = scores[0]  # many ties
    scores[rng.integers(0, n, n // 10)] = 0.0
    scores[rng.integers(0, n, n // 10)] = -0.0  # equal to 0.0 for argsort
    scores[: min(n, 3)] = [np.float32(3.4e38), np.float32(-3.4e38), np.float32(1e-45)][: min(n, 3)]
    return scores


@pytest.mark.parametrize(("seed", "n"), [(0, 0), (1, 1), (2, 2), (3, 17), (4, 1000), (5, 40000)])
def test_scores_order_as_a_stable_argsort(seed: int, n: int) -> None:
    scores = _scores(seed, n)
    expected = np.argsort(-scores, kind="stable")
    assert stable_order(descending_score_key(scores)).tolist() == expected.tolist()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_days_order_as_a_stable_argsort(seed: int) -> None:
    rng = np.random.default_rng(seed)
    day = rng.integers(736000, 737000, 5000).astype(np.int32)
    day[rng.integers(0, 5000, 500)] = -1  # undated
    newest = stable_order(np.int64(np.iinfo(np.int32).max) - day)
    assert newest.tolist() == np.argsort(-day, kind="stable").tolist()
    oldest = np.where(day < 0, np.iinfo(np.int32).max, day)
    assert stable_order(oldest).tolist() == np.argsort(oldest, kind="stable").tolist()
