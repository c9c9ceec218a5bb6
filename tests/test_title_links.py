"""The "read also" links: a related headline names the folder's article with that title, and a
live change keeps the map right without building it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.library import load_library
from reader.library.title_links import TitleLinks
from reader.model import Article


def _article(article_id: str, title: str, related: tuple[str, ...] = ()) -> Article:
    return Article(id=article_id, title=title, body="نص", related=related, path=article_id)


def test_a_headline_names_the_article_with_that_title_whatever_its_spacing() -> None:
    source = _article("s.txt", "خبر المصدر", related=("روسيا  وإيران توقعان", "عنوان غير موجود"))
    target = _article("t.txt", " روسيا وإيران\tتوقعان ")
    links = TitleLinks([source, target])
    assert links.links(source) == {"روسيا  وإيران توقعان": "t.txt"}
    assert links.target("خبر المصدر", "s.txt") is None  # never to itself


@pytest.mark.parametrize("removed", ["first", "second"])
def test_two_articles_with_one_title_link_to_whichever_is_left(removed: str) -> None:
    a, b = _article("a.txt", "العنوان نفسه"), _article("b.txt", "العنوان نفسه")
    links = TitleLinks([a, b])
    links.remove(a if removed == "first" else b)
    assert links.target("العنوان نفسه", "x") == ("b.txt" if removed == "first" else "a.txt")
    links.remove(b if removed == "first" else a)
    assert links.target("العنوان نفسه", "x") is None


def test_live_changes_keep_the_links_of_a_library_right(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر أول عن غزة\nنص الخبر\n", encoding="utf-8")
    library = load_library(folder, entities=False, use_cache=False)
    links = library.title_links()
    assert links.target("خبر أول عن غزة", "x") == "a.txt"

    (folder / "b.txt").write_text("خبر جديد عن موسكو\nنص\n", encoding="utf-8")
    library.apply_changes(["b.txt"])
    assert library.title_links() is links  # updated, not built again
    assert links.target("خبر جديد عن موسكو", "x") == "b.txt"

    (folder / "a.txt").write_text("عنوان معدل\nنص الخبر\n", encoding="utf-8")
    library.apply_changes(["a.txt"])
    assert links.target("خبر أول عن غزة", "x") is None
    assert links.target("عنوان معدل", "x") == "a.txt"

    (folder / "b.txt").unlink()
    library.apply_changes([], ["b.txt"])
    assert links.target("خبر جديد عن موسكو", "x") is None
