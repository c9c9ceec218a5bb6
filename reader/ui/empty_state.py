"""One sentence saying why the list is empty and what to do, with that action as a button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from reader.ui.i18n import add_arabic, t
from reader.ui.plain import plain_label

add_arabic(
    {
        "No folder is open. Open one with File › Open Folder… (Ctrl+O) or drop it here.": (
            "لا يوجد مجلد مفتوح. افتح مجلداً من ملف › فتح مجلد… (Ctrl+O) أو أسقطه هنا."
        ),
        "This folder holds no article that could be read.": "لا يحتوي هذا المجلد على مقال يمكن قراءته.",
        "No article matches «{query}». Remove a filter or check the spelling.": (
            "لا يوجد مقال يطابق «{query}». أزل عامل تصفية أو تحقق من الإملاء."
        ),
        "No article matches the current filters. Remove a filter.": (
            "لا يوجد مقال يطابق عوامل التصفية الحالية. أزل عامل تصفية."
        ),
        "Open Folder…": "فتح مجلد…",
        "Clear search and filters": "مسح البحث وعوامل التصفية",
        "Loading…": "جارٍ التحميل…",
    }
)


class EmptyState(QWidget):
    action_requested = Signal(str)  # "open" | "clear"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        # the query quoted in it is the user's text: plain text
        self.label = plain_label()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setObjectName("emptyMessage")
        self.button = QPushButton()
        self.button.setObjectName("emptyAction")
        self.button.clicked.connect(lambda: self.action_requested.emit(self._action))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._action = ""
        self._message: tuple[str, dict[str, str]] = ("", {})

    def set_message(self, message: str, action: str = "", **values: str) -> None:
        """``message`` is the English source text; it is translated here so a language switch can redo it."""
        self._action = action
        self._message = (message, values)
        self.retranslate()

    def retranslate(self) -> None:
        message, values = self._message
        self.label.setText(t(message).format(**values) if message else "")
        labels = {"open": t("Open Folder…"), "clear": t("Clear search and filters")}
        self.button.setText(labels.get(self._action, ""))
        self.button.setVisible(self._action in labels)
