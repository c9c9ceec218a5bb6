"""One very long article on one line (issue 17, case 3): read, tagged and exported whole, with
memory bounded by the text, not by ~160 bytes a character of it."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from reader.entities import recogniser as recogniser_module
from reader.formats.jsonfmt import parse_json
from reader.formats.plain import parse_plain

SENTENCE = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا مستعدة للحوار"


@pytest.mark.parametrize("layout", ["plain", "json lines"])
def test_a_long_line_is_read_with_a_few_copies_of_its_memory(layout: str) -> None:
    """The whitespace of a line was collapsed by one re.sub, which holds a string per space
    until it joins them: 21 bytes a character of a one-line article, now 6."""
    body = " ".join([SENTENCE] * 15_000)  # 1 M characters, no newline
    spaced = body.replace(" ", "  ", 100)
    if layout == "plain":
        text = "مقال طويل\n\n" + spaced + "\n"
    else:
        text = json.dumps({"title": "مقال طويل", "body": spaced}, ensure_ascii=False) + "\n"
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        if layout == "plain":
            article = parse_plain(text, rel_path="long.txt")
        else:
            (article,) = parse_json(text, rel_path="long.jsonl", lines=True).articles
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert article is not None
    assert article.title == "مقال طويل"
    assert article.body == body  # runs of spaces collapsed, across the slices too
    assert peak < 10 * len(text)


def test_export_of_a_long_one_line_article_tags_every_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    from reader.cli import main

    monkeypatch.setattr(recogniser_module, "WINDOW_CHARS", 2_000)
    body = ". ".join([SENTENCE] * 150) + "."  # ~10,000 characters on one line: five windows
    (tmp_path / "long.txt").write_text(f"مقال طويل\n\n{body}\n", encoding="utf-8")
    assert main(["export", str(tmp_path), "--no-cache"]) == 0
    out, err = capfdbinary.readouterr()
    (record,) = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert record["id"] == "long.txt" and record["title"] == "مقال طويل"
    assert record["body"] == body
    assert "1 articles from 1 files, 0 files skipped" in err.decode("utf-8")
    entities = record["entities"]
    assert all(body[e["start"] : e["end"]] == e["text"] for e in entities)
    people = [e for e in entities if e["type"] == "PERS"]
    # the name in every sentence, the last window's too, whole
    assert {e["text"] for e in people} == {"فلاديمير بوتين"}
    assert len(people) == 150
    assert people[-1]["start"] > len(body) - len(SENTENCE) - 2
