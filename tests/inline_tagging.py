"""Entity tagging through the real worker path, with a test's own finder, in the test's process.

``reader.library.tagging`` sends texts to a pool of worker processes, which would not see a substitute
(a monkeypatch lives in this process only). Here the pool runs each job at once in the calling
thread and the worker function asks the test's finder: everything around them (chunks, the
cache, progress, cancel, the models' errors) is the code the window runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future

import pytest

from reader.model import Span


class InlineExecutor:
    """Stands in for the pool ``reader.library.tagging`` starts (``start_pool``): each job runs
    when submitted. The initializer is not run (it would lower this process's priority and load
    the real model)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, **kwargs) -> None:
        return None


def tag_inline(monkeypatch: pytest.MonkeyPatch, find: Callable[[str], Sequence[Span]]) -> list[str]:
    """Tag with ``find`` (a text -> its spans) in the workers' stead; the list returned fills with
    every body tagged, in order."""
    from reader.library import tagging

    tagged: list[str] = []

    def plain(data: bytes) -> tuple[tuple[int, int, str], ...]:
        return tuple((s.start, s.end, s.kind) for s in find(tagging._text(data)))

    def worker(texts, recogniser=None):
        out = []
        for body, appended, _keywords in texts:  # UTF-8, as the workers get them
            tagged.append(tagging._text(body))
            out.append((plain(body), tuple(plain(b) for b in appended)))
        return out

    monkeypatch.setattr(tagging, "_tag_plain", worker)
    monkeypatch.setattr(tagging, "start_pool", InlineExecutor)
    return tagged
