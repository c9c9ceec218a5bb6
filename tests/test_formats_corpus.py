"""The real Jawhara FM corpus (../shared/corpus), unpacked into a temporary folder. Opt-in: corpus.

Issue 2, acceptance 3: every file with a non-empty <TEXT> comes out as an article with title,
body and date; the others are reported with a reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.formats import read_folder

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|</DOC>|$)", re.S | re.IGNORECASE)


def test_jawhara_corpus(jawhara_dir: Path) -> None:
    root = jawhara_dir
    with_text = set()
    for path in root.rglob("*.txt"):
        match = _TEXT.search(path.read_text(encoding="utf-8"))
        if match and match.group(1).strip():
            with_text.add(path.relative_to(root).as_posix())

    result = read_folder(root)

    assert result.files_seen == 10_161
    assert {a.id for a in result.articles} == with_text
    assert len(with_text) == 10_138
    assert all(a.title and a.body and a.date for a in result.articles)
    skipped = {p.path for p in result.problems}
    assert len(skipped) == 10_161 - 10_138
    assert all("<TEXT>" in p.reason for p in result.problems)
