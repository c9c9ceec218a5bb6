"""The corpus-votes table shipped with the model (built by ``training/selftrain.py``): stem -> vote."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_votes(table: Mapping[str, str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for stem in sorted(table):
            out.write(f"{stem}\t{table[stem]}\n")


def read_votes(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            stem, _, vote = line.rstrip("\n").partition("\t")
            if not vote:
                raise ValueError(f"{path}: not a votes line: {line[:40]!r}")
            table[stem] = vote
    return table
