"""The loading part of the status bar: stage, count, time left, a progress bar and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reader.library import LoadProgress
from reader.ui.i18n import add_arabic, t

add_arabic(
    {
        "Reading files": "قراءة الملفات",
        "Scanning the folder": "فحص المجلد",
        "Finding entities": "استخراج الكيانات",
        "Indexing": "الفهرسة",
        "Cancel": "إلغاء",
        "{done:,} / {total:,}": "{done:,} / {total:,}",
        "about {seconds} s left": "بقي نحو {seconds} ث",
        "{n:,} files skipped": "تُخطّي {n:,} ملفاً",
        "1 file skipped": "تُخطّي ملف واحد",
    }
)

STAGE_LABELS = {
    "scan": "Scanning the folder",
    "parse": "Reading files",
    "entities": "Finding entities",
    "index": "Indexing",
}


def skipped_label(n: int) -> str:
    return t("1 file skipped") if n == 1 else t("{n:,} files skipped").format(n=n)


def seconds_left(done: int, total: int, elapsed: float) -> int | None:
    """A linear estimate of the time left in a stage; None until there is something to go on."""
    if done <= 0 or total <= done or elapsed < 0.3:
        return None
    return max(1, round(elapsed / done * (total - done)))


class LoadStatus(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_label = QLabel()
        self.count_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelLoad")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.stage_label, self.bar, self.count_label, self.cancel_button):
            layout.addWidget(w)
        self._stage = ""
        self._stage_started = 0.0
        self.last: LoadProgress | None = None
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.cancel_button.setText(t("Cancel"))
        if self.last is not None:
            self.show_progress(self.last)

    def show_progress(self, progress: LoadProgress) -> None:
        now = time.monotonic()
        if progress.stage != self._stage:
            self._stage, self._stage_started = progress.stage, now
        self.last = progress
        self.setVisible(True)
        self.stage_label.setText(t(STAGE_LABELS.get(progress.stage, "Reading files")))
        self.bar.setMaximum(max(1, progress.total))
        self.bar.setValue(min(progress.done, progress.total))
        text = t("{done:,} / {total:,}").format(done=progress.done, total=progress.total)
        left = seconds_left(progress.done, progress.total, now - self._stage_started)
        if left is not None:
            text += " · " + t("about {seconds} s left").format(seconds=left)
        self.count_label.setText(text)

    def finish(self) -> None:
        self.last = None
        self._stage = ""
        self.setVisible(False)
