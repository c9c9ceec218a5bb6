"""Text from articles and from disk shown by Qt exactly as written, never as markup (issue 17, 9).

Qt guesses: a tooltip, a QLabel in its default ``Qt.AutoText`` and a message box render their text
as HTML when ``Qt.mightBeRichText`` says it looks like HTML, and that HTML may load a local image
(``<img src="/some/file.png">``). Every widget that shows such text goes through one of these:

- ``tooltip_text``: a tooltip (or ``ToolTipRole``) that shows the text as written;
- ``plain_label`` / ``make_plain``: a QLabel that never reads markup;
- ``menu_text``: an action's text, where ``&`` marks a shortcut letter and a tab starts the key;
- ``window_title``: a window title, where ``[*]`` is the modified-marker placeholder;
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from reader.bidi import first_strong_direction
from reader.ui.common.i18n import add_arabic, t

add_arabic({"OK": "حسناً"})

# ZWNJ and ZWJ shape Persian and Arabic words (format characters that a name may rightly hold)


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip that shows it literally.

    Text Qt would show as plain stays as it is; text that looks like HTML becomes escaped rich
    text (a paragraph, newlines as line breaks), which Qt then shows character for character.
    """
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return "<p>" + html.escape(text).replace("\n", "<br/>") + "</p>"


def make_plain(label: QLabel) -> QLabel:
    """``label`` set to show its text as plain text, whatever it holds."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    return make_plain(QLabel(text, parent))


def menu_text(text: str) -> str:
    """``text`` for a QAction or menu: a literal ``&`` is doubled, a tab shown as a space."""
    return text.replace("&", "&&").replace("\t", " ")


def window_title(text: str) -> str:
    """``text`` for ``setWindowTitle``: a literal ``[*]`` is written ``[*][*]``."""
    return text.replace("[*]", "[*][*]")


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box whose text is shown as written (QMessageBox guesses, like a QLabel)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("plainWarning")
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Qt's own "OK" stays English without Qt's translation files
    box.button(QMessageBox.StandardButton.Ok).setText(t("OK"))
    box.exec()


def isolated(text: str) -> str:
    """``text`` embedded in its own direction (LRE or RLE … PDF): a path, a date or a count
    keeps its order inside a sentence of the other direction ("7 December 2023" stays so in a
    right-to-left line, not "December 2023 7"). Embeddings, not the newer isolates: Qt's text
    layout ignores FSI/LRI."""
    if not text:
        return text
    opening = "\u202b" if first_strong_direction(text, "ltr") == "rtl" else "\u202a"
    return f"{opening}{text}\u202c"
