"""Every interface string has its Arabic: scan reader/ui/*.py for t("…") literals."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import reader.ui
from reader.ui.common.i18n import arabic_table

UI_DIR = Path(reader.ui.__file__).parent


def module_name(path: Path) -> str:
    """reader/ui/list/list_panel.py -> reader.ui.list.list_panel (a package for __init__.py)."""
    parts = path.relative_to(UI_DIR).with_suffix("").parts
    return ".".join(("reader.ui", *(p for p in parts if p != "__init__")))


def t_literals() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(UI_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = path.name
    return found


def test_every_t_literal_has_an_arabic_entry() -> None:
    for path in sorted(UI_DIR.rglob("*.py")):
        importlib.import_module(module_name(path))
    table = arabic_table()
    literals = t_literals()
    assert len(literals) > 50
    missing = {text: where for text, where in literals.items() if text not in table}
    assert missing == {}


def test_translations_use_only_known_placeholders() -> None:
    """An Arabic entry may drop a placeholder (the singular "one file" has no number) but never
    invent one, which would raise KeyError at format time."""
    import re

    for path in sorted(UI_DIR.rglob("*.py")):
        importlib.import_module(module_name(path))
    for english, arabic in arabic_table().items():
        names = re.compile(r"\{(\w*)[^}]*\}")
        assert set(names.findall(arabic)) <= set(names.findall(english)), english
