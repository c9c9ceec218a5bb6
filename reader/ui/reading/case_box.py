"""Under the reading pane: the reader's own tags and note on the article shown (issue 18).

Own tags are added in a line with completion over the tags already used (T focuses it, Enter
adds, a comma separates several); each tag is a button that removes it. The note is plain text,
each paragraph set in its own direction (Arabic right to left, Latin left to right), saved as
you type: every change goes to the user state at once and the state is written after a short
pause, so a crash loses at most that pause, and nothing needs a Save button.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.storage.state import UserState
from reader.ui.common.i18n import add_arabic, t
from reader.ui.common.plain import tooltip_text

add_arabic(
    {
        "My tags:": "وسومي:",
        "Add my tag… (T)": "أضف وسمًا خاصًا… (T)",
        "Remove my tag {tag}": "إزالة الوسم {tag}",
        "My note (saved as you type)…": "ملاحظتي (تُحفظ أثناء الكتابة)…",
    }
)

# the note reaches the state at once; the file is written this long after the last key
NOTE_SAVE_MS = 400


# the tallest the note editor grows before it scrolls
NOTE_MAX_LINES = 6


class CaseBox(QWidget):
    # an own tag or the note changed ("tags" or "note"): the window saves and re-counts
    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseBox")
        self._state: UserState | None = None
        self._article_id: str | None = None
        self._label = QLabel()
        self._tags_row = QHBoxLayout()
        self._tags_row.setContentsMargins(0, 0, 0, 0)
        self.tag_input = QLineEdit()
        self.tag_input.setObjectName("myTagInput")
        self.tag_input.setClearButtonEnabled(True)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_input.setCompleter(completer)
        self.tag_input.returnPressed.connect(self._add_typed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._label)
        row.addLayout(self._tags_row)
        row.addWidget(self.tag_input, 1)
        # a QTextEdit taking plain text only: QPlainTextEdit lays every paragraph out from the
        # left, so an Arabic paragraph would not sit on the right
        self.note_edit = QTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setAcceptRichText(False)
        option = self.note_edit.document().defaultTextOption()
        # each paragraph takes the direction of its first strong letter
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.note_edit.document().setDefaultTextOption(option)
        self.note_edit.textChanged.connect(self._note_edited)
        # as tall as its text, one line when empty and at most a few: the article keeps the
        # height (at 1024x700 a fixed editor left one line of the article showing)
        self.note_edit.document().documentLayout().documentSizeChanged.connect(self._fit_note)
        self._fit_note()
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(NOTE_SAVE_MS)
        self.save_timer.timeout.connect(lambda: self.changed.emit("note"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(row)
        layout.addWidget(self.note_edit)
        self._loading = False
        self.retranslate()
        self.show_article(None, None)

    def _fit_note(self, *_: object) -> None:
        edit = self.note_edit
        line = edit.fontMetrics().lineSpacing()
        frame = 2 * edit.frameWidth() + int(2 * edit.document().documentMargin())
        content = int(edit.document().size().height()) + 2 * edit.frameWidth()
        edit.setFixedHeight(max(line + frame, min(content, NOTE_MAX_LINES * line + frame)))

    def retranslate(self) -> None:
        self._label.setText(t("My tags:"))
        self.tag_input.setPlaceholderText(t("Add my tag… (T)"))
        self.note_edit.setPlaceholderText(t("My note (saved as you type)…"))
        self._show_tags()

    @property
    def article_id(self) -> str | None:
        return self._article_id

    def show_article(self, article_id: str | None, state: UserState | None) -> None:
        """Show (and edit) the tags and note of ``article_id`` in ``state``."""
        if self.save_timer.isActive():  # the previous article's note is written first
            self.save_timer.stop()
            self.changed.emit("note")
        self._article_id, self._state = article_id, state
        enabled = article_id is not None and state is not None
        self.setEnabled(enabled)
        self._loading = True
        try:
            text = state.article_note(article_id) if state and article_id is not None else ""
            if self.note_edit.toPlainText() != text:
                self.note_edit.setPlainText(text)
        finally:
            self._loading = False
        self._show_tags()
        self._completions.setStringList(list(state.all_my_tags()) if state is not None else [])

    def add_tags(self, text: str) -> None:
        """Add the comma-separated tags of ``text`` (Arabic comma too) to the article shown."""
        if self._state is None or self._article_id is None:
            return
        tags = [part for part in text.replace("،", ",").split(",") if part.strip()]
        if not tags:
            return
        before = self._state.my_tags(self._article_id)
        self._state.set_my_tags(self._article_id, (*before, *tags))
        if self._state.my_tags(self._article_id) != before:
            self._after_tags()

    def remove_tag(self, tag: str) -> None:
        if self._state is None or self._article_id is None:
            return
        self._state.remove_my_tag(self._article_id, tag)
        self._after_tags()

    def _after_tags(self) -> None:
        self._show_tags()
        if self._state is not None:
            self._completions.setStringList(list(self._state.all_my_tags()))
        self.changed.emit("tags")

    def _add_typed(self) -> None:
        self.add_tags(self.tag_input.text())
        self.tag_input.clear()

    def _show_tags(self) -> None:
        while self._tags_row.count():
            item = self._tags_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if self._state is None or self._article_id is None:
            return
        for tag in self._state.my_tags(self._article_id):
            button = QToolButton()
            button.setObjectName("myTagChip")
            button.setText(f"{tag} ×")
            button.setToolTip(tooltip_text(t("Remove my tag {tag}").format(tag=tag)))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, v=tag: self.remove_tag(v))
            self._tags_row.addWidget(button)

    def _note_edited(self) -> None:
        if self._loading or self._state is None or self._article_id is None:
            return
        self._state.set_article_note(self._article_id, self.note_edit.toPlainText())
        self.save_timer.start()

    def tag_texts(self) -> list[str]:
        """The own tags shown (for tests and screenshots)."""
        return (
            list(self._state.my_tags(self._article_id)) if self._state and self._article_id else []
        )
