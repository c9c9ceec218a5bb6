"""CoNLL files (``token TAG`` a line, blank line between sentences) and conlleval scoring.

Scoring follows conlleval: an entity is a maximal B-/I- run of one type (an ``I-X`` after ``O`` or
after another type starts a new entity), and it counts only when both span and type match exactly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]


def parse_conll_lines(lines: Iterable[str]) -> Iterator[Sentence]:
    sentence: Sentence = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if sentence:
                yield sentence
                sentence = []
            continue
        token, _, tag = line.rpartition(" ")
        if not token:  # a line with one field: a token without a tag
            token, tag = tag, "O"
        sentence.append((token, tag))
    if sentence:
        yield sentence


def read_conll(path: Path) -> list[Sentence]:
    with path.open(encoding="utf-8") as handle:
        return list(parse_conll_lines(handle))


def split_dev(sentences: Sequence[Sentence], dev_fraction: float = 0.1) -> tuple[list, list]:
    """The first 90% of sentences for training, the last 10% held out (issue 4)."""
    cut = len(sentences) - round(len(sentences) * dev_fraction)
    return list(sentences[:cut]), list(sentences[cut:])


def entity_chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token ranges of the entities in a BIO sequence, conlleval style."""
    chunks: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            chunks.append((start, i, kind))
            start, kind = -1, ""
        if prefix in {"B", "I"} and not continues:
            start, kind = i, label
    return chunks


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO -> BIOES: single-token entities become ``S-``, last tokens ``E-``.

    The CRF learns with the richer scheme (it can tell where names end: Ratinov & Roth 2009,
    "Design Challenges and Misconceptions in Named Entity Recognition") and reports BIO.
    """
    out = ["O"] * len(tags)
    for start, end, kind in entity_chunks(tags):
        if end - start == 1:
            out[start] = "S-" + kind
        else:
            out[start] = "B-" + kind
            for i in range(start + 1, end - 1):
                out[i] = "I-" + kind
            out[end - 1] = "E-" + kind
    return out


def to_bio(tags: Sequence[str]) -> list[str]:
    """BIOES -> BIO, repairing what a tagger may emit (an entity never starts with ``I-``)."""
    out: list[str] = []
    previous = "O"
    for tag in tags:
        prefix, kind = tag[:1], tag[2:]
        if prefix in {"S", "B"} or (prefix in {"I", "E"} and previous[2:] != kind):
            bio = "B-" + kind
        elif prefix in {"I", "E"}:
            bio = "I-" + kind
        else:
            bio = "O"
        out.append(bio)
        previous = "O" if prefix in {"S", "E", "O"} else bio
    return out


@dataclass(frozen=True, slots=True)
class Score:
    kind: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> list[Score]:
    """Per-type scores, then the micro average under the kind ``ALL``."""
    g_count: Counter[str] = Counter()
    p_count: Counter[str] = Counter()
    ok: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g_chunks = set(entity_chunks(g_tags))
        p_chunks = set(entity_chunks(p_tags))
        g_count.update(c[2] for c in g_chunks)
        p_count.update(c[2] for c in p_chunks)
        ok.update(c[2] for c in g_chunks & p_chunks)
    kinds = sorted(set(g_count) | set(p_count))
    rows = [Score(k, g_count[k], p_count[k], ok[k]) for k in kinds]
    rows.append(Score("ALL", sum(g_count.values()), sum(p_count.values()), sum(ok.values())))
    return rows


def format_scores(rows: Sequence[Score]) -> str:
    lines = [f"{'type':<5} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}"]
    for r in rows:
        lines.append(
            f"{r.kind:<5} {r.gold:>6} {r.predicted:>6} "
            f"{r.precision:>7.2%} {r.recall:>7.2%} {r.f1:>7.2%}"
        )
    return "\n".join(lines)
