"""Score a model on a CoNLL file: ``python -m reader.entities.training.evaluate [--data FILE]
[--model M]``.

Prints precision, recall and F1 per type and micro-averaged, with the conlleval definition (exact
span and type). Without ``--data`` it scores the dev split (last 10% of the ANERcorp training
file); the shipped model was retrained on all of it, so that figure is a training-set figure and
is flagged as such; the honest dev F1 is the one ``reader.entities.training`` prints.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from reader.entities import paths
from reader.entities.conll import format_scores, read_conll, score, split_dev
from reader.entities.recogniser import load_recogniser


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.entities.training.evaluate", description=__doc__
    )
    parser.add_argument("--data", type=Path, help="a CoNLL file (token TAG); default: dev split")
    parser.add_argument("--model", type=Path, help="a .crfsuite model (default: the shipped one)")
    args = parser.parse_args(argv)

    if args.data:
        sentences = read_conll(args.data)
        name = str(args.data)
    else:
        _, sentences = split_dev(read_conll(paths.SHARED / "ner" / "anercorp-train.txt"))
        name = "ANERcorp dev split (last 10%)"
        meta = (args.model or paths.MODELS / paths.MODEL).parent / paths.META
        if (
            meta.is_file()
            and json.loads(meta.read_text(encoding="utf-8")).get("trained_on") == "all"
        ):
            print("note: this model was trained on the dev split too; see the train log for dev F1")
    recogniser = load_recogniser(args.model)
    started = time.perf_counter()
    predicted = recogniser.tag_tokens([[w for w, _ in s] for s in sentences])
    elapsed = time.perf_counter() - started
    gold = [[t for _, t in s] for s in sentences]
    tokens = sum(len(s) for s in sentences)
    print(
        f"{name}: {len(sentences):,} sentences, {tokens:,} tokens, {tokens / elapsed:,.0f} tokens/s"
    )
    print(format_scores(score(gold, predicted)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
