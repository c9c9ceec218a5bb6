"""Every string the interface shows, collected from a live window (for the language tests).

Article text (list rows, facet values, the reading pane's document, table cells of file names and
reasons) is data, not interface, and is not collected; everything around it is: labels, buttons,
placeholders, tooltips, status tips, window titles, menus and their actions, combo box items,
table headers and the status bar's message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QWidget,
)

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")
# what stays Latin in the Arabic interface: key names, format names, the language's own name,
# the query language's OR, file extensions
ALLOWED = re.compile(
    r"(?:Ctrl|Shift|Alt|Esc|Enter|Space|Delete|Del|F\d+|Tab)(?:\+\S+)?"
    r"|JSON Lines|JSON|CSV|English|\bOR\b|\.[A-Za-z0-9]{1,5}\b|\b[A-Za-z]\b"
)


def untranslated(text: str, also_allowed: tuple[str, ...] = ()) -> bool:
    """True for Latin-only interface text: Latin letters, no Arabic, once the allowed names
    (and ``also_allowed``, e.g. the folder's own name) are taken out."""
    if _ARABIC.search(text):
        return False
    for allowed in also_allowed:
        if allowed:
            text = text.replace(allowed, " ")
    text = text.replace("&", "")
    return bool(_LATIN.search(ALLOWED.sub(" ", text)))


def _menu_strings(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where} menu title", menu.title()
    for action in menu.actions():
        yield from _action_strings(action, f"{where} › {action.text()!r}")


def _action_strings(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} text", action.text()
    if action.toolTip() != action.text().replace("&", ""):  # Qt's default tooltip is the text
        yield f"{where} tooltip", action.toolTip()
    yield f"{where} status tip", action.statusTip()
    if action.menu() is not None:
        yield from _menu_strings(action.menu(), where)


def _header_strings(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None or isinstance(view, QListView):
        return
    columns = model.columnCount(QModelIndex())
    for column in range(columns):
        value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str) and columns > 1:
            yield f"{where} header {column}", value


def widget_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for ``root`` and every widget in it."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
        if widget.isWindow():
            yield f"{name} window title", widget.windowTitle()
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} status tip", widget.statusTip()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield f"{name} text", widget.text()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item {i}", widget.itemText(i)
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                if item is not None:
                    yield f"{name} header {column}", item.text()
        elif isinstance(widget, QAbstractItemView):
            yield from _header_strings(widget, name)
        for action in widget.actions():
            yield from _action_strings(action, f"{name} action")
        if isinstance(widget, QMainWindow):
            yield "status bar message", widget.statusBar().currentMessage()
            for action in widget.menuBar().actions():
                if action.menu() is not None:
                    yield from _menu_strings(action.menu(), "menu bar")
