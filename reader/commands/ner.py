"""``python main.py ner [--format conll] < TOKENS``: one token a line, a blank line between
sentences, in; ``token TAG`` (BIO) lines with a blank line between sentences, out.

Streams in blocks: sentences are tagged and written ``BLOCK`` (30) at a time, and at the end of
the input, so memory stays flat on any input size. The block is the recogniser's "document" for
its second, consistency pass, as in training; a CoNLL ``-DOCSTART-`` line, where the input has
them, ends a document (and its block) and is written back as ``-DOCSTART- O``. A line with
several fields (a CoNLL file with gold tags) is read as its first field.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from reader.commands.output import Output, tell

DOCSTART = "-DOCSTART-"


def read_sentences(lines: Iterable[str]) -> Iterator[list[str]]:
    """Each sentence's tokens; a ``-DOCSTART-`` line is a sentence of its own."""
    sentence: list[str] = []
    for line in lines:
        fields = line.split()
        if fields and fields[0] != DOCSTART:
            sentence.append(fields[0])
            continue
        if sentence:
            yield sentence
            sentence = []
        if fields:
            yield [DOCSTART]
    if sentence:
        yield sentence


def run(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    from reader.entities import RecogniserUnavailable, load_recogniser
    from reader.entities.consistency import BLOCK

    source = stdin or sys.stdin
    out = stdout or sys.stdout
    for stream in (source, out):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        recogniser = load_recogniser()
    except RecogniserUnavailable as exc:
        tell("ner", exc)
        return 1
    writer = Output(out)
    block: list[list[str]] = []
    for sentence in read_sentences(source):
        if sentence == [DOCSTART]:
            if block:
                _write(recogniser.tag_tokens(block), block, writer)
                block = []
            writer.write(f"{DOCSTART} O\n\n")
            writer.flush()
            continue
        block.append(sentence)
        if len(block) == BLOCK:
            _write(recogniser.tag_tokens(block), block, writer)
            block = []
    if block:
        _write(recogniser.tag_tokens(block), block, writer)
    if note := writer.note():
        tell("ner", note)
    return 0


def _write(tagged: list[list[str]], sentences: list[list[str]], out: Output) -> None:
    for sentence, tags in zip(sentences, tagged, strict=True):
        out.write("".join(f"{tok} {tag}\n" for tok, tag in zip(sentence, tags, strict=True)))
        out.write("\n")
    out.flush()
