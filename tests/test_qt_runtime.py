"""Guards against a known PySide6 defect that would make the whole GUI suite abort.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every ``processEvents()`` call;
after a few thousand the interpreter aborts with "deallocating None". pytest-qt calls it around
every test, so pyproject.toml excludes that release. This test fails fast if it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def test_process_events_keeps_references_to_none(qapp) -> None:
    assert qapp is not None
    before = sys.getrefcount(None)
    for _ in range(500):
        QCoreApplication.processEvents()
    after = sys.getrefcount(None)
    # other threads may hold or release a few references meanwhile; a leak loses ~500
    assert after > before - 100, f"processEvents() lost {before - after} references to None"
