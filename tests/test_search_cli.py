"""``main.py search`` end to end on the bundled sample (issue 3, acceptance 2) and small folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

SAMPLE_ID = "000_af4e3700e08c1d4f.txt"


def _search(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("argv", "found"),
    [
        (["ايران"], True),
        (['"الحرب في غزة"'], True),  # a phrase in the tag line
        (["tag:غزة"], True),
        (['tag:"الحرب في غزة"'], True),
        (["-بوتين"], False),  # a single-dash word is a query, not an option
        (["ايران", "-بوتين"], False),
        (["ايران -بوتين"], False),
        (['"غزة في الحرب"'], False),
        (["source:BBC"], False),
    ],
)
def test_acceptance_queries_on_the_sample(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, argv: list[str], found: bool
) -> None:
    code, out, err = _search(capsys, str(seeds_dir), *argv, "--format", "jsonl")
    assert code == 0
    line = json.loads(out)
    assert [r["id"] for r in line["results"]] == ([SAMPLE_ID] if found else [])
    assert "1 articles from 1 files, 0 files skipped" in err


def test_text_output_has_rank_score_id_title_snippet(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path
) -> None:
    code, out, _ = _search(capsys, str(seeds_dir), "ايران")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("1 articles match «ايران»")
    rank, score, article_id, *title = lines[1].split()
    assert (rank, article_id) == ("1", SAMPLE_ID) and float(score) > 0
    assert " ".join(title).startswith("حرب غزة بين الأولويات")
    assert "إيران" in lines[2]  # the snippet is around a match, in the original spelling


def test_highlights_cover_the_original_spelling(seeds_dir: Path) -> None:
    from reader.library.library import load_library

    library = load_library(seeds_dir, entities=False)
    result = library.search("ايران")
    article = library.get(result.ids[0])
    _, body_spans = library.index.highlights(article, result.query)
    assert body_spans
    assert {article.body[s.start : s.end] for s in body_spans} >= {"إيران"}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.json").write_text(
        json.dumps(
            [
                {
                    "title": "إيران وروسيا",
                    "content": "محادثات في موسكو حول غزة",
                    "url": "http://x/a",
                },
                {"title": "كرة القدم", "content": "فاز الفريق في المباراة", "url": "http://x/b"},
                {"title": "اقتصاد إيران", "content": "نمو الاقتصاد في إيران", "url": "http://x/c"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


def test_queries_file_gives_one_json_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    queries = tmp_path / "queries.txt"
    queries.write_text('ايران\n\nالمباراة\n"موسكو حول"\n-ايران\n', encoding="utf-8")
    code, out, err = _search(capsys, str(folder), "--queries", str(queries), "--limit", "1")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["ايران", "المباراة", '"موسكو حول"', "-ايران"]
    assert all(len(line["results"]) == 1 for line in lines)
    first = lines[0]["results"][0]
    assert set(first) == {"id", "title", "url", "score", "snippet"}
    assert first["id"] in {"a.json#1", "a.json#3"}
    assert lines[1]["results"][0]["id"] == "a.json#2"
    assert lines[2]["results"][0]["url"] == "http://x/a"
    assert "broken.json:" in err  # the bad file is reported, the rest is searched


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["does-not-exist", "x"], "search:"),
        (["{folder}"], "give a QUERY"),
        (["{folder}", "--queries", "{missing}"], "search:"),
    ],
)
def test_errors_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], message: str
) -> None:
    folder = _folder(tmp_path)
    argv = [a.format(folder=folder, missing=tmp_path / "nope.txt") for a in argv]
    code, _, err = _search(capsys, *argv)
    assert code == 2
    assert message in err


def test_malformed_query_is_answered_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _search(capsys, str(_folder(tmp_path)), '"موسكو', "--format", "jsonl")
    assert code == 0
    assert [r["id"] for r in json.loads(out)["results"]] == ["a.json#1"]
    assert "not closed" in err


@pytest.mark.parametrize("warm", [False, True])
def test_marks_answer_from_the_command_line_as_in_the_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, warm: bool
) -> None:
    """is:starred, mytag: and note: read the folder's saved marks (the window's), cold and from
    the cache alike; the command never writes them."""
    from reader.storage.state import UserState, state_path

    folder = _folder(tmp_path)
    if warm:
        _search(capsys, str(folder), "غزة")  # the cache now answers the next run alone
    ids = sorted(json.loads(line)["id"] for line in _export_ids(folder))
    state = UserState(folder)
    state.set_starred(ids[0])
    state.set_my_tags(ids[1], ("للمراجعة",))
    state.set_article_note(ids[1], "مصدر ثان مطلوب")
    state.save()
    before = state_path(folder).read_bytes()
    for query, expected in (
        ("is:starred", [ids[0]]),
        ("mytag:للمراجعة", [ids[1]]),
        ("note:مطلوب", [ids[1]]),
    ):
        code, out, _ = _search(capsys, str(folder), query, "--format", "jsonl")
        assert code == 0
        assert [r["id"] for r in json.loads(out)["results"]] == expected, query
    assert state_path(folder).read_bytes() == before


def _export_ids(folder: Path) -> list[str]:
    from reader.library.library import load_library

    library = load_library(folder, entities=False, use_cache=False)
    return [json.dumps({"id": i}) for i in library.articles]


def test_no_article_with_every_word_answers_with_the_most(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # no article holds all three words; «إيران وروسيا» holds إيران and موسكو
    folder = _folder(tmp_path)
    code, out, _ = _search(capsys, str(folder), "ايران موسكو المباراة", "--limit", "5")
    assert code == 0
    assert out.splitlines()[0].startswith("no article has all 3 words of «ايران موسكو المباراة»")
    assert "1 articles have 2 of them" in out.splitlines()[0]
    assert "a.json#1" in out
    queries = tmp_path / "queries.txt"
    queries.write_text("ايران موسكو المباراة\nايران موسكو\n", encoding="utf-8")
    code, out, _ = _search(capsys, str(folder), "--queries", str(queries))
    relaxed, strict = (json.loads(line) for line in out.splitlines())
    assert (relaxed["words_held"], relaxed["words"]) == (2, 3)
    assert [r["id"] for r in relaxed["results"]] == ["a.json#1"]
    assert "words_held" not in strict
