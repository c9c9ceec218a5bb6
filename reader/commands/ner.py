"""``python main.py ner [--format conll] < TOKENS``: one token a line, a blank line between
sentences, in; ``token TAG`` (BIO) lines with a blank line between sentences, out.

Streams: each sentence is tagged and written as soon as its closing blank line is read, so the
command can sit at the end of a pipe. A line with several fields (a CoNLL file with gold tags)
is read as its first field.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO


def read_sentences(lines: Iterable[str]) -> Iterator[list[str]]:
    sentence: list[str] = []
    for line in lines:
        fields = line.split()
        if fields:
            sentence.append(fields[0])
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def run(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    from reader.entities import RecogniserUnavailable, load_recogniser

    source = stdin or sys.stdin
    out = stdout or sys.stdout
    for stream in (source, out):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        recogniser = load_recogniser()
    except RecogniserUnavailable as exc:
        print(f"ner: {exc}", file=sys.stderr)
        return 1
    for sentence in read_sentences(source):
        (tags,) = recogniser.tag_tokens([sentence])
        out.write("".join(f"{tok} {tag}\n" for tok, tag in zip(sentence, tags, strict=True)))
        out.write("\n")
        out.flush()
    return 0
