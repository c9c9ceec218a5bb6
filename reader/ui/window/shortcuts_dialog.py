"""The keyboard help (F1 or ?): every shortcut of the window in one table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.common.i18n import add_arabic, t

add_arabic(
    {
        "Keyboard shortcuts": "اختصارات لوحة المفاتيح",
        "Key": "المفتاح",
        "Action": "الإجراء",
        "Next / previous article": "المقال التالي / السابق",
        "Open the article (focus the reading pane)": "فتح المقال (الانتقال إلى جزء القراءة)",
        "Focus the search box": "الانتقال إلى مربع البحث",
        "Clear the search": "مسح البحث",
        "Star / unstar": "تمييز بنجمة / إلغاؤه",
        "Mark read / unread": "مقروء / غير مقروء",
        "Add one of my own tags": "إضافة وسم خاص",
        "Save the current search": "حفظ البحث الحالي",
        "Open a folder": "فتح مجلد",
        "Zoom in / out / reset": "تكبير / تصغير / إعادة الحجم",
        "Export the current result": "تصدير النتيجة الحالية",
        "This help": "هذه المساعدة",
        "Close": "إغلاق",
    }
)

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("↓ ↑  j k", "Next / previous article"),
    ("Enter  Space", "Open the article (focus the reading pane)"),
    ("Ctrl+F", "Focus the search box"),
    ("Esc", "Clear the search"),
    ("s", "Star / unstar"),
    ("m", "Mark read / unread"),
    ("t", "Add one of my own tags"),
    ("Ctrl+Shift+S", "Save the current search"),
    ("Ctrl+O", "Open a folder"),
    ("Ctrl+=  Ctrl+-  Ctrl+0", "Zoom in / out / reset"),
    ("Ctrl+E", "Export the current result"),
    ("F1  ?", "This help"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        table = QTableWidget(len(SHORTCUTS), 2, self)
        for row in range(len(SHORTCUTS)):
            table.setItem(row, 0, QTableWidgetItem())
            table.setItem(row, 1, QTableWidgetItem())
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._close = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.retranslate()
        self.resize(520, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(t("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([t("Key"), t("Action")])
        for row, (keys, what) in enumerate(SHORTCUTS):
            # keys read left to right in the Arabic interface too ("Ctrl+=", not "=+Ctrl")
            for column, text in ((0, f"\u202a{keys}\u202c"), (1, t(what))):
                item = self.table.item(row, column)
                if item is not None:  # every cell is made with the table
                    item.setText(text)
        self.table.resizeColumnsToContents()
        if self._close is not None:
            self._close.setText(t("Close"))
