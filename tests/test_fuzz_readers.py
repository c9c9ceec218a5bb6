"""Property-based fuzzing of every reader (issue 17): arbitrary bytes, text, JSON values and file
names go through the real path (``parse_file`` on files written into a temporary folder, the
folder load the command line uses, and ``main.py export``'s own code), and the invariants hold:

* no exception escapes;
* every input file is either read or named with a reason;
* the good files' articles are the same as when they are read alone;
* every id is unique, and no article is lost to a clash;
* every output line is valid UTF-8 JSON.

The default run is small and seeded (``derandomize``): seconds. A nightly-style run sets
``READER_FUZZ_EXAMPLES`` (examples per property, default 12), e.g.
``READER_FUZZ_EXAMPLES=2000 pytest -m fuzz``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.commands import export
from reader.formats import parse_file
from reader.formats.folder import summary_line
from reader.formats.ids import unique_rels
from reader.formats.names import ARTICLE_SUFFIXES, is_article_name
from reader.formats.parse import printable_path
from reader.library.library import load_library
from reader.model import Article

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "12"))
FUZZ = settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# the single-file properties are cheap: a few times more examples for the same budget
FUZZ_FILES = settings(FUZZ, max_examples=EXAMPLES * 4)

TESTS = Path(__file__).resolve().parent
GOOD_SOURCES = [
    *sorted((TESTS / "fixtures" / "formats").iterdir()),
    *sorted((TESTS.parent / "seeds").glob("*.txt")),
]
GOOD_FOLDER = "ok"
SUFFIXES = sorted(ARTICLE_SUFFIXES)
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةىؤئ"
FIELD_NAMES = [
    "title",
    "headline",
    "body",
    "content",
    "text",
    "date",
    "published",
    "source",
    "url",
    "author",
    "tags",
    "keywords",
    "category",
    "summary",
    "articles",
    "items",
    "name",
    "rendered",
]
# stand-ins replaced in the dumped JSON: values json.dumps cannot (or should not) write itself
HUGE = "\x00huge\x00"
DEEP = "\x00deep\x00"


# --- strategies ----------------------------------------------------------------------------------

arabic_text = st.text(alphabet=ARABIC + " \n.،:0123456789abc", max_size=300)
any_text = st.one_of(arabic_text, st.text(max_size=300))

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    arabic_text,
    st.text(max_size=40),
    st.sampled_from([HUGE, DEEP]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=6)), children, max_size=6
        ),
    ),
    max_leaves=25,
)
article_like = st.fixed_dictionaries(
    {"title": st.one_of(arabic_text, json_values), "body": st.one_of(arabic_text, json_values)},
    optional=dict.fromkeys(("date", "tags", "url", "source", "author"), json_values),
)


def _dump(value: Any, deep: int) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text.replace(json.dumps(HUGE), "9" * 5000).replace(
        json.dumps(DEEP), "[" * deep + "]" * deep
    )


@st.composite
def json_files(draw: st.DrawFn, lone: bool = False) -> bytes:
    """A JSON or JSON Lines file; ``lone``: with lone surrogates (``"\\ud83d"``) in strings."""
    deep = draw(st.sampled_from([1500, 5000]))
    if lone:
        return draw(json_files()).replace(b': "', b': "\\ud83d')
    if draw(st.booleans()):  # JSON Lines
        items = draw(st.lists(st.one_of(article_like, json_values), min_size=1, max_size=6))
        lines = [_dump(item, deep) for item in items]
        return "\n".join(lines).encode()
    value = draw(st.one_of(json_values, st.lists(article_like, max_size=5), article_like))
    return _dump(value, deep).encode()


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    text = draw(any_text)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"]))
    data = text.encode(encoding, errors="ignore")
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    return data + draw(st.sampled_from([b"", b"\x00", b"\x1a", b"\xff"]))


@st.composite
def mangled_good_files(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(GOOD_SOURCES)).read_bytes())
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 20))
        data[at : at + cut] = draw(st.binary(max_size=12))
    return bytes(data)


file_contents = st.one_of(st.binary(max_size=600), text_files(), json_files(), mangled_good_files())


def _article_name(name: bytes) -> bool:
    if not name or name.startswith(b".") or b"/" in name or b"\x00" in name or len(name) > 200:
        return False
    return is_article_name(os.fsdecode(name))


stems = st.one_of(
    st.binary(min_size=1, max_size=12),
    st.text(min_size=1, max_size=10).map(str.encode),
    st.sampled_from(
        [b"feed", b"feed#2", b"feed#1#2", b"t\xe1", b"t\xe2", b"t\xef\xbf\xbd", b"a\nb", b"x~2"]
    ),
    st.sampled_from(["\u202eخبر", "\u200fعاجل\u2066", "خبر\r"]).map(str.encode),
)
file_names = st.builds(
    lambda stem, suffix: stem + suffix.encode(), stems, st.sampled_from(SUFFIXES)
).filter(_article_name)
folders = st.lists(st.tuples(file_names, file_contents), max_size=6, unique_by=lambda f: f[0])


# --- invariants ----------------------------------------------------------------------------------


def _check_article(article: Article, *, lone: bool = False) -> None:
    assert article.id.startswith(article.path) and article.path
    if not lone:  # decoded bytes never make a lone surrogate (a JSON escape may)
        for text in (article.id, article.title, article.body, *article.tags, *article.problems):
            text.encode("utf-8")
    for name in ("title", "body"):
        if not getattr(article, name).strip():
            assert article.problems, (name, article)
    for note in article.problems:
        assert "Traceback" not in note and "sys.set_int_max_str_digits" not in note


def _check_parse(path: Path, root: Path) -> None:
    result = parse_file(path, root)
    rel = printable_path(path.relative_to(root).as_posix())
    assert result.articles or result.problems
    assert all(p.path == rel and p.reason for p in result.problems)
    for article in result.articles:
        assert article.path == rel
        _check_article(article)
    assert len({a.id for a in result.articles}) == len(result.articles)


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    # hypothesis runs many examples in one test call: a fresh folder for each
    path = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _write(root: Path, name: bytes, data: bytes) -> Path:
    path = Path(os.fsdecode(os.fsencode(root) + b"/" + name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _alone(source: Path) -> list[tuple]:
    """A good file's articles read alone: what it must give in any folder (its tags aside: the
    folder-wide tag pass may join them with evidence from the other files)."""
    with _folder() as root:
        path = _write(root, f"{GOOD_FOLDER}/{source.name}".encode(), source.read_bytes())
        return [_fields(a) for a in parse_file(path, root).articles]


def _fields(article: Article) -> tuple:
    return (
        article.id,
        article.title,
        article.body,
        article.date,
        article.source,
        article.url,
        article.category,
        article.problems,
    )


GOOD_ALONE = {f"{GOOD_FOLDER}/{source.name}": _alone(source) for source in GOOD_SOURCES}


def _export(root: Path, *, entities: bool) -> tuple[list[dict], list[str]]:
    """``main.py export ROOT`` in this process: (records, stderr lines)."""
    args = argparse.Namespace(
        folder=str(root),
        format="jsonl",
        query=None,
        tag=[],
        entity=[],
        source=None,
        since=None,
        until=None,
        no_entities=not entities,
        no_cache=True,
    )
    out = io.BytesIO()
    err = io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
        code = export.run(args)
        stdout.flush()
    assert code == 0, err.getvalue()
    # strict: valid UTF-8; split on "\n" only (U+2028 and U+0085 may sit inside JSON strings)
    lines = out.getvalue().decode("utf-8").split("\n")[:-1]
    return [json.loads(line) for line in lines], err.getvalue().splitlines()


def _check_folder(
    files: list[tuple[bytes, bytes]], *, entities: bool = False, lone: bool = False
) -> None:
    with _folder() as root:
        for source in GOOD_SOURCES:
            _write(root, f"{GOOD_FOLDER}/{source.name}".encode(), source.read_bytes())
        for name, data in files:
            _write(root, name, data)
        raws = sorted(
            [f"{GOOD_FOLDER}/{source.name}" for source in GOOD_SOURCES]
            + [os.fsdecode(name) for name, _ in files]
        )
        rels = unique_rels([printable_path(raw) for raw in raws])

        library = load_library(root, entities=False, use_cache=False, workers=1)
        articles = list(library.articles.values())
        for article in articles:
            _check_article(article, lone=lone)
        read = {a.path for a in articles}
        named = {p.path for p in library.problems}
        # every file read or named, and nothing else named
        assert read | named == set(rels), (sorted(read | named), rels)
        summary = summary_line(len(articles), len(read), named - read)
        # no article lost to an id clash: as many as the files give read one by one
        per_file = sum(len(parse_file(Path(root, raw), root).articles) for raw in raws)
        assert len(articles) == per_file
        # the good files' articles as when read alone
        for rel, expected in GOOD_ALONE.items():
            assert [_fields(a) for a in articles if a.path == rel] == expected, rel

        # a cached reopen settles the ids the same way
        base = root.parent / f"{root.name}-cache"
        try:
            first = load_library(root, entities=False, workers=1, cache_base=base)
            again = load_library(root, entities=False, workers=1, cache_base=base)
        finally:
            shutil.rmtree(base, ignore_errors=True)
        assert list(again.articles) == list(first.articles) == list(library.articles)
        assert again.stats["parsed_files"] == 0

        records, stderr = _export(root, entities=entities)
        ids = [r["id"] for r in records]
        assert ids == list(library.articles)
        assert stderr[-1] == summary
        assert not any("Traceback" in line for line in stderr)
        if entities and records:
            assert all("entities" in r for r in records)


# --- properties ----------------------------------------------------------------------------------


@FUZZ_FILES
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_in_any_file(data: bytes, suffix: str) -> None:
    with _folder() as root:
        _check_parse(_write(root, f"f{suffix}".encode(), data), root)


@FUZZ_FILES
@given(data=st.one_of(text_files(), mangled_good_files()), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_text_in_any_file(data: bytes, suffix: str) -> None:
    with _folder() as root:
        _check_parse(_write(root, f"f{suffix}".encode(), data), root)


@FUZZ_FILES
@given(
    data=json_files(), suffix=st.sampled_from([".json", ".jsonl", ".txt", ""]), lines=st.booleans()
)
def test_arbitrary_json_values(data: bytes, suffix: str, lines: bool) -> None:
    with _folder() as root:
        path = _write(root, f"f{suffix}".encode(), data)
        _check_parse(path, root)
        result = parse_file(path, root)
        if suffix == ".jsonl" and result.articles:
            # one article or one problem per line: a bad line never takes the others along
            count = sum(1 for line in data.decode("utf-8").split("\n") if line.strip())
            assert len(result.articles) + len(result.problems) == count


@FUZZ
@given(files=folders)
def test_folder_of_arbitrary_files_and_names(files: list[tuple[bytes, bytes]]) -> None:
    _check_folder(files)


@settings(FUZZ, max_examples=max(2, EXAMPLES // 6))
@given(files=folders)
def test_folder_exported_with_entities(files: list[tuple[bytes, bytes]]) -> None:
    _check_folder(files, entities=True)


@FUZZ
@given(
    files=st.lists(
        st.tuples(file_names, json_files(lone=True)), max_size=4, unique_by=lambda f: f[0]
    )
)
def test_folder_with_lone_surrogates_in_json(files: list[tuple[bytes, bytes]]) -> None:
    _check_folder(files, lone=True)
