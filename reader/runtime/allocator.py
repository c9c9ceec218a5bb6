"""What the C allocator (glibc) is told, so that loads give memory back and queries run warm.

Two moments want opposite things:
- A load builds numpy temporaries of tens of MB. Blocks of 1 MB and up then come from mmap, so
  they go back to the system when freed: glibc's default raises its mmap threshold after the first
  big free and keeps such blocks in the heap, and a cold build of 100,000 articles ended ~100 MB
  higher and peaked 1,472-1,494 MB instead of 1,434-1,435 MB (RSS sampled, 2 runs each).
- A search at 100,000 articles allocates a few arrays of 0.4-3 MB (scores, the gathered tokens of
  a phrase's candidates, comparison masks) and frees them. They should stay mapped for the next
  query: from mmap, or from a heap whose top is trimmed at every free, each query faults every
  page in again (~55,000 page faults per 50 such rounds) — about half the time of a phrase query
  ("الأمم المتحدة": 5.0 -> 3.1 ms median, p95 of all queries 5.5 -> 4.4 ms at 100k). Setting the
  mmap threshold by hand also freezes glibc's trim threshold at its 128 KB default, so both are
  set: mmap at 32 MB (glibc's maximum) and trim at 32 MB. The peak of a load is unchanged
  (1,049-1,050 MB either way at 100k, warm, measured).
glibc only: elsewhere every function here is a no-op.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections.abc import Callable, Iterator

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
LOAD_MMAP_THRESHOLD = 1 << 20
QUERY_MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 32 << 20


def _libc_function(name: str) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    function.restype = ctypes.c_int
    return function


_MALLOPT = _libc_function("mallopt")
_MALLOC_TRIM = _libc_function("malloc_trim")


def _mallopt(parameter: int, value: int) -> bool:
    return _MALLOPT is not None and bool(_MALLOPT(ctypes.c_int(parameter), ctypes.c_int(value)))


def tune_allocator() -> bool:
    """The query setting for this process (the app calls it at start); False where the C library
    has no mallopt — the program then runs as before, only queries are slower."""
    return _mallopt(M_MMAP_THRESHOLD, QUERY_MMAP_THRESHOLD) and _mallopt(
        M_TRIM_THRESHOLD, TRIM_THRESHOLD
    )


@contextlib.contextmanager
def lean_memory() -> Iterator[None]:
    """The load setting while a folder loads, the query setting after it."""
    _mallopt(M_MMAP_THRESHOLD, LOAD_MMAP_THRESHOLD)
    try:
        yield
    finally:
        tune_allocator()


def release_freed_memory() -> None:
    """Give the memory freed by a large merge back to the system.

    The sort temporaries of a merge are tens of MB; once glibc's dynamic mmap threshold has grown
    they come from the heap, and after they are freed the process keeps them: building the 41k
    ANT articles left RSS 580 MB above the start although the index holds ~215 MB (measured with
    tests/benchmarks/bench_search.py). ``malloc_trim`` returns it.
    """
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(ctypes.c_size_t(0))
