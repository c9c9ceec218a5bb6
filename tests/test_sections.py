"""The section a folder names (reader/formats/sections.py): the nearest folder named by a word,
date shelves passed over, the names dumps and tools give their folders left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.formats import parse_file
from reader.formats.sections import folder_category


@pytest.mark.parametrize(
    ("rel_path", "category"),
    [
        ("سياسة/a.txt", "سياسة"),
        ("2012/b.txt", None),
        ("2012/05/b.txt", None),
        ("x.txt", None),
        ("Sport/x.txt", "Sport"),
        ("أخبار_دولية/x.txt", "أخبار دولية"),
        ("world-news/x.json", "world news"),
        ("سياسة/2012/05/x.txt", "سياسة"),
        ("May 2012/x.txt", None),
        ("data/x.txt", None),
        # folders tools write, and a mirror's site address: where the files came from
        ("ChatExport_2024-03-14/messages.html", None),
        ("New folder (2)/x.txt", None),
        ("saved/x.html", None),
        ("www.alayam.example/2024/03/x.html", None),
        ("alayam.example/x.html", None),
        ("مجلد جديد/x.txt", None),
        ("اقتصاد/New folder/x.txt", None),
        ("Business News/x.txt", "Business News"),
        ("web/x.txt", "web"),  # a technology section
        ("results/x.txt", "results"),  # a sports section
        ("Articles 8f3a1b2c3d4e5f60718293a4b5c6d7e8/x.md", None),  # Notion's database folder
        ("اقتصاد 8f3a1b2c3d4e5f60718293a4b5c6d7e8/x.md", "اقتصاد"),
        ("v2.0 notes/x.txt", "v2.0 notes"),
    ],
)
def test_folder_category(rel_path: str, category: str | None) -> None:
    assert folder_category(rel_path) == category


def category_tree(root: Path) -> Path:
    (root / "سياسة").mkdir()
    (root / "2012").mkdir()
    (root / "سياسة" / "a.txt").write_bytes("عنوان أ\r\nنص الخبر الأول.\r\n".encode("cp1256"))
    (root / "2012" / "b.txt").write_text("عنوان ب\nنص الخبر الثاني.\n", encoding="utf-8")
    (root / "x.txt").write_text("عنوان س\nنص الخبر الثالث.\n", encoding="utf-8")
    item = {"title": "عنوان ج", "body": "نص.", "category": "رياضة"}
    (root / "سياسة" / "c.json").write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    return root


def test_sections_from_folders_through_parse_file(tmp_path: Path) -> None:
    root = category_tree(tmp_path)
    found = {
        rel: parse_file(root / rel, root).articles[0]
        for rel in ("سياسة/a.txt", "2012/b.txt", "x.txt", "سياسة/c.json")
    }
    assert {rel: a.category for rel, a in found.items()} == {
        "سياسة/a.txt": "سياسة",
        "2012/b.txt": None,
        "x.txt": None,
        "سياسة/c.json": "رياضة",  # the file's own category wins
    }
    assert found["سياسة/a.txt"].title == "عنوان أ"
    assert found["سياسة/a.txt"].body == "نص الخبر الأول."
