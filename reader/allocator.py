"""The C allocator keeps the memory of a query's temporary arrays for the next query.

A search at 100,000 articles allocates a few numpy arrays of 0.4-3 MB (scores, the gathered tokens
of a phrase's candidates, comparison masks) and frees them. glibc hands chunks that size back to
the kernel when they sit at the top of the heap (its trim threshold follows the largest mmapped
chunk freed, a few MB), so the next query faults every page in again: ~55,000 page faults for 50
such rounds, and about half the time of a phrase query ("الأمم المتحدة": 5.0 -> 3.1 ms). Raising
the mmap threshold to 4 MB and the trim threshold to 32 MB keeps that working set mapped; the
index's large arrays (tens of MB) are still mapped and unmapped on their own, so the peak memory
of a load does not change (1,049-1,050 MB either way at 100k, measured).
"""

from __future__ import annotations

import ctypes
import sys

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 4 << 20
TRIM_THRESHOLD = 32 << 20


def tune_allocator() -> bool:
    """Apply the thresholds above to this process; False where the C library has no mallopt
    (macOS, Windows, musl's stub) — the program then runs as before, only queries are slower."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
