"""The command-line contract (see the README). Researchers script these; keep them stable.

    python main.py [FOLDER]                                  the app
    python main.py FOLDER --screenshot OUT.png [--query Q] [--select N] [--size WxH]
                          [--theme light|dark] [--language en|ar]
    python main.py export FOLDER [--format jsonl|csv] [--query Q] [--tag T]... [--entity E]...
                                 [--source S] [--since YYYY-MM-DD] [--until YYYY-MM-DD]
    python main.py search FOLDER (QUERY | --queries FILE) [--limit N] [--format text|jsonl]
    python main.py ner [--format conll] < TOKENS

Each subcommand lives in its own module under ``reader.commands`` and is imported only when used,
so ``ner`` does not pay for Qt and the app does not pay for the exporters.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader.runtime.allocator import tune_allocator

SUBCOMMANDS = ("export", "search", "ner")


def _date(value: str) -> str:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None
    return value


def _size(value: str) -> tuple[int, int]:
    try:
        w, h = value.lower().split("x")
        return int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size (WIDTHxHEIGHT): {value!r}") from None


def _add_cache_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-cache", action="store_true", help="read every file again; do not use the disk cache"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Arabic news reader. Without a subcommand, opens the desktop app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="{export,search,ner}")

    p = sub.add_parser("export", help="write the articles of a folder as JSON Lines or CSV")
    p.add_argument("folder")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--query", help="only articles matching this search query")
    p.add_argument("--tag", action="append", default=[], help="only articles with this tag")
    p.add_argument("--entity", action="append", default=[], help="only articles naming this entity")
    p.add_argument("--source", help="only articles from this source")
    p.add_argument("--since", type=_date, help="only articles dated on or after YYYY-MM-DD")
    p.add_argument("--until", type=_date, help="only articles dated on or before YYYY-MM-DD")
    p.add_argument("--no-entities", action="store_true", help="skip entity recognition")
    _add_cache_flag(p)

    p = sub.add_parser("search", help="search a folder")
    p.add_argument("folder")
    p.add_argument("query", nargs="?")
    p.add_argument("--queries", help="a file with one query a line; prints one JSON line each")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--format", choices=("text", "jsonl"), default=None)
    _add_cache_flag(p)

    p = sub.add_parser("ner", help="tag tokens read one a line from standard input")
    p.add_argument("--format", choices=("conll",), default="conll")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=(
            "Arabic news reader. Opens FOLDER (default: the last folder, else the bundled "
            "samples). Subcommands: export, search, ner (main.py SUBCOMMAND --help)."
        ),
    )
    parser.add_argument("folder", nargs="?")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to PNG, exit")
    parser.add_argument("--query", help="search query to apply (with --screenshot)")
    parser.add_argument("--select", type=int, metavar="N", help="select the N-th listed article")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1400x900")
    parser.add_argument("--theme", choices=("light", "dark"), help="the colour theme")
    parser.add_argument("--language", choices=("en", "ar"), help="the interface language")
    _add_cache_flag(parser)
    return parser


def _parse_subcommand(args_list: list[str]) -> argparse.Namespace:
    """Parse a subcommand line. ``search seeds -بوتين`` is a query that excludes a word, not an
    unknown option: single-dash words argparse does not know become (part of) the QUERY."""
    parser = build_parser()
    if args_list[0] != "search":
        return parser.parse_args(args_list)
    args, extras = parser.parse_known_args(args_list)
    negations = [a for a in extras if a.startswith("-") and not a.startswith("--")]
    if len(negations) != len(extras):
        parser.error("unrecognized arguments: " + " ".join(a for a in extras if a not in negations))
    if negations:
        args.query = " ".join([*([args.query] if args.query else []), *negations])
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    tune_allocator()
    if args_list and args_list[0] in SUBCOMMANDS:
        args = _parse_subcommand(args_list)
        module = importlib.import_module(f"reader.commands.{args.command}")
        return int(module.run(args))
    args = build_app_parser().parse_args(args_list)
    from reader.ui.window.app import run_app

    return int(run_app(args))
