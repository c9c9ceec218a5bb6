"""The loading part of the status bar: stage, count, time left, a progress bar and Cancel.

A load runs in stages (``reader.library.loading`` reports them as ``LoadProgress``): scanning the folder,
reading files (from the disk cache and by parsing), indexing, then, in a second task, finding
entities and indexing them. Each stage gets its own label, count and time-left estimate: the
stages run at very different speeds, so one estimate across stages would be meaningless.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reader.library.library import LoadProgress
from reader.ui.common.i18n import add_arabic, t

add_arabic(
    {
        "Scanning the folder": "فحص المجلد",
        "Reading from the cache": "القراءة من ذاكرة التخزين المؤقت",
        "Reading files": "قراءة الملفات",
        "Indexing": "الفهرسة",
        "Saving the index": "حفظ الفهرس",
        "Finding entities": "استخراج الكيانات",
        "Indexing the entities": "فهرسة الكيانات",
        "Cancel": "إلغاء",
        "Loading progress": "تقدّم التحميل",
        "Cancelling…": "جارٍ الإلغاء…",
        "Stop loading; the folder open before stays open": "إيقاف التحميل؛ يبقى المجلد المفتوح من قبل مفتوحاً",
        "{done:,} / {total:,} files": "{done:,} / {total:,} ملف",
        "{done:,} / {total:,} articles": "{done:,} / {total:,} مقال",
        "about {seconds} s left": "بقي نحو {seconds} ث",
        "about {minutes} min left": "بقي نحو {minutes} د",
        "about {hours} h {minutes} min left": "بقي نحو {hours} س و{minutes} د",
        "{n:,} files skipped": "تُخطّي {n:,} ملفاً",
        "1 file skipped": "تُخطّي ملف واحد",
        "{n:,} files with problems": "ملفات فيها مشكلات: {n:,}",
        "1 file with problems": "ملف واحد فيه مشكلات",
    }
)

# every stage name reader/library/loading.py reports (the entity stage included), and the two the
# loading code may add ("cache": rows answered by the disk cache, "save": the index snapshot)
STAGE_LABELS = {
    "scan": "Scanning the folder",
    "cache": "Reading from the cache",
    "parse": "Reading files",
    "index": "Indexing",
    "save": "Saving the index",
    "entities": "Finding entities",
}
# what the stage counts: files while reading, articles afterwards
_COUNTS_FILES = {"cache", "parse"}
# an estimate needs this long of a stage to go on; earlier figures jump about
MIN_ELAPSED_S = 1.0


def skipped_label(n: int) -> str:
    return t("1 file skipped") if n == 1 else t("{n:,} files skipped").format(n=n)


def problems_label(skipped: int, with_problems: int) -> str:
    """The status bar's count: the files skipped (no article read from them) when there are
    some, else the files read with a problem (a bad row, a left-out line)."""
    if skipped or not with_problems:
        return skipped_label(skipped)
    if with_problems == 1:
        return t("1 file with problems")
    return t("{n:,} files with problems").format(n=with_problems)


def stage_label(stage: str, *, after_entities: bool = False) -> str:
    if stage == "index" and after_entities:
        return t("Indexing the entities")
    return t(STAGE_LABELS.get(stage, "Reading files"))


def seconds_left(done: int, total: int, elapsed: float) -> int | None:
    """A linear estimate of the time left: ``done`` items took ``elapsed`` seconds; None until
    there is something to go on (nothing done yet, too early, or the stage is complete)."""
    if done <= 0 or total <= done or elapsed < MIN_ELAPSED_S:
        return None
    return max(1, round(elapsed / done * (total - done)))


def time_left_text(seconds: int) -> str:
    """ "about 40 s left", "about 14 min left", "about 1 h 20 min left": seconds only while they
    matter; a 14-minute stage counted in seconds would flicker and say nothing more."""
    if seconds < 60:
        return t("about {seconds} s left").format(seconds=seconds)
    minutes = round(seconds / 60)
    if minutes < 60:
        return t("about {minutes} min left").format(minutes=minutes)
    return t("about {hours} h {minutes} min left").format(hours=minutes // 60, minutes=minutes % 60)


def count_text(progress: LoadProgress) -> str:
    if progress.total <= 0:
        return ""
    template = (
        "{done:,} / {total:,} files"
        if progress.stage in _COUNTS_FILES
        else "{done:,} / {total:,} articles"
    )
    return t(template).format(done=min(progress.done, progress.total), total=progress.total)


class LoadStatus(QWidget):
    """Shown while a folder loads; ``finish`` hides it when the loader is idle again."""

    cancel_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loadStatus")
        self._clock = clock
        self.stage_label = QLabel()
        self.stage_label.setObjectName("loadStage")
        self.count_label = QLabel()
        self.count_label.setObjectName("loadCount")
        self.bar = QProgressBar()
        self.bar.setObjectName("loadBar")
        self.bar.setMinimumWidth(120)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelLoad")
        self.cancel_button.clicked.connect(self._cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.stage_label, self.bar, self.count_label, self.cancel_button):
            layout.addWidget(w)
        self.last: LoadProgress | None = None
        self.cancelling = False
        self._reset()
        self.retranslate()
        self.setVisible(False)

    def _reset(self) -> None:
        self._stage = ""
        # (time, done) at the first report of the stage with some work done: the rate is measured
        # from there, so a slow start (worker processes loading the entity model) or a first
        # jump (a batch answered by the cache) does not skew the estimate
        self._anchor: tuple[float, int] | None = None
        self._after_entities = False
        self._left: int | None = None

    def retranslate(self) -> None:
        self.cancel_button.setText(t("Cancel"))
        self.bar.setAccessibleName(t("Loading progress"))
        self.cancel_button.setToolTip(t("Stop loading; the folder open before stays open"))
        if self.cancelling:
            self.stage_label.setText(t("Cancelling…"))
        elif self.last is not None:
            self._render(self.last)

    def show_progress(self, progress: LoadProgress) -> None:
        if self.cancelling:
            return  # reports still in flight from the stopped task
        now = self._clock()
        if progress.stage != self._stage:
            if self._stage == "entities":
                self._after_entities = True
            self._stage, self._anchor = progress.stage, None
        if self._anchor is None and progress.done > 0:
            self._anchor = (now, progress.done)
        left = None
        if self._anchor is not None:
            start, first = self._anchor
            left = seconds_left(progress.done - first, progress.total - first, now - start)
        self.last, self._left = progress, left
        self.setVisible(True)
        self._render(progress)

    def _render(self, progress: LoadProgress) -> None:
        self.stage_label.setText(stage_label(progress.stage, after_entities=self._after_entities))
        if progress.total <= 0:
            self.bar.setRange(0, 0)  # how much there is to do is not known yet: a busy bar
        else:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        text = count_text(progress)
        if self._left is not None:
            text += " · " + time_left_text(self._left)
        self.count_label.setText(text)
        # the label only grows during a load: a shorter text ("about 9 s" after "about 14 min")
        # must not pull the Cancel button back and forth under the pointer
        hint = self.count_label.sizeHint().width()
        if hint > self.count_label.minimumWidth():
            self.count_label.setMinimumWidth(hint)

    def _cancel_clicked(self) -> None:
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(t("Cancelling…"))
        self.cancel_requested.emit()

    def begin(self) -> None:
        """A new load starts; one cancelled just before may never report its end (the loader
        drops the signals of a task it has replaced), so its "Cancelling…" ends here."""
        self.finish()

    def finish(self) -> None:
        """The loader is idle: nothing to show until the next load."""
        self.last = None
        self.cancelling = False
        self.cancel_button.setEnabled(True)
        self.stage_label.clear()
        self.count_label.clear()
        self.count_label.setMinimumWidth(0)
        self._reset()
        self.setVisible(False)
