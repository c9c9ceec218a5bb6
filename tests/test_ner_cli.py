"""``python main.py ner``: tokens in on stdin, ``token TAG`` out, through a real subprocess."""

from __future__ import annotations

import io
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from reader.commands import ner

ROOT = Path(__file__).resolve().parent.parent


def _run(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "ner"],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_ner_tags_each_token_and_keeps_sentences() -> None:
    tokens = "وقال\nالرئيس\nالروسي\nفلاديمير\nبوتين\n.\n\nزار\nموسكو\nأمس\n.\n"
    result = _run(tokens)
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    assert blocks[-1] == ""  # output ends with the blank line closing the last sentence
    first = [line.split(" ") for line in blocks[0].splitlines()]
    second = [line.split(" ") for line in blocks[1].splitlines()]
    assert [t for t, _ in first] == ["وقال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "."]
    assert [tag for _, tag in first][3:5] == ["B-PERS", "I-PERS"]
    assert second[1] == ["موسكو", "B-LOC"]
    assert all(len(parts) == 2 for parts in first + second)


@pytest.mark.parametrize(
    ("stdin", "expected_lines"),
    [
        ("", 0),  # nothing in, nothing out
        ("\n\n\n", 0),  # blank lines only
        ("موسكو", 2),  # no closing newline: still one sentence, then its blank line
        ("موسكو O\nاليوم O\n", 3),  # CoNLL with gold tags: the first field is the token
    ],
)
def test_ner_edge_inputs(stdin: str, expected_lines: int) -> None:
    result = _run(stdin)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.split("\n")) - 1 == expected_lines


def test_ner_streams_in_blocks() -> None:
    """A block of sentences is written before the next one is read (the command can sit in a pipe)."""
    from reader.entities.consistency import BLOCK

    events: list[str] = []
    lines = ["موسكو\n", "\n"] * BLOCK + ["طهران\n", "\n"]

    class Lines(io.StringIO):
        def __iter__(self):
            for i, line in enumerate(lines):
                events.append(f"read:{i}")
                yield line

    class Out(io.StringIO):
        def flush(self) -> None:
            events.append("flush")

    out = Out()
    assert ner.run(Namespace(format="conll"), stdin=Lines(), stdout=out) == 0
    assert events.index("flush") < events.index(f"read:{2 * BLOCK}")
    assert out.getvalue().count("\n\n") == BLOCK + 1


def test_ner_reports_a_missing_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    from reader.entities import paths

    monkeypatch.setattr(paths, "MODELS", tmp_path)
    code = ner.run(Namespace(format="conll"), stdin=io.StringIO("موسكو\n"), stdout=io.StringIO())
    assert code == 1
    assert "entity model missing" in capsys.readouterr().err


def test_ner_docstart_ends_a_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A CoNLL ``-DOCSTART-`` line ends the second pass's document: the sentences before it are
    tagged apart from those after, and the line comes back in its place, with or without the
    blank line after it."""
    from reader import entities

    documents: list[list[list[str]]] = []

    class Recogniser:
        def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
            documents.append(sentences)
            return [["O"] * len(s) for s in sentences]

    monkeypatch.setattr(entities, "load_recogniser", Recogniser)
    stdin = "-DOCSTART- -X- O\n\nموسكو O\n\nطهران O\n-DOCSTART- -X- O\nبغداد O\n\n"
    out = io.StringIO()
    assert ner.run(Namespace(format="conll"), stdin=io.StringIO(stdin), stdout=out) == 0
    assert documents == [[["موسكو"], ["طهران"]], [["بغداد"]]]
    assert out.getvalue() == ("-DOCSTART- O\n\nموسكو O\n\nطهران O\n\n-DOCSTART- O\n\nبغداد O\n\n")
