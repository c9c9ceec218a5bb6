"""The Arabic interface says everything in Arabic (issue 19): a walk over every widget, action,
menu, tooltip, status message and dialog of a working window fails on any Latin-only string."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from ui_fixtures import QT_OFFSCREEN_NOISE, open_and_wait, write_folder
from ui_walk import untranslated, widget_strings

from reader.model import LoadProblem
from reader.ui.window.shortcuts_dialog import ShortcutsDialog

pytestmark = pytest.mark.qt_log_ignore(QT_OFFSCREEN_NOISE)


def test_the_walk_tells_latin_only_text() -> None:
    assert untranslated("Newest first")
    assert untranslated("files skipped 23")
    assert not untranslated("الأحدث أولاً")
    assert not untranslated("Ctrl+O")
    assert not untranslated("JSON Lines (*.jsonl)")
    assert not untranslated("English")
    assert not untranslated("فتح مجلد… (Ctrl+O)")
    assert not untranslated("42")


def test_no_untranslated_string_in_the_arabic_interface(qtbot, make_window, tmp_path):
    folder = write_folder(tmp_path / "news")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4")  # a skipped file: the status button shows
    window = make_window(language="ar")
    open_and_wait(qtbot, window, folder)
    window.set_language("en")
    window.set_language("ar")  # a switch back and forth leaves nothing in English behind
    window.status.show_problems()
    window.show_shortcuts()
    window.actions_.fill_recent(window.settings.recent_folders, window.open_folder)
    window.status.set_problems([*window.library.problems, LoadProblem("x.docx", "not an article")])
    found = []
    roots = [window, *QApplication.topLevelWidgets()]
    assert any(isinstance(w, ShortcutsDialog) for w in roots)
    for root in dict.fromkeys(roots):
        for where, text in widget_strings(root):
            if text and untranslated(text, also_allowed=(str(folder), folder.name)):
                found.append(f"{where}: {text!r}")
    assert found == [], "\n".join(found)
    assert folder.name in window.windowTitle()


def test_menu_shortcuts_read_left_to_right_in_arabic(qtbot, make_window):
    window = make_window(language="ar")
    shown = {
        a.text().split("\t")[0]: a.text()
        for a in vars(window.actions_).values()
        if hasattr(a, "shortcut") and not a.shortcut().isEmpty()
    }
    assert shown
    for text in shown.values():
        # the key after the tab, embedded left to right: "Ctrl+=" is never drawn "=+Ctrl"
        assert "\t\u202a" in text and text.endswith("\u202c"), text
    window.set_language("en")
    assert all("\t" not in a.text() for a in vars(window.actions_).values() if hasattr(a, "text"))


def test_one_arabic_term_for_entities() -> None:
    import importlib
    import pkgutil

    import reader.ui
    from reader.ui.common.i18n import arabic_table

    for module in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        importlib.import_module(module.name)
    table = arabic_table()
    assert not [v for v in table.values() if "كائن" in v]
    assert all("كيان" in v for k, v in table.items() if "entit" in k.lower()), [
        v for k, v in table.items() if "entit" in k.lower() and "كيان" not in v
    ]


def test_message_boxes_are_in_arabic_too(qtbot, make_window, tmp_path, monkeypatch):
    """The modal boxes (a folder that cannot be opened, clearing the cache, what could not be
    cleared): each is walked as it opens, then closed."""
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.status.cache_dialog import Cleared, confirm_clear, report_errors

    window = make_window(language="ar")
    seen: list[str] = []

    # what the boxes quote is data: the path asked for, the system's error for a file
    quoted = (str(tmp_path / "missing"), "a.db: Permission denied")

    def walk_instead_of_exec(box: QMessageBox) -> int:
        for where, text in widget_strings(box):
            if text and untranslated(text, also_allowed=quoted):
                seen.append(f"{box.objectName()} {where}: {text!r}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", walk_instead_of_exec)
    window.open_folder(tmp_path / "missing")
    confirm_clear(window, 0)
    confirm_clear(window, 123_456)
    report_errors(window, Cleared(0, ("a.db: Permission denied",)))
    assert seen == [], "\n".join(seen)
