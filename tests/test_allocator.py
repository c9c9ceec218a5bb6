"""The allocator tuning keeps a query's temporary arrays mapped between queries (reader.runtime.allocator)."""

from __future__ import annotations

import ctypes
import resource
import sys

import numpy as np
import pytest

from reader.runtime.allocator import lean_memory, tune_allocator


def _has_mallopt() -> bool:
    try:
        ctypes.CDLL(None).mallopt  # noqa: B018 (the lookup is the check)
    except (OSError, AttributeError):
        return False
    return sys.platform.startswith("linux")


def _faults_of_query_like_rounds(rounds: int = 20) -> int:
    """Page faults while arrays the size of a 100k search's temporaries come and go."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(rounds):
        gathered = np.ones(1_500_000, dtype=np.uint8)
        mask = np.ones(1_500_000, dtype=np.uint8)
        scores = np.ones(400_000, dtype=np.float32)
        del gathered, mask, scores
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


glibc = pytest.mark.skipif(not _has_mallopt(), reason="no glibc mallopt on this platform")


def _after_a_load() -> bool:
    with lean_memory():
        pass
    return True


@glibc
@pytest.mark.parametrize("tune", [tune_allocator, _after_a_load], ids=["at-start", "after-a-load"])
def test_tuned_allocator_keeps_query_buffers_mapped(tune) -> None:
    assert tune()
    _faults_of_query_like_rounds(1)  # the first round maps the pages once
    # untuned glibc faults every page in again each round (~1,100 faults a round here)
    assert _faults_of_query_like_rounds() < 200


def test_command_line_tunes_the_allocator(monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.cli

    calls: list[int] = []
    monkeypatch.setattr(reader.cli, "tune_allocator", lambda: calls.append(1) or True)
    monkeypatch.setattr(sys, "argv", ["main.py", "--help"])
    with pytest.raises(SystemExit):
        reader.cli.main()
    assert calls == [1]
